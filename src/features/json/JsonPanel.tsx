/**
 * The live JSON view. Monaco loads in its own chunks, after the app's first paint (so the rest of
 * the page works before it arrives); until then the text shows read-only in the same font.
 */
import Box from '@mui/material/Box';
import { lazy, Suspense, useEffect, useImperativeHandle, useState, type Ref } from 'react';
import type { SourceRange } from '../../policy/model';
import { JsonEditorBoundary } from './JsonEditorBoundary';
import type { JsonEditorApi } from './jsonEditorApi';
import { JsonTextPreview } from './JsonTextPreview';

const PolicyJsonEditor = lazy(() => import('./PolicyJsonEditor'));

export interface JsonPanelHandle {
  /** selects a finding's range in the JSON, once the panel is visible and the editor ready */
  reveal(range: SourceRange): void;
}

export interface JsonPanelProps {
  /** whether the panel is shown (it stays mounted while hidden, keeping undo state and scroll) */
  readonly visible: boolean;
  readonly ref?: Ref<JsonPanelHandle>;
}

/** Starts after the browser has painted and is idle (at most a short wait). */
function afterFirstPaint(callback: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(callback, { timeout: 300 });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(callback, 50);
  return () => window.clearTimeout(handle);
}

export function JsonPanel({ visible, ref }: JsonPanelProps) {
  const [started, setStarted] = useState(false);
  const [api, setApi] = useState<JsonEditorApi | null>(null);
  const [pending, setPending] = useState<{ readonly range: SourceRange } | null>(null);

  useEffect(() => afterFirstPaint(() => setStarted(true)), []);

  useImperativeHandle(ref, () => ({ reveal: (range) => setPending({ range }) }), []);

  useEffect(() => {
    if (!visible || !api || !pending) return;
    api.reveal(pending.range);
    setPending(null);
  }, [visible, api, pending]);

  const fallback = <JsonTextPreview />;
  return (
    <Box sx={{ height: '100%', minHeight: 0 }}>
      {started ? (
        <JsonEditorBoundary>
          <Suspense fallback={fallback}>
            <PolicyJsonEditor onReady={setApi} />
          </Suspense>
        </JsonEditorBoundary>
      ) : (
        fallback
      )}
    </Box>
  );
}
