import { ATTACHED_POLICY_QUOTA } from '../../policy/iamLimits';
import AddModeratorIcon from '@mui/icons-material/AddModerator';
import ReplayIcon from '@mui/icons-material/Replay';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { PolicyInfo } from '../../api/contract';
import { ApiErrorAlert } from './ApiErrorAlert';
import { newTargets, retryTargets } from './attachResults';
import { AttachResultsList } from './AttachResultsList';
import { CancelledAlert } from './CancelledAlert';
import { PrincipalPicker } from './PrincipalPicker';
import type { AttachState } from './useAttach';
import { usePrincipals } from './usePrincipals';

export interface AttachStepProps {
  readonly policy: PolicyInfo;
  readonly accountLabel: string;
  readonly attach: AttachState;
  readonly search: string;
  readonly onSearch: (search: string) => void;
  readonly onCreateRole: () => void;
}

/** Step 3: the policy exists; attach it to any number of users, groups and roles. */
export function AttachStep({
  policy,
  accountLabel,
  attach,
  search,
  onSearch,
  onCreateRole,
}: AttachStepProps) {
  const list = usePrincipals(search, true);
  const toSend = newTargets(attach.selected, attach.results);
  const failed = retryTargets(attach.selected, attach.results);

  const run = (action: () => Promise<void>) => action();

  return (
    <Stack spacing={2} sx={{ pt: 1 }}>
      <Alert severity="success" role="status">
        <strong>Created {policy.name}</strong> in {accountLabel}.{' '}
        <Typography component="span" variant="body2" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
          {policy.arn}
        </Typography>
      </Alert>
      <Typography variant="body2">
        Attach it to users, groups and roles (optional). Each principal can have at most {ATTACHED_POLICY_QUOTA} managed policies
        attached.
      </Typography>
      <PrincipalPicker list={list} search={search} onSearch={onSearch} attach={attach} />
      {attach.error && (
        <ApiErrorAlert
          error={attach.error}
          doing="Attaching the policy"
          action={
            <Button
              color="inherit"
              size="small"
              onClick={() => void run(attach.attachSelected)}
              disabled={attach.busy}
            >
              Retry
            </Button>
          }
        >
          <Typography variant="body2" sx={{ mt: 0.5 }}>
            The policy {policy.name} exists and is kept; no attachment is made twice when you retry.
          </Typography>
        </ApiErrorAlert>
      )}
      {attach.cancelled && <CancelledAlert call={{ op: 'attachPolicy', name: policy.name }} />}
      <AttachResultsList results={attach.results} label="Attachment results" />
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap', rowGap: 1 }}>
        <Button
          variant="contained"
          disabled={toSend.length === 0 || attach.busy}
          onClick={() => void run(attach.attachSelected)}
        >
          {attach.busy
            ? 'Attaching…'
            : toSend.length > 0
              ? `Attach to ${toSend.length} selected`
              : 'Attach to selected'}
        </Button>
        {attach.busy && <Button onClick={attach.cancel}>Cancel</Button>}
        {failed.length > 0 && (
          <Button
            startIcon={<ReplayIcon />}
            disabled={attach.busy}
            onClick={() => void run(attach.retryFailed)}
          >
            Retry failed ({failed.length})
          </Button>
        )}
        <Button startIcon={<AddModeratorIcon />} onClick={onCreateRole}>
          Create a role for an AWS service…
        </Button>
      </Stack>
    </Stack>
  );
}
