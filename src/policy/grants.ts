/**
 * Statement-level equivalence of policies, used as the proof behind compaction, merging,
 * splitting and service exclusion.
 *
 * A statement grants (or denies) the actions it names under a context: everything in the
 * statement except Sid, Action and NotAction (Effect, Resource, NotResource, Condition,
 * Principal, and any other key). IAM evaluates statements independently, so statements with the
 * same context can be combined or divided freely as long as the union of the actions they name
 * stays the same. Two lists of statements are equivalent here when, for every context, the union
 * of the actions named under it is the same catalog action set and the same set of entries the
 * catalog does not know. Statement order, Sids, string-versus-array form and the order of values
 * in Resource, NotResource and Condition value lists do not matter (IAM treats those lists as
 * sets); anything else must be identical.
 *
 * What "named" means follows expand.ts: Action names its matches; NotAction names every catalog
 * action except its matches. It is exact for the current catalog only: a wildcard also covers
 * actions AWS adds later, which no comparison against today's catalog can see.
 */
import type { CatalogView } from '../catalog/catalog';
import { actionKey, expandActionPattern, expandActions } from './expand';
import { getMember, isJsonObject } from './json';
import type { JsonObject, JsonValue } from './model';

/** The statement objects of a document (a single object as one); non-objects are skipped. */
export function statementObjects(document: JsonValue): JsonObject[] {
  if (!isJsonObject(document)) return [];
  const statement = getMember(document, 'Statement');
  if (isJsonObject(statement)) return [statement];
  if (Array.isArray(statement)) return statement.filter(isJsonObject);
  return [];
}

/** A string-or-array of strings as an array; undefined for any other shape. */
export function stringListOf(value: JsonValue | undefined): readonly string[] | undefined {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) return value as string[];
  return undefined;
}

/** JSON text with object keys sorted, so that key order does not matter. */
export function canonicalJson(value: JsonValue | undefined): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return '[' + value.map((item) => canonicalJson(item)).join(',') + ']';
  const object = value as JsonObject;
  return (
    '{' +
    Object.keys(object)
      .sort()
      .map((key) => JSON.stringify(key) + ':' + canonicalJson(object[key]))
      .join(',') +
    '}'
  );
}

/** A list IAM reads as a set (Resource, a condition key's values): sorted unique members. */
function canonicalSet(value: JsonValue | undefined): string {
  const items = typeof value === 'object' && Array.isArray(value) ? value : [value ?? null];
  return '[' + [...new Set(items.map((item) => canonicalJson(item)))].sort().join(',') + ']';
}

function canonicalCondition(value: JsonValue | undefined): string {
  if (!isJsonObject(value)) return canonicalJson(value);
  return (
    '{' +
    Object.keys(value)
      .sort()
      .map((operator) => {
        const block = value[operator];
        if (!isJsonObject(block)) return JSON.stringify(operator) + ':' + canonicalJson(block);
        const keys = Object.keys(block)
          .sort()
          .map((key) => JSON.stringify(key) + ':' + canonicalSet(block[key]));
        return JSON.stringify(operator) + ':{' + keys.join(',') + '}';
      })
      .join(',') +
    '}'
  );
}

/**
 * Which of Action / NotAction a statement uses, when exactly one of them is present with a usable
 * shape (a string or an array of strings).
 */
export function actionElement(
  statement: JsonObject,
): { readonly key: 'Action' | 'NotAction'; readonly values: readonly string[] } | undefined {
  const action = getMember(statement, 'Action');
  const notAction = getMember(statement, 'NotAction');
  if (action !== undefined && notAction !== undefined) return undefined;
  if (action !== undefined) {
    const values = stringListOf(action);
    return values ? { key: 'Action', values } : undefined;
  }
  if (notAction !== undefined) {
    const values = stringListOf(notAction);
    return values ? { key: 'NotAction', values } : undefined;
  }
  return undefined;
}

/**
 * The context of a statement as a string: every key but Sid and the action element, canonical.
 * Statements with equal contexts differ only in the actions they name.
 */
export function statementContext(statement: JsonObject): string {
  const element = actionElement(statement);
  const parts: string[] = [];
  for (const key of Object.keys(statement).sort()) {
    if (key === 'Sid') continue;
    if (element && key === element.key) continue;
    const value = statement[key];
    let text: string;
    if (key === 'Resource' || key === 'NotResource') text = canonicalSet(value);
    else if (key === 'Condition') text = canonicalCondition(value);
    else text = canonicalJson(value);
    parts.push(JSON.stringify(key) + ':' + text);
  }
  return '{' + parts.join(',') + '}';
}

/** Lower-cased entries of a list that match no catalog action (unknown or retired names). */
export function unmatchedEntries(values: readonly string[], catalog: CatalogView): Set<string> {
  const result = new Set<string>();
  for (const value of values) {
    if (expandActionPattern(value, catalog).length === 0) result.add(value.toLowerCase());
  }
  return result;
}

export interface ContextGrant {
  /** catalog action keys ("s3:getobject") the statements of this context name */
  readonly actions: Set<string>;
  /** entries that match no catalog action, "Action:" or "NotAction:" + the lower-cased entry */
  readonly unknown: Set<string>;
}

/**
 * What a list of statements names, per context. A statement without a usable action element
 * (neither or both of Action and NotAction, or a wrong shape) has the whole element in its
 * context and names nothing. Contexts whose statements name nothing at all (an empty Action
 * list) are left out, since such statements have no effect, unless a statement without a usable
 * action element is among them.
 */
export function grantsByContext(
  statements: readonly JsonObject[],
  catalog: CatalogView,
): Map<string, ContextGrant> {
  const grants = new Map<string, ContextGrant>();
  const opaque = new Set<string>();
  let allKeys: readonly string[] | undefined;
  for (const statement of statements) {
    const context = statementContext(statement);
    const element = actionElement(statement);
    let grant = grants.get(context);
    if (!grant) {
      grant = { actions: new Set(), unknown: new Set() };
      grants.set(context, grant);
    }
    if (!element) {
      opaque.add(context);
      continue;
    }
    const matched = expandActions(element.values, catalog).map(actionKey);
    if (element.key === 'Action') {
      for (const key of matched) grant.actions.add(key);
    } else {
      const excluded = new Set(matched);
      allKeys ??= catalog.allActions.map(actionKey);
      for (const key of allKeys) if (!excluded.has(key)) grant.actions.add(key);
    }
    for (const entry of unmatchedEntries(element.values, catalog))
      grant.unknown.add(`${element.key}:${entry}`);
  }
  for (const [context, grant] of grants) {
    if (grant.actions.size === 0 && grant.unknown.size === 0 && !opaque.has(context)) grants.delete(context);
  }
  return grants;
}

export function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const item of a) if (!b.has(item)) return false;
  return true;
}

/** The first context where the two lists of statements differ, or undefined when they are equivalent. */
export function grantDifference(
  a: readonly JsonObject[],
  b: readonly JsonObject[],
  catalog: CatalogView,
): string | undefined {
  const left = grantsByContext(a, catalog);
  const right = grantsByContext(b, catalog);
  for (const [context, grant] of left) {
    const other = right.get(context);
    if (!other || !sameSet(grant.actions, other.actions) || !sameSet(grant.unknown, other.unknown)) {
      return context;
    }
  }
  for (const context of right.keys()) if (!left.has(context)) return context;
  return undefined;
}

/** True when the two lists of statements name the same actions under the same contexts. */
export function sameGrants(
  a: readonly JsonObject[],
  b: readonly JsonObject[],
  catalog: CatalogView,
): boolean {
  return grantDifference(a, b, catalog) === undefined;
}
