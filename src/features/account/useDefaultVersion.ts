import { useEffect, useState } from 'react';
import { call, isAbortError, toApiError, type ApiError } from '../../api/client';
import type { PolicyDocumentOutput, PolicyVersionInfo } from '../../api/contract';

export interface DefaultVersion {
  readonly loading: boolean;
  readonly error: ApiError | null;
  readonly document?: PolicyDocumentOutput;
  /** newest first */
  readonly versions?: readonly PolicyVersionInfo[];
  readonly quota?: number;
}

/** A policy's default version and its list of versions; `refreshKey` asks again (e.g. after saving). */
export function useDefaultVersion(
  policyArn: string | undefined,
  enabled: boolean,
  refreshKey: number,
): DefaultVersion {
  const key = `${policyArn ?? ''}\u0000${refreshKey}`;
  const [state, setState] = useState<{ key: string; value: Omit<DefaultVersion, 'loading'> }>({
    key: '',
    value: { error: null },
  });
  useEffect(() => {
    if (!policyArn || !enabled) return;
    const controller = new AbortController();
    const signal = controller.signal;
    Promise.all([
      call('getPolicyDocument', { policyArn }, { signal }),
      call('listPolicyVersions', { policyArn }, { signal }),
    ])
      .then(([document, list]) =>
        setState({ key, value: { error: null, document, versions: list.versions, quota: list.quota } }),
      )
      .catch((e: unknown) => {
        if (!isAbortError(e)) setState({ key, value: { error: toApiError(e) } });
      });
    return () => controller.abort();
  }, [policyArn, enabled, key]);
  const fresh = state.key === key;
  if (!policyArn) return { loading: false, error: null };
  return fresh ? { loading: false, ...state.value } : { loading: enabled, error: null };
}
