import type { ApiError } from '../../api/client';
import type { PolicyInfo } from '../../api/contract';
import { useAccountSearch } from './useAccountSearch';

export interface PolicyList {
  readonly policies: readonly PolicyInfo[];
  readonly total: number;
  readonly loading: boolean;
  readonly error: ApiError | null;
}

/** The account's customer managed policies matching `search` (debounced). */
export function usePolicies(search: string, enabled: boolean): PolicyList {
  const { out, loading, error } = useAccountSearch('listPolicies', search, enabled);
  return { policies: out?.policies ?? [], total: out?.total ?? 0, loading, error };
}
