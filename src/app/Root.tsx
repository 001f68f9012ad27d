import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import CssBaseline from '@mui/material/CssBaseline';
import { ThemeProvider } from '@mui/material/styles';
import Typography from '@mui/material/Typography';
import { QueryClientProvider } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { App } from './App';
import { createQueryClient } from '../features/account/accountQueries';
import { CatalogProvider } from '../editor/CatalogProvider';
import { EditorProvider } from '../editor/EditorProvider';
import { makeTheme } from './theme';
import { useColorMode } from './useColorMode';

export function Root() {
  const [mode, setMode] = useColorMode();
  const theme = useMemo(() => makeTheme(mode), [mode]);
  const [queryClient] = useState(createQueryClient);
  return (
    <QueryClientProvider client={queryClient}>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        <CatalogProvider
          fallback={
            <Box
              role="status"
              sx={{
                display: 'flex',
                gap: 2,
                alignItems: 'center',
                justifyContent: 'center',
                height: '100vh',
              }}
            >
              <CircularProgress size={24} aria-hidden />
              <Typography>Loading the IAM catalog…</Typography>
            </Box>
          }
          failed={(error) => (
            <Box sx={{ p: 4 }}>
              <Alert severity="error">
                The IAM catalog could not be loaded: {error}. Is the local server still running? Restart it
                with <code>npm start</code> and reload this page.
              </Alert>
            </Box>
          )}
        >
          <EditorProvider>
            <App colorMode={mode} onColorModeChange={setMode} />
          </EditorProvider>
        </CatalogProvider>
      </ThemeProvider>
    </QueryClientProvider>
  );
}
