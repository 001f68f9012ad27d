import type { PolicyKind } from '../../policy/model';
import { SIZE_QUOTAS } from '../../policy/model';
import type { CompactChange } from '../../policy/compact';

export interface FitTarget {
  /** the quota the draft is over */
  readonly quota: number;
  /** the size of each part of a split; undefined when splitting cannot help */
  readonly partQuota: number | undefined;
  /** why the parts are managed policies, or why there is no split */
  readonly note?: string;
}

/**
 * What "make it fit" means for a kind of policy. A managed policy splits into managed policies of
 * 6,144. Inline policies count together: all the inline policies of a user (role, group) share
 * one quota, so splitting into inline policies does not help; the parts are managed policies
 * instead. A role has exactly one trust policy: it can only be compacted.
 */
export function fitTarget(kind: PolicyKind): FitTarget {
  const quota = SIZE_QUOTAS[kind];
  if (kind === 'managed') return { quota, partQuota: SIZE_QUOTAS.managed };
  if (kind === 'trust') {
    return { quota, partQuota: undefined, note: 'A role has one trust policy, so it cannot be split; compact it or trust fewer principals.' };
  }
  return {
    quota,
    partQuota: SIZE_QUOTAS.managed,
    note: `The inline policies of one ${kind.slice('inline-'.length)} share a single quota, so the parts are managed policies (${SIZE_QUOTAS.managed.toLocaleString('en-US')} characters each) to attach instead.`,
  };
}

/** Old indexes of the statements merged away by a compaction (they disappear from the document). */
export function mergedAway(changes: readonly CompactChange[]): Set<number> {
  const removed = new Set<number>();
  for (const change of changes) if (change.kind === 'merge') for (const index of change.merged) removed.add(index);
  return removed;
}
