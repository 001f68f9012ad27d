/**
 * A worker for the heavy, pure work of "too big": compactPolicy and splitPolicy prove their
 * results by expanding every action (about a second for ReadOnlyAccess), so they run here, off the
 * page's main thread. The worker reads the catalog index itself (the same static files).
 */
import type { CatalogView } from '../../catalog/catalog';
import { browserFetchJson, CATALOG_PATHS, catalogViewFromFiles } from '../../catalog/load';
import type { PolicyWorkerRequest, PolicyWorkerResponse } from './policyWorkerProtocol';
import { runPolicyTask } from './runPolicyTask';

let catalog: Promise<CatalogView> | undefined;

function loadCatalog(): Promise<CatalogView> {
  if (!catalog) {
    const fetchJson = browserFetchJson(new URL('/catalog/', self.location.origin).href);
    catalog = Promise.all([fetchJson(CATALOG_PATHS.index), fetchJson(CATALOG_PATHS.globalConditionKeys)]).then(
      ([index, keys]) => catalogViewFromFiles(index, keys),
    );
    catalog.catch(() => {
      catalog = undefined;
    });
  }
  return catalog;
}

function reply(message: PolicyWorkerResponse): void {
  (self as unknown as { postMessage: (message: PolicyWorkerResponse) => void }).postMessage(message);
}

self.addEventListener('message', (event: MessageEvent<PolicyWorkerRequest>) => {
  const request = event.data;
  void loadCatalog().then(
    (view) => {
      const start = performance.now();
      try {
        const result = runPolicyTask(request, view);
        reply({ id: request.id, ok: true, result, ms: performance.now() - start });
      } catch (error) {
        reply({ id: request.id, ok: false, error: error instanceof Error ? error.message : String(error) });
      }
    },
    (error: unknown) => reply({ id: request.id, ok: false, error: `The catalog did not load: ${String(error)}` }),
  );
});
