import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { Finding } from '../../policy/model';
import { countBySeverity, SEVERITY_LABELS, SEVERITY_ORDER } from '../findings/severity';

/** shown per severity other than errors (errors are all listed) */
const SHOWN = 5;

export function SizeLine({ size, quota, label }: { size: number; quota: number; label: string }) {
  const over = size > quota;
  const text = `${size.toLocaleString('en-US')} of ${quota.toLocaleString('en-US')} characters${over ? ' — over the quota' : ''}`;
  return (
    <Box
      role="meter"
      aria-label={label}
      aria-valuenow={size}
      aria-valuemin={0}
      aria-valuemax={quota}
      aria-valuetext={text}
    >
      <Typography variant="body2" color={over ? 'error' : 'text.secondary'}>
        {label}: {text} (whitespace outside strings not counted)
      </Typography>
      <LinearProgress
        variant="determinate"
        value={Math.min(100, (size / quota) * 100)}
        color={over ? 'error' : size / quota > 0.9 ? 'warning' : 'primary'}
        aria-hidden
        sx={{ height: 6, borderRadius: 3, mt: 0.5 }}
      />
    </Box>
  );
}

/** Findings grouped by severity: every error, and the first few of the others. */
export function FindingsBySeverity({ findings, label }: { findings: readonly Finding[]; label: string }) {
  const counts = countBySeverity(findings);
  if (findings.length === 0)
    return <Alert severity="success">No findings: the policy passes every check.</Alert>;
  return (
    <Box component="section" aria-label={label}>
      <Stack direction="row" spacing={0.5} sx={{ mb: 1, flexWrap: 'wrap', rowGap: 0.5 }}>
        {SEVERITY_ORDER.map((s) => (
          <Chip
            key={s}
            size="small"
            color={counts[s] > 0 ? SEVERITY_LABELS[s].color : 'default'}
            variant={counts[s] > 0 ? 'filled' : 'outlined'}
            label={`${counts[s]} ${counts[s] === 1 ? SEVERITY_LABELS[s].one : SEVERITY_LABELS[s].many}`}
          />
        ))}
      </Stack>
      <List dense disablePadding>
        {SEVERITY_ORDER.flatMap((severity) => {
          const group = findings.filter((f) => f.severity === severity);
          const shown = severity === 'error' ? group : group.slice(0, SHOWN);
          const items = shown.map((f, i) => (
            <ListItem key={`${severity}-${f.code}-${f.pointer}-${i}`} disableGutters sx={{ py: 0 }}>
              <ListItemText
                primary={f.message}
                secondary={`${SEVERITY_LABELS[severity].one} · ${f.code} · ${f.pointer || '/'}`}
                slotProps={{
                  primary: { variant: 'body2', color: severity === 'error' ? 'error' : 'textPrimary' },
                }}
              />
            </ListItem>
          ));
          if (group.length > shown.length) {
            items.push(
              <ListItem key={`${severity}-more`} disableGutters sx={{ py: 0 }}>
                <ListItemText
                  secondary={`and ${group.length - shown.length} more ${SEVERITY_LABELS[severity].many} (see the Findings tab)`}
                />
              </ListItem>,
            );
          }
          return items;
        })}
      </List>
    </Box>
  );
}
