/**
 * The live JSON view. Monaco (about 1 MB gzip with its styles and workers) loads in its own chunks
 * once the page has been left alone for a moment after it starts, or at once when the JSON panel
 * is pointed at, focused or clicked: so it never competes with the first search. Until then the
 * text shows read-only in the same font.
 */
import Box from '@mui/material/Box';
import { lazy, Suspense, useEffect, useImperativeHandle, useState, type Ref } from 'react';
import type { SourceRange } from '../../policy/model';
import { JsonEditorBoundary } from './JsonEditorBoundary';
import type { JsonEditorApi } from './jsonEditorApi';
import { JsonTextPreview } from './JsonTextPreview';
import { PlainJsonEditor } from './PlainJsonEditor';
import type { PolicyJsonEditorProps } from './PolicyJsonEditor';

// A chunk that does not load (the local server stopped, the network failed) is a plain text
// view with the reason, not an error thrown to the boundary (React would log it as a crash).
const PolicyJsonEditor = lazy(() =>
  import('./PolicyJsonEditor').catch((error: unknown) => ({
    default: function UnloadedJsonEditor(_props: PolicyJsonEditorProps) {
      return <PlainJsonEditor reason={error instanceof Error ? error.message : String(error)} />;
    },
  })),
);

export interface JsonPanelHandle {
  /** selects a finding's range in the JSON, once the panel is visible and the editor ready */
  reveal(range: SourceRange): void;
}

export interface JsonPanelProps {
  /** whether the panel is shown (it stays mounted while hidden, keeping undo state and scroll) */
  readonly visible: boolean;
  readonly ref?: Ref<JsonPanelHandle>;
}

/** How long no key, click or typing must have happened on the page before Monaco starts loading. */
const QUIET_MS = 1500;
const INPUT_EVENTS = ['keydown', 'pointerdown', 'input'] as const;

/** Starts when the browser is idle (at most a short wait). */
function whenIdle(callback: () => void): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(callback, { timeout: 300 });
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(callback, 50);
  return () => window.clearTimeout(handle);
}

/** Starts once the page has had no input for QUIET_MS (each key or click waits again), then idle. */
function whenQuiet(callback: () => void): () => void {
  let timer: number | undefined;
  let cancelIdle = () => {};
  const arm = () => {
    window.clearTimeout(timer);
    cancelIdle();
    timer = window.setTimeout(() => {
      cancelIdle = whenIdle(callback);
    }, QUIET_MS);
  };
  arm();
  for (const type of INPUT_EVENTS) window.addEventListener(type, arm, { capture: true, passive: true });
  return () => {
    window.clearTimeout(timer);
    cancelIdle();
    for (const type of INPUT_EVENTS) window.removeEventListener(type, arm, { capture: true });
  };
}

export function JsonPanel({ visible, ref }: JsonPanelProps) {
  const [started, setStarted] = useState(false);
  const [api, setApi] = useState<JsonEditorApi | null>(null);
  const [pending, setPending] = useState<{ readonly range: SourceRange } | null>(null);

  useEffect(() => (started ? undefined : whenQuiet(() => setStarted(true))), [started]);
  const start = started ? undefined : () => setStarted(true);

  useImperativeHandle(ref, () => ({ reveal: (range) => setPending({ range }) }), []);

  useEffect(() => {
    if (!visible || !api || !pending) return;
    api.reveal(pending.range);
    setPending(null);
  }, [visible, api, pending]);

  const fallback = <JsonTextPreview />;
  return (
    // using the panel (or pointing at it) starts the editor at once
    <Box sx={{ height: '100%', minHeight: 0 }} onPointerEnter={start} onFocus={start} onPointerDown={start}>
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
