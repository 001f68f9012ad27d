import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import ChevronRightIcon from '@mui/icons-material/ChevronRight';
import Box from '@mui/material/Box';
import Checkbox from '@mui/material/Checkbox';
import IconButton from '@mui/material/IconButton';
import Typography from '@mui/material/Typography';
import { memo } from 'react';
import type { AccessLevel } from '../../catalog/types';
import type { GroupSelection } from './actionGroups';

export const GROUP_ROW_HEIGHT = 40;

export interface AccessLevelHeaderProps {
  readonly level: AccessLevel;
  readonly total: number;
  readonly included: number;
  /** how many actions the filter shows, when a filter is typed */
  readonly matching: number | undefined;
  /** state of the "select all" box over the actions shown */
  readonly selection: GroupSelection;
  /** true when the box would change nothing: every action shown is covered by a pattern */
  readonly locked: boolean;
  readonly collapsed: boolean;
  readonly readOnly: boolean;
  /** "selected" for Action, "excluded" for NotAction */
  readonly verb: string;
  /** holds the list's one Tab stop: on the "all" box, or on the collapse button when the box is disabled */
  readonly tabbable: boolean;
  readonly onToggleAll: (level: AccessLevel) => void;
  readonly onToggleCollapsed: (level: AccessLevel) => void;
}

/** An access level's header: open or close it, select all of it, and how many are selected. */
export const AccessLevelHeader = memo(function AccessLevelHeader({
  level,
  total,
  included,
  matching,
  selection,
  locked,
  collapsed,
  readOnly,
  verb,
  tabbable,
  onToggleAll,
  onToggleCollapsed,
}: AccessLevelHeaderProps) {
  const filtering = matching !== undefined;
  const boxDisabled = readOnly || locked;
  return (
    <Box
      sx={{
        display: 'flex',
        alignItems: 'center',
        height: GROUP_ROW_HEIGHT,
        px: 0.5,
        gap: 0.25,
        bgcolor: 'background.paper',
        borderBottom: 1,
        borderColor: 'divider',
      }}
    >
      <IconButton
        size="small"
        aria-label={`${collapsed ? 'Expand' : 'Collapse'} ${level} actions`}
        aria-expanded={!collapsed}
        disabled={filtering}
        tabIndex={tabbable && boxDisabled ? 0 : -1}
        onClick={() => onToggleCollapsed(level)}
      >
        {collapsed ? <ChevronRightIcon fontSize="small" /> : <ExpandMoreIcon fontSize="small" />}
      </IconButton>
      <Checkbox
        size="small"
        checked={selection === 'all'}
        indeterminate={selection === 'some'}
        disabled={boxDisabled}
        onChange={() => onToggleAll(level)}
        slotProps={{
          input: {
            'aria-label': filtering ? `All matching ${level} actions` : `All ${level} actions`,
            tabIndex: tabbable && !boxDisabled ? 0 : -1,
          },
        }}
        sx={{ p: 0.75 }}
      />
      <Typography variant="subtitle2" component="h4" sx={{ fontWeight: 600 }}>
        {level}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ ml: 0.75, whiteSpace: 'nowrap' }}>
        ({included} of {total} {verb}
        {filtering ? ` · ${matching} matching` : ''})
      </Typography>
    </Box>
  );
});
