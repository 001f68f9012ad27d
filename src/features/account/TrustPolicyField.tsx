import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { FindingsBySeverity, SizeLine } from './PolicyChecks';
import type { TrustCheck } from './trustPolicy';

export interface TrustPolicyFieldProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly check: TrustCheck;
  readonly disabled?: boolean;
}

/** A custom trust policy, checked as it is typed (as the server checks it before creating the role). */
export function TrustPolicyField({ value, onChange, check, disabled }: TrustPolicyFieldProps) {
  return (
    <Stack spacing={1}>
      <TextField
        label="Trust policy"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        disabled={disabled}
        multiline
        minRows={8}
        maxRows={18}
        fullWidth
        error={check.errors.length > 0 || check.over}
        helperText={
          check.errors.length > 0
            ? `${check.errors.length} error${check.errors.length === 1 ? '' : 's'}: ${check.errors[0]?.message ?? ''}`
            : 'Who may assume the role. Checked like IAM Access Analyzer checks trust policies.'
        }
        slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace', fontSize: 13 } } }}
      />
      <SizeLine size={check.size} quota={check.quota} label="Trust policy size" />
      <FindingsBySeverity findings={check.findings} label="Trust policy findings" />
    </Stack>
  );
}
