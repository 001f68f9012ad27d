import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import { selectFindings, useAnalysisSelector } from '../../editor/useEditor';
import { countBySeverity, SEVERITY_LABELS, SEVERITY_ORDER } from './severity';
import { useFindingsFilter } from './useFindingsFilter';

/** The number of findings by severity, for the header; a chip with findings opens them, filtered. */
export function FindingCounts() {
  const findings = useAnalysisSelector(selectFindings);
  const { show } = useFindingsFilter();
  const counts = countBySeverity(findings);
  return (
    <Stack direction="row" spacing={0.5} aria-label="Findings by severity" role="group">
      {SEVERITY_ORDER.map((s) => {
        const n = counts[s];
        const { one, many, color } = SEVERITY_LABELS[s];
        return (
          <Chip
            key={s}
            size="small"
            color={n > 0 ? color : 'default'}
            variant={n > 0 ? 'filled' : 'outlined'}
            label={`${n} ${n === 1 ? one : many}`}
            onClick={n > 0 ? () => show(s) : undefined}
            title={n > 0 ? `Show the ${many} in Findings` : undefined}
          />
        );
      })}
    </Stack>
  );
}
