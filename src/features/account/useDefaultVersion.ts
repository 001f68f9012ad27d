import { useQuery } from '@tanstack/react-query';
import { call, toApiError, type ApiError } from '../../api/client';
import type { PolicyDocumentOutput, PolicyVersionInfo } from '../../api/contract';
import { accountKeys } from './accountQueries';

export interface DefaultVersion {
  readonly loading: boolean;
  readonly error: ApiError | null;
  readonly document?: PolicyDocumentOutput;
  /** newest first */
  readonly versions?: readonly PolicyVersionInfo[];
  readonly quota?: number;
}

/** A policy's default version and its list of versions (fetched again after a change: useAccountRefresh). */
export function useDefaultVersion(policyArn: string | undefined, enabled: boolean): DefaultVersion {
  const query = useQuery({
    queryKey: accountKeys.versions(policyArn ?? ''),
    queryFn: async ({ signal }) => {
      const arn = policyArn ?? '';
      const [document, list] = await Promise.all([
        call('getPolicyDocument', { policyArn: arn }, { signal }),
        call('listPolicyVersions', { policyArn: arn }, { signal }),
      ]);
      return { document, versions: list.versions, quota: list.quota };
    },
    enabled: Boolean(policyArn) && enabled,
  });
  if (!policyArn) return { loading: false, error: null };
  if (query.isFetching) return { loading: enabled, error: null };
  if (query.isError) return { loading: false, error: toApiError(query.error) };
  return query.data ? { loading: false, error: null, ...query.data } : { loading: enabled, error: null };
}
