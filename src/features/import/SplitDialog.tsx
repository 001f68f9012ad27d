import { AccessDiffView } from '../accessDiff/AccessDiffView';
import { useAccessDiff } from '../accessDiff/useAccessDiff';
import type { JsonObject, JsonValue } from '../../policy/model';
import { ATTACHED_POLICY_QUOTA } from '../../policy/iamLimits';
import DownloadIcon from '@mui/icons-material/Download';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Checkbox from '@mui/material/Checkbox';
import CircularProgress from '@mui/material/CircularProgress';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId, useMemo, useState } from 'react';
import { useEditorState } from '../../editor/useEditor';
import type { SplitResult, SplitSuccess } from '../../policy/split';
import { formatCount } from './managedPolicyFilter';
import { downloadParts } from './splitFiles';
import { SplitParts } from './SplitParts';
import { useSplit } from './useSplit';

/** IAM's default number of managed policies attached to one user, role or group. */

export interface SplitDialogProps {
  readonly onClose: () => void;
  readonly partQuota: number;
  /** why the parts have this quota (inline policies become managed parts) */
  readonly note?: string;
  /** the split already computed for the draft (compacted first) */
  readonly known: SplitResult | undefined;
  readonly onKeep: (result: SplitSuccess) => void;
  /** creates the parts in the account as one set (with one review) */
  readonly onCreate?: (result: SplitSuccess) => void;
}

/**
 * "Split into N policies": parts within the quota that together allow exactly what the draft
 * allows (proved by the core), each downloadable. A split that does not check out is not offered.
 */
function statementList(document: JsonObject): JsonValue[] {
  const statement = document.Statement;
  return Array.isArray(statement) ? statement : statement === undefined ? [] : [statement];
}

export function SplitDialog({ onClose, partQuota, note, known, onKeep, onCreate }: SplitDialogProps) {
  const state = useEditorState();
  const titleId = useId();
  const [compact, setCompact] = useState(true);
  const split = useSplit(state.document, partQuota, compact, known);
  const result = split.status === 'done' ? split.result : undefined;
  const ok = result?.ok ? result : undefined;
  // All the parts together against the draft: a split must change no access.
  const union = useMemo(
    () => (ok ? { Version: '2012-10-17', Statement: ok.documents.flatMap((d) => statementList(d)) } : undefined),
    [ok],
  );
  const accessChange = useAccessDiff(union ? state.document : undefined, union);

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{ok ? `Split into ${ok.documents.length} policies` : 'Split the policy'}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Typography variant="body2" color="text.secondary">
            Statements are shared out between policies of at most {formatCount(partQuota)} characters; a long action list is
            divided between parts with the same resources and conditions. Attach all the parts to the same principal.
          </Typography>
          {note && <Alert severity="info">{note}</Alert>}
          <FormControlLabel
            control={<Checkbox checked={compact} onChange={(e) => setCompact(e.target.checked)} />}
            label="Compact the wildcards first (fewer parts)"
          />
          {split.status === 'working' && (
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }} role="status">
              <CircularProgress size={18} />
              <Typography variant="body2">Splitting and checking that the parts allow exactly the same…</Typography>
            </Stack>
          )}
          {split.status === 'failed' && <Alert severity="error">The split failed, nothing was made: {split.error}</Alert>}
          {result && !result.ok && (
            <Alert severity="error" role="alert">
              This policy cannot be split: {result.message}
            </Alert>
          )}
          {ok && (
            <>
              <Alert severity="success" role="status">
                Checked: together the {ok.documents.length} policies allow exactly the same {formatCount(ok.proof.allowedCount)}{' '}
                actions as the draft, every statement keeps its resources and conditions, and each policy is at most{' '}
                {formatCount(partQuota)} characters.
              </Alert>
              {ok.documents.length > ATTACHED_POLICY_QUOTA && (
                <Alert severity="warning">
                  IAM attaches at most {ATTACHED_POLICY_QUOTA} managed policies to a user, role or group by default (up to 20 with a
                  quota increase).
                </Alert>
              )}
              <AccessDiffView diff={accessChange} pending label="Access of all parts compared with the draft" />
              <SplitParts documents={ok.documents} sizes={ok.sizes} quota={partQuota} />
            </>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
        <Button disabled={!ok} onClick={() => ok && onKeep(ok)}>
          Keep the parts
        </Button>
        {onCreate && (
          <Button disabled={!ok} onClick={() => ok && onCreate(ok)}>
            Create in the account…
          </Button>
        )}
        <Button variant="contained" startIcon={<DownloadIcon />} disabled={!ok} onClick={() => ok && downloadParts(ok.documents)}>
          Download all
        </Button>
      </DialogActions>
    </Dialog>
  );
}
