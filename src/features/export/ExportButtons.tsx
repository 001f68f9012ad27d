import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import DownloadIcon from '@mui/icons-material/Download';
import IconButton from '@mui/material/IconButton';
import FormControlLabel from '@mui/material/FormControlLabel';
import Snackbar from '@mui/material/Snackbar';
import Switch from '@mui/material/Switch';
import Tooltip from '@mui/material/Tooltip';
import { useState } from 'react';
import { selectTextValid, useEditorSelector, useEditorStore } from '../../editor/useEditor';
import { serializeDocument } from '../../policy/serialize';
import { copyText, downloadText } from './download';

/** Copy JSON and Download JSON, pretty by default or minified. */
export function ExportButtons() {
  const store = useEditorStore();
  const textValid = useEditorSelector(selectTextValid);
  const [minified, setMinified] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const text = () => serializeDocument(store.state.document, { format: minified ? 'minified' : 'pretty' });
  const blocked = !textValid;
  const why = 'The JSON has a syntax error: fix it first (the last valid policy would be exported otherwise).';
  return (
    <>
      <FormControlLabel
        control={<Switch size="small" checked={minified} onChange={(e) => setMinified(e.target.checked)} />}
        label="Minified"
      />
      <Tooltip title={blocked ? why : 'Copy JSON'}>
        <span>
          <IconButton
            aria-label="Copy JSON"
            disabled={blocked}
            onClick={() =>
              copyText(text()).then(
                () => setMessage('Policy JSON copied to the clipboard'),
                (e: unknown) => setMessage(`Could not copy: ${e instanceof Error ? e.message : String(e)}`),
              )
            }
          >
            <ContentCopyIcon />
          </IconButton>
        </span>
      </Tooltip>
      <Tooltip title={blocked ? why : 'Download JSON'}>
        <span>
          <IconButton aria-label="Download JSON" disabled={blocked} onClick={() => downloadText('policy.json', text() + '\n')}>
            <DownloadIcon />
          </IconButton>
        </span>
      </Tooltip>
      <Snackbar open={message !== null} autoHideDuration={3000} onClose={() => setMessage(null)} message={message ?? ''} />
    </>
  );
}
