/**
 * Small helpers for plain JSON data that are safe with any key, including "__proto__",
 * "constructor" and "toString": objects are built with Object.defineProperty (so "__proto__"
 * becomes an own key, as JSON.parse makes it) and read with own-property checks only.
 */
import type { JsonObject, JsonValue } from './model';

/** A plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isJsonArray(value: unknown): value is readonly JsonValue[] {
  return Array.isArray(value);
}

/** The own member `key` of `object`, never an inherited one. */
export function getMember(object: JsonObject, key: string): JsonValue | undefined {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

export function hasMember(object: JsonObject, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

/**
 * Sets an own, enumerable, writable property, exactly as JSON.parse does. Redefining an existing
 * key keeps its position (the first occurrence's position, JSON.parse's rule for duplicate keys).
 */
export function defineMember(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Builds an object from entries in order; later duplicates replace the value but keep the position. */
export function objectFromEntries(entries: Iterable<readonly [string, JsonValue]>): JsonObject {
  const result: Record<string, JsonValue> = {};
  for (const [key, value] of entries) defineMember(result, key, value);
  return result;
}

/** Own enumerable members in property order (the order JSON.stringify writes). */
export function membersOf(object: JsonObject): [string, JsonValue][] {
  return Object.keys(object).map((key) => [key, object[key] as JsonValue]);
}

/**
 * Whether two JSON values are equal by content: the same members in the same order (JSON.stringify
 * would write the same text), without building that text.
 */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const objectA = a as JsonObject;
  const objectB = b as JsonObject;
  const keysA = Object.keys(objectA);
  const keysB = Object.keys(objectB);
  if (keysA.length !== keysB.length) return false;
  for (let i = 0; i < keysA.length; i++) {
    const key = keysA[i] as string;
    if (key !== keysB[i] || !jsonEqual(objectA[key], objectB[key])) return false;
  }
  return true;
}
