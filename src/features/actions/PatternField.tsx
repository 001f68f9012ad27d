import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { memo, useMemo, useState } from 'react';
import type { ActionSummary } from '../../catalog/catalog';
import { readPatternInput } from './actionEntries';

export interface PatternFieldProps {
  readonly service: string;
  readonly actions: readonly ActionSummary[];
  /** how many actions the list names one by one that the pattern would replace */
  readonly countReplaced: (entry: string) => number;
  readonly readOnly: boolean;
  /** adds the entry ("s3:Get*", or one action "s3:GetObject") */
  readonly onAdd: (entry: string, wildcard: boolean) => void;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/** "Add actions by pattern": s3:Get* or Get*, with how many actions it matches. */
export const PatternField = memo(function PatternField({
  service,
  actions,
  countReplaced,
  readOnly,
  onAdd,
}: PatternFieldProps) {
  const [text, setText] = useState('');
  const input = useMemo(() => readPatternInput(text, service, actions), [text, service, actions]);
  let helper = `e.g. ${service}:Get* or List*; also covers actions AWS adds later`;
  let error = false;
  if (input && !input.ok) {
    helper = input.message;
    error = true;
  } else if (input?.ok) {
    if (!input.wildcard) {
      helper = `Adds ${input.entry}`;
    } else {
      const replaced = countReplaced(input.entry);
      helper = `${input.entry} matches ${plural(input.matches.length, 'action')}${replaced ? ` (replaces ${plural(replaced, 'listed action')})` : ''}`;
    }
  }
  const add = () => {
    if (!input?.ok || readOnly) return;
    onAdd(input.entry, input.wildcard);
    setText('');
  };
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', maxWidth: 560 }}>
      <TextField
        size="small"
        label="Add actions by pattern"
        placeholder={`${service}:Get*`}
        value={text}
        disabled={readOnly}
        error={error}
        helperText={helper}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') {
            e.preventDefault();
            add();
          } else if (e.key === 'Escape' && text !== '') {
            e.stopPropagation();
            setText('');
          }
        }}
        slotProps={{
          htmlInput: { spellCheck: false, autoComplete: 'off' },
          formHelperText: { 'aria-live': 'polite' },
        }}
        sx={{ flex: 1 }}
      />
      <Button
        variant="outlined"
        onClick={add}
        disabled={readOnly || !input?.ok}
        sx={{ height: 40, flexShrink: 0 }}
      >
        Add pattern
      </Button>
    </Stack>
  );
});
