import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ConditionKeyOption } from './conditionKeys';

export interface ConditionKeyFieldProps {
  readonly options: readonly ConditionKeyOption[];
  /** the key as typed or chosen */
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error?: string;
  readonly helperText?: string;
  readonly autoFocus?: boolean;
}

function matches(option: ConditionKeyOption, query: string): boolean {
  return option.key.toLowerCase().includes(query) || option.description.toLowerCase().includes(query);
}

/** The condition key: an autocomplete over the service's and the global keys, or any key typed in. */
export function ConditionKeyField({ options, value, onChange, error, helperText, autoFocus }: ConditionKeyFieldProps) {
  return (
    <Autocomplete<ConditionKeyOption, false, false, true>
      freeSolo
      autoHighlight
      options={options}
      inputValue={value}
      onInputChange={(_, next, reason) => {
        if (reason === 'reset' && next === '') return;
        onChange(next);
      }}
      groupBy={(o) => o.group}
      getOptionLabel={(o) => (typeof o === 'string' ? o : o.key)}
      filterOptions={(opts, { inputValue }) => {
        const q = inputValue.trim().toLowerCase();
        if (!q) return [...opts];
        return opts.filter((o) => matches(o, q));
      }}
      renderOption={(props, option) => {
        const { key, ...rest } = props;
        return (
          <Box component="li" key={key} {...rest}>
            <Box sx={{ minWidth: 0 }}>
              <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
                <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
                  {option.key}
                </Typography>
                <Chip size="small" variant="outlined" label={option.type} />
              </Stack>
              <Typography variant="caption" color="text.secondary" component="div">
                {option.description}
                {option.applies ? '' : ' · not supported by the chosen actions'}
              </Typography>
            </Box>
          </Box>
        );
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          label="Condition key"
          placeholder="Search keys, e.g. aws:SourceIp or tag"
          size="small"
          autoFocus={autoFocus}
          error={Boolean(error)}
          helperText={error ?? helperText ?? ' '}
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, spellCheck: false } }}
        />
      )}
      slotProps={{ listbox: { sx: { maxHeight: 360 } } }}
    />
  );
}
