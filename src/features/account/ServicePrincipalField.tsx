import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { servicePrincipalProblem } from '../../policy/iamLimits';
import { COMMON_SERVICE_PRINCIPALS } from './trustPolicy';

const LABELS = new Map(COMMON_SERVICE_PRINCIPALS.map((s) => [s.principal, s.label]));
const OPTIONS = COMMON_SERVICE_PRINCIPALS.map((s) => s.principal);

export interface ServicePrincipalFieldProps {
  readonly value: readonly string[];
  readonly onChange: (value: string[]) => void;
  readonly disabled?: boolean;
}

/** The AWS services that may assume the role: common ones to pick, any SERVICE.amazonaws.com typed in. */
export function ServicePrincipalField({ value, onChange, disabled }: ServicePrincipalFieldProps) {
  const problems = value.map((v) => servicePrincipalProblem(v)).filter(Boolean);
  return (
    <Autocomplete<string, true, false, true>
      multiple
      freeSolo
      autoHighlight
      // what is typed is kept on blur (as a chip, checked like any other), never silently dropped
      autoSelect
      disabled={disabled}
      options={OPTIONS}
      value={[...value]}
      onChange={(_, next) => onChange([...new Set(next.map((v) => v.trim()).filter(Boolean))])}
      filterOptions={(options, { inputValue }) => {
        const q = inputValue.trim().toLowerCase();
        return q
          ? options.filter((o) => o.includes(q) || (LABELS.get(o) ?? '').toLowerCase().includes(q))
          : options;
      }}
      renderOption={(props, option) => {
        const { key, ...rest } = props;
        return (
          <Box component="li" key={key} {...rest}>
            <Box>
              <Typography variant="body2" sx={{ fontFamily: 'monospace' }}>
                {option}
              </Typography>
              <Typography variant="caption" color="text.secondary">
                {LABELS.get(option)}
              </Typography>
            </Box>
          </Box>
        );
      }}
      renderValue={(selected, getItemProps) =>
        selected.map((option, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          return (
            <Chip
              key={key}
              size="small"
              label={option}
              color={servicePrincipalProblem(option) ? 'error' : 'default'}
              {...itemProps}
            />
          );
        })
      }
      renderInput={(params) => (
        <TextField
          {...params}
          label="Trusted AWS services"
          placeholder={
            value.length === 0 ? 'e.g. lambda.amazonaws.com — pick one or type and press Enter' : ''
          }
          error={problems.length > 0}
          helperText={problems[0] ?? 'The service principals that may assume this role (sts:AssumeRole).'}
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, spellCheck: false } }}
        />
      )}
    />
  );
}
