import Box from '@mui/material/Box';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useMemo } from 'react';
import { useCatalog } from '../../editor/useCatalog';
import type { JsonValue } from '../../policy/model';
import { buildModel } from '../../policy/parse';
import { summarize } from '../../policy/summary';
import type { EffectSummary, ServiceAccessSummary } from '../../policy/summary';
import { formatCount } from './managedPolicyFilter';

function accessText(service: ServiceAccessSummary): string {
  if (service.access === 'Full') return 'Full';
  const levels = service.levels
    .filter((level) => level.status !== 'None')
    .map((level) => `${level.level} ${level.count}/${level.total}`);
  return `Limited: ${levels.join(', ')}`;
}

function Section({ title, verb, section }: { title: string; verb: string; section: EffectSummary }) {
  const actions = section.services.reduce((sum, service) => sum + service.count, 0);
  if (section.services.length === 0 && section.unrecognized.length === 0) return null;
  return (
    <Box sx={{ mb: 2 }}>
      <Typography variant="subtitle2" component="h4">
        {verb} {formatCount(actions)} actions in {formatCount(section.services.length)} services
      </Typography>
      <Table size="small" aria-label={title} stickyHeader>
        <TableHead>
          <TableRow>
            <TableCell>Service</TableCell>
            <TableCell>Access</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {section.services.map((service) => (
            <TableRow key={service.prefix}>
              <TableCell sx={{ py: 0.5 }}>{service.name}</TableCell>
              <TableCell sx={{ py: 0.5 }}>{accessText(service)}</TableCell>
            </TableRow>
          ))}
          {section.unrecognized.map((service) => (
            <TableRow key={`?${service.prefix}`}>
              <TableCell sx={{ py: 0.5 }}>{service.prefix}</TableCell>
              <TableCell sx={{ py: 0.5 }}>{service.retired ? `Retired service (${service.retired})` : 'Not in the catalog'}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Box>
  );
}

/** A policy's summary per service (Full or Limited, per access level), for the import preview. */
export function PolicySummaryPreview({ document }: { document: JsonValue }) {
  const { view } = useCatalog();
  const summary = useMemo(() => summarize(buildModel(document), view), [document, view]);
  return (
    <Box>
      <Section title="Allow" verb="Allows" section={summary.allow} />
      <Section title="Explicit deny" verb="Explicitly denies" section={summary.deny} />
    </Box>
  );
}
