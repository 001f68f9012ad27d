import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { targetNameProblem, type TargetKind } from './iamNames';

export interface TargetsFieldProps {
  readonly kind: TargetKind;
  /** e.g. "Attach to roles" */
  readonly label: string;
  readonly values: readonly string[];
  readonly onChange: (values: string[]) => void;
  readonly disabled?: boolean;
}

function addNames(values: readonly string[], text: string): string[] {
  const next = [...values];
  for (const name of text.split(/\s+/)) if (name && !next.includes(name)) next.push(name);
  return next;
}

/** IAM identity names as chips: type a name and press Enter (or paste several, one per line). */
export function TargetsField({ kind, label, values, onChange, disabled }: TargetsFieldProps) {
  const [input, setInput] = useState('');
  const problem = values.map((name) => targetNameProblem(kind, name)).find((p) => p !== null) ?? null;
  return (
    <Autocomplete<string, true, false, true>
      multiple
      freeSolo
      autoSelect
      disabled={disabled}
      options={[]}
      value={[...values]}
      inputValue={input}
      onInputChange={(_, text, reason) => {
        // several names pasted at once (whitespace never occurs in an IAM name)
        if (reason === 'input' && /\s/.test(text.trim())) {
          onChange(addNames(values, text));
          setInput('');
          return;
        }
        setInput(text);
      }}
      onChange={(_, next) => onChange(addNames([], next.map((v) => v.trim()).join(' ')))}
      renderInput={(params) => (
        <TextField
          {...params}
          size="small"
          label={label}
          placeholder={values.length === 0 ? `${kind} name, then Enter` : undefined}
          error={problem !== null}
          helperText={problem ?? undefined}
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, spellCheck: false } }}
        />
      )}
    />
  );
}
