import CloseIcon from '@mui/icons-material/Close';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import Box from '@mui/material/Box';
import ButtonBase from '@mui/material/ButtonBase';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { memo } from 'react';
import type { ActionEntries } from './actionEntries';

export interface EntryChipsProps {
  readonly entries: ActionEntries;
  readonly serviceName: string;
  readonly readOnly: boolean;
  readonly onRemove: (entry: string) => void;
  /** opens what a wildcard entry matches (WildcardDialog) */
  readonly onOpen: (entry: string) => void;
}

function countCovered(entries: ActionEntries, pattern: string): number {
  let n = 0;
  for (const p of entries.coveredBy.values()) if (p === pattern) n++;
  return n;
}

/**
 * The block's wildcard entries (and entries the catalog does not know) as removable chips; a
 * wildcard's chip opens what it matches today.
 */
export const EntryChips = memo(function EntryChips({
  entries,
  serviceName,
  readOnly,
  onRemove,
  onOpen,
}: EntryChipsProps) {
  const items = [
    ...entries.patterns.map((entry) => {
      const n = countCovered(entries, entry);
      return {
        entry,
        note: `${n.toLocaleString()} action${n === 1 ? '' : 's'}`,
        title: `Matches ${n} ${serviceName} action${n === 1 ? '' : 's'} today, and any that AWS adds later: open to see them by access level, name them or remove one`,
        unknown: false,
      };
    }),
    ...entries.others.map((entry) => ({
      entry,
      note: 'unknown',
      title: `Not an action of ${serviceName} in the catalog`,
      unknown: true,
    })),
  ];
  if (items.length === 0) return null;
  return (
    <Stack
      direction="row"
      component="ul"
      aria-label="Patterns and other entries"
      sx={{ flexWrap: 'wrap', gap: 1, listStyle: 'none', m: 0, p: 0 }}
    >
      {items.map(({ entry, note, title, unknown }) => (
        <Box
          component="li"
          key={entry}
          sx={{
            display: 'inline-flex',
            alignItems: 'center',
            gap: 0.5,
            pl: 1.25,
            pr: 0.25,
            height: 30,
            borderRadius: 4,
            border: 1,
            borderColor: unknown ? 'warning.main' : 'primary.main',
            bgcolor: unknown ? 'transparent' : 'action.selected',
          }}
        >
          {unknown ? (
            <>
              <WarningAmberIcon fontSize="small" color="warning" aria-hidden />
              <Tooltip title={title}>
                <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
                  {entry}
                </Typography>
              </Tooltip>
              <Typography variant="caption" color="text.secondary">
                {note}
              </Typography>
            </>
          ) : (
            <Tooltip title={title} describeChild>
              <ButtonBase
                aria-haspopup="dialog"
                onClick={() => onOpen(entry)}
                sx={{ gap: 0.5, borderRadius: 1, px: 0.25, height: '100%', '&.Mui-focusVisible': { outline: 2, outlineColor: 'primary.main' } }}
              >
                <Typography variant="body2" component="span" sx={{ fontFamily: 'monospace' }}>
                  {entry}
                </Typography>{' '}
                <Typography variant="caption" component="span" color="text.secondary">
                  {note}
                </Typography>
              </ButtonBase>
            </Tooltip>
          )}
          <IconButton
            size="small"
            aria-label={`Remove ${entry}`}
            disabled={readOnly}
            onClick={() => onRemove(entry)}
          >
            <CloseIcon sx={{ fontSize: 16 }} />
          </IconButton>
        </Box>
      ))}
    </Stack>
  );
});
