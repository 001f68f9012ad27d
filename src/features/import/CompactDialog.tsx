import { AccessDiffView } from '../accessDiff/AccessDiffView';
import { useAccessDiff } from '../accessDiff/useAccessDiff';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, useState } from 'react';
import { useEditorDispatch, useEditorState } from '../../editor/useEditor';
import type { WildcardPlacement } from '../../policy/compact';
import { mergedAway } from './fitTarget';
import { formatCount } from './managedPolicyFilter';
import { metaAfterRemoval } from './metaAfterRemoval';
import { useCompaction } from './useCompaction';

export interface CompactDialogProps {
  readonly onClose: () => void;
  /** the quota the draft must fit */
  readonly quota: number;
  readonly onDone: (message: string) => void;
}

/**
 * "Compact": the same actions in fewer characters (exact wildcards; optionally statements merged),
 * sizes before → after, applied as one undoable change. A rewrite that fails its proof is not made.
 */
export function CompactDialog({ onClose, quota, onDone }: CompactDialogProps) {
  const state = useEditorState();
  const dispatch = useEditorDispatch();
  const titleId = useId();
  const wildcardsId = useId();
  const [mergeStatements, setMergeStatements] = useState(false);
  const [wildcards, setWildcards] = useState<WildcardPlacement>('any');
  const compaction = useCompaction(state.document, { mergeStatements, wildcards });
  const result = compaction.status === 'done' ? compaction.result : undefined;
  const rewritten = result?.changes.filter((change) => change.kind === 'actions').length ?? 0;
  const merged = result ? mergedAway(result.changes) : new Set<number>();
  const kept = result?.changes.filter((change) => change.kind === 'kept').length ?? 0;
  const changed = result !== undefined && result.document !== state.document && result.after < result.before;
  // Compaction must change no access: the access diff says so independently of the compactor's own proof.
  const accessChange = useAccessDiff(changed ? state.document : undefined, changed ? result.document : undefined);

  const apply = () => {
    if (!result || !changed) return;
    dispatch({
      type: 'replaceDocument',
      document: result.document,
      label: 'Compact policy',
      meta: metaAfterRemoval(
        state.ids.map((id) => state.meta[id]),
        merged,
      ),
    });
    onDone(`Compacted the policy: ${formatCount(result.before)} → ${formatCount(result.after)} characters, the same actions.`);
    onClose();
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby={titleId}>
      <DialogTitle id={titleId}>Compact the policy</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Typography variant="body2" color="text.secondary">
            Rewrites each action list as the shortest list of wildcards that matches exactly the same actions in today’s
            catalog. Resources, conditions and everything else stay as they are.
          </Typography>
          <FormControl>
            <FormLabel id={wildcardsId}>Wildcards</FormLabel>
            <RadioGroup row aria-labelledby={wildcardsId} value={wildcards} onChange={(e) => setWildcards(e.target.value as WildcardPlacement)}>
              <FormControlLabel value="any" control={<Radio size="small" />} label="Shortest (s3:GetObjectT*)" />
              <FormControlLabel value="words" control={<Radio size="small" />} label="Whole words only (s3:GetObjectTagging*)" />
            </RadioGroup>
          </FormControl>
          <FormControlLabel
            control={<Checkbox checked={mergeStatements} onChange={(e) => setMergeStatements(e.target.checked)} />}
            label="Also merge statements that differ only in their actions"
          />
          {compaction.status === 'working' && (
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} role="status">
              <CircularProgress size={18} />
              <Typography variant="body2">Compacting and checking that every action stays the same…</Typography>
            </Stack>
          )}
          {compaction.status === 'failed' && <Alert severity="error">Compaction failed, nothing was changed: {compaction.error}</Alert>}
          {result && changed && <AccessDiffView diff={accessChange} pending label="Access compared with the draft" />}
          {result && (
            <Stack spacing={1} role="status">
              <Typography variant="h6" component="p">
                {formatCount(result.before)} → {formatCount(result.after)} characters
                {result.before > 0 && result.after < result.before && (
                  <Typography component="span" color="text.secondary" sx={{ ml: 1 }}>
                    (−{Math.round((1 - result.after / result.before) * 100)}%)
                  </Typography>
                )}
              </Typography>
              <Typography variant="body2">
                {changed
                  ? `Rewrites ${rewritten} action list${rewritten === 1 ? '' : 's'}${merged.size > 0 ? ` and merges ${merged.size} statement${merged.size === 1 ? '' : 's'} into others` : ''}; checked: exactly the same actions as before.`
                  : 'The policy is already as compact as it gets.'}
              </Typography>
              {result.after > quota && changed && (
                <Alert severity="warning">
                  Still over the quota of {formatCount(quota)} by {formatCount(result.after - quota)} characters: split it too.
                </Alert>
              )}
              {kept > 0 && (
                <Alert severity="warning">
                  {kept} rewrite{kept === 1 ? '' : 's'} did not check out and {kept === 1 ? 'was' : 'were'} left as written.
                </Alert>
              )}
              <Typography variant="caption" color="text.secondary">
                A wildcard such as s3:Get* also covers actions AWS adds later with that prefix, which the list it
                replaces did not name.
              </Typography>
            </Stack>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={!changed} onClick={apply}>
          Apply compaction
        </Button>
      </DialogActions>
    </Dialog>
  );
}
