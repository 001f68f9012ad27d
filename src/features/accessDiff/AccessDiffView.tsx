import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Collapse from '@mui/material/Collapse';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import type { AccessDiff, AccessEntry } from '../../policy/accessDiff';

export interface AccessDiffViewProps {
  readonly diff: AccessDiff | undefined;
  /** what is compared, for screen readers: "Access compared with the default version" */
  readonly label: string;
  /** shown while the diff is worked out */
  readonly pending?: boolean;
}

const SHOWN = 200;

function entryText(entry: AccessEntry): string {
  const conditions = entry.conditions ? ` when ${JSON.stringify(entry.conditions)}` : '';
  return `${entry.action} on ${entry.resource}${conditions}`;
}

/**
 * What changed in access, not in lines: a sentence on top ("Grants new access: 3 actions", "No
 * change in access"), one phrase per service and access level ("+3 Write actions in Amazon S3"),
 * and the added, unproved and removed grants on request.
 */
export function AccessDiffView({ diff, label, pending }: AccessDiffViewProps) {
  const [open, setOpen] = useState(false);
  if (!diff) {
    return (
      <Alert severity="info" role="status" aria-label={label}>
        {pending ? 'Working out what changes in access…' : 'No access comparison.'}
      </Alert>
    );
  }
  const { summary } = diff;
  const changed = summary.addedActions + summary.uncertainActions + summary.removedActions > 0;
  const severity = diff.newAccess ? 'warning' : changed ? 'info' : 'success';
  const lists: readonly [string, readonly AccessEntry[], string][] = [
    ['Added', diff.added, '+'],
    ['Changed, cannot prove narrower', diff.uncertain, '~'],
    ['Removed or narrowed', diff.removed, '−'],
  ];
  return (
    <Alert severity={severity} role="region" aria-label={label}>
      <Typography variant="body2" sx={{ fontWeight: 700 }}>
        {summary.sentence}
      </Typography>
      {summary.phrases.length > 0 && (
        <Typography variant="body2">{summary.phrases.slice(0, 8).join(', ')}{summary.phrases.length > 8 ? ', …' : ''}</Typography>
      )}
      {changed && (
        <>
          <Button size="small" color="inherit" onClick={() => setOpen((v) => !v)} aria-expanded={open} sx={{ mt: 0.5, px: 0 }}>
            {open ? 'Hide the grants' : 'Show the grants'}
          </Button>
          <Collapse in={open} unmountOnExit>
            {lists.map(([title, entries, sign]) =>
              entries.length === 0 ? null : (
                <Box key={title} component="section" aria-label={title} sx={{ mt: 1 }}>
                  <Typography variant="caption" sx={{ fontWeight: 700 }}>
                    {title} ({entries.length.toLocaleString('en-US')})
                  </Typography>
                  <Box
                    component="ul"
                    sx={{ m: 0, pl: 2, fontFamily: 'monospace', fontSize: 12, maxHeight: 200, overflow: 'auto' }}
                  >
                    {entries.slice(0, SHOWN).map((entry, i) => (
                      <li key={i}>
                        {sign} {entryText(entry)}
                        {'why' in entry ? ` (${String((entry as { why: string }).why)})` : ''}
                      </li>
                    ))}
                    {entries.length > SHOWN && <li>… and {(entries.length - SHOWN).toLocaleString('en-US')} more</li>}
                  </Box>
                </Box>
              ),
            )}
          </Collapse>
        </>
      )}
    </Alert>
  );
}
