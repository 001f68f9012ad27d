import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { SizeReport } from '../../policy/size';

/**
 * Characters as IAM counts them (whitespace outside strings not counted) against the kind's quota.
 * Over the quota, the meter is where the size finding shows (the JSON marks only its first line).
 */
export function SizeMeter({ size }: { size: SizeReport }) {
  const pct = Math.min(100, Math.round(size.ratio * 100));
  const color = size.over ? 'error' : size.ratio > 0.9 ? 'warning' : 'primary';
  const over = (-size.remaining).toLocaleString('en-US');
  const label = `Policy size ${size.size.toLocaleString('en-US')} of ${size.quota.toLocaleString('en-US')} characters${
    size.over ? `, ${over} over the quota` : ''
  }`;
  const hint = size.over
    ? `${over} characters over the quota: IAM refuses the policy. Split it into several policies (above the blocks), or shorten it (fewer actions, wildcards such as "s3:Get*"). IAM counts characters without the whitespace outside strings.`
    : 'IAM counts characters without the whitespace outside strings';
  return (
    <Tooltip title={hint}>
      <Box sx={{ minWidth: 170 }} role="meter" aria-label="Policy size" aria-valuenow={size.size} aria-valuemin={0} aria-valuemax={size.quota} aria-valuetext={label}>
        <Typography variant="caption" color={size.over ? 'error' : 'text.secondary'} component="div">
          {size.size.toLocaleString('en-US')} / {size.quota.toLocaleString('en-US')} chars{size.over ? ` — ${over} over quota` : ''}
        </Typography>
        {/* the meter around it names and values the bar; the bar itself is only its picture */}
        <LinearProgress variant="determinate" value={pct} color={color} aria-hidden sx={{ height: 6, borderRadius: 3 }} />
      </Box>
    </Tooltip>
  );
}
