import { useCallback, useState } from 'react';
import { call, toApiError } from '../../api/client';
import type { AttachResult } from '../../api/contract';
import { isSuccess } from './attachResults';

export interface PolicyAttachResult {
  readonly policyName: string;
  readonly policyArn: string;
  readonly result: AttachResult;
}

/**
 * Attaching several policies to one role: one attachPolicy call per policy, each result kept by
 * policy ARN. Retrying sends only the policies whose last attempt failed.
 */
export function useRoleAttachments() {
  const [results, setResults] = useState<ReadonlyMap<string, PolicyAttachResult>>(new Map());
  const [busy, setBusy] = useState(false);

  /** Attaches one policy after another; a cancel (`signal`) stops at the one in flight, which keeps no result. */
  const attach = useCallback(async (roleName: string, policies: readonly { name: string; arn: string }[], signal?: AbortSignal) => {
    setBusy(true);
    try {
      for (const policy of policies) {
        if (signal?.aborted) return;
        let result: AttachResult;
        try {
          const out = await call(
            'attachPolicy',
            { policyArn: policy.arn, targets: [{ kind: 'role', name: roleName }] },
            signal ? { signal } : {},
          );
          result = out.results[0] ?? {
            kind: 'role',
            name: roleName,
            status: 'error',
            message: 'The server reported no result.',
          };
        } catch (e) {
          if (signal?.aborted) return;
          const error = toApiError(e);
          result = {
            kind: 'role',
            name: roleName,
            status: 'error',
            code: error.code,
            message: error.message,
            ...(error.hint ? { hint: error.hint } : {}),
          };
        }
        setResults((m) =>
          new Map(m).set(policy.arn, { policyName: policy.name, policyArn: policy.arn, result }),
        );
      }
    } finally {
      setBusy(false);
    }
  }, []);

  const failed = [...results.values()].filter((r) => !isSuccess(r.result.status));
  const succeeded = (arn: string) => {
    const r = results.get(arn);
    return r !== undefined && isSuccess(r.result.status);
  };
  return { results, busy, attach, failed, succeeded, reset: () => setResults(new Map()) };
}
