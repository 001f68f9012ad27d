import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useEditorState } from '../../editor/useEditor';

/** The text, read-only, while the editor loads. */
export function JsonTextPreview() {
  const { text } = useEditorState();
  return (
    // focusable: a region that scrolls must scroll from the keyboard too (axe scrollable-region-focusable)
    <Box
      role="region"
      aria-label="Policy JSON, read-only while the editor loads"
      tabIndex={0}
      sx={{ height: '100%', overflow: 'auto', position: 'relative' }}
    >
      <Typography
        role="status"
        variant="caption"
        color="text.secondary"
        sx={{ position: 'absolute', top: 8, right: 16 }}
      >
        Loading the JSON editor…
      </Typography>
      <Box
        component="pre"
        sx={{
          m: 0,
          py: 1,
          pl: '42px',
          fontFamily: 'Menlo, Monaco, "Courier New", monospace',
          fontSize: 13,
          lineHeight: '19px',
          color: 'text.primary',
        }}
      >
        {text}
      </Box>
    </Box>
  );
}
