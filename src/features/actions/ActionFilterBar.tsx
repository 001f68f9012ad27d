import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { memo } from 'react';

export interface ActionFilterBarProps {
  readonly filter: string;
  readonly onFilter: (filter: string) => void;
  /** how many actions the filter lets through */
  readonly shown: number;
  readonly total: number;
  readonly canExpand: boolean;
  readonly canCollapse: boolean;
  readonly onExpandAll: () => void;
  readonly onCollapseAll: () => void;
}

/** Above the action list: "Filter actions", how many match, expand or collapse every level. */
export const ActionFilterBar = memo(function ActionFilterBar({
  filter,
  onFilter,
  shown,
  total,
  canExpand,
  canCollapse,
  onExpandAll,
  onCollapseAll,
}: ActionFilterBarProps) {
  const filtering = filter.trim() !== '';
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', mb: 1 }}>
      <TextField
        size="small"
        type="search"
        label="Filter actions"
        placeholder="Words, or a pattern like Get*Policy"
        value={filter}
        onChange={(e) => onFilter(e.target.value)}
        slotProps={{ htmlInput: { spellCheck: false, autoComplete: 'off' } }}
        sx={{ flex: 1, maxWidth: 360 }}
      />
      <Typography variant="body2" color="text.secondary" aria-live="polite" sx={{ flex: 1 }}>
        {filtering ? `${shown.toLocaleString()} of ${total.toLocaleString()} match` : ''}
      </Typography>
      <Button size="small" disabled={filtering || !canExpand} onClick={onExpandAll}>
        Expand all
      </Button>
      <Button size="small" disabled={filtering || !canCollapse} onClick={onCollapseAll}>
        Collapse all
      </Button>
    </Stack>
  );
});
