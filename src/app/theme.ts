import { createTheme, type Theme } from '@mui/material/styles';

import type { ColorMode } from '../features/header/colorMode';

export type { ColorMode };

export function makeTheme(mode: ColorMode): Theme {
  const primary = mode === 'light' ? '#0b5cad' : '#7ab8ff';
  // Keyboard focus is always drawn, also on controls that turn their ripple off (the action list's
  // check boxes): a 2px ring in the primary colour.
  const focusRing = { outline: `2px solid ${primary}`, outlineOffset: 1 };
  // on list rows and tabs the ring sits inside, so scrolling containers do not clip it
  const insetFocusRing = { outline: `2px solid ${primary}`, outlineOffset: -2 };
  return createTheme({
    palette: {
      mode,
      primary: { main: primary },
      secondary: { main: mode === 'light' ? '#b45309' : '#ffb74d' },
      // Filled colours keep 4.5:1 under their text: MUI's default warning orange (#ed6c02) under
      // white is 3.11:1 (this one 5.17:1), its light info blue 3.86:1, its dark error red under
      // white 3.68:1.
      ...(mode === 'light'
        ? { warning: { main: '#b35000', contrastText: '#ffffff' }, info: { main: '#0277bd', contrastText: '#ffffff' } }
        : { error: { main: '#f44336', contrastText: 'rgba(0, 0, 0, 0.87)' } }),
      background: mode === 'light' ? { default: '#f4f6f8', paper: '#ffffff' } : { default: '#0f1419', paper: '#161d24' },
    },
    shape: { borderRadius: 6 },
    typography: {
      fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
      fontSize: 14,
    },
    components: {
      MuiButtonBase: { styleOverrides: { root: { '&.Mui-focusVisible': focusRing } } },
      MuiButton: {
        defaultProps: { disableElevation: true },
        styleOverrides: { root: { textTransform: 'none', whiteSpace: 'nowrap' } },
      },
      MuiToggleButton: { styleOverrides: { root: { textTransform: 'none', paddingTop: 3, paddingBottom: 3 } } },
      MuiTab: { styleOverrides: { root: { textTransform: 'none', '&.Mui-focusVisible': insetFocusRing } } },
      MuiListItemButton: { styleOverrides: { root: { '&.Mui-focusVisible': insetFocusRing } } },
      MuiMenuItem: { styleOverrides: { root: { '&.Mui-focusVisible': insetFocusRing } } },
      MuiChip: { styleOverrides: { root: { '&.Mui-focusVisible': focusRing } } },
      // On a phone every dialog takes the whole screen (as `fullScreen` would), so none is wider
      // than the screen and its actions stay in reach.
      MuiDialog: {
        styleOverrides: {
          paper: ({ theme }) => ({
            [theme.breakpoints.down('sm')]: {
              '&&': { margin: 0, width: '100%', maxWidth: '100%', height: '100%', maxHeight: 'none', borderRadius: 0 },
            },
          }),
        },
      },
    },
  });
}
