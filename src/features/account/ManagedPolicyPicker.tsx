import Autocomplete from '@mui/material/Autocomplete';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';

export interface PolicyOption {
  readonly name: string;
  readonly arn: string;
  readonly group: 'AWS managed' | 'Customer managed';
}

const SHOWN = 80;

export interface ManagedPolicyPickerProps {
  readonly options: readonly PolicyOption[];
  readonly value: readonly PolicyOption[];
  readonly onChange: (value: PolicyOption[]) => void;
  readonly loading: boolean;
  readonly disabled?: boolean;
  readonly helperText: string;
}

/** More policies to attach: the account's customer managed policies and every AWS managed policy of the catalog. */
export function ManagedPolicyPicker({
  options,
  value,
  onChange,
  loading,
  disabled,
  helperText,
}: ManagedPolicyPickerProps) {
  return (
    <Autocomplete<PolicyOption, true>
      multiple
      autoHighlight
      disabled={disabled}
      loading={loading}
      options={options}
      value={[...value]}
      onChange={(_, next) => onChange(next)}
      groupBy={(o) => o.group}
      getOptionLabel={(o) => o.name}
      isOptionEqualToValue={(a, b) => a.arn === b.arn}
      filterOptions={(opts, { inputValue }) => {
        const q = inputValue.trim().toLowerCase();
        const matching = q ? opts.filter((o) => o.name.toLowerCase().includes(q)) : opts;
        // exact and prefix matches first; the list stays short enough to scroll
        const rank = (o: PolicyOption) =>
          o.name.toLowerCase() === q ? 0 : o.name.toLowerCase().startsWith(q) ? 1 : 2;
        return [...matching].sort((a, b) => rank(a) - rank(b)).slice(0, SHOWN);
      }}
      renderOption={(props, option) => {
        const { key, ...rest } = props;
        return (
          <Box component="li" key={key} {...rest}>
            <Box sx={{ minWidth: 0 }}>
              <Typography variant="body2">{option.name}</Typography>
              <Typography
                variant="caption"
                color="text.secondary"
                sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}
              >
                {option.arn}
              </Typography>
            </Box>
          </Box>
        );
      }}
      renderValue={(selected, getItemProps) =>
        selected.map((option, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          return <Chip key={key} size="small" label={option.name} {...itemProps} />;
        })
      }
      renderInput={(params) => (
        <TextField
          {...params}
          label="Other managed policies to attach"
          placeholder="Search, e.g. AmazonAPIGatewayPushToCloudWatchLogs"
          helperText={helperText}
        />
      )}
    />
  );
}
