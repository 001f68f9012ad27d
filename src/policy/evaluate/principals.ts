/**
 * The request's principal and the Principal / NotPrincipal elements of resource-based policies
 * ("IAM JSON policy elements: Principal", "IAM JSON policy elements: NotPrincipal").
 *
 * A principal has one or more identities a policy can name: an IAM user its user ARN and its
 * account; a role session its session ARN, its role's ARN and its account; a role its role ARN and
 * its account. Principal values are exact (IAM accepts no partial wildcard there): "*" (alone or
 * as {"AWS": "*"}) names everyone, a 12-digit account ID equals arn:PARTITION:iam::ID:root and
 * names the account, an ARN names itself, a service name names that service principal.
 */
import { isJsonObject } from '../json';
import type { JsonValue } from '../model';
import type { RequestPrincipal } from './types';
import { splitArn } from './values';

export type PrincipalKind = 'user' | 'session' | 'role' | 'root' | 'federated' | 'service' | 'other';

export interface PrincipalInfo {
  readonly arn: string;
  readonly kind: PrincipalKind;
  readonly account: string | undefined;
  readonly partition: string;
  /** for a role session: the role's ARN */
  readonly roleArn: string | undefined;
  /** arn:PARTITION:iam::ACCOUNT:root when the account is known */
  readonly accountArn: string | undefined;
}

export function describePrincipal(principal: RequestPrincipal): PrincipalInfo {
  const parts = splitArn(principal.arn);
  const partition = parts?.[1] || 'aws';
  const account = principal.account ?? (parts?.[4] || undefined);
  const accountArn = account === undefined ? undefined : `arn:${partition}:iam::${account}:root`;
  let kind: PrincipalKind = 'other';
  let roleArn: string | undefined;
  if (parts === undefined) {
    kind = principal.arn.includes('.') ? 'service' : 'other';
  } else {
    const service = parts[2];
    const resource = parts[5] as string;
    if (service === 'iam' && resource.startsWith('user/')) kind = 'user';
    else if (service === 'iam' && resource.startsWith('role/')) kind = 'role';
    else if (service === 'iam' && resource === 'root') kind = 'root';
    else if (service === 'sts' && resource.startsWith('federated-user/')) kind = 'federated';
    else if (service === 'sts' && resource.startsWith('assumed-role/')) {
      kind = 'session';
      const roleName = resource.split('/')[1] ?? '';
      roleArn = principal.roleArn ?? `arn:${partition}:iam::${account ?? ''}:role/${roleName}`;
    }
  }
  return { arn: principal.arn, kind, account, partition, roleArn, accountArn };
}

/**
 * How a Principal element named the request's principal, strongest first:
 * `self` its own ARN (user, session, service...), `role` the role of a session (or the role
 * itself), `everyone` "*", `account` its account.
 */
export type PrincipalMatch = 'self' | 'role' | 'everyone' | 'account';

const STRENGTH: Readonly<Record<PrincipalMatch, number>> = { self: 4, role: 3, everyone: 2, account: 1 };

export function strongest(
  a: PrincipalMatch | undefined,
  b: PrincipalMatch | undefined,
): PrincipalMatch | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return STRENGTH[a] >= STRENGTH[b] ? a : b;
}

export interface CompiledPrincipals {
  readonly everyone: boolean;
  /** ARNs and service names as written; account IDs as arn:aws:iam::ID:root */
  readonly names: ReadonlySet<string>;
  /** account IDs written bare (their root ARN's partition is the principal's) */
  readonly accounts: ReadonlySet<string>;
}

function stringsOf(value: JsonValue | undefined): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return [];
}

/** Compiles a Principal or NotPrincipal value; undefined when it is not of a valid shape. */
export function compilePrincipals(value: JsonValue): CompiledPrincipals | undefined {
  if (value === '*') return { everyone: true, names: new Set(), accounts: new Set() };
  if (!isJsonObject(value)) return undefined;
  let everyone = false;
  const names = new Set<string>();
  const accounts = new Set<string>();
  for (const [type, entries] of Object.entries(value)) {
    for (const entry of stringsOf(entries)) {
      if (type === 'AWS' && entry === '*') everyone = true;
      else if (type === 'AWS' && /^\d{12}$/.test(entry)) accounts.add(entry);
      else names.add(entry);
    }
  }
  return { everyone, names, accounts };
}

function namesAccount(p: CompiledPrincipals, who: PrincipalInfo): boolean {
  return (
    (who.account !== undefined && p.accounts.has(who.account)) ||
    (who.accountArn !== undefined && p.names.has(who.accountArn))
  );
}

/** How `p` names the principal, or undefined when it does not. */
export function principalMatch(p: CompiledPrincipals, who: PrincipalInfo): PrincipalMatch | undefined {
  if (p.names.has(who.arn)) return who.kind === 'role' ? 'role' : who.kind === 'root' ? 'account' : 'self';
  if (who.roleArn !== undefined && p.names.has(who.roleArn)) return 'role';
  if (p.everyone) return 'everyone';
  if (namesAccount(p, who)) return 'account';
  return undefined;
}

/**
 * Does a NotPrincipal statement apply to the principal? It applies unless every identity of the
 * principal is listed: a session is excluded only when its session ARN, its role ARN and its account
 * are all listed ("IAM JSON policy elements: NotPrincipal").
 */
export function notPrincipalApplies(p: CompiledPrincipals, who: PrincipalInfo): boolean {
  if (p.everyone) return false;
  if (!p.names.has(who.arn) && !(who.kind === 'root' && namesAccount(p, who))) return true;
  if (who.roleArn !== undefined && !p.names.has(who.roleArn)) return true;
  if (who.kind !== 'root' && who.accountArn !== undefined && !namesAccount(p, who)) return true;
  return false;
}
