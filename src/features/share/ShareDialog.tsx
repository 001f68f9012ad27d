import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useMemo, useState } from 'react';
import { loadScenarios } from '../../editor/draftStorage';
import { useEditorState } from '../../editor/useEditor';
import { copyText } from '../export/download';
import { linkWarning, shareLinkFor } from '../export/formats/shareLink';
import { useExportSettings } from '../export/useExportSettings';

export interface ShareDialogProps {
  readonly open: boolean;
  readonly onClose: () => void;
}

/** The page's address without its fragment: where a share link opens the workbench. */
function pageUrl(): string {
  return window.location.origin + window.location.pathname;
}

function ShareDialogBody({ onClose }: { onClose: () => void }) {
  const state = useEditorState();
  const [settings] = useExportSettings();
  const [copied, setCopied] = useState<string | null>(null);
  // the Simulate panel's saved scenarios travel with the draft
  const [scenarios] = useState(() => loadScenarios() ?? undefined);
  const link = useMemo(
    () => shareLinkFor(pageUrl(), { text: state.text, kind: state.kind, name: settings.name ?? '', scenarios }),
    [state.text, state.kind, settings.name, scenarios],
  );
  const warning = linkWarning(link.length);
  const copy = () =>
    copyText(link).then(
      () => setCopied('Link copied to the clipboard.'),
      (e: unknown) => setCopied(`Could not copy: ${e instanceof Error ? e.message : String(e)}`),
    );
  return (
    <>
      <DialogTitle id="share-dialog-title">Share a link to this draft</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2">
            The link carries the whole policy, exactly as typed, in its fragment (the part after <code>#</code>). Browsers never
            send the fragment to any server, not even to this workbench&apos;s own: the policy goes only where you send the
            link. Anyone who has the link can read the policy.
          </Typography>
          <TextField
            label="Share link"
            value={link}
            multiline
            maxRows={5}
            fullWidth
            slotProps={{
              htmlInput: { readOnly: true, spellCheck: false, style: { fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', fontSize: 12, wordBreak: 'break-all' } },
            }}
            onFocus={(e) => e.target.select()}
            helperText={`${link.length.toLocaleString('en-US')} characters. It opens in the workbench at ${pageUrl()}.`}
          />
          {warning && <Alert severity={warning.level}>{warning.message}</Alert>}
          {!state.textValid && (
            <Alert severity="info">The JSON does not parse yet: the link carries it as it is, errors included.</Alert>
          )}
          {copied && (
            <Alert severity={copied.startsWith('Could not') ? 'error' : 'success'} onClose={() => setCopied(null)}>
              {copied}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
        <Button variant="contained" startIcon={<ContentCopyIcon />} onClick={() => void copy()}>
          Copy link
        </Button>
      </DialogActions>
    </>
  );
}

/** The share link of the current draft, with what it holds and where it may break. */
export function ShareDialog({ open, onClose }: ShareDialogProps) {
  return (
    <Dialog open={open} onClose={onClose} maxWidth="md" fullWidth aria-labelledby="share-dialog-title">
      <ShareDialogBody onClose={onClose} />
    </Dialog>
  );
}
