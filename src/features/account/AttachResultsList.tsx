import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import ErrorIcon from '@mui/icons-material/Error';
import Box from '@mui/material/Box';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import type { AttachResult } from '../../api/contract';
import { KIND_LABEL, isSuccess, resultSummary, statusText, targetKey } from './attachResults';

/** One line per target: attached, already attached, or what failed and what to do. */
export function AttachResultsList({
  results,
  label,
}: {
  results: ReadonlyMap<string, AttachResult>;
  label: string;
}) {
  if (results.size === 0) return null;
  const all = [...results.values()];
  return (
    <Box component="section" aria-label={label}>
      <Typography variant="subtitle2" component="h3" role="status">
        {resultSummary(results)}
      </Typography>
      <List dense disablePadding>
        {all.map((r) => {
          const text = statusText(r);
          const ok = isSuccess(r.status);
          return (
            <ListItem key={targetKey(r)} disableGutters sx={{ alignItems: 'flex-start', py: 0.25 }}>
              <ListItemIcon sx={{ minWidth: 32, mt: 0.5 }}>
                {ok ? (
                  <CheckCircleIcon color="success" fontSize="small" />
                ) : (
                  <ErrorIcon color="error" fontSize="small" />
                )}
              </ListItemIcon>
              <ListItemText
                primary={`${KIND_LABEL[r.kind]} ${r.name}: ${text.label}`}
                secondary={text.detail}
                slotProps={{ primary: { variant: 'body2', color: ok ? 'textPrimary' : 'error' } }}
              />
            </ListItem>
          );
        })}
      </List>
    </Box>
  );
}
