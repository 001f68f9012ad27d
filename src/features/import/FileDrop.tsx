import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { alpha } from '@mui/material/styles';
import { useEffect, useRef, useState } from 'react';
import { carriesFiles } from './carriesFiles';
import { readFileText } from './readFileText';

export interface FileDropProps {
  /** a file was dropped and read */
  readonly onFile: (text: string, name: string) => void;
  readonly onError: (message: string) => void;
}

/**
 * Dropping a file anywhere on the page: an overlay "Drop a policy JSON file" while a file is
 * dragged over, and the file's text handed to `onFile`. Listens on the window in the capture
 * phase, so that editors on the page (Monaco) do not take the file as text.
 */
export function FileDrop({ onFile, onError }: FileDropProps) {
  const [dragging, setDragging] = useState(false);
  const handlers = useRef({ onFile, onError });
  useEffect(() => {
    handlers.current = { onFile, onError };
  }, [onFile, onError]);

  useEffect(() => {
    let depth = 0;
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth += 1;
      setDragging(true);
    };
    const over = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      event.stopPropagation();
      depth = 0;
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      void readFileText(file).then((result) => {
        if (result.ok) handlers.current.onFile(result.text, file.name);
        else handlers.current.onError(result.message);
      });
    };
    window.addEventListener('dragenter', enter, true);
    window.addEventListener('dragover', over, true);
    window.addEventListener('dragleave', leave, true);
    window.addEventListener('drop', drop, true);
    return () => {
      window.removeEventListener('dragenter', enter, true);
      window.removeEventListener('dragover', over, true);
      window.removeEventListener('dragleave', leave, true);
      window.removeEventListener('drop', drop, true);
    };
  }, []);

  if (!dragging) return null;
  return (
    <Box
      sx={(theme) => ({
        position: 'fixed',
        inset: 0,
        zIndex: theme.zIndex.modal + 10,
        pointerEvents: 'none',
        display: 'grid',
        placeItems: 'center',
        bgcolor: alpha(theme.palette.primary.main, 0.12),
        border: `3px dashed ${theme.palette.primary.main}`,
      })}
    >
      <Box sx={{ bgcolor: 'background.paper', px: 3, py: 1.5, borderRadius: 2, boxShadow: 3, textAlign: 'center' }}>
        <Typography variant="h5" component="p">
          Drop a policy JSON file
        </Typography>
        <Typography variant="body2" color="text.secondary">
          You choose to add it to the draft or replace the draft next.
        </Typography>
      </Box>
    </Box>
  );
}
