import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQueries } from '@tanstack/react-query';
import { useId, useMemo, useState } from 'react';
import { call } from '../../api/client';
import type { PrincipalInfo } from '../../api/contract';
import { useCatalog } from '../../editor/useCatalog';
import { useAnalysis, useEditorState } from '../../editor/useEditor';
import { useManagedPolicy } from '../import/useManagedPolicy';
import { inlineFits, inlineQuota, useInlineSet } from './useInlineSet';
import type { JsonValue } from '../../policy/model';
import { draftReference, referenceTags } from './policySetUpdate';
import { DESCRIPTION_MAX, descriptionProblem } from '../../policy/iamLimits';
import { suggestPolicyName } from '../../policy/suggestName';
import { accountKeys } from './accountQueries';
import { AccountTarget } from './AccountTarget';
import { CancelledAlert } from './CancelledAlert';
import { KIND_LABEL, isSuccess, statusText, targetKey, type AttachTarget } from './attachResults';
import {
  attachmentsToSend,
  partsToCreate,
  roomFor,
  setOutcome,
  setPartNames,
  stemProblem,
  type SetPart,
} from './policySetCreation';
import { currentSession } from './sessionStore';
import { usePolicySetCreation } from './usePolicySetCreation';
import { usePrincipals } from './usePrincipals';
import { useSession } from './useSession';

export interface CreatePolicySetDialogProps {
  readonly parts: readonly SetPart[];
  readonly quota: number;
  readonly onClose: () => void;
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * One review for a policy set: a name stem for all parts (each name checked in the account), one
 * description, the users, groups and roles to attach every part to (only those with room for the
 * whole set), then create all and attach all, with a result per part and per target and a retry
 * that redoes only what failed.
 */
export function CreatePolicySetDialog({ parts, quota, onClose }: CreatePolicySetDialogProps) {
  const titleId = useId();
  const { view } = useCatalog();
  const { model } = useAnalysis();
  const { state: sessionState } = useSession();
  const session = currentSession(sessionState);
  const connected = Boolean(session?.connected);
  const suggestion = useMemo(() => suggestPolicyName(model, view), [model, view]);
  const [stem, setStem] = useState<string | null>(null);
  const [description, setDescription] = useState('');
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<readonly AttachTarget[]>([]);
  const creation = usePolicySetCreation(parts.length);
  const inlineSet = useInlineSet();
  const [asInline, setAsInline] = useState(false);
  const started = creation.states.some((s) => s.status !== 'waiting') || inlineSet.results.size > 0;

  // What the set is built from (an AWS managed policy, minus services), recorded in the parts' tags.
  const draft = useEditorState();
  const referenceName = draft.ids.map((id) => draft.meta[id]?.source).find((s) => s?.version !== undefined)?.policyName;
  const latest = useManagedPolicy(referenceName);
  const latestPolicy = latest.status === 'ready' ? latest.policy : undefined;
  const reference = useMemo(
    () =>
      draftReference(
        draft.document,
        draft.ids.map((id) => draft.meta[id]?.source),
        latestPolicy ? { name: latestPolicy.name, document: latestPolicy.document as JsonValue } : undefined,
        view,
      ),
    [draft.document, draft.ids, draft.meta, latestPolicy, view],
  );

  const name = stem ?? suggestion;
  const names = useMemo(() => setPartNames(name, parts.length), [name, parts.length]);
  const problem = stemProblem(name, parts.length);
  const checks = useQueries({
    queries: names.map((partName) => ({
      queryKey: accountKeys.nameCheck(partName),
      queryFn: ({ signal }: { signal: AbortSignal }) => call('checkPolicyName', { name: partName }, { signal }),
      enabled: connected && !problem && !started,
      staleTime: 60_000,
    })),
  });
  const taken = checks.flatMap((q, i) => (q.data && !q.data.available && !started ? [names[i] as string] : []));
  const checking = !started && connected && !problem && checks.some((q) => q.isFetching);
  const principals = usePrincipals(search, connected);
  const outcome = setOutcome(creation.states, selected, creation.results);
  const descriptionIssue = descriptionProblem(description);

  const blocked = !connected
    ? 'Not connected to an account.'
    : (problem ??
      (taken.length > 0
        ? `The account already has ${taken.join(', ')}: choose another name.`
        : checking
          ? 'Checking the names…'
          : descriptionIssue));

  const toggle = (target: AttachTarget) =>
    setSelected((current) =>
      current.some((t) => targetKey(t) === targetKey(target))
        ? current.filter((t) => targetKey(t) !== targetKey(target))
        : [...current, target],
    );

  const inlinePossible = inlineFits(parts, selected);
  const inline = asInline && inlinePossible;
  const inlineFailed = [...inlineSet.results.values()].filter((r) => r.status === 'failed').length;
  const runInline = () => void inlineSet.run(names, parts, selected);
  const run = () =>
    void creation.run({ stem: name, names, parts, description, targets: selected, tags: referenceTags(reference) });
  const pending =
    partsToCreate(creation.states).length > 0 || attachmentsToSend(creation.states, selected, creation.results).length > 0;
  const done = inline ? inlineSet.results.size === parts.length * selected.length && inlineFailed === 0 : started && !pending;

  return (
    <Dialog open onClose={creation.busy ? undefined : onClose} fullWidth maxWidth="md" aria-labelledby={titleId} scroll="paper">
      <DialogTitle id={titleId}>Create {parts.length} policies as one set</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2}>
          <AccountTarget verb="Creating" />
          <Typography variant="body2" color="text.secondary">
            Each part is a customer managed policy of at most {count(quota)} characters; together they allow exactly what the
            draft allows. Every part is tagged <code>iam-workbench:set</code> = the set&apos;s name, so the app can find the set
            again.
          </Typography>
          {reference && (
            <Typography variant="body2" role="note" aria-label="Built from">
              Built from {reference.policyName} {reference.version}
              {reference.excluded.length > 0 ? ` without ${reference.excluded.join(', ')}` : ''}
              {reference.retiredRemoved ? ", retired services' actions removed" : ''}: recorded in the parts&apos; tags, so the
              set can be kept current when AWS updates {reference.policyName}.
            </Typography>
          )}
          <TextField
            label="Set name"
            value={name}
            disabled={started}
            onChange={(e) => setStem(e.target.value)}
            error={Boolean(problem) || taken.length > 0}
            helperText={problem ?? (taken.length > 0 ? `Taken in the account: ${taken.join(', ')}` : `The parts are named ${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}`)}
            fullWidth
          />
          <TextField
            label="Description (every part)"
            value={description}
            disabled={started}
            onChange={(e) => setDescription(e.target.value)}
            error={Boolean(descriptionIssue)}
            helperText={descriptionIssue ?? `Optional, up to ${count(DESCRIPTION_MAX)} characters`}
            fullWidth
          />
          <Table size="small" aria-label="Parts of the set">
            <TableHead>
              <TableRow>
                <TableCell>Policy</TableCell>
                <TableCell align="right">Characters</TableCell>
                <TableCell>Status</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {parts.map((part, index) => {
                const state = creation.states[index];
                return (
                  <TableRow key={index}>
                    <TableCell sx={{ fontFamily: 'monospace' }}>{names[index]}</TableCell>
                    <TableCell align="right">{count(part.size)}</TableCell>
                    <TableCell>
                      {inline &&
                        selected.map((t) => {
                          const result = inlineSet.results.get(`${targetKey(t)}|${names[index] ?? ''}`);
                          return (
                            <Typography
                              key={targetKey(t)}
                              variant="body2"
                              color={result?.status === 'put' ? 'success.main' : result ? 'error' : 'text.secondary'}
                            >
                              {result?.status === 'put'
                                ? `Inline policy of ${KIND_LABEL[t.kind]} ${t.name}`
                                : result?.status === 'failed'
                                  ? `Failed on ${KIND_LABEL[t.kind]} ${t.name}: ${result.error.message}`
                                  : 'Not put yet'}
                            </Typography>
                          );
                        })}
                      {!inline && state?.status === 'created' && <Typography variant="body2" color="success.main">Created</Typography>}
                      {state?.status === 'failed' && (
                        <Typography variant="body2" color="error">
                          Failed: {state.error.message}
                        </Typography>
                      )}
                      {!inline && state?.status === 'waiting' && <Typography variant="body2" color="text.secondary">Not created yet</Typography>}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
          <Stack spacing={1} component="section" aria-label="Attach the set">
            <Typography variant="subtitle2" component="h3">
              Attach every part to
            </Typography>
            <TextField size="small" label="Search users, groups and roles" value={search} onChange={(e) => setSearch(e.target.value)} />
            {principals.loading && <LinearProgress aria-label="Loading users, groups and roles" />}
            <Stack sx={{ maxHeight: 240, overflow: 'auto' }}>
              {principals.principals.map((p: PrincipalInfo) => {
                const target = { kind: p.kind, name: p.name };
                const room = roomFor(p, parts.length);
                const isSelected = selected.some((t) => targetKey(t) === targetKey(target));
                const results = creation.states.flatMap((s) =>
                  s.status === 'created' ? [creation.results.get(s.policy.arn)?.get(targetKey(target))] : [],
                );
                const attached = results.filter((r) => r && isSuccess(r.status)).length;
                return (
                  <FormControlLabel
                    key={targetKey(target)}
                    control={
                      <Checkbox
                        size="small"
                        checked={isSelected}
                        disabled={(!room.fits && !isSelected) || creation.busy || (started && attached > 0)}
                        onChange={() => toggle(target)}
                      />
                    }
                    label={
                      <span>
                        {KIND_LABEL[p.kind]} {p.name}{' '}
                        <Typography component="span" variant="caption" color={room.fits ? 'text.secondary' : 'warning.main'}>
                          · {room.text}
                          {started && isSelected ? ` · ${attached} of ${outcome.created} parts attached` : ''}
                        </Typography>
                      </span>
                    }
                  />
                );
              })}
            </Stack>
          </Stack>
          {inlinePossible && (
            <FormControlLabel
              control={
                <Checkbox
                  checked={asInline}
                  disabled={started || creation.busy || inlineSet.busy}
                  onChange={(e) => setAsInline(e.target.checked)}
                />
              }
              label={`Put as inline policies instead: the ${parts.length} parts total ${count(parts.reduce((sum, part) => sum + part.size, 0))} characters, and the inline policies of ${selected
                .map((t) => `${KIND_LABEL[t.kind]} ${t.name} may total ${count(inlineQuota(t.kind))}`)
                .join(', ')} (no managed policies, nothing to attach; inline policies cannot be tagged or kept current as a set)`}
            />
          )}
          {inline && inlineSet.results.size > 0 && !inlineSet.busy && (
            <Alert role="status" aria-label="Set results" severity={inlineFailed > 0 ? 'warning' : 'success'}>
              {inlineSet.results.size - inlineFailed} of {parts.length * selected.length} inline policies put.
              {inlineFailed > 0 ? ' Retry failed puts only those again.' : ''}
            </Alert>
          )}
          {(creation.busy || inlineSet.busy) && <LinearProgress aria-label="Creating the set" />}
          {creation.cancelled && !creation.busy && <CancelledAlert call={{ op: 'createPolicySet', name }} />}
          {!inline && started && (
            <Alert
              role="status"
              aria-label="Set results"
              severity={outcome.retryable > 0 || outcome.final > 0 ? 'warning' : 'success'}
            >
              {outcome.created} of {outcome.parts} policies created
              {selected.length > 0 ? `; ${outcome.attached} of ${outcome.attachments} attachments in place` : ''}.
              {outcome.retryable > 0 ? ` ${outcome.retryable} failed for a passing reason: Retry failed sends only those.` : ''}
              {outcome.final > 0 ? ` ${outcome.final} cannot be fixed by a retry (see each target).` : ''}
              {[...creation.results.values()].flatMap((m) => [...m.values()]).filter((r) => !isSuccess(r.status)).slice(0, 5).map((r) => (
                <Typography key={`${targetKey(r)}:${r.code ?? ''}`} variant="body2">
                  {KIND_LABEL[r.kind]} {r.name}: {statusText(r).label}
                </Typography>
              ))}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 1.5, gap: 1 }}>
        {blocked && !started && (
          <Typography variant="caption" color="text.secondary" sx={{ flex: 1 }} role="status">
            {blocked}
          </Typography>
        )}
        {creation.busy && <Button onClick={creation.cancel}>Cancel</Button>}
        <Button onClick={onClose} disabled={creation.busy}>
          {done ? 'Done' : 'Close'}
        </Button>
        {inline && !done && (
          <Button variant="contained" disabled={Boolean(problem) || !connected || inlineSet.busy} onClick={runInline}>
            {inlineSet.results.size > 0 ? 'Retry failed' : `Put ${parts.length} inline policies`}
          </Button>
        )}
        {!inline && !started && (
          <Button variant="contained" disabled={Boolean(blocked) || creation.busy} onClick={run}>
            {selected.length > 0 ? `Create ${parts.length} policies and attach` : `Create ${parts.length} policies`}
          </Button>
        )}
        {!inline && started && !done && (
          <Button variant="contained" disabled={creation.busy} onClick={run}>
            {outcome.created < outcome.parts || outcome.retryable > 0 ? 'Retry failed' : 'Attach to the new targets'}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
