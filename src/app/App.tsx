import Box from '@mui/material/Box';
import { lazy, Suspense, type ComponentType } from 'react';
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
let parts: Promise<Parts> | undefined;
/** The rest of the page, one chunk that starts loading when the first screen renders. */
function deferred<K extends keyof Parts>(name: K) {
  return lazy(async () => {
    parts ??= import('./deferredParts');
    return { default: (await parts)[name] as ComponentType };
  });
}

const PolicyToolbar = deferred('PolicyToolbar');
const BlockList = deferred('BlockList');
const DraftStatus = deferred('DraftStatus');
const PolicySetBar = deferred('PolicySetBar');
const OtherTabBanner = deferred('OtherTabBanner');
const SidePanel = deferred('SidePanel');

/** Where the policy toolbar goes while its chunk loads: its height, so nothing moves when it comes. */
const toolbarPlaceholder = (
  <Box
    aria-hidden
    sx={{ minHeight: 57, borderBottom: 1, borderColor: 'divider', bgcolor: 'background.paper' }}
  />
);

export function App({ colorMode, onColorModeChange }: AppProps) {
  useBackToClose();
  return (
    // Wide screens: the header stays, the editor and the side panel scroll on their own. Narrow
    // screens: one page that scrolls, the editor first, then the JSON, findings and summary.
    // The top bar and the search box come first; the rest of the page renders once its chunk is in.
    <FindingsFilterProvider>
      <Box sx={{ display: 'flex', flexDirection: 'column', height: { lg: '100vh' }, minHeight: '100vh' }}>
        <TopBar colorMode={colorMode} onColorModeChange={onColorModeChange} />
        <Suspense fallback={toolbarPlaceholder}>
          <PolicyToolbar />
        </Suspense>
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
              <Suspense fallback={null}>
                <DraftStatus />
                <PolicySetBar />
              </Suspense>
            </Box>
            <Suspense fallback={null}>
              <OtherTabBanner />
              <BlockList />
            </Suspense>
          </Box>
          <Suspense fallback={<Box />}>
            <SidePanel />
          </Suspense>
        </Box>
      </Box>
    </FindingsFilterProvider>
  );
}
