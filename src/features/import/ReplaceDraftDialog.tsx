import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import { useEditorState } from '../../editor/useEditor';
import type { JsonValue } from '../../policy/model';
import { AccessDiffView } from '../accessDiff/AccessDiffView';
import { useAccessDiff } from '../accessDiff/useAccessDiff';

export interface ReplaceDraftDialogProps {
  /** what would replace the draft: "ReadOnlyAccess v188", "policy.json" */
  readonly what: string;
  readonly document: JsonValue;
  readonly onReplace: () => void;
  readonly onBack: () => void;
}

/**
 * Before an import replaces a draft that has work in it: what the replacement grants that the
 * draft does not, and the reverse (per service and access level), then Replace or go back.
 */
export function ReplaceDraftDialog({ what, document, onReplace, onBack }: ReplaceDraftDialogProps) {
  const titleId = useId();
  const state = useEditorState();
  const diff = useAccessDiff(state.document, document);
  return (
    <Dialog open onClose={onBack} fullWidth maxWidth="sm" aria-labelledby={titleId}>
      <DialogTitle id={titleId}>Replace the draft with {what}?</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <Typography variant="body2" color="text.secondary">
            The draft&apos;s blocks give way to those of {what} (Undo brings them back). What changes in
            access:
          </Typography>
          <AccessDiffView diff={diff} pending label={`Access of ${what} compared with the draft`} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onBack}>Back</Button>
        <Button variant="contained" onClick={onReplace} autoFocus>
          Replace the draft
        </Button>
      </DialogActions>
    </Dialog>
  );
}
