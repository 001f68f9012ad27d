import { useEffect, useState } from 'react';
import { useCatalog } from '../../app/useCatalog';
import type { ServiceDetailFile } from '../../catalog/types';

export interface ServiceDetailState {
  readonly detail: ServiceDetailFile | undefined;
  /** the detail file could not be loaded */
  readonly failed: boolean;
}

/** The service's detail, loading it on first use; re-renders when it arrives. */
export function useServiceDetail(prefix: string): ServiceDetailState {
  const { loader, view, version } = useCatalog();
  const [failedPrefix, setFailedPrefix] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    loader.loadService(prefix).catch(() => {
      if (live) setFailedPrefix(prefix);
    });
    return () => {
      live = false;
    };
  }, [loader, prefix]);
  void version; // view.detail() answers from what has loaded so far; version says when that changed
  const detail = view.detail(prefix);
  return { detail, failed: !detail && failedPrefix === prefix };
}
