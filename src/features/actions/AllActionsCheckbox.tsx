import Checkbox from '@mui/material/Checkbox';
import FormControlLabel from '@mui/material/FormControlLabel';
import { memo } from 'react';

export interface AllActionsCheckboxProps {
  readonly serviceName: string;
  /** "<prefix>:*" */
  readonly entry: string;
  readonly checked: boolean;
  readonly readOnly: boolean;
  readonly onChange: (checked: boolean) => void;
}

/** "All Amazon S3 actions (s3:*)": writes the service's "<prefix>:*" entry. */
export const AllActionsCheckbox = memo(function AllActionsCheckbox({
  serviceName,
  entry,
  checked,
  readOnly,
  onChange,
}: AllActionsCheckboxProps) {
  return (
    <FormControlLabel
      control={
        <Checkbox checked={checked} disabled={readOnly} onChange={(e) => onChange(e.target.checked)} />
      }
      label={
        <span>
          All {serviceName} actions (<code>{entry}</code>)
        </span>
      }
      sx={{ alignSelf: 'flex-start' }}
    />
  );
});
