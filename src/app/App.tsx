import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import { startTransition, useEffect, useState } from 'react';
import { afterPaint } from '../editor/afterPaint';
import { TopBar } from '../features/header/TopBar';
import { ServiceActionSearch } from '../features/search/ServiceActionSearch';
import { FindingsFilterProvider } from '../features/findings/FindingsFilterProvider';
import { useBackToClose } from '../features/common/useBackToClose';
import type * as DeferredParts from './deferredParts';
import type { ColorMode } from './theme';

export interface AppProps {
  readonly colorMode: ColorMode;
  readonly onColorModeChange: (mode: ColorMode) => void;
}

type Parts = typeof DeferredParts;

/** The stages in which the rest of the page mounts: the toolbar, then the blocks, then the side panel. */
const STAGES = 3;

/**
 * The rest of the page (one chunk) and how much of it may mount. The first screen (the top bar
 * and the search box) paints alone; then the chunk loads and its parts mount one stage per task,
 * each after a frame, so that a key pressed in the search box meanwhile waits for at most one.
 */
function useDeferredParts(): { parts: Parts | undefined; stage: number; failed: boolean } {
  const [parts, setParts] = useState<Parts>();
  const [stage, setStage] = useState(0);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (stage >= STAGES) return undefined;
    let live = true;
    const cancel = afterPaint(() => {
      if (stage > 0) {
        startTransition(() => setStage(stage + 1));
        return;
      }
      import('./deferredParts').then(
        (loaded) => {
          if (!live) return;
          startTransition(() => {
            setParts(loaded);
            setStage(1);
          });
        },
        () => live && setFailed(true),
      );
    });
    return () => {
      live = false;
      cancel();
    };
  }, [stage]);
  return { parts, stage, failed };
}

/** Where the policy toolbar goes until it mounts: its height, so that nothing moves when it comes. */
const toolbarPlaceholder = (
  <Box
    aria-hidden
    sx={{ minHeight: 57, borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper' }}
  />
);

export function App({ colorMode, onColorModeChange }: AppProps) {
  useBackToClose();
  const { parts, stage, failed } = useDeferredParts();
  const show = (n: number): Parts | undefined => (stage >= n ? parts : undefined);
  const toolbar = show(1);
  const editor = show(2);
  const side = show(3);
  return (
    // Wide screens: the header stays, the editor and the side panel scroll on their own. Narrow
    // screens: one page that scrolls, the editor first, then the JSON, findings and summary.
    <FindingsFilterProvider>
      <Box sx={{ display: 'flex', flexDirection: 'column', height: { lg: '100vh' }, minHeight: '100vh' }}>
        <TopBar colorMode={colorMode} onColorModeChange={onColorModeChange} />
        {toolbar ? <toolbar.PolicyToolbar /> : toolbarPlaceholder}
        {failed && (
          <Alert severity="error" sx={{ m: 2 }}>
            The editor could not be loaded. Is the local server still running? Reload this page.
          </Alert>
        )}
        <Box
          sx={{
            flex: 1,
            minHeight: 0,
            display: 'grid',
            // minmax(0, …): no content may widen a column past the screen
            gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 1fr) minmax(0, 1fr)' },
            gridTemplateRows: { xs: 'auto 80vh', lg: 'minmax(0, 1fr)' },
            overflow: { lg: 'hidden' },
          }}
        >
          <Box
            component="main"
            aria-label="Visual editor"
            sx={{ overflow: { lg: 'auto' }, p: { xs: 1, sm: 2 }, pt: { xs: 0, sm: 0 } }}
          >
            <Box sx={{ position: 'sticky', top: 0, zIndex: 3, bgcolor: 'background.default', pt: 2, pb: 1 }}>
              <ServiceActionSearch />
              {editor && (
                <>
                  <editor.DraftStatus />
                  <editor.PolicySetBar />
                </>
              )}
            </Box>
            {editor && (
              <>
                <editor.OtherTabBanner />
                <editor.BlockList />
              </>
            )}
          </Box>
          {side ? <side.SidePanel /> : <Box />}
        </Box>
      </Box>
    </FindingsFilterProvider>
  );
}
