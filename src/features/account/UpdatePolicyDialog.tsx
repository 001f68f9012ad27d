import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useMemo, useState } from 'react';
import { call, toApiError, type ApiError } from '../../api/client';
import { useCatalog } from '../../editor/useCatalog';
import { useAnalysis, useEditorDispatch, useEditorState } from '../../editor/useEditor';
import { parse } from '../../policy/parse';
import { serializeDocument } from '../../policy/serialize';
import type { PolicyVersionInfo } from '../../api/contract';
import { AccountTarget } from './AccountTarget';
import { ApiErrorAlert } from './ApiErrorAlert';
import { CancelledAlert } from './CancelledAlert';
import { diffLines, diffStats } from './lineDiff';
import { LineDiffView } from './LineDiffView';
import { AccessDiffView } from '../accessDiff/AccessDiffView';
import { useAccessDiff } from '../accessDiff/useAccessDiff';
import { FindingsBySeverity, SizeLine } from './PolicyChecks';
import { CLOSED_REVIEW, reviewPolicy } from './reviewChecks';
import { useAccountRefresh } from './accountQueries';
import { currentSession } from './sessionStore';
import { blocksFrom, findSource, oldestNonDefault } from './sourcePolicy';
import { useDefaultVersion } from './useDefaultVersion';
import { useCancellable } from './useCancellable';
import { usePolicies } from './usePolicies';
import { useSession } from './useSession';

interface Target {
  readonly name: string;
  readonly arn: string;
}

function pretty(text: string): string | undefined {
  const model = parse(text).model;
  return model ? serializeDocument(model.document, { format: 'pretty' }) : undefined;
}

function versionList(versions: readonly PolicyVersionInfo[]): string {
  return versions.map((v) => `${v.versionId}${v.isDefaultVersion ? ' (default)' : ''}`).join(', ');
}

export interface UpdatePolicyDialogProps {
  readonly open: boolean;
  readonly onClose: () => void;
}

/**
 * "Save as new version": the draft becomes the new default version of a customer managed policy,
 * after a diff against the current default. At IAM's 5-version quota it offers to delete the
 * oldest non-default version first (after confirmation), then saves.
 */
export function UpdatePolicyDialog({ open, onClose }: UpdatePolicyDialogProps) {
  const titleId = useId();
  const state = useEditorState();
  const dispatch = useEditorDispatch();
  const analysis = useAnalysis();
  const { view } = useCatalog();
  const { state: sessionState } = useSession();
  const connected = Boolean(currentSession(sessionState)?.connected);

  const source = findSource(state);
  const [chosen, setChosen] = useState<Target | null>(null);
  const target: Target | null =
    chosen ?? (source ? { name: source.policyName, arn: source.policyArn } : null);
  const policies = usePolicies('', open && connected);
  const base = useDefaultVersion(target?.arn, open && connected);
  const refresh = useAccountRefresh();

  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState<{ arn: string; version: PolicyVersionInfo } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState<PolicyVersionInfo | null>(null);
  /** the policy whose save the user cancelled */
  const [cancelled, setCancelled] = useState<Target | null>(null);
  const cancellable = useCancellable();

  // A closed dialog computes nothing: the review and the diff follow the draft only while open.
  const review = useMemo(
    () => (open ? reviewPolicy(state.text, state.kind, analysis.findings, view) : CLOSED_REVIEW),
    [open, state.text, state.kind, analysis.findings, view],
  );
  const draftPretty = useMemo(
    () => (open ? (pretty(state.text) ?? serializeDocument(state.document, { format: 'pretty' })) : ''),
    [open, state.text, state.document],
  );
  const basePretty = useMemo(
    () => (base.document ? (pretty(base.document.document) ?? base.document.document) : undefined),
    [base.document],
  );
  const diff = useMemo(
    () => (!open || basePretty === undefined ? [] : diffLines(basePretty, draftPretty)),
    [open, basePretty, draftPretty],
  );
  const stats = diffStats(diff);
  // What changes in access (first), then which lines (second).
  const baseDocument = useMemo(() => (open && base.document ? (parse(base.document.document).model?.document ?? undefined) : undefined), [open, base.document]);
  const accessChange = useAccessDiff(baseDocument, open ? state.document : undefined);
  const unchanged = basePretty !== undefined && stats.added === 0 && stats.removed === 0;

  const limit = saveError?.code === 'LimitExceeded' && saveError.versions ? saveError.versions : undefined;
  const oldest = limit ? oldestNonDefault(limit) : undefined;

  /** A cancel: the versions may have changed (the request may have reached IAM), so they are read again. */
  const wasCancelled = (signal: AbortSignal, policy: Target): boolean => {
    if (!signal.aborted) return false;
    setCancelled(policy);
    refresh.changed();
    return true;
  };

  const save = async (policy: Target, signal = cancellable.start()) => {
    setSaving(true);
    setSaveError(null);
    setSaved(null);
    setCancelled(null);
    try {
      const out = await call(
        'createPolicyVersion',
        { policyArn: policy.arn, document: review.text, setAsDefault: true },
        { signal },
      );
      setSaved({ arn: policy.arn, version: out.version });
      for (const id of blocksFrom(state, policy.arn)) {
        const meta = state.meta[id]?.source;
        if (meta)
          dispatch({ type: 'setMeta', id, meta: { source: { ...meta, version: out.version.versionId } } });
      }
      refresh.changed();
    } catch (e) {
      if (wasCancelled(signal, policy)) return;
      const failure = toApiError(e);
      setSaveError(failure);
      refresh.failed(failure);
    } finally {
      setSaving(false);
    }
  };

  const deleteAndSave = async (policy: Target, version: PolicyVersionInfo) => {
    setConfirmDelete(null);
    const signal = cancellable.start();
    setSaving(true);
    setSaveError(null);
    setCancelled(null);
    try {
      await call('deletePolicyVersion', { policyArn: policy.arn, versionId: version.versionId }, { signal });
    } catch (e) {
      if (!wasCancelled(signal, policy)) setSaveError(toApiError(e));
      setSaving(false);
      return;
    }
    await save(policy, signal);
  };

  const close = () => {
    setConfirmDelete(null);
    if (saved) {
      setSaved(null);
      setSaveError(null);
      setCancelled(null);
    }
    onClose();
  };

  const blocked = !connected
    ? 'Not connected to an account.'
    : !target
      ? 'Choose the policy to update.'
      : base.loading
        ? 'Loading the current default version…'
        : base.error
          ? 'The current version could not be loaded (see above).'
          : (review.blockers[0] ??
            (unchanged ? 'No changes against the default version: nothing to save.' : undefined));

  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="md" aria-labelledby={titleId} scroll="paper">
      <DialogTitle id={titleId}>Save as new version</DialogTitle>
      <DialogContent dividers>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <AccountTarget verb="Updating a policy" />
          <Autocomplete<Target>
            options={policies.policies.map((p) => ({ name: p.name, arn: p.arn }))}
            value={target}
            onChange={(_, next) => {
              setChosen(next);
              setSaveError(null);
              setSaved(null);
            }}
            getOptionLabel={(o) => o.name}
            isOptionEqualToValue={(a, b) => a.arn === b.arn}
            loading={policies.loading}
            disabled={saving}
            renderInput={(params) => (
              <TextField
                {...params}
                label="Policy to update"
                helperText={
                  source && target?.arn === source.policyArn
                    ? `The draft was opened from ${source.policyName} ${source.version ?? ''}.`
                    : 'A customer managed policy of the account.'
                }
              />
            )}
          />
          <Box sx={{ height: 4 }}>{(base.loading || saving) && <LinearProgress aria-label="Working" />}</Box>
          {base.error && <ApiErrorAlert error={base.error} doing="Loading the current version" />}
          {base.document && base.versions && (
            <Typography variant="body2" color="text.secondary">
              {target?.name} has {base.versions.length} of {base.quota ?? 5} versions (
              {versionList(base.versions)}). The new version becomes the default.
            </Typography>
          )}
          {saved && target?.arn === saved.arn && (
            <Alert severity="success" role="status">
              Saved {target.name} {saved.version.versionId}; it is now the default version.
            </Alert>
          )}
          {cancelled && target?.arn === cancelled.arn && (
            <CancelledAlert call={{ op: 'savePolicyVersion', name: cancelled.name }} />
          )}
          {saveError && target && (
            <ApiErrorAlert error={saveError} doing="Saving the new version">
              {limit && (
                <Typography variant="body2" sx={{ mt: 0.5 }}>
                  Versions now: {versionList(limit)}.
                </Typography>
              )}
            </ApiErrorAlert>
          )}
          {limit && target && oldest && !confirmDelete && (
            <Alert
              severity="warning"
              action={
                <Button
                  color="inherit"
                  size="small"
                  onClick={() => setConfirmDelete(oldest)}
                  disabled={saving}
                >
                  Delete {oldest.versionId} and save…
                </Button>
              }
            >
              IAM keeps at most 5 versions of a policy. Delete the oldest non-default version,{' '}
              {oldest.versionId}, to make room.
            </Alert>
          )}
          {confirmDelete && target && (
            <Alert
              severity="error"
              role="alertdialog"
              aria-label={`Delete version ${confirmDelete.versionId}?`}
              action={
                <Stack direction="row" spacing={1}>
                  <Button color="inherit" size="small" onClick={() => setConfirmDelete(null)}>
                    Keep it
                  </Button>
                  <Button
                    color="error"
                    variant="contained"
                    size="small"
                    onClick={() => void deleteAndSave(target, confirmDelete)}
                  >
                    Delete {confirmDelete.versionId} permanently and save
                  </Button>
                </Stack>
              }
            >
              <AlertTitle>Delete version {confirmDelete.versionId}?</AlertTitle>
              {target.name} {confirmDelete.versionId}
              {confirmDelete.createDate
                ? ` (created ${new Date(confirmDelete.createDate).toLocaleString()})`
                : ''}{' '}
              is deleted for good: IAM cannot restore it. Nothing attached changes, since it is not the
              default version.
            </Alert>
          )}
          {review.blockers.map((b) => (
            <Alert key={b} severity="error">
              {b}
            </Alert>
          ))}
          {basePretty !== undefined && (
            <AccessDiffView diff={accessChange} pending label="Access compared with the default version" />
          )}
          {basePretty !== undefined && (
            <Box>
              <Typography variant="subtitle2" component="h3" sx={{ mb: 0.5 }}>
                Lines changed against {base.document?.versionId} (default):{' '}
                {unchanged ? 'none' : `+${stats.added} −${stats.removed} lines`}
              </Typography>
              <LineDiffView lines={diff} label="Changes against the default version" />
            </Box>
          )}
          <SizeLine size={review.size} quota={review.quota} label="Managed policy size" />
          <FindingsBySeverity findings={review.findings} label="Findings" />
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 1.5, gap: 1 }}>
        {blocked && (
          <Typography variant="caption" color="text.secondary" sx={{ flex: 1 }} role="status">
            {blocked}
          </Typography>
        )}
        {/* during a save, Cancel stops it and keeps the dialog; otherwise it closes the dialog */}
        <Button onClick={saving ? cancellable.cancel : close}>{saved ? 'Close' : 'Cancel'}</Button>
        <Button
          variant="contained"
          disabled={Boolean(blocked) || saving || Boolean(confirmDelete)}
          onClick={() => target && void save(target)}
        >
          {saving ? 'Saving…' : 'Save as new version'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
