import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { call, toApiError } from '../../api/client';
import { accountKeys } from './accountQueries';
import type { SessionState } from './sessionStore';

/**
 * The connection (loaded on first use, checked again when the window regains focus and after a
 * failed call) and a way to check it again past the server's cache.
 */
export function useSession(): { state: SessionState; refresh: () => Promise<void> } {
  const client = useQueryClient();
  const query = useQuery({
    queryKey: accountKeys.session,
    queryFn: ({ signal }) => call('session', {}, { signal }),
    staleTime: 10_000,
    refetchOnWindowFocus: 'always',
  });
  const refresh = useCallback(async () => {
    await client
      .fetchQuery({
        queryKey: accountKeys.session,
        queryFn: ({ signal }) => call('session', { refresh: true }, { signal }),
        staleTime: 0,
      })
      .catch(() => {
        // the query's state shows the failure
      });
  }, [client]);
  let state: SessionState;
  if (query.isFetching) state = { status: 'loading', ...(query.data ? { previous: query.data } : {}) };
  else if (query.isError) state = { status: 'failed', error: toApiError(query.error) };
  else if (query.data) state = { status: 'ready', session: query.data };
  else state = { status: 'loading' };
  return { state, refresh };
}
