import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormLabel from '@mui/material/FormLabel';
import Radio from '@mui/material/Radio';
import RadioGroup from '@mui/material/RadioGroup';
import { useId } from 'react';
import type { Placement } from './importAction';

export interface PlacementChoiceProps {
  readonly value: Placement;
  readonly onChange: (value: Placement) => void;
  /** "Add" is unavailable while the JSON view holds text that does not parse */
  readonly appendDisabled?: boolean;
}

/** "Add to the draft" or "Replace the draft". */
export function PlacementChoice({ value, onChange, appendDisabled = false }: PlacementChoiceProps) {
  const labelId = useId();
  return (
    <FormControl sx={{ flexDirection: 'row', alignItems: 'center', gap: 1.5 }}>
      <FormLabel id={labelId} sx={{ typography: 'body2' }}>
        Import into
      </FormLabel>
      <RadioGroup row aria-labelledby={labelId} value={value} onChange={(e) => onChange(e.target.value as Placement)}>
        <FormControlLabel value="append" control={<Radio size="small" />} label="Add to the draft" disabled={appendDisabled} />
        <FormControlLabel value="replace" control={<Radio size="small" />} label="Replace the draft" />
      </RadioGroup>
    </FormControl>
  );
}
