import { useEffect, useState } from 'react';
import { call, isAbortError, toApiError, type ApiError } from '../../api/client';
import type { PrincipalInfo } from '../../server/contract';
import { useDebouncedValue } from './useDebouncedValue';

export interface PrincipalList {
  readonly principals: readonly PrincipalInfo[];
  readonly total: number;
  readonly loading: boolean;
  readonly error: ApiError | null;
  /** there are more than shown: refine the search */
  readonly truncated: boolean;
}

const PAGE = 200;

/** Users, groups and roles matching `search` (debounced); `refreshKey` re-asks (e.g. after attaching). */
export function usePrincipals(search: string, enabled: boolean, refreshKey: number): PrincipalList {
  const settled = useDebouncedValue(search.trim(), 250);
  const [state, setState] = useState<{
    key: string;
    out?: { principals: readonly PrincipalInfo[]; total: number };
    error?: ApiError;
  }>({ key: '' });
  const key = `${settled}\u0000${refreshKey}`;

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    call(
      'listPrincipals',
      { limit: PAGE, ...(settled ? { search: settled } : {}) },
      { signal: controller.signal },
    )
      .then((out) => setState({ key, out }))
      .catch((e: unknown) => {
        if (!isAbortError(e)) setState({ key, error: toApiError(e) });
      });
    return () => controller.abort();
  }, [settled, enabled, key]);

  // the last answer stays on screen while the next one loads
  const fresh = state.key === key;
  return {
    principals: state.out?.principals ?? [],
    total: state.out?.total ?? 0,
    loading: enabled && !fresh,
    error: fresh ? (state.error ?? null) : null,
    truncated: (state.out?.total ?? 0) > (state.out?.principals.length ?? 0),
  };
}
