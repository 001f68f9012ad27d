/**
 * Edits of a statement's Condition element: { operator: { key: value-or-array } }. Each edit
 * touches one operator block and one key; every other operator and key stays exactly as it was,
 * in its place.
 */
import { getMember, isJsonObject, membersOf, objectFromEntries } from '../../policy/json';
import type { JsonObject, JsonPrimitive, JsonValue } from '../../policy/model';

/** One value as a string, several as an array, as the console writes them. */
export function conditionValue(values: readonly JsonPrimitive[]): JsonValue {
  return values.length === 1 ? (values[0] as JsonPrimitive) : [...values];
}

/** The key of `block` that equals `key` ignoring case (condition keys are case-insensitive). */
function existingKey(block: JsonObject, key: string): string | undefined {
  if (Object.prototype.hasOwnProperty.call(block, key)) return key;
  const lower = key.toLowerCase();
  return Object.keys(block).find((k) => k.toLowerCase() === lower);
}

function valuesOf(value: JsonValue | undefined): JsonPrimitive[] {
  if (value === undefined) return [];
  if (Array.isArray(value)) return value.filter((v): v is JsonPrimitive => !isJsonObject(v) && !Array.isArray(v));
  return isJsonObject(value) ? [] : [value as JsonPrimitive];
}

function withMember(object: JsonObject, key: string, value: JsonValue | undefined): JsonObject {
  const entries = membersOf(object);
  const at = entries.findIndex(([k]) => k === key);
  if (value === undefined) return objectFromEntries(entries.filter(([k]) => k !== key));
  if (at >= 0) entries[at] = [key, value];
  else entries.push([key, value]);
  return objectFromEntries(entries);
}

/**
 * Adds values for `key` under `operator`. When the operator already has the key (in any case),
 * the new values join its values (IAM matches any of them); with `replace`, they take their place.
 */
export function putCondition(
  condition: JsonValue | undefined,
  operator: string,
  key: string,
  values: readonly JsonPrimitive[],
  replace = false,
): JsonObject {
  const base = isJsonObject(condition) ? condition : {};
  const current = getMember(base, operator);
  const block = isJsonObject(current) ? current : {};
  const name = existingKey(block, key) ?? key;
  let next: JsonPrimitive[] = [...values];
  if (!replace) {
    const old = valuesOf(getMember(block, name));
    next = [...old, ...values.filter((v) => !old.some((o) => o === v))];
  }
  return withMember(base, operator, withMember(block, name, conditionValue(next)));
}

/**
 * Removes `key` (exact case) from `operator`; the operator goes when it has no keys left, and the
 * result is undefined when the Condition has nothing left (remove the element).
 */
export function removeCondition(condition: JsonValue | undefined, operator: string, key: string): JsonObject | undefined {
  if (!isJsonObject(condition)) return undefined;
  const block = getMember(condition, operator);
  if (!isJsonObject(block) || !Object.prototype.hasOwnProperty.call(block, key)) {
    return Object.keys(condition).length ? condition : undefined;
  }
  const nextBlock = withMember(block, key, undefined);
  const next = withMember(condition, operator, Object.keys(nextBlock).length ? nextBlock : undefined);
  return Object.keys(next).length ? next : undefined;
}

/** True when `operator` has `key` (any case) in the Condition. */
export function hasCondition(condition: JsonValue | undefined, operator: string, key: string): boolean {
  if (!isJsonObject(condition)) return false;
  const block = getMember(condition, operator);
  return isJsonObject(block) && existingKey(block, key) !== undefined;
}
