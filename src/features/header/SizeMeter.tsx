import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { SizeReport } from '../../policy/size';

/** Characters as IAM counts them (whitespace outside strings not counted) against the kind's quota. */
export function SizeMeter({ size }: { size: SizeReport }) {
  const pct = Math.min(100, Math.round(size.ratio * 100));
  const color = size.over ? 'error' : size.ratio > 0.9 ? 'warning' : 'primary';
  const label = `Policy size ${size.size.toLocaleString('en-US')} of ${size.quota.toLocaleString('en-US')} characters`;
  return (
    <Tooltip title="IAM counts characters without the whitespace outside strings">
      <Box sx={{ minWidth: 170 }} role="meter" aria-label="Policy size" aria-valuenow={size.size} aria-valuemin={0} aria-valuemax={size.quota} aria-valuetext={label}>
        <Typography variant="caption" color={size.over ? 'error' : 'text.secondary'} component="div">
          {size.size.toLocaleString('en-US')} / {size.quota.toLocaleString('en-US')} chars{size.over ? ' — over quota' : ''}
        </Typography>
        {/* the meter around it names and values the bar; the bar itself is only its picture */}
        <LinearProgress variant="determinate" value={pct} color={color} aria-hidden sx={{ height: 6, borderRadius: 3 }} />
      </Box>
    </Tooltip>
  );
}
