import { useEffect, useState } from 'react';
import { call, isAbortError, toApiError, type ApiError } from '../../api/client';
import type { PolicyInfo } from '../../server/contract';
import { useDebouncedValue } from './useDebouncedValue';

export interface PolicyList {
  readonly policies: readonly PolicyInfo[];
  readonly total: number;
  readonly loading: boolean;
  readonly error: ApiError | null;
}

/** The account's customer managed policies matching `search` (debounced). */
export function usePolicies(search: string, enabled: boolean, refreshKey = 0): PolicyList {
  const settled = useDebouncedValue(search.trim(), 250);
  const [state, setState] = useState<{
    key: string;
    out?: { policies: readonly PolicyInfo[]; total: number };
    error?: ApiError;
  }>({ key: '' });
  const key = `${settled}\u0000${refreshKey}`;

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    call(
      'listPolicies',
      { limit: 200, ...(settled ? { search: settled } : {}) },
      { signal: controller.signal },
    )
      .then((out) => setState({ key, out }))
      .catch((e: unknown) => {
        if (!isAbortError(e)) setState({ key, error: toApiError(e) });
      });
    return () => controller.abort();
  }, [settled, enabled, key]);

  const fresh = state.key === key;
  return {
    policies: state.out?.policies ?? [],
    total: state.out?.total ?? 0,
    loading: enabled && !fresh,
    error: fresh ? (state.error ?? null) : null,
  };
}
