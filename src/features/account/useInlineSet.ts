import { useCallback, useState } from 'react';
import { call, toApiError } from '../../api/client';
import type { ApiErrorInfo } from '../../api/contract';
import { SIZE_QUOTAS } from '../../policy/model';
import { serializeDocument } from '../../policy/serialize';
import { useAccountRefresh } from './accountQueries';
import { targetKey, type AttachTarget } from './attachResults';
import type { SetPart } from './policySetCreation';

/** The quota of all inline policies of one user, group or role together (IAM counts no whitespace). */
export function inlineQuota(kind: AttachTarget['kind']): number {
  return SIZE_QUOTAS[kind === 'user' ? 'inline-user' : kind === 'group' ? 'inline-group' : 'inline-role'];
}

/** Whether the set's parts together fit the inline policies of every target (before any they have already). */
export function inlineFits(parts: readonly SetPart[], targets: readonly AttachTarget[]): boolean {
  const total = parts.reduce((sum, part) => sum + part.size, 0);
  return targets.length > 0 && targets.every((t) => total <= inlineQuota(t.kind));
}

export type InlineResult = { readonly status: 'put' } | { readonly status: 'failed'; readonly error: ApiErrorInfo };

/**
 * Puts every part of a set as an inline policy (named as the part) of every target: one result
 * per part and target; `run` again redoes only the failures (PutRolePolicy replaces, so a retry
 * is safe).
 */
export function useInlineSet() {
  const [results, setResults] = useState<ReadonlyMap<string, InlineResult>>(new Map());
  const [busy, setBusy] = useState(false);
  const refresh = useAccountRefresh();
  const run = useCallback(
    async (names: readonly string[], parts: readonly SetPart[], targets: readonly AttachTarget[]) => {
      setBusy(true);
      const next = new Map(results);
      try {
        for (const target of targets) {
          for (const [index, part] of parts.entries()) {
            const name = names[index];
            const key = `${targetKey(target)}|${name}`;
            if (!name || next.get(key)?.status === 'put') continue;
            try {
              await call('putInlinePolicy', {
                kind: target.kind,
                name: target.name,
                policyName: name,
                document: serializeDocument(part.document, { format: 'pretty' }),
              });
              next.set(key, { status: 'put' });
            } catch (e) {
              const error = toApiError(e);
              refresh.failed(error);
              next.set(key, { status: 'failed', error: { code: error.code, message: error.message } });
            }
            setResults(new Map(next));
          }
        }
      } finally {
        setBusy(false);
      }
    },
    [results, refresh],
  );
  return { results, busy, run };
}
