import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import { useCatalog } from '../../editor/useCatalog';
import { useAnalysis } from '../../editor/useEditor';
import { summarize, type EffectSummary } from '../../policy/summary';

function Section({ title, section }: { title: string; section: EffectSummary }) {
  if (section.services.length === 0 && section.unrecognized.length === 0) return null;
  return (
    <Box sx={{ mb: 3 }}>
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
        {title}
      </Typography>
      <Table size="small" aria-label={title}>
        <TableHead>
          <TableRow>
            <TableCell>Service</TableCell>
            <TableCell>Access level</TableCell>
            <TableCell>Resource</TableCell>
            <TableCell>Request condition</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {section.services.map((s) => (
            <TableRow key={s.prefix}>
              <TableCell>{s.name}</TableCell>
              <TableCell>
                {s.access === 'Full' ? (
                  'Full access'
                ) : (
                  <>
                    Limited:{' '}
                    {s.levels
                      .filter((l) => l.status !== 'None')
                      .map((l) => `${l.status === 'Full' ? 'Full' : 'Limited'} ${l.level} (${l.count}/${l.total})`)
                      .join(', ')}
                  </>
                )}
              </TableCell>
              <TableCell>
                {s.resources.all
                  ? 'All resources'
                  : s.resources.notResources.length
                    ? `All resources except ${s.resources.notResources.join(', ')}`
                    : s.resources.patterns.join(', ') || 'None'}
              </TableCell>
              <TableCell>{s.conditions ? s.conditionKeys.join(', ') : 'None'}</TableCell>
            </TableRow>
          ))}
          {section.unrecognized.map((u) => (
            <TableRow key={`?${u.prefix}`}>
              <TableCell>{u.prefix}</TableCell>
              <TableCell colSpan={3}>
                {u.retired ? `Retired service (${u.retired})` : 'Unrecognized service'}: {u.actions.join(', ')}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

/** The policy summary, per service and access level, as the console shows it. */
export function SummaryPanel() {
  const { model } = useAnalysis();
  const { view, version } = useCatalog();
  const summary = useMemo(() => {
    void version;
    return model ? summarize(model, view) : null;
  }, [model, view, version]);
  if (!summary) return <Alert severity="info">No policy to summarize.</Alert>;
  const empty = summary.allow.services.length + summary.allow.unrecognized.length + summary.deny.services.length + summary.deny.unrecognized.length === 0;
  return (
    <Box sx={{ p: 2, overflow: 'auto', height: '100%' }}>
      {empty && <Alert severity="info">The policy grants nothing yet: choose a service and actions.</Alert>}
      <Section title="Allow" section={summary.allow} />
      <Section title="Explicit deny" section={summary.deny} />
    </Box>
  );
}
