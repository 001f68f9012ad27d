import Box from '@mui/material/Box';
import LinearProgress from '@mui/material/LinearProgress';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import { FindingsPanel } from '../features/findings/FindingsPanel';
import { JsonPanel, type JsonPanelHandle } from '../features/json/JsonPanel';
import { blockIndexOfPointer, blockRegionLabel } from '../features/json/revealTarget';
import { SummaryPanel } from '../features/summary/SummaryPanel';
import { useFindingsFilter } from '../features/findings/useFindingsFilter';
import type { Finding } from '../policy/model';
import type { Analysis } from '../editor/EditorProvider';
import { useAnalysisSelector, useEditorStore } from '../editor/useEditor';

type TabName = 'json' | 'findings' | 'summary' | 'simulate';

// Loaded when first opened: the simulator costs nothing until then.
const SimulatePanel = lazy(() => import('../features/simulate/SimulatePanel'));

/** Scrolls the visual editor (when it scrolls on its own) to a finding's permission block. */
function scrollToBlock(pointer: string): void {
  const index = blockIndexOfPointer(pointer);
  if (index === undefined) return;
  const region = document.querySelector<HTMLElement>(`section[aria-label="${blockRegionLabel(index)}"]`);
  const main = region?.closest<HTMLElement>('main');
  if (!region || !main || main.scrollHeight <= main.clientHeight) return;
  // below whatever sticks to the top of the visual editor (the search box)
  let covered = 8;
  for (const child of Array.from(main.children)) {
    if (child instanceof HTMLElement && getComputedStyle(child).position === 'sticky')
      covered += child.offsetHeight;
  }
  const top =
    region.getBoundingClientRect().top - main.getBoundingClientRect().top + main.scrollTop - covered;
  main.scrollTo({ top, behavior: 'smooth' });
}

/** Briefly rings a permission block, so the eye finds the statement a result points at. */
function highlightBlock(pointer: string): void {
  const index = blockIndexOfPointer(pointer);
  if (index === undefined) return;
  const region = document.querySelector<HTMLElement>(`section[aria-label="${blockRegionLabel(index)}"]`);
  if (!region || typeof region.animate !== 'function') return;
  const ring = '0 0 0 3px rgba(25, 118, 210, 0.85)';
  region.animate([{ boxShadow: ring }, { boxShadow: ring, offset: 0.7 }, { boxShadow: '0 0 0 0 rgba(25, 118, 210, 0)' }], {
    duration: 2200,
    easing: 'ease-out',
  });
}

const selectFindingCount = (analysis: Analysis) => analysis.findings.length;

/** The JSON view, the findings and the summary, side by side with the visual editor. */
export function SidePanel() {
  const [tab, setTab] = useState<TabName>('json');
  // selected: typing re-renders the JSON view, not the panel around it
  const findingCount = useAnalysisSelector(selectFindingCount);
  const store = useEditorStore();
  // a count chip in the header opens the findings (filtered by its severity)
  const { requests } = useFindingsFilter();
  const [seenRequests, setSeenRequests] = useState(requests);
  if (requests !== seenRequests) {
    setSeenRequests(requests);
    setTab('findings');
  }
  const json = useRef<JsonPanelHandle>(null);

  const reveal = useCallback((finding: Finding) => {
    setTab('json');
    if (finding.range) json.current?.reveal(finding.range);
    scrollToBlock(finding.pointer);
  }, []);

  // a statement the simulator points at: selected in the JSON, its block scrolled to and ringed
  const revealStatement = useCallback(
    (pointer: string) => {
      setTab('json');
      const range = store.analysis.locate(pointer);
      if (range) json.current?.reveal(range);
      scrollToBlock(pointer);
      highlightBlock(pointer);
    },
    [store],
  );

  return (
    <Box
      component="aside"
      aria-label="Policy document"
      sx={{
        display: 'flex',
        flexDirection: 'column',
        minHeight: 0,
        height: '100%',
        borderLeft: { lg: 1 },
        borderLeftColor: { lg: 'divider' },
      }}
    >
      <Tabs
        value={tab}
        onChange={(_, v: TabName) => setTab(v)}
        // on a narrow screen the tabs scroll sideways instead of being cut off
        variant="scrollable"
        scrollButtons="auto"
        allowScrollButtonsMobile
        sx={{ borderBottom: 1, borderColor: 'divider', minHeight: 40 }}
      >
        <Tab value="json" label="JSON" id="tab-json" aria-controls="panel-json" sx={{ minHeight: 40 }} />
        <Tab
          value="findings"
          label={`Findings (${findingCount})`}
          id="tab-findings"
          aria-controls="panel-findings"
          sx={{ minHeight: 40 }}
        />
        <Tab
          value="summary"
          label="Summary"
          id="tab-summary"
          aria-controls="panel-summary"
          sx={{ minHeight: 40 }}
        />
        <Tab
          value="simulate"
          label="Simulate"
          id="tab-simulate"
          aria-controls="panel-simulate"
          sx={{ minHeight: 40 }}
        />
      </Tabs>
      {/* The JSON panel stays mounted while hidden, so Monaco keeps its state and scroll. */}
      <Box
        role="tabpanel"
        id="panel-json"
        aria-labelledby="tab-json"
        hidden={tab !== 'json'}
        sx={{ flex: 1, minHeight: 0, display: tab === 'json' ? 'block' : 'none' }}
      >
        <JsonPanel ref={json} visible={tab === 'json'} />
      </Box>
      {tab !== 'json' && (
        <Box
          role="tabpanel"
          id={`panel-${tab}`}
          aria-labelledby={`tab-${tab}`}
          sx={{ flex: 1, minHeight: 0 }}
        >
          {tab === 'findings' && <FindingsPanel onReveal={reveal} />}
          {tab === 'summary' && <SummaryPanel />}
          {tab === 'simulate' && (
            <Suspense fallback={<LinearProgress aria-label="Loading the simulator" />}>
              <SimulatePanel onReveal={revealStatement} />
            </Suspense>
          )}
        </Box>
      )}
    </Box>
  );
}
