import { createTheme, type Theme } from '@mui/material/styles';

import type { ColorMode } from '../features/header/colorMode';

export type { ColorMode };

export function makeTheme(mode: ColorMode): Theme {
  return createTheme({
    palette: {
      mode,
      primary: { main: mode === 'light' ? '#0b5cad' : '#7ab8ff' },
      secondary: { main: mode === 'light' ? '#b45309' : '#ffb74d' },
      background: mode === 'light' ? { default: '#f4f6f8', paper: '#ffffff' } : { default: '#0f1419', paper: '#161d24' },
    },
    shape: { borderRadius: 6 },
    typography: {
      fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
      fontSize: 14,
    },
    components: {
      MuiButton: {
        defaultProps: { disableElevation: true },
        styleOverrides: { root: { textTransform: 'none', whiteSpace: 'nowrap' } },
      },
      MuiToggleButton: { styleOverrides: { root: { textTransform: 'none', paddingTop: 3, paddingBottom: 3 } } },
      MuiTab: { styleOverrides: { root: { textTransform: 'none' } } },
    },
  });
}
