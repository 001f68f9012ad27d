import { ATTACHED_POLICY_QUOTA } from '../../policy/iamLimits';
import { useAccountRefresh } from './accountQueries';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import ReplayIcon from '@mui/icons-material/Replay';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { useEffect, useId, useMemo, useState } from 'react';
import { call, toApiError, type ApiError } from '../../api/client';
import { useCatalog } from '../../editor/useCatalog';
import type { PolicyInfo, RoleInfo } from '../../api/contract';
import { AccountTarget } from './AccountTarget';
import { ApiErrorAlert } from './ApiErrorAlert';
import { CancelledAlert } from './CancelledAlert';
import { isSuccess, statusText } from './attachResults';
import {
  DESCRIPTION_MAX,
  ROLE_NAME_MAX,
  SESSION_HOURS_MAX,
  SESSION_HOURS_MIN,
  descriptionProblem,
  roleNameProblem,
  servicePrincipalProblem,
} from '../../policy/iamLimits';
import { ManagedPolicyPicker, type PolicyOption } from './ManagedPolicyPicker';
import { ServicePrincipalField } from './ServicePrincipalField';
import { currentSession } from './sessionStore';
import { serviceWord } from '../../policy/suggestName';
import { checkTrustPolicy, serviceTrustPolicy, trustServices } from './trustPolicy';
import { TrustPolicyField } from './TrustPolicyField';
import { useCancellable } from './useCancellable';
import { usePolicies } from './usePolicies';
import { useRoleAttachments } from './useRoleAttachments';
import { useSession } from './useSession';

const HOURS = Array.from(
  { length: SESSION_HOURS_MAX - SESSION_HOURS_MIN + 1 },
  (_, i) => i + SESSION_HOURS_MIN,
);

type TrustMode = 'services' | 'custom';

export interface RoleForServiceDialogProps {
  readonly open: boolean;
  readonly onClose: () => void;
  /** the policy just created, offered for attaching */
  readonly policy: PolicyInfo | null;
}

function suggestRoleName(services: readonly string[], policy: PolicyInfo | null): string {
  const first = services[0]?.replace(/\.amazonaws\.com(\.cn)?$/, '');
  const parts = [first ? serviceWord(first) : 'Service', policy?.name, 'Role'].filter(Boolean);
  return parts
    .join('-')
    .replace(/[^\w+=,.@-]/g, '')
    .slice(0, ROLE_NAME_MAX);
}

/**
 * "Create a role for an AWS service": the trusted service (or a custom trust policy), the role's
 * name, description and session duration; then the new policy and any managed policies attached.
 * A role once created is never created again: retries only attach what failed.
 */
export function RoleForServiceDialog({ open, onClose, policy }: RoleForServiceDialogProps) {
  const refresh = useAccountRefresh();
  const titleId = useId();
  const { view, loader, version } = useCatalog();
  const { state: sessionState } = useSession();
  const session = currentSession(sessionState);
  const connected = Boolean(session?.connected);

  const [mode, setMode] = useState<TrustMode>('services');
  const [services, setServices] = useState<string[]>([]);
  const [custom, setCustom] = useState<string | null>(null);
  const [roleName, setRoleName] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [hours, setHours] = useState(1);
  const [attachNew, setAttachNew] = useState(true);
  const [extra, setExtra] = useState<PolicyOption[]>([]);
  const [role, setRole] = useState<RoleInfo | null>(null);
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  /** what the user cancelled: the create, or the attachments after it */
  const [cancelled, setCancelled] = useState<'createRole' | 'attachToRole' | null>(null);
  const attachments = useRoleAttachments();
  const cancellable = useCancellable();

  // AWS managed policies from the catalog, customer managed ones from the account
  const [awsManaged, setAwsManaged] = useState<readonly PolicyOption[] | null>(null);
  useEffect(() => {
    if (!open || awsManaged) return;
    let live = true;
    loader
      .managedPolicies()
      .then(
        (list) =>
          live &&
          setAwsManaged(
            list
              // service-linked role policies are attached by AWS only (IAM: PolicyNotAttachable)
              .filter((p) => !p.arn.includes(':policy/aws-service-role/'))
              .map((p) => ({ name: p.name, arn: p.arn, group: 'AWS managed' as const })),
          ),
      )
      .catch(() => live && setAwsManaged([]));
    return () => {
      live = false;
    };
  }, [open, awsManaged, loader]);
  const customer = usePolicies('', open && connected);
  const options = useMemo(
    () => [
      ...customer.policies
        .filter((p) => p.arn !== policy?.arn)
        .map((p): PolicyOption => ({ name: p.name, arn: p.arn, group: 'Customer managed' })),
      ...(awsManaged ?? []),
    ],
    [customer.policies, awsManaged, policy],
  );

  const trustText =
    mode === 'services' ? serviceTrustPolicy(services) : (custom ?? serviceTrustPolicy(services));
  const needed = useMemo(() => trustServices(trustText), [trustText]);
  useEffect(() => {
    void loader.loadServices(needed).catch(() => undefined);
  }, [loader, needed]);
  const trust = useMemo(() => {
    void version; // re-check as service details arrive
    return checkTrustPolicy(trustText, view);
  }, [trustText, view, version]);

  const name = roleName ?? suggestRoleName(services, policy);
  const nameProblem = roleNameProblem(name);
  const descriptionIssue = descriptionProblem(description, { latin1: true });
  const serviceIssue =
    mode === 'services'
      ? services.length === 0
        ? 'Choose the AWS service that will assume the role.'
        : services.map(servicePrincipalProblem).find(Boolean)
      : undefined;
  const trustIssue =
    mode === 'custom' && (trust.errors.length > 0 || trust.over)
      ? trust.over
        ? `The trust policy is over IAM's ${trust.quota.toLocaleString('en-US')}-character quota.`
        : 'Fix the trust policy errors first.'
      : undefined;
  const toAttach = [...(policy && attachNew ? [{ name: policy.name, arn: policy.arn }] : []), ...extra];
  const quotaIssue =
    toAttach.length > ATTACHED_POLICY_QUOTA
      ? `A role can have at most ${ATTACHED_POLICY_QUOTA} managed policies; you chose ${toAttach.length}.`
      : undefined;
  const blocked = !connected
    ? 'Not connected to an account.'
    : (serviceIssue ?? trustIssue ?? nameProblem ?? descriptionIssue ?? quotaIssue);

  const pending = toAttach.filter((p) => !attachments.succeeded(p.arn));
  const busy = creating || attachments.busy;

  const create = async () => {
    const signal = cancellable.start();
    setError(null);
    setCancelled(null);
    let created = role;
    if (!created) {
      setCreating(true);
      try {
        const out = await call(
          'createRole',
          {
            name,
            ...(description.trim() ? { description } : {}),
            maxSessionDuration: hours * 3600,
            trust:
              mode === 'services' ? { kind: 'services', services } : { kind: 'custom', document: trustText },
          },
          { signal },
        );
        created = out.role;
        setRole(out.role);
        refresh.changed();
      } catch (e) {
        if (signal.aborted) {
          // The role may have been made before the cancel: read the lists again.
          setCancelled('createRole');
          refresh.changed();
          return;
        }
        const failure = toApiError(e);
        setError(failure);
        refresh.failed(failure);
        return;
      } finally {
        setCreating(false);
      }
    }
    if (pending.length > 0) {
      await attachments.attach(created.name, pending, signal);
      if (signal.aborted) setCancelled('attachToRole');
      refresh.changed(); // the role's attached count is known only now
    }
  };

  const done = () => {
    onClose();
    setMode('services');
    setServices([]);
    setCustom(null);
    setRoleName(null);
    setDescription('');
    setHours(1);
    setAttachNew(true);
    setExtra([]);
    setRole(null);
    setError(null);
    setCancelled(null);
    attachments.reset();
  };

  const locked = role !== null || busy;

  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="md" aria-labelledby={titleId} scroll="paper">
      <DialogTitle id={titleId}>Create a role for an AWS service</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2.5} sx={{ pt: 1 }}>
          <AccountTarget verb="Creating the role" />
          {!role && (
            <>
              <Typography variant="subtitle2" component="h3" sx={{ mb: -1.5 }}>
                Who may assume the role
              </Typography>
              <ToggleButtonGroup
                exclusive
                size="small"
                value={mode}
                disabled={locked}
                onChange={(_, next: TrustMode | null) => {
                  if (!next) return;
                  if (next === 'custom' && custom === null) setCustom(serviceTrustPolicy(services));
                  setMode(next);
                }}
                aria-label="Who may assume the role"
              >
                <ToggleButton value="services">AWS service</ToggleButton>
                <ToggleButton value="custom">Custom trust policy</ToggleButton>
              </ToggleButtonGroup>
              {mode === 'services' ? (
                <Stack spacing={1}>
                  <ServicePrincipalField value={services} onChange={setServices} disabled={locked} />
                  {services.length > 0 && (
                    <Box
                      component="pre"
                      tabIndex={0}
                      aria-label="Trust policy to create"
                      sx={{
                        m: 0,
                        p: 1,
                        fontSize: 12,
                        maxHeight: 160,
                        bgcolor: 'action.hover',
                        borderRadius: 1,
                        border: 1,
                        borderColor: 'divider',
                        overflow: 'auto',
                      }}
                    >
                      {trustText}
                    </Box>
                  )}
                </Stack>
              ) : (
                <TrustPolicyField value={trustText} onChange={setCustom} check={trust} disabled={locked} />
              )}
              <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
                <TextField
                  label="Role name"
                  value={name}
                  required
                  disabled={locked}
                  onChange={(e) => setRoleName(e.target.value)}
                  error={Boolean(nameProblem)}
                  helperText={
                    nameProblem ?? `${name.length}/${ROLE_NAME_MAX} · letters, digits and + = , . @ _ -`
                  }
                  slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off' } }}
                  sx={{ flex: 2 }}
                />
                <TextField
                  select
                  label="Maximum session duration"
                  value={hours}
                  disabled={locked}
                  onChange={(e) => setHours(Number(e.target.value))}
                  helperText="How long credentials from AssumeRole may last"
                  sx={{ flex: 1, minWidth: 200 }}
                >
                  {HOURS.map((h) => (
                    <MenuItem key={h} value={h}>
                      {h} hour{h === 1 ? '' : 's'}
                    </MenuItem>
                  ))}
                </TextField>
              </Stack>
              <TextField
                label="Role description (optional)"
                value={description}
                disabled={locked}
                onChange={(e) => setDescription(e.target.value)}
                multiline
                maxRows={4}
                error={Boolean(descriptionIssue)}
                helperText={
                  descriptionIssue ??
                  `${description.length}/${DESCRIPTION_MAX.toLocaleString('en-US')} (Latin-1 characters)`
                }
              />
              <Stack spacing={1} component="fieldset" sx={{ border: 0, p: 0, m: 0 }}>
                <Typography component="legend" variant="subtitle2">
                  Policies to attach ({toAttach.length} of at most {ATTACHED_POLICY_QUOTA})
                </Typography>
                {policy && (
                  <FormControlLabel
                    control={
                      <Checkbox
                        checked={attachNew}
                        disabled={locked}
                        onChange={(e) => setAttachNew(e.target.checked)}
                      />
                    }
                    label={`Attach ${policy.name} (the policy just created)`}
                  />
                )}
                <ManagedPolicyPicker
                  options={options}
                  value={extra}
                  onChange={setExtra}
                  loading={awsManaged === null || customer.loading}
                  disabled={locked}
                  helperText={
                    quotaIssue ?? "AWS managed policies and this account's customer managed policies."
                  }
                />
              </Stack>
            </>
          )}
          {error && (
            <ApiErrorAlert error={error} doing="Creating the role">
              {error.findings && error.findings.length > 0 && (
                <List dense disablePadding>
                  {error.findings.map((f, i) => (
                    <ListItem key={`${f.code}-${i}`} disableGutters>
                      <ListItemText primary={f.message} secondary={`${f.code} · ${f.pointer || '/'}`} />
                    </ListItem>
                  ))}
                </List>
              )}
            </ApiErrorAlert>
          )}
          {cancelled && <CancelledAlert call={{ op: cancelled, name: role?.name ?? name }} />}
          {role && (
            <Alert severity="success" role="status">
              <strong>Created the role {role.name}</strong> ({role.arn}), trusted by{' '}
              {mode === 'services' ? services.join(', ') : 'the custom trust policy'}; sessions up to{' '}
              {role.maxSessionDuration / 3600} h.
            </Alert>
          )}
          {attachments.results.size > 0 && (
            <section aria-label="Role attachment results">
              <Typography variant="subtitle2" component="h3" role="status">
                {attachments.results.size - attachments.failed.length} of {attachments.results.size} policies
                attached
                {attachments.failed.length > 0 ? `; ${attachments.failed.length} failed` : ''}
              </Typography>
              <List dense disablePadding>
                {[...attachments.results.values()].map((r) => {
                  const ok = isSuccess(r.result.status);
                  const text = statusText(r.result);
                  return (
                    <ListItem key={r.policyArn} disableGutters sx={{ alignItems: 'flex-start' }}>
                      <ListItemIcon sx={{ minWidth: 32, mt: 0.5 }}>
                        {ok ? (
                          <CheckCircleIcon color="success" fontSize="small" />
                        ) : (
                          <ErrorIcon color="error" fontSize="small" />
                        )}
                      </ListItemIcon>
                      <ListItemText
                        primary={`${r.policyName}: ${text.label}`}
                        secondary={text.detail}
                        slotProps={{ primary: { variant: 'body2', color: ok ? 'textPrimary' : 'error' } }}
                      />
                    </ListItem>
                  );
                })}
              </List>
            </section>
          )}
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 1.5, gap: 1 }}>
        {!role && blocked && (
          <Typography variant="caption" color="text.secondary" sx={{ flex: 1 }} role="status">
            {blocked}
          </Typography>
        )}
        {!role ? (
          <>
            {/* during a call, Cancel stops it and keeps the form; otherwise it closes the dialog */}
            <Button onClick={busy ? cancellable.cancel : onClose}>Cancel</Button>
            <Button variant="contained" disabled={Boolean(blocked) || busy} onClick={() => void create()}>
              {creating ? 'Creating…' : attachments.busy ? 'Attaching…' : 'Create role'}
            </Button>
          </>
        ) : (
          <>
            {busy && <Button onClick={cancellable.cancel}>Cancel</Button>}
            {pending.length > 0 && (
              <Button startIcon={<ReplayIcon />} disabled={busy} onClick={() => void create()}>
                {attachments.busy
                  ? 'Attaching…'
                  : attachments.failed.length > 0
                    ? `Retry failed (${pending.length})`
                    : `Attach the rest (${pending.length})`}
              </Button>
            )}
            <Button variant="contained" onClick={done} disabled={busy}>
              Done
            </Button>
          </>
        )}
      </DialogActions>
    </Dialog>
  );
}
