import AddIcon from '@mui/icons-material/Add';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { memo, useId, useMemo, useState } from 'react';
import { useEditorDispatch } from '../../editor/useEditor';
import { getMember } from '../../policy/json';
import type { StatementView } from '../../policy/model';
import { sameStatementMembers } from '../common/statementProps';

export interface SharedResourcesProps {
  readonly id: string;
  readonly statement: StatementView;
  /** the services the statement's actions belong to, lower case */
  readonly services: readonly string[];
  readonly readOnly: boolean;
}

const NO_RESOURCES: readonly string[] = [];

/** "arn:aws:ecs:…" → "ecs"; undefined for "*" and ARNs of any service. */
function arnService(value: string): string | undefined {
  if (!value.startsWith('arn:')) return undefined;
  const field = value.split(':')[2];
  return field === undefined || field === '' || /[*?$]/.test(field) ? undefined : field.toLowerCase();
}

/**
 * The Resource of a statement that names actions of several services: all resources, or the ARNs
 * as a list (each says which service it is for), one shared by every section. Picking ARNs part
 * by part per resource type is done per service, after "Split into per-service blocks".
 */
export const SharedResources = memo(function SharedResources({ id, statement, services, readOnly }: SharedResourcesProps) {
  const dispatch = useEditorDispatch();
  const headingId = useId();
  const [draft, setDraft] = useState('');
  const [saved, setSaved] = useState<readonly string[] | null>(null);
  const [specificChosen, setSpecificChosen] = useState(false);
  const resources = useMemo(() => {
    const value = getMember(statement.raw, 'Resource');
    if (typeof value === 'string') return [value];
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as readonly string[];
    return NO_RESOURCES;
  }, [statement.raw]);
  const all = resources.includes('*');
  const scope = all ? 'all' : resources.length > 0 || specificChosen ? 'specific' : '';
  const write = (next: readonly string[], label: string) =>
    dispatch({ type: 'setField', id, key: 'Resource', value: [...next], label });
  const add = () => {
    const arn = draft.trim();
    if (arn === '' || resources.includes(arn)) return;
    write([...resources.filter((r) => r !== '*'), arn], 'Add resource ARN');
    setDraft('');
  };
  return (
    <Box role="group" aria-labelledby={headingId}>
      <Typography id={headingId} variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        Resources
      </Typography>
      <Typography variant="body2" color="text.secondary">
        One Resource list for the actions of all {services.length} services. To choose ARNs by resource type,
        split the block into per-service blocks.
      </Typography>
      <RadioGroup
        row
        aria-label="Resource scope"
        value={scope}
        onChange={(_, value) => {
          if (value === 'all') {
            const specific = resources.filter((r) => r !== '*');
            if (specific.length) setSaved(specific);
            write(['*'], 'All resources');
          } else {
            setSpecificChosen(true);
            if (all) write(saved ?? resources.filter((r) => r !== '*'), 'Specific resources');
          }
        }}
      >
        <FormControlLabel
          value="all"
          disabled={readOnly}
          control={<Radio size="small" />}
          label="All resources"
        />
        <FormControlLabel
          value="specific"
          disabled={readOnly}
          control={<Radio size="small" />}
          label="Specific resources"
        />
      </RadioGroup>
      {scope === 'specific' && (
        <Stack spacing={1}>
          {resources.length > 0 && (
            <List dense disablePadding aria-label="Resource ARNs">
              {resources.map((arn, index) => {
                const service = arnService(arn);
                const known = service !== undefined && services.includes(service);
                return (
                  <ListItem
                    key={`${index}-${arn}`}
                    disableGutters
                    secondaryAction={
                      <Tooltip title="Remove this ARN">
                        <span>
                          <IconButton
                            edge="end"
                            size="small"
                            aria-label={`Remove ${arn}`}
                            disabled={readOnly}
                            onClick={() =>
                              write(
                                resources.filter((_, i) => i !== index),
                                'Remove resource ARN',
                              )
                            }
                          >
                            <DeleteOutlineIcon fontSize="small" />
                          </IconButton>
                        </span>
                      </Tooltip>
                    }
                  >
                    <ListItemText
                      primary={arn}
                      secondary={
                        service === undefined ? 'any service' : known ? `for ${service}` : `a ${service} ARN`
                      }
                      slotProps={{ primary: { sx: { fontFamily: 'monospace', wordBreak: 'break-all' } } }}
                    />
                  </ListItem>
                );
              })}
            </List>
          )}
          <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <TextField
              size="small"
              label="Add a resource ARN"
              placeholder={`arn:aws:${services[0] ?? 'service'}:region:account:resource`}
              value={draft}
              disabled={readOnly}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  add();
                }
              }}
              sx={{ flex: 1, maxWidth: 520 }}
              slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
            />
            <Button
              variant="outlined"
              startIcon={<AddIcon />}
              disabled={readOnly || draft.trim() === ''}
              onClick={add}
            >
              Add ARN
            </Button>
          </Stack>
        </Stack>
      )}
    </Box>
  );
}, sameStatementMembers<SharedResourcesProps>(['Resource', 'NotResource']));
