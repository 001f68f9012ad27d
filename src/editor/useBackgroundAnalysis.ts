import { useEffect, useMemo, useRef, useState } from 'react';
import type { CatalogLoader } from '../catalog/load';
import type { CatalogView } from '../catalog/catalog';
import type { Finding, ParseResult, PolicyKind } from '../policy/model';
import { policySize } from '../policy/size';
import type * as AnalyzeModule from '../policy/analyze';
import { afterPaint } from './afterPaint';
import type { AnalysisRequest, AnalysisResponse } from './analysisProtocol';

/** the validator, loaded only where there is no worker (it stays out of the page's first chunks) */
type Analyzer = typeof AnalyzeModule;
import AnalysisWorker from './analysisWorker?worker';

export interface BackgroundAnalysis {
  readonly findings: readonly Finding[];
  /** null when the analysed text does not parse */
  readonly sizeChars: number | null;
}

function canUseWorker(): boolean {
  return typeof Worker !== 'undefined' && typeof window !== 'undefined' && window.location.protocol.startsWith('http');
}

/**
 * Findings and size of `text`, worked out in a worker so that typing never waits for validation.
 * Until the worker's first answer the syntax findings of the parse show; later answers replace
 * earlier ones, and an answer for an older text is dropped. Where workers are unavailable, the
 * analysis runs here (after the frame), against the page's catalog.
 */
export function useBackgroundAnalysis(
  text: string,
  parsed: ParseResult,
  kind: PolicyKind,
  view: CatalogView,
  loader: CatalogLoader,
  version: number,
): BackgroundAnalysis {
  const worker = useRef<Worker | null>(null);
  const nextId = useRef(0);
  const [answer, setAnswer] = useState<{ id: number; text: string; kind: PolicyKind; result: BackgroundAnalysis } | null>(
    null,
  );
  const [broken, setBroken] = useState(!canUseWorker());
  /** the request sent and not answered yet: one at a time, so a burst of keys costs one analysis */
  const pending = useRef<AnalysisRequest | null>(null);
  /** the newest text while another is analysed (older ones waiting are dropped) */
  const queued = useRef<AnalysisRequest | null>(null);

  useEffect(() => {
    if (broken) return undefined;
    // Started once the first screen has painted (or after a second, in a hidden tab): the worker
    // fetches and reads the catalog, which would compete with the first screen on two cores.
    let w: Worker | undefined;
    const cancel = afterPaint(() => {
      w = startWorker();
    }, 1000);
    return () => {
      cancel();
      w?.terminate();
      worker.current = null;
      pending.current = null;
      queued.current = null;
    };
  }, [broken]);

  /** The worker, listening; the text that waited for it goes first. */
  function startWorker(): Worker {
    const w = new AnalysisWorker();
    worker.current = w;
    w.addEventListener('message', (event: MessageEvent<AnalysisResponse>) => {
      const message = event.data;
      const request = pending.current;
      if (!request || message.id !== request.id) return;
      pending.current = null;
      const next = queued.current;
      queued.current = null;
      if (next) {
        // a newer text waits: analyse it, not show this older answer
        pending.current = next;
        w.postMessage(next);
        return;
      }
      if (!message.ok) return; // keep what is shown; the next edit asks again
      setAnswer({ id: message.id, text: request.text, kind: request.kind, result: { findings: message.findings, sizeChars: message.sizeChars } });
    });
    w.addEventListener('error', () => setBroken(true));
    const first = queued.current;
    queued.current = null;
    if (first) {
      pending.current = first;
      w.postMessage(first);
    }
    return w;
  }

  useEffect(() => {
    if (broken) return;
    const request: AnalysisRequest = { id: ++nextId.current, text, kind };
    if (!worker.current || pending.current) {
      queued.current = request;
      return;
    }
    pending.current = request;
    worker.current.postMessage(request);
  }, [text, kind, broken]);

  // Fallback on the main thread: the page's catalog (details loaded as they arrive: version).
  const [analyzer, setAnalyzer] = useState<Analyzer | null>(null);
  useEffect(() => {
    if (broken) void import('../policy/analyze').then(setAnalyzer);
  }, [broken]);
  const fallback = broken ? analyzer : null;
  const needed = useMemo(() => (fallback ? fallback.servicesOf(parsed.model) : []), [fallback, parsed.model]);
  useEffect(() => {
    if (needed.length > 0) void loader.loadServices(needed).catch(() => undefined);
  }, [loader, needed]);
  const local = useMemo(() => {
    if (!fallback) return null;
    void version;
    const result = fallback.analyze(text, view, { kind, parsed });
    return { findings: result.findings, sizeChars: parsed.model ? result.size.size : null };
  }, [fallback, text, kind, parsed, view, version]);

  const current = answer && answer.text === text && answer.kind === kind ? answer.result : null;
  const lastFindings = answer?.result.findings;
  return useMemo(() => {
    if (local) return local;
    if (current) return current;
    // While the worker works: the last answer's findings (they may lag a moment); the size and the
    // syntax findings of this very text at once.
    return {
      findings: parsed.model === null ? parsed.findings : (lastFindings ?? parsed.findings),
      sizeChars: parsed.model === null ? null : policySize(text),
    };
  }, [local, current, lastFindings, parsed, text]);
}
