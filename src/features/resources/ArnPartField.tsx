import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useRef, type ClipboardEvent } from 'react';
import { checkPart, PARTITIONS, type ArnPart } from './arnTemplate';

export interface ArnPartFieldProps {
  readonly part: ArnPart;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** a whole ARN pasted into the field; return true when it was taken (filled the row) */
  readonly onPasteArn: (text: string) => boolean;
  readonly readOnly: boolean;
  readonly autoFocus?: boolean;
}

const PLACEHOLDERS: Readonly<Record<ArnPart['kind'], string>> = {
  partition: '',
  region: 'us-east-1',
  account: '123456789012',
  resource: '',
};

/** One variable of an ARN template: a text field with an "Any" checkbox (which writes "*"). */
export function ArnPartField({ part, value, onChange, onPasteArn, readOnly, autoFocus }: ArnPartFieldProps) {
  const input = useRef<HTMLInputElement>(null);
  const problem = checkPart(part, value);

  if (part.kind === 'partition') {
    const options: readonly string[] = PARTITIONS.includes(value as (typeof PARTITIONS)[number]) || value === '' ? PARTITIONS : [...PARTITIONS, value];
    return (
      <TextField
        select
        size="small"
        label={part.name}
        value={value}
        disabled={readOnly}
        error={Boolean(problem)}
        helperText={problem ?? ' '}
        onChange={(e) => onChange(e.target.value)}
        sx={{ width: 140 }}
      >
        {options.map((p) => (
          <MenuItem key={p} value={p}>
            {p}
          </MenuItem>
        ))}
      </TextField>
    );
  }

  const any = value === '*';
  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const text = e.clipboardData.getData('text').trim();
    if (text.startsWith('arn:') && onPasteArn(text)) e.preventDefault();
  };
  const width = part.kind === 'region' ? 150 : part.kind === 'account' ? 170 : 220;
  return (
    <Stack direction="row" sx={{ alignItems: 'flex-start' }}>
      <TextField
        size="small"
        label={part.name}
        value={value}
        disabled={readOnly || any}
        autoFocus={autoFocus}
        inputRef={input}
        error={Boolean(problem)}
        helperText={problem ?? (any ? `Any ${part.kind === 'resource' ? 'value' : part.kind}` : ' ')}
        placeholder={PLACEHOLDERS[part.kind]}
        onChange={(e) => onChange(e.target.value)}
        slotProps={{ htmlInput: { onPaste, spellCheck: false, autoComplete: 'off' } }}
        sx={{ width, '& input': { fontFamily: 'monospace' } }}
      />
      <FormControlLabel
        label="Any"
        disabled={readOnly}
        sx={{ ml: 0.5, mr: 1, mt: 0.25 }}
        control={
          <Checkbox
            size="small"
            checked={any}
            slotProps={{ input: { 'aria-label': `Any ${part.name}` } }}
            onChange={(e) => {
              onChange(e.target.checked ? '*' : '');
              if (!e.target.checked) window.setTimeout(() => input.current?.focus(), 0);
            }}
          />
        }
      />
    </Stack>
  );
}
