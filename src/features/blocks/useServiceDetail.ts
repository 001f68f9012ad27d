import { useCallback, useEffect, useState } from 'react';
import { useCatalog } from '../../editor/useCatalog';
import type { ServiceDetailFile } from '../../catalog/types';

export interface ServiceDetailState {
  /** undefined until loaded */
  readonly detail: ServiceDetailFile | undefined;
  readonly error: string | undefined;
  readonly retry: () => void;
}

/** A service's detail file: loads it when needed; re-renders when it arrives. */
export function useServiceDetail(prefix: string): ServiceDetailState {
  const { loader, view, version } = useCatalog();
  const [failure, setFailure] = useState<{ prefix: string; message: string; attempt: number } | undefined>();
  const [attempt, setAttempt] = useState(0);
  void version; // view.detail() answers from what has loaded; version tells when that changed
  const detail = view.detail(prefix);
  const loaded = detail !== undefined;
  useEffect(() => {
    if (loaded) return;
    let live = true;
    loader.loadService(prefix).catch((e: unknown) => {
      if (live) setFailure({ prefix, message: e instanceof Error ? e.message : String(e), attempt });
    });
    return () => {
      live = false;
    };
  }, [loader, prefix, loaded, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const error =
    !loaded && failure?.prefix === prefix && failure.attempt === attempt ? failure.message : undefined;
  return { detail, error, retry };
}
