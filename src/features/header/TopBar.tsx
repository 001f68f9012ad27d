import DarkModeIcon from '@mui/icons-material/DarkMode';
import LightModeIcon from '@mui/icons-material/LightMode';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import IconButton from '@mui/material/IconButton';
import Toolbar from '@mui/material/Toolbar';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { lazy, Suspense } from 'react';
import { useCatalog } from '../../editor/useCatalog';
import { thousands } from '../search/searchOptions';
import type { ColorMode } from './colorMode';

/** The account's controls load right after the first screen (the search box comes first). */
const ConnectionBadge = lazy(async () => ({
  default: (await import('../account/ConnectionBadge')).ConnectionBadge,
}));
const AccountActions = lazy(async () => ({
  default: (await import('../account/AccountActions')).AccountActions,
}));

export interface TopBarProps {
  readonly colorMode: ColorMode;
  readonly onColorModeChange: (mode: ColorMode) => void;
}

export function TopBar({ colorMode, onColorModeChange }: TopBarProps) {
  const { view, search } = useCatalog();
  const date = view.dataDate.slice(0, 10);
  return (
    <AppBar position="static" color="default" elevation={0} sx={{ borderBottom: 1, borderColor: 'divider' }}>
      {/* narrow screens: the controls wrap onto a second line instead of overlapping the title */}
      <Toolbar
        variant="dense"
        sx={{ gap: 1.5, flexWrap: 'wrap', rowGap: 0.5, py: { xs: 0.5, md: 0 }, px: { xs: 1, sm: 2 } }}
      >
        <Typography variant="h6" component="h1" sx={{ fontWeight: 700, fontSize: 18 }}>
          IAM Policy Workbench
        </Typography>
        {/* one line: when the badge is wide (sandbox, endpoint) the counts shorten rather than wrap */}
        <Typography
          variant="body2"
          color="text.secondary"
          noWrap
          sx={{ flex: 1, minWidth: 0, display: { xs: 'none', sm: 'block' } }}
        >
          {view.services.length} services · {thousands(search.actionCount)} actions
        </Typography>
        <Box sx={{ flex: 1, display: { xs: 'block', sm: 'none' } }} />
        <Suspense fallback={null}>
          <ConnectionBadge />
          <AccountActions />
        </Suspense>
        <Tooltip title="Date of the IAM service reference data this catalog was built from">
          <Chip size="small" variant="outlined" label={`IAM data ${date}`} />
        </Tooltip>
        <Tooltip title={colorMode === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}>
          <IconButton
            aria-label={colorMode === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
            onClick={() => onColorModeChange(colorMode === 'dark' ? 'light' : 'dark')}
            size="small"
          >
            {colorMode === 'dark' ? <LightModeIcon fontSize="small" /> : <DarkModeIcon fontSize="small" />}
          </IconButton>
        </Tooltip>
      </Toolbar>
    </AppBar>
  );
}
