import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQueries } from '@tanstack/react-query';
import { useId, useMemo } from 'react';
import { call } from '../../api/client';
import { useCatalog } from '../../editor/useCatalog';
import { useEditorDispatch } from '../../editor/useEditor';
import type { PolicySetOrigin } from '../../editor/policyReducer';
import type { JsonObject, JsonValue } from '../../policy/model';
import { SIZE_QUOTAS } from '../../policy/model';
import { parse } from '../../policy/parse';
import { AccessDiffView } from '../accessDiff/AccessDiffView';
import { useAccessDiff } from '../accessDiff/useAccessDiff';
import { useManagedPolicy } from '../import/useManagedPolicy';
import { useSplit } from '../import/useSplit';
import { AccountTarget } from './AccountTarget';
import {
  planSetUpdate,
  referenceTarget,
  unionDocument,
  updateOutcome,
  type SetReference,
  type SetStep,
} from './policySetUpdate';
import { usePolicySetUpdate } from './usePolicySetUpdate';

export interface UpdatePolicySetDialogProps {
  readonly origin: PolicySetOrigin;
  /** 'reference': the newer version of the AWS managed policy the set was built from; 'draft': the draft as it is */
  readonly mode: 'reference' | 'draft';
  /** the draft to save (mode 'draft') */
  readonly draft: JsonValue;
  readonly onClose: () => void;
}

const count = (n: number) => n.toLocaleString('en-US');
const QUOTA = SIZE_QUOTAS.managed;
const CHANGE: Readonly<Record<SetStep['kind'], string>> = {
  version: 'New default version',
  create: 'New part: create and attach',
  delete: 'No longer needed: detach and delete',
};

/**
 * Updating a policy set in the account: what the new contents change in access compared with the
 * parts' default versions (per service and access level), the contents re-packed into parts, and
 * one step per part, with a result per part and a retry that redoes only failures.
 */
export function UpdatePolicySetDialog({ origin, mode, draft, onClose }: UpdatePolicySetDialogProps) {
  const titleId = useId();
  const { view } = useCatalog();
  const latest = useManagedPolicy(mode === 'reference' ? origin.reference?.policyName : undefined);
  const latestPolicy = latest.status === 'ready' ? latest.policy : undefined;

  // The set as the account has it now: every part's default version.
  const current = useQueries({
    queries: origin.parts.map((part) => ({
      // read once when the dialog opens, not refreshed by the update: the diff stays what it changes
      queryKey: ['setUpdateBefore', part.arn],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        call('getPolicyDocument', { policyArn: part.arn }, { signal }),
      staleTime: Infinity,
      gcTime: 0,
    })),
  });
  const currentTexts = current.map((q) => q.data?.document);
  const currentKey = currentTexts.join('\u0000');
  const before = useMemo(() => {
    const texts = currentKey.split('\u0000');
    if (texts.length !== origin.parts.length || texts.some((t) => t === '')) return undefined;
    return unionDocument(texts.map((t) => parse(t).model?.document ?? null));
  }, [currentKey, origin.parts.length]);
  const currentError = current.find((q) => q.error)?.error;

  const target = useMemo((): { document: JsonValue; error?: string } | undefined => {
    if (mode === 'draft') return { document: draft };
    if (!latestPolicy) return undefined;
    return referenceTarget(latestPolicy.document as JsonValue, origin, view);
  }, [mode, draft, latestPolicy, origin, view]);
  const reference: SetReference | undefined =
    mode === 'reference' && latestPolicy
      ? {
          policyName: latestPolicy.name,
          version: latestPolicy.version,
          excluded: origin.excluded,
          retiredRemoved: origin.retiredRemoved,
        }
      : origin.reference
        ? { ...origin.reference, excluded: origin.excluded, retiredRemoved: origin.retiredRemoved }
        : undefined;

  const diff = useAccessDiff(before, target && !target.error ? target.document : undefined);
  const split = useSplit(target && !target.error ? target.document : null, QUOTA, true, undefined);
  const packed = split.status === 'done' && split.result.ok ? split.result : undefined;
  const steps = useMemo(
    () => (packed ? planSetUpdate(origin, packed.documents as JsonObject[]) : undefined),
    [packed, origin],
  );

  const title =
    mode === 'reference' && latestPolicy
      ? `Update ${origin.name} to ${latestPolicy.name} ${latestPolicy.version}`
      : `Save the draft to ${origin.name}`;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" aria-labelledby={titleId} scroll="paper">
      <DialogTitle id={titleId}>{title}</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2}>
          <AccountTarget verb="Updating" />
          {mode === 'reference' && origin.reference && latestPolicy && (
            <Typography variant="body2">
              The set was built from {origin.reference.policyName} {origin.reference.version}
              {origin.excluded.length > 0 ? ` without ${origin.excluded.join(', ')}` : ''}
              {origin.retiredRemoved ? ", retired services' actions removed" : ''}. {latestPolicy.name}{' '}
              {latestPolicy.version} is taken with the same exclusions, packed again into parts of at most{' '}
              {count(QUOTA)} characters, and saved as a new default version of each part.
            </Typography>
          )}
          {latest.status === 'failed' && (
            <Alert severity="error">The newer version could not be read: {latest.error}</Alert>
          )}
          {target?.error && <Alert severity="error">{target.error}</Alert>}
          {currentError && (
            <Alert severity="error">
              The parts could not be read from the account: {currentError.message}
            </Alert>
          )}
          <AccessDiffView
            diff={diff}
            pending
            label={`Access of the updated set compared with ${origin.name} in the account`}
          />
          {split.status === 'working' && target && !target.error && (
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} role="status">
              <CircularProgress size={18} />
              <Typography variant="body2">
                Packing into parts and checking that they allow exactly the same…
              </Typography>
            </Stack>
          )}
          {split.status === 'failed' && <Alert severity="error">Packing failed: {split.error}</Alert>}
          {split.status === 'done' && !split.result.ok && (
            <Alert severity="error">It cannot be packed: {split.result.message}</Alert>
          )}
          {steps && packed && (
            <UpdateSteps
              key={steps.map((s) => s.kind + s.name).join()}
              steps={steps}
              sizes={packed.sizes}
              origin={origin}
              reference={reference}
              target={target?.document}
              onClose={onClose}
            />
          )}
          {!steps && (
            <DialogActions sx={{ p: 0 }}>
              <Button onClick={onClose}>Close</Button>
            </DialogActions>
          )}
        </Stack>
      </DialogContent>
    </Dialog>
  );
}

interface UpdateStepsProps {
  readonly steps: readonly SetStep[];
  readonly sizes: readonly number[];
  readonly origin: PolicySetOrigin;
  readonly reference: SetReference | undefined;
  readonly target: JsonValue | undefined;
  readonly onClose: () => void;
}

function UpdateSteps({ steps, sizes, origin, reference, target, onClose }: UpdateStepsProps) {
  const dispatch = useEditorDispatch();
  const update = usePolicySetUpdate(steps);
  const outcome = updateOutcome(update.states);
  const started = update.states.some((s) => s.status !== 'waiting');
  const done = outcome.done === outcome.steps;

  const run = async () => {
    const states = await update.run({ origin, reference });
    if (!states.every((s) => s.status === 'done') || target === undefined) return;
    // The draft now holds the set as saved, and remembers its new parts and reference.
    const parts = steps.flatMap((step, i) => {
      const result = states[i];
      if (step.kind === 'delete' || result?.status !== 'done') return [];
      return [
        {
          name: step.name,
          arn: step.kind === 'version' ? step.arn : (result.arn ?? ''),
          versionId: result.versionId ?? 'v1',
        },
      ];
    });
    dispatch({
      type: 'replaceDocument',
      document: target,
      label: `Update policy set ${origin.name}`,
      origin: {
        ...origin,
        parts,
        ...(reference ? { reference: { policyName: reference.policyName, version: reference.version } } : {}),
      },
    });
  };

  return (
    <>
      <Table size="small" aria-label="Parts of the set">
        <TableHead>
          <TableRow>
            <TableCell>Policy</TableCell>
            <TableCell align="right">Characters</TableCell>
            <TableCell>Change</TableCell>
            <TableCell>Result</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {steps.map((step, index) => {
            const state = update.states[index];
            return (
              <TableRow key={step.name}>
                <TableCell sx={{ fontFamily: 'monospace' }}>{step.name}</TableCell>
                <TableCell align="right">{step.kind === 'delete' ? '—' : count(sizes[index] ?? 0)}</TableCell>
                <TableCell>{CHANGE[step.kind]}</TableCell>
                <TableCell>
                  {state?.status === 'done' && (
                    <Typography variant="body2" color="success.main">
                      {state.note}
                    </Typography>
                  )}
                  {state?.status === 'failed' && (
                    <Typography variant="body2" color="error">
                      Failed: {state.error.message}
                    </Typography>
                  )}
                  {state?.status === 'waiting' && (
                    <Typography variant="body2" color="text.secondary">
                      Not sent yet
                    </Typography>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {update.busy && <LinearProgress aria-label="Updating the set" />}
      {started && !update.busy && (
        <Alert role="status" aria-label="Update results" severity={done ? 'success' : 'warning'}>
          {outcome.done} of {outcome.steps} parts updated.
          {outcome.failed > 0
            ? ` ${outcome.failed} failed: Retry failed redoes only those.`
            : ' The draft now holds the set as saved.'}
        </Alert>
      )}
      <DialogActions sx={{ p: 0 }}>
        <Button onClick={onClose} disabled={update.busy}>
          {done ? 'Done' : 'Close'}
        </Button>
        {!done && (
          <Button variant="contained" disabled={update.busy} onClick={() => void run()}>
            {started
              ? 'Retry failed'
              : `Update ${steps.length} ${steps.length === 1 ? 'policy' : 'policies'}`}
          </Button>
        )}
      </DialogActions>
    </>
  );
}
