import Box from '@mui/material/Box';
import type { CSSProperties } from 'react';
import type { DiffLine } from './lineDiff';

/** text for screen readers only */
const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
};

const MARK = { same: ' ', added: '+', removed: '-' } as const;

/** A line diff: removed lines red, added lines green, like a code review. */
export function LineDiffView({ lines, label }: { lines: readonly DiffLine[]; label: string }) {
  return (
    <Box
      component="pre"
      tabIndex={0}
      aria-label={label}
      sx={{
        m: 0,
        maxHeight: 340,
        overflow: 'auto',
        fontSize: 12.5,
        lineHeight: 1.45,
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
      }}
    >
      {lines.map((line, i) => (
        <Box
          component="div"
          key={i}
          data-diff={line.kind}
          sx={{
            px: 1,
            whiteSpace: 'pre',
            bgcolor:
              line.kind === 'added'
                ? 'rgba(46, 160, 67, 0.18)'
                : line.kind === 'removed'
                  ? 'rgba(248, 81, 73, 0.18)'
                  : 'transparent',
            color:
              line.kind === 'added'
                ? 'success.main'
                : line.kind === 'removed'
                  ? 'error.main'
                  : 'text.primary',
          }}
        >
          <Box
            component="span"
            aria-hidden
            sx={{ display: 'inline-block', width: '1.5em', userSelect: 'none', opacity: 0.8 }}
          >
            {MARK[line.kind]}
          </Box>
          {line.kind !== 'same' && <span style={visuallyHidden}>{line.kind}: </span>}
          {line.text}
        </Box>
      ))}
    </Box>
  );
}
