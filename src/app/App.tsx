import Box from '@mui/material/Box';
import { BlockList } from '../features/blocks/BlockList';
import { OtherTabBanner } from '../features/drafts/OtherTabBanner';
import { PolicyToolbar } from '../features/header/PolicyToolbar';
import { TopBar } from '../features/header/TopBar';
import { ServiceActionSearch } from '../features/search/ServiceActionSearch';
import { SidePanel } from './SidePanel';
import type { ColorMode } from './theme';

export interface AppProps {
  readonly colorMode: ColorMode;
  readonly onColorModeChange: (mode: ColorMode) => void;
}

export function App({ colorMode, onColorModeChange }: AppProps) {
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', height: '100vh' }}>
      <TopBar colorMode={colorMode} onColorModeChange={onColorModeChange} />
      <PolicyToolbar />
      <Box
        sx={{
          flex: 1,
          minHeight: 0,
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', lg: 'minmax(0, 1fr) minmax(0, 1fr)' },
          gridTemplateRows: { xs: 'auto 70vh', lg: '1fr' },
          overflow: { xs: 'auto', lg: 'hidden' },
        }}
      >
        <Box component="main" aria-label="Visual editor" sx={{ overflow: { lg: 'auto' }, p: 2, pt: 0 }}>
          <Box sx={{ position: 'sticky', top: 0, zIndex: 3, bgcolor: 'background.default', pt: 2, pb: 1 }}>
            <ServiceActionSearch />
          </Box>
          <OtherTabBanner />
          <BlockList />
        </Box>
        <SidePanel />
      </Box>
    </Box>
  );
}
