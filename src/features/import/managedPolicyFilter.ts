import type { ManagedPolicyEntry } from '../../catalog/types';
import { SIZE_QUOTAS } from '../../policy/model';

/** The managed policy quota: policies over it cannot be created as they are (AWS's own may be). */
export const MANAGED_QUOTA = SIZE_QUOTAS.managed;

/**
 * The policies whose name (or ARN path, e.g. "service-role") contains every word of `query`,
 * case-insensitive. Ranked: exact name, then names starting with the query, then the rest, each
 * group in the index's order.
 */
export function filterManagedPolicies(
  policies: readonly ManagedPolicyEntry[],
  query: string,
): readonly ManagedPolicyEntry[] {
  const words = query.trim().toLowerCase().split(/\s+/).filter((word) => word !== '');
  if (words.length === 0) return policies;
  const whole = words.join(' ');
  const exact: ManagedPolicyEntry[] = [];
  const prefix: ManagedPolicyEntry[] = [];
  const rest: ManagedPolicyEntry[] = [];
  for (const policy of policies) {
    const name = policy.name.toLowerCase();
    const haystack = `${name} ${policy.arn.toLowerCase()}`;
    if (!words.every((word) => haystack.includes(word))) continue;
    if (name === whole) exact.push(policy);
    else if (name.startsWith(words[0] as string)) prefix.push(policy);
    else rest.push(policy);
  }
  return [...exact, ...prefix, ...rest];
}

/** "91,266" */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** "2026-07-21" from an ISO date (the day AWS last updated the policy, UTC). */
export function formatDay(iso: string): string {
  return /^\d{4}-\d{2}-\d{2}/.test(iso) ? iso.slice(0, 10) : iso;
}

/** The number in a policy version id ("v12" → 12), or undefined. */
export function versionNumber(version: string | undefined): number | undefined {
  const match = /^v(\d+)$/i.exec(version?.trim() ?? '');
  return match ? Number(match[1]) : undefined;
}

/** True when `latest` is a later version than `current` ("v13" after "v12"); false when unknown. */
export function isNewerVersion(latest: string, current: string | undefined): boolean {
  const a = versionNumber(latest);
  const b = versionNumber(current);
  return a !== undefined && b !== undefined && a > b;
}
