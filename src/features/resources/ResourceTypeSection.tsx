import AddIcon from '@mui/icons-material/Add';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { useState } from 'react';
import { buildArn, checkParts, emptyValues, matchArn } from './arnTemplate';
import { ArnRow } from './ArnRow';
import type { ApplicableResourceType, ResourceRow } from './resourceTypes';

export interface ResourceTypeSectionProps {
  readonly type: ApplicableResourceType;
  readonly rows: readonly ResourceRow[];
  /** the other applicable types, to say where a pasted ARN that does not fit here belongs */
  readonly otherTypes: readonly ApplicableResourceType[];
  readonly onChangeRow: (index: number, arn: string) => void;
  readonly onRemoveRow: (index: number) => void;
  readonly onAdd: (arn: string) => void;
  readonly readOnly: boolean;
  /** the Resource index of a row just added, to focus it */
  readonly focusIndex: number | null;
  readonly knownAccount: string | undefined;
  /** say which of the chosen actions take this type (when there are several) */
  readonly showActions: boolean;
}

/** A resource type with its ARN template, its ARNs, "Add ARN" and "Paste an ARN". */
export function ResourceTypeSection({
  type,
  rows,
  otherTypes,
  onChangeRow,
  onRemoveRow,
  onAdd,
  readOnly,
  focusIndex,
  knownAccount,
  showActions,
}: ResourceTypeSectionProps) {
  const [pasted, setPasted] = useState('');
  const [pasteProblem, setPasteProblem] = useState<string | null>(null);
  const required = type.requiredBy.length > 0;

  const addPasted = () => {
    const text = pasted.trim();
    if (!text) {
      setPasteProblem('Paste or type an ARN first');
      return;
    }
    const values = matchArn(type.template, text);
    if (!values) {
      const fits = otherTypes.find((t) => matchArn(t.template, text));
      setPasteProblem(
        `This ARN does not match the ${type.name} format ${type.arn}.` + (fits ? ` It fits ${fits.name}: paste it there.` : ''),
      );
      return;
    }
    const problems = Object.entries(checkParts(type.template, values));
    if (problems.length) {
      setPasteProblem(problems.map(([name, problem]) => `${name}: ${problem}`).join('. '));
      return;
    }
    setPasteProblem(null);
    setPasted('');
    onAdd(text);
  };

  return (
    <Box role="group" aria-label={`Resource type ${type.name}`} sx={{ border: 1, borderColor: 'divider', borderRadius: 1, px: 1.5, py: 1 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
        <Typography variant="subtitle2" component="h4">
          {type.name}
        </Typography>
        {required ? (
          <Tooltip title={`${type.requiredBy.join(', ')} always ${type.requiredBy.length === 1 ? 'acts' : 'act'} on this resource type`}>
            <Chip size="small" color="primary" variant="outlined" label="Required" />
          </Tooltip>
        ) : null}
        <Typography variant="body2" color="text.secondary" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
          {type.arn}
        </Typography>
      </Stack>
      {showActions && type.actions.length > 0 && (
        <Typography variant="caption" color="text.secondary" component="p">
          For {type.actions.join(', ')}
        </Typography>
      )}
      {rows.map((row, i) => (
        <ArnRow
          key={row.index}
          label={`${type.name} ARN ${i + 1}`}
          template={type.template}
          arn={row.arn}
          values={row.values}
          readOnly={readOnly}
          autoFocus={row.index === focusIndex}
          knownAccount={knownAccount}
          onChange={(values) => onChangeRow(row.index, buildArn(type.template, values))}
          onRemove={() => onRemoveRow(row.index)}
        />
      ))}
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', flexWrap: 'wrap', rowGap: 1, pt: 1 }}>
        <Button
          size="small"
          variant="outlined"
          startIcon={<AddIcon />}
          disabled={readOnly}
          onClick={() => onAdd(buildArn(type.template, emptyValues(type.template)))}
          sx={{ mt: 0.25 }}
        >
          {/* the visible text is the whole name (WCAG 2.5.3, label in name) */}
          Add {type.name} ARN
        </Button>
        <TextField
          size="small"
          label="Paste an ARN"
          value={pasted}
          disabled={readOnly}
          error={Boolean(pasteProblem)}
          helperText={pasteProblem ?? 'Checked against the format above'}
          onChange={(e) => {
            setPasted(e.target.value);
            setPasteProblem(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              addPasted();
            }
          }}
          slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off', 'aria-label': `Paste an ARN of type ${type.name}` } }}
          sx={{ flex: 1, minWidth: { xs: '100%', sm: 260 }, '& input': { fontFamily: 'monospace' } }}
        />
        <Button size="small" disabled={readOnly} onClick={addPasted} aria-label={`Add pasted ${type.name} ARN`} sx={{ mt: 0.25 }}>
          Add
        </Button>
      </Stack>
    </Box>
  );
}
