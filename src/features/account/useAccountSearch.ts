import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { call, toApiError, type ApiError } from '../../api/client';
import type { OperationOutputs } from '../../api/contract';
import { accountKeys } from './accountQueries';
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
 * Asks the server for `op` filtered by `search` (debounced); a change in the account (create,
 * attach) invalidates the lists (useAccountRefresh), and an answer to an older question is dropped.
 */
export function useAccountSearch<K extends SearchOperation>(
  op: K,
  search: string,
  enabled: boolean,
  limit = 200,
): AccountSearch<K> {
  const settled = useDebouncedValue(search.trim(), 250);
  const query = useQuery({
    queryKey: accountKeys.list(op, settled, limit),
    queryFn: ({ signal }) =>
      call(op, { limit, ...(settled ? { search: settled } : {}) }, { signal }) as Promise<OperationOutputs[K]>,
    enabled,
    placeholderData: keepPreviousData,
  });
  return {
    out: query.data,
    loading: enabled && query.isFetching,
    error: query.isError && !query.isFetching ? toApiError(query.error) : null,
  };
}
