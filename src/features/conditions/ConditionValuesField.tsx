import AddIcon from '@mui/icons-material/Add';
import CloseIcon from '@mui/icons-material/Close';
import Button from '@mui/material/Button';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useId } from 'react';
import type { ValueKind } from './conditionOperators';
import { checkConditionValue } from './conditionValues';

export interface ConditionValuesFieldProps {
  readonly kind: ValueKind | undefined;
  readonly values: readonly string[];
  readonly onChange: (values: string[]) => void;
  /** show the problems of empty values too (after a save attempt) */
  readonly showAll: boolean;
  /** focus the first value on mount */
  readonly autoFocus?: boolean;
  /** the operator is a negated one (StringNotEquals, NotIpAddress, ...) */
  readonly negated: boolean;
}

const HINTS: Readonly<Record<ValueKind, { placeholder: string; helper: string }>> = {
  string: { placeholder: 'value', helper: 'Text; with the Like operators, * and ? are wildcards' },
  numeric: { placeholder: '3600', helper: 'A number' },
  date: { placeholder: '2026-12-01T00:00:00Z', helper: 'ISO 8601 date-time (UTC ends in Z) or epoch seconds' },
  bool: { placeholder: 'true', helper: '' },
  null: { placeholder: 'true', helper: '' },
  ip: { placeholder: '203.0.113.0/24', helper: 'IPv4 or IPv6 address or CIDR range' },
  arn: { placeholder: 'arn:aws:iam::123456789012:role/Admin', helper: 'An ARN; with ArnLike, * and ? are wildcards' },
  binary: { placeholder: 'QmluYXJ5', helper: 'Base64-encoded bytes' },
};

/** The condition's values: true/false for Bool and Null, else one or more checked text values. */
export function ConditionValuesField({ kind, values, onChange, showAll, autoFocus, negated }: ConditionValuesFieldProps) {
  const labelId = useId();
  if (kind === 'bool' || kind === 'null') {
    const value = values[0] === 'false' ? 'false' : 'true';
    return (
      <Stack>
        <Typography variant="body2" id={labelId}>
          {kind === 'null' ? 'The key is absent from the request' : 'Value'}
        </Typography>
        <RadioGroup row aria-labelledby={labelId} value={value} onChange={(_, v) => onChange([v])}>
          <FormControlLabel value="true" control={<Radio size="small" />} label={kind === 'null' ? 'true (absent)' : 'true'} />
          <FormControlLabel value="false" control={<Radio size="small" />} label={kind === 'null' ? 'false (present)' : 'false'} />
        </RadioGroup>
      </Stack>
    );
  }
  const hint = HINTS[kind ?? 'string'];
  const list = values.length ? values : [''];
  return (
    <Stack spacing={1}>
      {list.map((value, i) => {
        const problem = value !== '' || showAll ? checkConditionValue(kind, value.trim()) : undefined;
        const label = list.length > 1 ? `Value ${i + 1}` : 'Value';
        return (
          <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
            <TextField
              size="small"
              label={label}
              value={value}
              autoFocus={autoFocus && i === 0}
              placeholder={hint.placeholder}
              error={Boolean(problem)}
              helperText={problem ?? hint.helper ?? ' '}
              onChange={(e) => onChange(list.map((v, j) => (j === i ? e.target.value : v)))}
              slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off' } }}
              sx={{ flex: 1, '& input': { fontFamily: 'monospace' } }}
            />
            {list.length > 1 && (
              <IconButton aria-label={`Remove value ${i + 1}`} onClick={() => onChange(list.filter((_, j) => j !== i))} sx={{ mt: 0.25 }}>
                <CloseIcon fontSize="small" />
              </IconButton>
            )}
          </Stack>
        );
      })}
      <Button size="small" startIcon={<AddIcon />} onClick={() => onChange([...list, ''])} sx={{ alignSelf: 'flex-start' }}>
        Add value
      </Button>
      {list.length > 1 && (
        <Typography variant="caption" color="text.secondary">
          {negated ? 'The condition matches when the request matches none of these values.' : 'The condition matches when the request matches any of these values.'}
        </Typography>
      )}
    </Stack>
  );
}
