/**
 * The editor's validation, off the main thread: the worker keeps its own catalog loader (the same
 * static files), loads the details of the services a text names, and runs the one analysis
 * (src/policy/analyze). Typing never waits for it; the page applies the newest answer.
 */
import { browserFetchJson, CatalogLoader } from '../catalog/load';
import { analyze, servicesOf } from '../policy/analyze';
import { parse } from '../policy/parse';
import type { AnalysisRequest, AnalysisResponse } from './analysisProtocol';

let loader: Promise<CatalogLoader> | undefined;
let latest = 0;

function catalog(): Promise<CatalogLoader> {
  if (!loader) {
    loader = CatalogLoader.create(browserFetchJson(new URL('/catalog/', self.location.origin).href));
    loader.catch(() => {
      loader = undefined;
    });
  }
  return loader;
}

function reply(message: AnalysisResponse): void {
  (self as unknown as { postMessage: (message: AnalysisResponse) => void }).postMessage(message);
}

self.addEventListener('message', (event: MessageEvent<AnalysisRequest>) => {
  const request = event.data;
  latest = request.id;
  void (async () => {
    try {
      const catalogLoader = await catalog();
      const parsed = parse(request.text);
      await catalogLoader.loadServices(servicesOf(parsed.model)).catch(() => undefined);
      // A newer text arrived while the details loaded: answer that one (this one says so, so that
      // the page, which sends one text at a time, sends the next).
      if (request.id !== latest) {
        reply({ id: request.id, ok: false, error: 'superseded by a newer text' });
        return;
      }
      const start = performance.now();
      const result = analyze(request.text, catalogLoader.view, { kind: request.kind, parsed });
      reply({
        id: request.id,
        ok: true,
        findings: result.findings,
        sizeChars: result.model ? result.size.size : null,
        ms: performance.now() - start,
      });
    } catch (error) {
      reply({ id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) });
    }
  })();
});
