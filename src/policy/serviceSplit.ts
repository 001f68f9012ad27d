/**
 * Splitting one statement that names actions of several services into one statement per service,
 * with the same access. Pure.
 *
 * Why the access stays the same. A request matches a statement when its action is in the Action
 * list, its resource matches the Resource list (or is outside NotResource) and the Condition holds.
 * A statement whose Action list is A ∪ B is matched by exactly the requests that match one of two
 * statements with the same Effect, Resource / NotResource and Condition, one with A and one with B
 * (see split.ts). So the parts keep Effect, NotResource and Condition as written.
 *
 * The Resource list is narrowed per part, which is what makes the parts readable: the part of
 * service S keeps
 *  - every value that is not an ARN of one service: "*", anything that is not an ARN, and ARNs
 *    whose service field is a wildcard or a policy variable ("arn:aws:*:…", "arn:aws:${…}:…");
 *  - the ARNs of S itself, and of every service an S resource type lives in (ssm:SendCommand acts
 *    on EC2 instances: "arn:…:ec2:…" stays with ssm), as the catalog's ARN templates say;
 *  - every value, when the catalog's ARN templates of S are not known.
 * An ARN of another service matches no request for an action of S (the request's resource is one
 * of S's resource types, or "*" for actions without one), so leaving it out changes nothing a
 * request can match. When nothing would be left, the part keeps the whole list (it matched no
 * request before either). NotAction lists are never split: "everything except A" and
 * "everything except B" together are more than "everything except A ∪ B".
 */
import { getMember, hasMember, isJsonObject } from './json';
import type { JsonObject, JsonValue } from './model';

export interface ServiceSplitOptions {
  /**
   * The ARN service fields of a service's resource types, from its ARN templates (the prefix
   * itself included); undefined when the catalog does not know them (then every ARN is kept).
   */
  readonly arnServicesOf: (prefix: string) => ReadonlySet<string> | undefined;
  /** Sids already used in the policy (besides this statement's): the parts' Sids avoid them */
  readonly takenSids?: ReadonlySet<string>;
}

/** Why a statement cannot be split by service, or undefined when it can. */
export function whyNotSplit(statement: JsonValue): string | undefined {
  if (!isJsonObject(statement)) return 'it is not a statement object';
  if (hasMember(statement, 'NotAction'))
    return 'it uses NotAction, which cannot be divided without granting more';
  const actions = stringList(getMember(statement, 'Action'));
  if (!actions) return 'its Action is not a string or a list of strings';
  const prefixes = new Set<string>();
  for (const action of actions) {
    const prefix = prefixOf(action);
    if (prefix === undefined) return `"${action}" does not name one service`;
    prefixes.add(prefix);
  }
  if (prefixes.size < 2) return 'it names actions of one service only';
  return undefined;
}

/** The ARN service fields in a service's ARN templates ("arn:${Partition}:ec2:…" → "ec2"), and the prefix. */
export function arnServicesOfTemplates(prefix: string, templates: readonly string[]): ReadonlySet<string> {
  const services = new Set<string>([prefix.toLowerCase()]);
  for (const template of templates) {
    const service = arnServiceField(template);
    if (service !== undefined && service !== '' && !isNotOneService(service))
      services.add(service.toLowerCase());
  }
  return services;
}

/**
 * One statement per service, in the order the services first appear in the Action list, or
 * undefined when the statement cannot be split (see whyNotSplit). Every other member stays as
 * written, in its place; each part's Action keeps the original's form (a list stays a list).
 */
export function splitByService(statement: JsonValue, options: ServiceSplitOptions): JsonObject[] | undefined {
  if (whyNotSplit(statement) !== undefined || !isJsonObject(statement)) return undefined;
  const actionValue = getMember(statement, 'Action');
  const actions = stringList(actionValue) ?? [];
  const groups = new Map<string, string[]>();
  for (const action of actions) {
    const prefix = prefixOf(action) as string;
    const list = groups.get(prefix);
    if (list) list.push(action);
    else groups.set(prefix, [action]);
  }
  const resourceValue = getMember(statement, 'Resource');
  const resources = stringList(resourceValue);
  const sid = getMember(statement, 'Sid');
  const taken = new Set(options.takenSids ?? []);
  const parts: JsonObject[] = [];
  for (const [prefix, list] of groups) {
    const replaced: Record<string, JsonValue> = {
      Action: Array.isArray(actionValue) ? list : (list[0] as string),
    };
    if (resources && resources.length > 0) {
      const kept = keptResources(resources, prefix, options.arnServicesOf(prefix));
      replaced.Resource = Array.isArray(resourceValue) ? kept : (kept[0] as string);
    }
    if (typeof sid === 'string' && sid !== '') {
      const base = `${sid}${pascal(prefix)}`;
      let candidate = base;
      for (let n = 2; taken.has(candidate); n++) candidate = `${base}${n}`;
      taken.add(candidate);
      replaced.Sid = candidate;
    }
    parts.push(withMembers(statement, replaced));
  }
  return parts;
}

function keptResources(
  resources: readonly string[],
  prefix: string,
  arnServices: ReadonlySet<string> | undefined,
): string[] {
  if (!arnServices) return [...resources];
  const kept = resources.filter((value) => {
    const service = arnServiceField(value);
    if (service === undefined || isNotOneService(service)) return true;
    const lower = service.toLowerCase();
    return lower === prefix || arnServices.has(lower);
  });
  return kept.length > 0 ? kept : [...resources];
}

/** "s3:GetObject" → "s3"; undefined for entries that span services ("*", "s*:Get*", no prefix). */
function prefixOf(action: string): string | undefined {
  const colon = action.indexOf(':');
  if (colon <= 0) return undefined;
  const prefix = action.slice(0, colon).toLowerCase();
  return isNotOneService(prefix) ? undefined : prefix;
}

/** The service field of an ARN ("arn:aws:s3:::b" → "s3"), or undefined for a value that is not an ARN. */
function arnServiceField(value: string): string | undefined {
  if (!value.startsWith('arn:')) return undefined;
  const parts = value.split(':');
  return parts.length >= 3 ? (parts[2] as string) : undefined;
}

function isNotOneService(field: string): boolean {
  return field.includes('*') || field.includes('?') || field.includes('${');
}

function stringList(value: JsonValue | undefined): readonly string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as readonly string[];
  return undefined;
}

/** "ecr-public" → "EcrPublic" (a Sid takes letters and digits only). */
function pascal(prefix: string): string {
  return prefix
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');
}

/** A copy of `object` with some members' values replaced in place (key order kept). */
function withMembers(object: JsonObject, replaced: Readonly<Record<string, JsonValue>>): JsonObject {
  const out: Record<string, JsonValue> = {};
  for (const key of Object.keys(object)) {
    const value = Object.prototype.hasOwnProperty.call(replaced, key)
      ? (replaced[key] as JsonValue)
      : (object[key] as JsonValue);
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return out;
}
