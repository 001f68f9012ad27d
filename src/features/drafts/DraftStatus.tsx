import Typography from '@mui/material/Typography';
import { useDraftSync } from '../../editor/useEditor';

/** "Saved in this browser" once the draft as shown is in storage; "Saving…" until then. */
export function DraftStatus() {
  const { saved, conflict } = useDraftSync();
  const text = conflict ? 'Not saved: choose which draft to keep' : saved ? 'Saved in this browser' : 'Saving…';
  return (
    <Typography variant="caption" color="text.secondary" role="status" aria-label="Draft status" sx={{ display: 'block', textAlign: 'right', mt: 0.5 }}>
      {text}
    </Typography>
  );
}
