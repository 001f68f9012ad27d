/**
 * Removing the actions of retired services (AWS DeepComposer, IoT 1-Click, ...): IAM accepts them,
 * but they grant nothing, and AWS managed policies such as ReadOnlyAccess still list them.
 *
 * Only Action items are removed (a NotAction item of a retired service excludes nothing, so
 * removing it would change nothing either, but it is the user's text and is kept). A statement
 * left with no actions is dropped. Everything else keeps its value and its key order.
 */
import type { CatalogView } from '../catalog/catalog';
import { getMember, isJsonObject } from './json';
import type { JsonObject, JsonValue } from './model';
import { replaceStatements, setMember } from './edit';

export interface RetiredRemoval {
  readonly document: JsonValue;
  /** how many Action items were removed */
  readonly removed: number;
  /** the retired service prefixes found, sorted */
  readonly services: string[];
}

/** The retired service of an action ("deepcomposer:*" → "deepcomposer"), or undefined. */
function retiredServiceOf(action: string, view: CatalogView): string | undefined {
  const colon = action.indexOf(':');
  if (colon <= 0) return undefined;
  const prefix = action.slice(0, colon).toLowerCase();
  if (view.service(prefix)) return undefined;
  return Object.prototype.hasOwnProperty.call(view.retiredServices, prefix) ? prefix : undefined;
}

export function removeRetiredActions(document: JsonValue, view: CatalogView): RetiredRemoval {
  const unchanged: RetiredRemoval = { document, removed: 0, services: [] };
  if (!isJsonObject(document)) return unchanged;
  const statement = getMember(document, 'Statement');
  const single = isJsonObject(statement);
  const statements: readonly JsonValue[] | undefined = single
    ? [statement]
    : Array.isArray(statement)
      ? statement
      : undefined;
  if (!statements) return unchanged;

  let removed = 0;
  const services = new Set<string>();
  let changed = false;
  const kept: JsonValue[] = [];
  for (const item of statements) {
    if (!isJsonObject(item)) {
      kept.push(item);
      continue;
    }
    const action = getMember(item, 'Action');
    if (typeof action === 'string') {
      const service = retiredServiceOf(action, view);
      if (service) {
        services.add(service);
        removed++;
        changed = true;
        continue; // the statement's only action: drop the statement
      }
      kept.push(item);
      continue;
    }
    if (Array.isArray(action)) {
      const remaining: JsonValue[] = [];
      for (const entry of action as readonly JsonValue[]) {
        const service = typeof entry === 'string' ? retiredServiceOf(entry, view) : undefined;
        if (service) {
          services.add(service);
          removed++;
        } else {
          remaining.push(entry);
        }
      }
      if (remaining.length === action.length) {
        kept.push(item);
        continue;
      }
      changed = true;
      if (remaining.length === 0) continue;
      // A list left with one action stays a list: only the removed items change.
      kept.push(setMember(item, 'Action', remaining));
      continue;
    }
    kept.push(item);
  }
  if (!changed) return unchanged;
  const next =
    single && kept.length === 1
      ? setMember(document, 'Statement', kept[0] as JsonValue)
      : replaceStatementsKeepingShape(document, kept);
  return { document: next, removed, services: [...services].sort() };
}

/** Writes the statements back as an array (non-object items included, unchanged). */
function replaceStatementsKeepingShape(document: JsonObject, statements: readonly JsonValue[]): JsonValue {
  if (statements.every(isJsonObject)) {
    const objects = statements as readonly JsonObject[];
    // replaceStatements keeps a single-object Statement only for one statement; we dropped some,
    // so an array is written unless the document had the single form and one remains.
    return objects.length === 1 && !Array.isArray(getMember(document, 'Statement'))
      ? replaceStatements(document, objects)
      : setMember(document, 'Statement', [...objects]);
  }
  return setMember(document, 'Statement', [...statements]);
}
