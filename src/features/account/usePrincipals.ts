import type { ApiError } from '../../api/client';
import type { PrincipalInfo } from '../../api/contract';
import { useAccountSearch } from './useAccountSearch';

export interface PrincipalList {
  readonly principals: readonly PrincipalInfo[];
  readonly total: number;
  readonly loading: boolean;
  readonly error: ApiError | null;
  /** there are more than shown: refine the search */
  readonly truncated: boolean;
}

/** Users, groups and roles matching `search` (debounced); fetched again after attaching or creating a role. */
export function usePrincipals(search: string, enabled: boolean): PrincipalList {
  const { out, loading, error } = useAccountSearch('listPrincipals', search, enabled);
  return {
    principals: out?.principals ?? [],
    total: out?.total ?? 0,
    loading,
    error,
    truncated: (out?.total ?? 0) > (out?.principals.length ?? 0),
  };
}
