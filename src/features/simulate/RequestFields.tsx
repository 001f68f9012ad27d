/** The request's fields: actions, resources (from resource type templates), principal, context. */
import AddIcon from '@mui/icons-material/Add';
import CloseIcon from '@mui/icons-material/Close';
import Autocomplete, { createFilterOptions } from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ActionSummary } from '../../catalog/catalog';
import { foldCase, hasWildcard } from '../../policy/wildcard';
import type { KeyOption, ResourceTypeOption } from './options';
import { fillTemplate, firstPlaceholder } from './options';
import type { ContextEntry } from './scenario';
import { ACTION_NAME, type ContextBuild } from './simulation';

const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

// ---------------------------------------------------------------------------------------------
// actions

interface ActionOption {
  readonly name: string;
  readonly group: 'In the draft' | 'All actions';
  readonly level?: string;
}

const OPTION_LIMIT = 100;

export interface ActionsFieldProps {
  readonly value: readonly string[];
  readonly onChange: (actions: string[]) => void;
  /** the draft's actions, expanded from its wildcards */
  readonly draftActions: readonly ActionSummary[];
  readonly allActions: readonly ActionSummary[];
  readonly problems: readonly string[];
}

export function ActionsField({ value, onChange, draftActions, allActions, problems }: ActionsFieldProps) {
  const options = useMemo<ActionOption[]>(() => {
    const inDraft = new Set<string>();
    const out: ActionOption[] = [];
    for (const a of draftActions) {
      const name = `${a.service}:${a.name}`;
      inDraft.add(foldCase(name));
      out.push({ name, group: 'In the draft', level: a.accessLevel });
    }
    for (const a of allActions) {
      const name = `${a.service}:${a.name}`;
      if (!inDraft.has(foldCase(name))) out.push({ name, group: 'All actions', level: a.accessLevel });
    }
    return out;
  }, [draftActions, allActions]);
  const filter = useMemo(() => createFilterOptions<ActionOption>({ limit: OPTION_LIMIT, stringify: (o) => o.name }), []);
  const [input, setInput] = useState('');
  const inputProblem =
    input.trim() !== '' && !ACTION_NAME.test(input.trim()) && !(hasWildcard(input) && input.includes(':'))
      ? 'An action is service:Action, e.g. s3:GetObject (a wildcard such as s3:Get* takes every match); press Enter to add it'
      : undefined;
  return (
    <Autocomplete<ActionOption | string, true, false, true>
      multiple
      freeSolo
      autoHighlight
      options={options}
      value={[...value]}
      inputValue={input}
      onInputChange={(_, v) => setInput(v)}
      filterOptions={(opts, state) => filter(opts as ActionOption[], state)}
      groupBy={(o) => (typeof o === 'string' ? '' : o.group)}
      getOptionLabel={(o) => (typeof o === 'string' ? o : o.name)}
      isOptionEqualToValue={(o, v) => (typeof o === 'string' ? o : o.name) === (typeof v === 'string' ? v : v.name)}
      onChange={(_, next) => {
        const names = next.map((o) => (typeof o === 'string' ? o.trim() : o.name)).filter((n) => n !== '');
        const seen = new Set<string>();
        onChange(names.filter((n) => !seen.has(foldCase(n)) && seen.add(foldCase(n)) !== undefined));
      }}
      renderOption={(props, o) => {
        const { key, ...rest } = props;
        const option = typeof o === 'string' ? { name: o, level: undefined } : o;
        return (
          <li key={key} {...rest}>
            <Box component="span" sx={{ fontFamily: MONO, fontSize: 13, flex: 1 }}>
              {option.name}
            </Box>
            {option.level && (
              <Typography component="span" variant="caption" color="text.secondary">
                {option.level}
              </Typography>
            )}
          </li>
        );
      }}
      renderValue={(selected, getItemProps) =>
        selected.map((o, index) => {
          const name = typeof o === 'string' ? o : o.name;
          const { key, ...itemProps } = getItemProps({ index });
          return (
            <Chip
              key={key}
              {...itemProps}
              size="small"
              label={name}
              color={hasWildcard(name) ? 'info' : 'default'}
              sx={{ fontFamily: MONO }}
            />
          );
        })
      }
      renderInput={(params) => (
        <TextField
          {...params}
          label="Actions"
          placeholder={value.length === 0 ? 'Search the draft’s actions or all actions; s3:Get* takes every match' : ''}
          error={inputProblem !== undefined || problems.length > 0}
          helperText={inputProblem ?? (problems.length > 0 ? problems.join(' ') : undefined)}
        />
      )}
    />
  );
}

// ---------------------------------------------------------------------------------------------
// resources

export interface ResourcesFieldProps {
  readonly value: readonly string[];
  readonly onChange: (resources: string[]) => void;
  readonly typeOptions: readonly ResourceTypeOption[];
  readonly principal: string;
}

function resourceProblem(resource: string): string | undefined {
  const t = resource.trim();
  if (t === '' || t === '*') return undefined;
  const hole = firstPlaceholder(t);
  if (hole) return `Replace ${t.slice(hole.start, hole.end)} with the resource's name`;
  if (!t.startsWith('arn:')) return 'A resource is an ARN (arn:aws:…) or "*"';
  return undefined;
}

export function ResourcesField({ value, onChange, typeOptions, principal }: ResourcesFieldProps) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [focus, setFocus] = useState<number | null>(null);
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const rows = value.length === 0 ? [''] : value;

  // after a template is added: focus it with its first ${Name} selected, ready to type over
  useEffect(() => {
    if (focus === null) return;
    const input = inputs.current[focus];
    if (input) {
      input.focus();
      const hole = firstPlaceholder(input.value);
      if (hole) input.setSelectionRange(hole.start, hole.end);
    }
    setFocus(null);
  }, [focus]);

  const set = (i: number, text: string) => onChange(rows.map((r, j) => (j === i ? text : r)));
  const add = (text: string) => {
    const empty = rows.findIndex((r) => r.trim() === '');
    const next = empty >= 0 ? rows.map((r, j) => (j === empty ? text : r)) : [...rows, text];
    onChange(next);
    setFocus(empty >= 0 ? empty : next.length - 1);
  };

  return (
    <Stack spacing={1}>
      {rows.map((r, i) => {
        const problem = resourceProblem(r);
        return (
          <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <TextField
              size="small"
              fullWidth
              label={rows.length === 1 ? 'Resource' : `Resource ${i + 1}`}
              value={r}
              placeholder='arn:aws:s3:::my-bucket/key, or * for any'
              onChange={(e) => set(i, e.target.value)}
              error={problem !== undefined}
              helperText={problem}
              slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: MONO, fontSize: 13 } } }}
              inputRef={(el: HTMLInputElement | null) => {
                inputs.current[i] = el;
              }}
            />
            {rows.length > 1 && (
              <IconButton aria-label={`Remove resource ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
                <CloseIcon fontSize="small" />
              </IconButton>
            )}
          </Stack>
        );
      })}
      <Stack direction="row" spacing={1}>
        <Button size="small" startIcon={<AddIcon />} onClick={(e) => setAnchor(e.currentTarget)} aria-haspopup="menu">
          Add a resource ARN
        </Button>
      </Stack>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)} slotProps={{ paper: { sx: { maxHeight: 420, maxWidth: 640 } } }}>
        <MenuItem
          onClick={() => {
            setAnchor(null);
            add('*');
          }}
        >
          <ListItemText primary='"*" (any resource)' secondary="For actions that take no resource, or to ignore the resource" />
        </MenuItem>
        {typeOptions.length === 0 && (
          <MenuItem disabled>
            <ListItemText primary="Choose actions to see their resource types" />
          </MenuItem>
        )}
        {typeOptions.map((t) => (
          <MenuItem
            key={`${t.service}/${t.name}`}
            onClick={() => {
              setAnchor(null);
              add(fillTemplate(t.template, principal));
            }}
          >
            <ListItemText
              primary={`${t.service} ${t.name}`}
              secondary={
                <>
                  <Box component="span" sx={{ fontFamily: MONO, display: 'block' }}>
                    {t.template}
                  </Box>
                  {`For ${t.actions.slice(0, 3).join(', ')}${t.actions.length > 3 ? ` and ${t.actions.length - 3} more` : ''}`}
                </>
              }
            />
          </MenuItem>
        ))}
      </Menu>
    </Stack>
  );
}

// ---------------------------------------------------------------------------------------------
// context

export interface ContextFieldProps {
  readonly entries: readonly ContextEntry[];
  readonly onChange: (entries: ContextEntry[]) => void;
  readonly options: readonly KeyOption[];
  readonly build: ContextBuild;
}

const TYPE_HINTS: Readonly<Record<string, string>> = {
  Bool: 'true or false',
  ArrayOfBool: 'true or false, comma-separated',
  Numeric: 'a number',
  Date: '2026-01-31T12:00:00Z',
  IPAddress: '203.0.113.5',
  ARN: 'arn:aws:…',
  ArrayOfARN: 'ARNs, comma-separated',
  ArrayOfString: 'values, comma-separated',
  String: 'a value',
};

export function ContextField({ entries, onChange, options, build }: ContextFieldProps) {
  const set = (i: number, change: Partial<ContextEntry>) =>
    onChange(entries.map((e, j) => (j === i ? { ...e, ...change } : e)));
  return (
    <Stack spacing={1}>
      {entries.map((entry, i) => {
        const type = build.types[i];
        const problem = build.problems[i];
        const keyProblem = problem !== undefined && (problem.includes('in the key') || problem.includes('twice') || problem.includes('spaces'));
        return (
          <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <Autocomplete<KeyOption | string, false, false, true>
              freeSolo
              autoHighlight
              size="small"
              sx={{ flex: 3, minWidth: 0 }}
              options={options as KeyOption[]}
              groupBy={(o) => (typeof o === 'string' ? '' : o.group)}
              getOptionLabel={(o) => (typeof o === 'string' ? o : o.key)}
              filterOptions={createFilterOptions<KeyOption | string>({
                limit: 60,
                stringify: (o) => (typeof o === 'string' ? o : o.key),
              })}
              inputValue={entry.key}
              onInputChange={(_, v) => set(i, { key: v })}
              renderOption={(props, o) => {
                const { key, ...rest } = props;
                const option = typeof o === 'string' ? { key: o, type: undefined, description: '' } : o;
                return (
                  <li key={key} {...rest} title={option.description}>
                    <Box component="span" sx={{ fontFamily: MONO, fontSize: 13, flex: 1, overflowWrap: 'anywhere' }}>
                      {option.key}
                    </Box>
                    {option.type && (
                      <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 1 }}>
                        {option.type}
                      </Typography>
                    )}
                  </li>
                );
              }}
              renderInput={(params) => (
                <TextField
                  {...params}
                  label={`Context key ${i + 1}`}
                  error={keyProblem}
                  helperText={keyProblem ? problem : type ? `Type ${type}` : entry.key.trim() !== '' ? 'A key the catalog does not know: taken as a string' : undefined}
                  slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, spellCheck: false, style: { fontFamily: MONO, fontSize: 13 } } }}
                />
              )}
            />
            <TextField
              size="small"
              sx={{ flex: 2, minWidth: 0 }}
              label={`Value of context key ${i + 1}`}
              value={entry.value}
              placeholder={type ? TYPE_HINTS[type] : 'value'}
              onChange={(e) => set(i, { value: e.target.value })}
              error={problem !== undefined && !keyProblem}
              helperText={problem !== undefined && !keyProblem ? problem : undefined}
              slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: MONO, fontSize: 13 } } }}
            />
            <IconButton aria-label={`Remove context key ${i + 1}`} onClick={() => onChange(entries.filter((_, j) => j !== i))}>
              <CloseIcon fontSize="small" />
            </IconButton>
          </Stack>
        );
      })}
      <Box>
        <Button size="small" startIcon={<AddIcon />} onClick={() => onChange([...entries, { key: '', value: '' }])}>
          Add a context key
        </Button>
      </Box>
      {build.derived.length > 0 && (
        <Typography variant="caption" color="text.secondary">
          From the principal: {build.derived.map((d) => `${d.key} = ${d.value}`).join(' · ')}. Keys not given are absent from the request.
        </Typography>
      )}
    </Stack>
  );
}
