import { useEffect, useState } from 'react';
import { call, isAbortError, toApiError, type ApiError } from '../../api/client';
import type { OperationOutputs } from '../../api/contract';
import { useDebouncedValue } from './useDebouncedValue';

/** The account lists the dialogs search: both take { limit, search? }. */
export type SearchOperation = 'listPolicies' | 'listPrincipals';

export interface AccountSearch<K extends SearchOperation> {
  /** the last answer; it stays on screen while the next one loads */
  readonly out: OperationOutputs[K] | undefined;
  readonly loading: boolean;
  readonly error: ApiError | null;
}

/**
 * Asks the server for `op` filtered by `search` (debounced), again whenever `refreshKey` changes
 * (e.g. after attaching); an answer to an older question is dropped.
 */
export function useAccountSearch<K extends SearchOperation>(
  op: K,
  search: string,
  enabled: boolean,
  refreshKey: number,
  limit = 200,
): AccountSearch<K> {
  const settled = useDebouncedValue(search.trim(), 250);
  const [state, setState] = useState<{ key: string; out?: OperationOutputs[K]; error?: ApiError }>({ key: '' });
  const key = `${settled}\u0000${refreshKey}`;

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    call(op, { limit, ...(settled ? { search: settled } : {}) }, { signal: controller.signal })
      .then((out) => setState({ key, out: out as OperationOutputs[K] }))
      .catch((e: unknown) => {
        if (!isAbortError(e)) setState({ key, error: toApiError(e) });
      });
    return () => controller.abort();
  }, [op, limit, settled, enabled, key]);

  const fresh = state.key === key;
  return { out: state.out, loading: enabled && !fresh, error: fresh ? (state.error ?? null) : null };
}
