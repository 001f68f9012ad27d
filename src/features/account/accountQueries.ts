/**
 * The account's data as TanStack Query caches it: one key per kind of answer, so that a change
 * (create, attach, a new version) invalidates exactly the lists it changes, a failed call makes the
 * connection badge check again, and every request can be aborted.
 */
import { QueryCache, QueryClient, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ApiError } from '../../api/client';
import type { SessionInfo } from '../../api/contract';

export const accountKeys = {
  session: ['session'] as const,
  lists: ['lists'] as const,
  list: (op: 'listPolicies' | 'listPrincipals', search: string, limit: number) => ['lists', op, search, limit] as const,
  policySets: ['lists', 'listPolicySets'] as const,
  versions: (policyArn: string) => ['versions', policyArn] as const,
  nameCheck: (name: string) => ['nameCheck', name] as const,
};

/** Refusals about the input: the connection is fine, so no re-check. */
const INPUT_ERRORS: ReadonlySet<string> = new Set([
  'ValidationError',
  'InvalidInput',
  'BadRequest',
  'EntityAlreadyExists',
  'NoSuchEntity',
  'LimitExceeded',
  'MalformedPolicyDocument',
  'DeleteConflict',
  'Cancelled',
]);

/** After a failed call the connection may have changed: the badge checks again. */
export function connectionMayHaveChanged(error: ApiError): boolean {
  return !INPUT_ERRORS.has(error.code);
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError: (error, query) => {
        const code = (error as Partial<ApiError>).code;
        if (query.queryKey[0] !== accountKeys.session[0] && code && !INPUT_ERRORS.has(code)) {
          void client.invalidateQueries({ queryKey: accountKeys.session });
        }
      },
    }),
    defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
  });
  return client;
}

/**
 * What to call after an operation succeeded or failed: it refreshes what the operation may have
 * changed (the lists and versions after a change; the session after a failure of the connection).
 */
export function useAccountRefresh() {
  const client = useQueryClient();
  const changed = useCallback(() => {
    void client.invalidateQueries({ queryKey: accountKeys.lists });
    void client.invalidateQueries({ queryKey: ['versions'] });
  }, [client]);
  const failed = useCallback(
    (error: ApiError) => {
      if (connectionMayHaveChanged(error)) void client.invalidateQueries({ queryKey: accountKeys.session });
    },
    [client],
  );
  const setSession = useCallback((session: SessionInfo) => client.setQueryData(accountKeys.session, session), [client]);
  return { changed, failed, setSession };
}
