import Alert from '@mui/material/Alert';
import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useMemo, useState } from 'react';
import { useCatalog } from '../../editor/useCatalog';
import { useEditorDispatch, useEditorState } from '../../editor/useEditor';
import { statementsOf } from '../../editor/policyReducer';
import type { ServiceSummary } from '../../catalog/catalog';
import { actionElement } from '../../policy/grants';
import { isJsonObject } from '../../policy/json';
import { describeCrossService, planExclusion } from './excludePlan';
import type { ExcludeRemedy } from './excludePlan';
import { formatCount } from './managedPolicyFilter';
import { metaAfterRemoval } from './metaAfterRemoval';

const MAX_LINES = 12;

interface ServiceOption {
  readonly service: ServiceSummary;
  readonly group: string;
}

/** Lower-cased service prefixes written literally in the draft's Action and NotAction lists. */
function namedPrefixes(document: unknown): Set<string> {
  const prefixes = new Set<string>();
  for (const statement of statementsOf(document as never)) {
    if (!isJsonObject(statement)) continue;
    for (const value of actionElement(statement)?.values ?? []) {
      const colon = value.indexOf(':');
      if (colon > 0 && !/[*?]/.test(value.slice(0, colon))) prefixes.add(value.slice(0, colon).toLowerCase());
    }
  }
  return prefixes;
}

export interface ExcludeServiceDialogProps {
  readonly open: boolean;
  readonly onClose: () => void;
  readonly onDone: (message: string) => void;
}

/**
 * "Exclude a service": removes every permission of one service from the draft's Allow statements,
 * says which wildcards also match other services and offers the two remedies, then applies the
 * result as one undoable change.
 */
export function ExcludeServiceDialog({ open, onClose, onDone }: ExcludeServiceDialogProps) {
  const state = useEditorState();
  const dispatch = useEditorDispatch();
  const { view } = useCatalog();
  const titleId = useId();
  const remedyLabel = useId();
  const [choice, setChoice] = useState<ServiceOption | null>(null);
  const [remedy, setRemedy] = useState<ExcludeRemedy>('expand');

  const options = useMemo(() => {
    const named = namedPrefixes(state.document);
    const byName = [...view.services].sort((a, b) => a.name.localeCompare(b.name));
    // Prefixes the draft names that the catalog does not list (retired or unknown services) are
    // offered too: every prefix present in the draft can be excluded.
    const listed = new Set(view.services.map((s) => s.prefix.toLowerCase()));
    const unlisted = [...named]
      .filter((prefix) => !listed.has(prefix))
      .sort()
      .map((prefix) => {
        const retired = Object.prototype.hasOwnProperty.call(view.retiredServices, prefix) ? view.retiredServices[prefix] : undefined;
        const name = retired ? `${retired} (retired)` : `Unknown service ${prefix}`;
        return { service: { prefix, name, actions: [] }, group: 'Named in this policy' };
      });
    return [
      ...unlisted,
      ...byName.filter((s) => named.has(s.prefix.toLowerCase())).map((service) => ({ service, group: 'Named in this policy' })),
      ...byName.filter((s) => !named.has(s.prefix.toLowerCase())).map((service) => ({ service, group: 'All services' })),
    ];
  }, [state.document, view]);

  const service = choice?.service;
  const plan = useMemo(
    () => (service ? planExclusion(state.document, service.prefix, view, remedy) : undefined),
    [service, state.document, view, remedy],
  );

  const apply = () => {
    if (!plan || !service || !plan.changed || plan.error) return;
    const metas = state.ids.map((id) => state.meta[id]);
    dispatch({
      type: 'replaceDocument',
      document: plan.document,
      label: `Exclude ${service.name}`,
      meta: metaAfterRemoval(metas, plan.removedStatements, plan.appended),
    });
    onDone(`Excluded ${service.name} (${service.prefix}) from the policy.`);
    onClose();
  };

  const lines = plan?.changes ?? [];
  return (
    <Dialog open={open} onClose={onClose} fullWidth maxWidth="md" aria-labelledby={titleId}>
      <DialogTitle id={titleId}>Exclude a service</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Typography variant="body2" color="text.secondary">
            Removes every permission of one service from the Allow statements, and nothing else: every other action stays
            allowed with the same resources and conditions. Deny statements are left as they are.
          </Typography>
          <Autocomplete
            options={options}
            groupBy={(option) => option.group}
            getOptionLabel={(option) => `${option.service.name} (${option.service.prefix})`}
            isOptionEqualToValue={(a, b) => a.service.prefix === b.service.prefix}
            value={choice}
            onChange={(_, value) => setChoice(value)}
            renderInput={(params) => <TextField {...params} label="Service to exclude" autoFocus />}
          />
          {plan && service && (
            <>
              {plan.error && <Alert severity="error">{plan.error}</Alert>}
              {!plan.error && !plan.changed && plan.crossService.length === 0 && (
                <Alert severity="info">This policy allows no action of {service.name}: there is nothing to exclude.</Alert>
              )}
              {plan.crossService.length > 0 && (
                <Alert severity="warning">
                  <Typography variant="body2" sx={{ fontWeight: 600, mb: 0.5 }}>
                    {plan.crossService.length === 1 ? 'A wildcard also matches' : 'Wildcards also match'} other services
                  </Typography>
                  <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                    {plan.crossService.map((note) => (
                      <li key={`${note.statementIndex}:${note.pattern}`}>
                        <Typography variant="body2">{describeCrossService(note, service.name)}</Typography>
                      </li>
                    ))}
                  </Box>
                </Alert>
              )}
              {plan.crossService.length > 0 && (
                <FormControl>
                  <FormLabel id={remedyLabel}>How to take {service.name} out of these wildcards</FormLabel>
                  <RadioGroup aria-labelledby={remedyLabel} value={remedy} onChange={(e) => setRemedy(e.target.value as ExcludeRemedy)}>
                    <FormControlLabel
                      value="expand"
                      control={<Radio />}
                      label={
                        <Box>
                          <Typography variant="body2">Expand the wildcards per service</Typography>
                          <Typography variant="caption" color="text.secondary">
                            Writes one pattern per other service instead (for example ec2:Get*). Exact for today’s
                            catalog; services AWS adds later are not covered.
                          </Typography>
                        </Box>
                      }
                    />
                    <FormControlLabel
                      value="deny"
                      control={<Radio />}
                      label={
                        <Box>
                          <Typography variant="body2">Add a Deny block for {service.name}</Typography>
                          <Typography variant="caption" color="text.secondary">
                            Keeps the wildcards and adds an explicit Deny for {service.prefix}:*. A Deny also overrides
                            the principal’s other policies: the principal loses {service.name} altogether.
                          </Typography>
                        </Box>
                      }
                    />
                  </RadioGroup>
                </FormControl>
              )}
              {lines.length > 0 && (
                <Box component="section" aria-label="Changes">
                  <Typography variant="subtitle2" component="h3">
                    What changes
                  </Typography>
                  <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                    {lines.slice(0, MAX_LINES).map((line, i) => (
                      <Typography component="li" variant="body2" key={i} sx={{ wordBreak: 'break-word' }}>
                        {line.length > 400 ? `${line.slice(0, 400)}…` : line}
                      </Typography>
                    ))}
                    {lines.length > MAX_LINES && (
                      <Typography component="li" variant="body2" color="text.secondary">
                        … and {formatCount(lines.length - MAX_LINES)} more changes
                      </Typography>
                    )}
                  </Box>
                  <Typography variant="body2" sx={{ mt: 1 }}>
                    Checked: no action of {service.name} stays allowed, and the other {formatCount(plan.othersAllowed)} actions
                    still are.
                  </Typography>
                  <Typography variant="body2" color="text.secondary">
                    Size: {formatCount(plan.sizeBefore)} → {formatCount(plan.sizeAfter)} characters
                  </Typography>
                </Box>
              )}
            </>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button variant="contained" disabled={!plan?.changed || plan.error !== undefined} onClick={apply}>
          {service ? `Exclude ${service.name}` : 'Exclude'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
