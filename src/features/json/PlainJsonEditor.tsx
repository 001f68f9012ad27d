import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import type { ChangeEvent } from 'react';
import { useEditorDispatch, useEditorState } from '../../editor/useEditor';

/** The JSON view without Monaco, for when Monaco cannot load: a plain text area bound to the same state. */
export function PlainJsonEditor({ reason }: { readonly reason: string }) {
  const state = useEditorState();
  const dispatch = useEditorDispatch();
  return (
    <Box sx={{ height: '100%', display: 'flex', flexDirection: 'column', gap: 1, p: 1 }}>
      <Alert severity="warning">
        The code editor could not load ({reason}), so this is a plain text view. Reload the page to try again.
      </Alert>
      <Box
        component="textarea"
        aria-label="Policy JSON"
        spellCheck={false}
        value={state.text}
        onChange={(e: ChangeEvent<HTMLTextAreaElement>) =>
          dispatch({ type: 'setText', text: e.target.value, at: Date.now() })
        }
        sx={{
          flex: 1,
          minHeight: 0,
          resize: 'none',
          fontFamily: 'monospace',
          fontSize: 13,
          p: 1,
          bgcolor: 'background.paper',
          color: 'text.primary',
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
        }}
      />
    </Box>
  );
}
