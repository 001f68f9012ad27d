import Box from '@mui/material/Box';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { useState } from 'react';
import { FindingsPanel } from '../features/findings/FindingsPanel';
import { JsonPanel } from '../features/json/JsonPanel';
import { SummaryPanel } from '../features/summary/SummaryPanel';
import { useAnalysis } from './useEditor';

type TabName = 'json' | 'findings' | 'summary';

/** The JSON view, the findings and the summary, side by side with the visual editor. */
export function SidePanel() {
  const [tab, setTab] = useState<TabName>('json');
  const { findings } = useAnalysis();
  return (
    <Box component="aside" aria-label="Policy document" sx={{ display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%', borderLeft: { lg: 1 }, borderColor: 'divider' }}>
      <Tabs value={tab} onChange={(_, v: TabName) => setTab(v)} sx={{ borderBottom: 1, borderColor: 'divider', minHeight: 40 }}>
        <Tab value="json" label="JSON" id="tab-json" aria-controls="panel-json" sx={{ minHeight: 40 }} />
        <Tab value="findings" label={`Findings (${findings.length})`} id="tab-findings" aria-controls="panel-findings" sx={{ minHeight: 40 }} />
        <Tab value="summary" label="Summary" id="tab-summary" aria-controls="panel-summary" sx={{ minHeight: 40 }} />
      </Tabs>
      <Box role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} sx={{ flex: 1, minHeight: 0 }}>
        {tab === 'json' && <JsonPanel />}
        {tab === 'findings' && <FindingsPanel onReveal={() => setTab('json')} />}
        {tab === 'summary' && <SummaryPanel />}
      </Box>
    </Box>
  );
}
