import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Typography from '@mui/material/Typography';
import { useId, useMemo } from 'react';
import type { ActionSummary } from '../../catalog/catalog';
import type { ActionDetail } from '../../catalog/types';
import { groupActions } from './actionGroups';
import { patternMatches } from './wildcardEdits';

export interface WildcardDialogProps {
  /** the wildcard entry as written ("s3:Get*") */
  readonly pattern: string;
  readonly service: string;
  readonly serviceName: string;
  readonly actions: readonly ActionSummary[];
  /** lower-case action name → detail; undefined until the service's details load */
  readonly details: ReadonlyMap<string, ActionDetail> | undefined;
  readonly readOnly: boolean;
  /** "Replace by these actions": the wildcard becomes the names it matches today */
  readonly onReplace: () => void;
  /** "All but …": the wildcard without one action (its name, "GetObject") */
  readonly onAllBut: (name: string) => void;
  readonly onClose: () => void;
}

/** What a wildcard entry matches today, by access level, with the edits that open it up. */
export function WildcardDialog({
  pattern,
  service,
  serviceName,
  actions,
  details,
  readOnly,
  onReplace,
  onAllBut,
  onClose,
}: WildcardDialogProps) {
  const titleId = useId();
  const prefix = service.toLowerCase();
  const matches = useMemo(() => patternMatches(pattern, service, actions), [pattern, service, actions]);
  const groups = useMemo(() => groupActions(matches), [matches]);
  const n = matches.length;
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" aria-labelledby={titleId} scroll="paper">
      <DialogTitle id={titleId}>
        What{' '}
        <Box component="span" sx={{ fontFamily: 'monospace' }}>
          {pattern}
        </Box>{' '}
        matches
      </DialogTitle>
      <DialogContent dividers>
        <DialogContentText sx={{ mb: 1 }}>
          {n.toLocaleString()} {serviceName} action{n === 1 ? '' : 's'} today, and any that AWS adds later
          whose name fits. “All but” removes one: the wildcard is rewritten as the others, named or as smaller
          wildcards that match exactly them today.
        </DialogContentText>
        {groups.map((group) => {
          const headingId = `${titleId}-${group.level.replace(/\s+/g, '-')}`;
          return (
            <Box component="section" key={group.level} aria-labelledby={headingId} sx={{ mt: 1.5 }}>
              <Typography id={headingId} variant="subtitle2" component="h3" sx={{ fontWeight: 600 }}>
                {group.level} ({group.actions.length})
              </Typography>
              <Box component="ul" sx={{ listStyle: 'none', m: 0, p: 0 }}>
                {group.actions.map((action) => {
                  const entry = `${prefix}:${action.name}`;
                  const description = details?.get(action.name.toLowerCase())?.description;
                  return (
                    <Box
                      component="li"
                      key={action.name}
                      sx={{
                        display: 'flex',
                        alignItems: 'center',
                        gap: 1,
                        py: 0.25,
                        borderBottom: 1,
                        borderColor: 'divider',
                      }}
                    >
                      <Box sx={{ minWidth: 0, flex: 1 }}>
                        <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
                          {entry}
                        </Typography>
                        {description ? (
                          <Typography
                            variant="caption"
                            color="text.secondary"
                            component="div"
                            noWrap
                            title={description}
                          >
                            {description}
                          </Typography>
                        ) : null}
                      </Box>
                      <Button
                        size="small"
                        disabled={readOnly || n < 2}
                        aria-label={`All but ${entry}`}
                        onClick={() => onAllBut(action.name)}
                        sx={{ flexShrink: 0 }}
                      >
                        All but
                      </Button>
                    </Box>
                  );
                })}
              </Box>
            </Box>
          );
        })}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
        <Button variant="contained" disabled={readOnly || n === 0} onClick={onReplace}>
          Replace by these actions
        </Button>
      </DialogActions>
    </Dialog>
  );
}
