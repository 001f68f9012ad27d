/** The policies around the draft: its place in the set, and the pasted or opened others. */
import AddIcon from '@mui/icons-material/Add';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import FolderOpenIcon from '@mui/icons-material/FolderOpenOutlined';
import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId, useRef, useState } from 'react';
import type { PolicyScope } from '../../policy/evaluate/types';
import type { OtherPolicies } from './scenario';

const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

export const DRAFT_AS_LABELS: Readonly<Record<PolicyScope, string>> = {
  identity: 'an identity-based policy of the principal',
  boundary: 'the principal’s permissions boundary',
  scp: 'a service control policy (SCP)',
  resource: 'the resource-based policy',
  session: 'the session policy',
};

interface PolicyTextProps {
  readonly label: string;
  readonly value: string;
  readonly problem: string | undefined;
  readonly onChange: (text: string) => void;
  readonly onRemove?: () => void;
}

function PolicyText({ label, value, problem, onChange, onRemove }: PolicyTextProps) {
  const file = useRef<HTMLInputElement>(null);
  const id = useId();
  const [readError, setReadError] = useState<string | null>(null);
  return (
    <Box>
      <TextField
        label={label}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        multiline
        minRows={2}
        maxRows={10}
        fullWidth
        size="small"
        placeholder='Paste the policy JSON: {"Version": "2012-10-17", "Statement": [...]}'
        error={problem !== undefined || readError !== null}
        helperText={readError ?? problem ?? (value.trim() === '' ? 'Empty: no such policy' : undefined)}
        slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: MONO, fontSize: 12 } } }}
      />
      <Stack direction="row" spacing={1} sx={{ mt: 0.5 }}>
        <input
          ref={file}
          id={id}
          type="file"
          accept=".json,application/json,text/plain"
          hidden
          onChange={(e) => {
            const chosen = e.target.files?.[0];
            e.target.value = '';
            if (!chosen) return;
            chosen.text().then(
              (text) => {
                setReadError(null);
                onChange(text);
              },
              (error: unknown) => setReadError(`Could not read ${chosen.name}: ${error instanceof Error ? error.message : String(error)}`),
            );
          }}
        />
        <Button size="small" startIcon={<FolderOpenIcon />} onClick={() => file.current?.click()} aria-label={`Open a file as ${label.toLowerCase()}`}>
          Open file
        </Button>
        {value !== '' && (
          <Button size="small" onClick={() => onChange('')} aria-label={`Clear ${label.toLowerCase()}`}>
            Clear
          </Button>
        )}
        {onRemove && (
          <Button size="small" onClick={onRemove} aria-label={`Remove ${label.toLowerCase()}`}>
            Remove
          </Button>
        )}
      </Stack>
    </Box>
  );
}

export interface OtherPoliciesSectionProps {
  readonly draftAs: PolicyScope;
  readonly onDraftAs: (scope: PolicyScope) => void;
  readonly policies: OtherPolicies;
  readonly onChange: (policies: OtherPolicies) => void;
  readonly problems: ReadonlyMap<string, string>;
}

function countOf(policies: OtherPolicies): number {
  return (
    policies.identity.filter((t) => t.trim() !== '').length +
    policies.scps.filter((t) => t.trim() !== '').length +
    [policies.boundary, policies.resource, policies.session].filter((t) => t.trim() !== '').length
  );
}

export function OtherPoliciesSection({ draftAs, onDraftAs, policies, onChange, problems }: OtherPoliciesSectionProps) {
  const count = countOf(policies);
  const set = (change: Partial<OtherPolicies>) => onChange({ ...policies, ...change });
  const summary = `The draft is ${DRAFT_AS_LABELS[draftAs]}${count > 0 ? `; ${count} other ${count === 1 ? 'policy' : 'policies'}` : ''}`;
  return (
    <Accordion disableGutters variant="outlined" defaultExpanded={count > 0 || draftAs !== 'identity'}>
      <AccordionSummary expandIcon={<ExpandMoreIcon />} aria-controls="simulate-policies" id="simulate-policies-header">
        <Box>
          <Typography variant="subtitle2" component="h3">
            Policies
          </Typography>
          <Typography variant="caption" color="text.secondary">
            {summary}
          </Typography>
        </Box>
      </AccordionSummary>
      <AccordionDetails id="simulate-policies">
        <Stack spacing={2}>
          <TextField select size="small" label="The draft is" value={draftAs} onChange={(e) => onDraftAs(e.target.value as PolicyScope)}>
            {(Object.keys(DRAFT_AS_LABELS) as PolicyScope[]).map((s) => (
              <MenuItem key={s} value={s}>
                {DRAFT_AS_LABELS[s]}
              </MenuItem>
            ))}
          </TextField>
          <Stack spacing={1}>
            <Typography variant="subtitle2">Other identity-based policies of the principal</Typography>
            {policies.identity.map((t, i) => (
              <PolicyText
                key={i}
                label={`Identity policy ${i + 1}`}
                value={t}
                problem={problems.get(`identity.${i}`)}
                onChange={(text) => set({ identity: policies.identity.map((x, j) => (j === i ? text : x)) })}
                onRemove={() => set({ identity: policies.identity.filter((_, j) => j !== i) })}
              />
            ))}
            <Box>
              <Button size="small" startIcon={<AddIcon />} onClick={() => set({ identity: [...policies.identity, ''] })}>
                Add an identity policy
              </Button>
            </Box>
          </Stack>
          {draftAs !== 'boundary' && (
            <PolicyText label="Permissions boundary" value={policies.boundary} problem={problems.get('boundary')} onChange={(boundary) => set({ boundary })} />
          )}
          <Stack spacing={1}>
            <Typography variant="subtitle2">Service control policies</Typography>
            <Typography variant="caption" color="text.secondary">
              One per level of the organization (root, OU, account): every level must allow the request.
            </Typography>
            {policies.scps.map((t, i) => (
              <PolicyText
                key={i}
                label={`SCP level ${i + 1 + (draftAs === 'scp' ? 1 : 0)}`}
                value={t}
                problem={problems.get(`scps.${i}`)}
                onChange={(text) => set({ scps: policies.scps.map((x, j) => (j === i ? text : x)) })}
                onRemove={() => set({ scps: policies.scps.filter((_, j) => j !== i) })}
              />
            ))}
            <Box>
              <Button size="small" startIcon={<AddIcon />} onClick={() => set({ scps: [...policies.scps, ''] })}>
                Add an SCP level
              </Button>
            </Box>
          </Stack>
          {draftAs !== 'resource' && (
            <PolicyText label="Resource-based policy" value={policies.resource} problem={problems.get('resource')} onChange={(resource) => set({ resource })} />
          )}
          {draftAs !== 'session' && (
            <PolicyText label="Session policy" value={policies.session} problem={problems.get('session')} onChange={(session) => set({ session })} />
          )}
        </Stack>
      </AccordionDetails>
    </Accordion>
  );
}
