import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { memo, useMemo, useState } from 'react';
import { useCatalog } from '../../editor/useCatalog';
import type { StatementView } from '../../policy/model';
import { ActionPicker } from '../actions/ActionPicker';
import { readEntries } from '../actions/actionEntries';
import { countIncluded } from '../actions/actionGroups';
import { SplitByServiceButton } from './SplitByServiceButton';
import { ACTION_MEMBERS, sameStatementMembers } from '../common/statementProps';

export interface ServiceSectionsProps {
  readonly id: string;
  readonly statement: StatementView;
  /** the statement's services, lower case, in the order its actions name them */
  readonly services: readonly string[];
  readonly readOnly: boolean;
}

/**
 * The actions of a statement that names several services: one section per service, each with its
 * own action picker over the same list (closed until opened, so a long managed policy stays light),
 * and "Split into per-service blocks".
 */
export const ServiceSections = memo(function ServiceSections({ id, statement, services, readOnly }: ServiceSectionsProps) {
  const { view } = useCatalog();
  const [open, setOpen] = useState<ReadonlySet<string>>(() => new Set());
  const notAction = statement.action === undefined && statement.notAction !== undefined;
  const values = (notAction ? statement.notAction : statement.action)?.values;
  // Each section counts only its own service's entries: grouped once, not re-read per service.
  const valuesByService = useMemo(() => groupByService(values ?? []), [values]);
  // A statement of hundreds of services (ReadOnlyAccess) shows its first sections; the rest on request.
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? services : services.slice(0, FIRST_SECTIONS);
  return (
    <Stack spacing={1}>
      <Alert
        severity="info"
        variant="outlined"
        action={
          <SplitByServiceButton id={id} statement={statement} services={services} readOnly={readOnly} />
        }
        sx={{ alignItems: 'center' }}
      >
        This statement names actions of {services.length} services. Each has its own section; the effect,
        resources and conditions apply to all of them.
      </Alert>
      <Box>
        {shown.map((prefix) => {
          const service = view.service(prefix);
          const name = service?.name ?? prefix;
          const actions = service?.actions ?? [];
          const included = countIncluded(actions, readEntries(valuesByService.get(prefix) ?? [], prefix, actions));
          const expanded = open.has(prefix);
          const summaryId = `${id}-${prefix}-section`;
          return (
            <Accordion
              key={prefix}
              disableGutters
              variant="outlined"
              expanded={expanded}
              onChange={(_, next) =>
                setOpen((current) => {
                  const set = new Set(current);
                  if (next) set.add(prefix);
                  else set.delete(prefix);
                  return set;
                })
              }
              slotProps={{ transition: { unmountOnExit: true } }}
              sx={{ '&::before': { display: 'none' } }}
            >
              <AccordionSummary expandIcon={<ExpandMoreIcon />} id={summaryId}>
                <Stack direction="row" sx={{ alignItems: 'baseline', gap: 1, minWidth: 0, flexWrap: 'wrap' }}>
                  <Typography variant="subtitle2" component="span" sx={{ fontWeight: 600 }}>
                    {name}{' '}
                    <Box component="span" sx={{ color: 'text.secondary', fontWeight: 400 }}>
                      ({prefix})
                    </Box>
                  </Typography>
                  <Typography variant="body2" component="span" color="text.secondary">
                    {included.toLocaleString()} of {actions.length.toLocaleString()} actions{' '}
                    {notAction ? 'excluded' : 'selected'}
                  </Typography>
                </Stack>
              </AccordionSummary>
              <AccordionDetails>
                <ActionPicker id={id} statement={statement} service={prefix} readOnly={readOnly} shared />
              </AccordionDetails>
            </Accordion>
          );
        })}
      </Box>
      {shown.length < services.length && (
        <Box>
          <Button size="small" onClick={() => setShowAll(true)}>
            Show all {services.length.toLocaleString()} services
          </Button>
          <Typography variant="body2" component="span" color="text.secondary" sx={{ ml: 1 }}>
            {FIRST_SECTIONS} of {services.length.toLocaleString()} shown
          </Typography>
        </Box>
      )}
    </Stack>
  );
}, sameStatementMembers<ServiceSectionsProps>(ACTION_MEMBERS));

/** Sections shown before "Show all": enough for any hand-written statement, light for a managed policy's hundreds. */
const FIRST_SECTIONS = 20;

/** The entries of an Action list by service prefix (lower case); entries without a colon are left out. */
function groupByService(values: readonly string[]): ReadonlyMap<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const value of values) {
    const colon = value.indexOf(':');
    if (colon < 0) continue;
    const prefix = value.slice(0, colon).toLowerCase();
    const group = groups.get(prefix);
    if (group) group.push(value);
    else groups.set(prefix, [value]);
  }
  return groups;
}
