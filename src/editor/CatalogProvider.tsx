import { createContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { CatalogView } from '../catalog/catalog';
import { browserFetchJson, CatalogLoader } from '../catalog/load';
import { createSearchIndex, type SearchIndex } from '../catalog/search';

export interface CatalogContextValue {
  readonly loader: CatalogLoader;
  /** what is loaded so far (one object throughout; `version` tells when more services have loaded) */
  readonly view: CatalogView;
  /** goes up each time a service's details finish loading */
  readonly version: number;
  readonly search: SearchIndex;
}

export const CatalogContext = createContext<CatalogContextValue | null>(null);

type LoadState = { status: 'loading' } | { status: 'ready'; loader: CatalogLoader } | { status: 'failed'; error: string };

/** How long service details that arrive together wait for each other before one re-render. */
const COALESCE_MS = 60;

/**
 * The loader's version, updated at most once per COALESCE_MS: importing a policy that names
 * 300 services loads 300 detail files, and one re-render for all of them beats 300.
 */
function useCoalescedVersion(loader: CatalogLoader | null): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!loader) return undefined;
    let timer: number | undefined;
    const flush = () => {
      timer = undefined;
      setVersion(loader.version);
    };
    const unsubscribe = loader.subscribe(() => {
      if (timer === undefined) timer = window.setTimeout(flush, COALESCE_MS);
    });
    flush();
    return () => {
      unsubscribe();
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [loader]);
  return version;
}

export function CatalogProvider({ children, fallback, failed }: { children: ReactNode; fallback: ReactNode; failed: (error: string) => ReactNode }) {
  const [state, setState] = useState<LoadState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    CatalogLoader.create(browserFetchJson())
      .then((loader) => live && setState({ status: 'ready', loader }))
      .catch((e: unknown) => live && setState({ status: 'failed', error: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
    };
  }, []);
  const loader = state.status === 'ready' ? state.loader : null;
  const version = useCoalescedVersion(loader);
  const search = useMemo(() => (loader ? createSearchIndex(loader.view) : null), [loader]);
  const value = useMemo(
    () => (loader && search ? { loader, view: loader.view, version, search } : null),
    [loader, version, search],
  );
  if (state.status === 'failed') return <>{failed(state.error)}</>;
  if (!value) return <>{fallback}</>;
  return <CatalogContext.Provider value={value}>{children}</CatalogContext.Provider>;
}
