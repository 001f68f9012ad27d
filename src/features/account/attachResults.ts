/**
 * Results of attaching a policy to users, groups and roles, kept per target across retries.
 */
import type { AttachResult, AttachStatus, PrincipalKind } from '../../api/contract';

export interface AttachTarget {
  readonly kind: PrincipalKind;
  readonly name: string;
}

export const KIND_LABEL: Readonly<Record<PrincipalKind, string>> = {
  user: 'User',
  group: 'Group',
  role: 'Role',
};

/** IAM names are case-insensitive: one key per principal. */
export function targetKey(target: AttachTarget): string {
  return `${target.kind}:${target.name.toLowerCase()}`;
}

export function isSuccess(status: AttachStatus): boolean {
  return status === 'attached' || status === 'already-attached';
}

/** The latest result per target: a retry's result replaces the earlier one. */
export function mergeResults(
  previous: ReadonlyMap<string, AttachResult>,
  next: readonly AttachResult[],
): Map<string, AttachResult> {
  const merged = new Map(previous);
  for (const result of next) merged.set(targetKey(result), result);
  return merged;
}

/** The selected targets not tried yet (what "Attach" sends; the same target is never sent twice). */
export function newTargets(
  selected: readonly AttachTarget[],
  results: ReadonlyMap<string, AttachResult>,
): AttachTarget[] {
  const seen = new Set<string>();
  return selected.filter((t) => {
    const key = targetKey(t);
    if (seen.has(key) || results.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Failures a retry can fix: throttling, time-outs, a dropped connection, a server error. A full
 * quota, a missing principal or a refusal stay as they are until something else changes.
 */
export function isRetryable(status: AttachStatus): boolean {
  return status === 'error';
}

/** The selected targets whose last attempt failed in a way a retry can fix (what "Retry failed" sends). */
export function retryTargets(
  selected: readonly AttachTarget[],
  results: ReadonlyMap<string, AttachResult>,
): AttachTarget[] {
  const seen = new Set<string>();
  return selected.filter((t) => {
    const key = targetKey(t);
    const result = results.get(key);
    if (seen.has(key) || !result || !isRetryable(result.status)) return false;
    seen.add(key);
    return true;
  });
}

export function resultSummary(results: ReadonlyMap<string, AttachResult>): string {
  const all = [...results.values()];
  const ok = all.filter((r) => isSuccess(r.status)).length;
  const failed = all.length - ok;
  const base = `${ok} of ${all.length} ${all.length === 1 ? 'target has' : 'targets have'} the policy`;
  return failed > 0 ? `${base}; ${failed} failed` : base;
}

/** IAM's messages often lack the final period. */
function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** One line per result: what happened to this target, and for failures what to do. */
export function statusText(result: AttachResult): { readonly label: string; readonly detail?: string } {
  switch (result.status) {
    case 'attached':
      return { label: 'Attached' };
    case 'already-attached':
      return { label: 'Already attached', detail: 'It had this policy already; nothing changed.' };
    case 'quota-reached':
      return {
        label: 'Quota reached',
        detail: `${sentence(result.message ?? 'It has the maximum of managed policies attached')} Detach a policy from it first, or choose another target.`,
      };
    case 'no-such-entity':
      return {
        label: 'No such entity',
        detail: result.hint ?? 'It may have been deleted or renamed: refresh the list and choose again.',
      };
    case 'access-denied':
      return {
        label: 'Access denied',
        detail:
          [result.message, result.hint]
            .filter(Boolean)
            .map((t) => sentence(t ?? ''))
            .join(' ') || 'Your identity may not attach policies to it.',
      };
    case 'error':
      return {
        label: `Failed${result.code ? ` (${result.code})` : ''}`,
        detail: [result.message, result.hint]
          .filter(Boolean)
          .map((t) => sentence(t ?? ''))
          .join(' '),
      };
  }
}
