import Box from '@mui/material/Box';
import { BlockList } from '../features/blocks/BlockList';
import { DraftStatus } from '../features/drafts/DraftStatus';
import { PolicySetBar } from '../features/account/PolicySetBar';
import { OtherTabBanner } from '../features/drafts/OtherTabBanner';
import { PolicyToolbar } from '../features/header/PolicyToolbar';
import { TopBar } from '../features/header/TopBar';
import { ServiceActionSearch } from '../features/search/ServiceActionSearch';
import { FindingsFilterProvider } from '../features/findings/FindingsFilterProvider';
import { useBackToClose } from '../features/common/useBackToClose';
import { SidePanel } from './SidePanel';
import type { ColorMode } from './theme';

export interface AppProps {
  readonly colorMode: ColorMode;
  readonly onColorModeChange: (mode: ColorMode) => void;
}

export function App({ colorMode, onColorModeChange }: AppProps) {
  useBackToClose();
  return (
    // Wide screens: the header stays, the editor and the side panel scroll on their own. Narrow
    // screens: one page that scrolls, the editor first, then the JSON, findings and summary.
    <FindingsFilterProvider>
      <Box sx={{ display: 'flex', flexDirection: 'column', height: { lg: '100vh' }, minHeight: '100vh' }}>
        <TopBar colorMode={colorMode} onColorModeChange={onColorModeChange} />
        <PolicyToolbar />
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
              <DraftStatus />
              <PolicySetBar />
            </Box>
            <OtherTabBanner />
            <BlockList />
          </Box>
          <SidePanel />
        </Box>
      </Box>
    </FindingsFilterProvider>
  );
}
