/**
 * Explicit normalisations. serialize never normalises; these are what a user asks for
 * ("Sort actions", "Remove duplicates", "Use arrays").
 */
import { getMember, isJsonObject } from './json';
import type { JsonObject, JsonValue } from './model';
import { setMember } from './edit';

/**
 * Sorts action names case-insensitively by service, then by action ("ec2:*" < "s3:GetObject" <
 * "s3:PutObject"); names equal but for case keep their order. Returns a new array.
 */
export function sortActions(values: readonly string[]): string[] {
  const keyed = values.map((value, index) => ({ value, index, key: value.toLowerCase() }));
  keyed.sort((a, b) => {
    const [aService = '', aAction = ''] = splitAction(a.key);
    const [bService = '', bAction = ''] = splitAction(b.key);
    if (aService !== bService) return aService < bService ? -1 : 1;
    if (aAction !== bAction) return aAction < bAction ? -1 : 1;
    return a.index - b.index;
  });
  return keyed.map((entry) => entry.value);
}

function splitAction(action: string): [string, string] {
  const colon = action.indexOf(':');
  return colon < 0 ? [action, ''] : [action.slice(0, colon), action.slice(colon + 1)];
}

/**
 * Removes repeated values, keeping the first. With `caseInsensitive` (right for actions, which IAM
 * matches without case; wrong for ARNs), values equal but for case count as repeats.
 */
export function dedupeValues<T extends JsonValue>(
  values: readonly T[],
  options: { readonly caseInsensitive?: boolean } = {},
): T[] {
  const seen = new Set<string>();
  const result: T[] = [];
  for (const value of values) {
    const key =
      typeof value === 'string'
        ? 's' + (options.caseInsensitive ? value.toLowerCase() : value)
        : 'j' + JSON.stringify(value);
    if (seen.has(key)) continue;
    seen.add(key);
    result.push(value);
  }
  return result;
}

/** A string becomes a one-element array; an array is returned as it is; anything else unchanged. */
export function toArrayForm(value: JsonValue): JsonValue {
  return typeof value === 'string' ? [value] : value;
}

/** A one-string array becomes the string; anything else unchanged. */
export function toStringForm(value: JsonValue): JsonValue {
  return Array.isArray(value) && value.length === 1 && typeof value[0] === 'string' ? value[0] : value;
}

export interface NormalizeOptions {
  /** sort Action and NotAction values (sortActions) */
  readonly sortActions?: boolean;
  /** remove repeats from Action/NotAction (case-insensitive) and Resource/NotResource (exact) */
  readonly dedupe?: boolean;
  /** write Action, NotAction, Resource and NotResource as arrays */
  readonly arrayForm?: boolean;
}

const ACTION_KEYS = ['Action', 'NotAction'] as const;
const LIST_KEYS = ['Action', 'NotAction', 'Resource', 'NotResource'] as const;

function normalizeStatement(statement: JsonObject, options: NormalizeOptions): JsonObject {
  let result = statement;
  for (const key of LIST_KEYS) {
    const value = getMember(result, key);
    if (value === undefined) continue;
    let next: JsonValue = value;
    if (Array.isArray(next) && next.every((item) => typeof item === 'string')) {
      let strings = next as readonly string[];
      const isAction = (ACTION_KEYS as readonly string[]).includes(key);
      if (options.dedupe) strings = dedupeValues(strings, { caseInsensitive: isAction });
      if (options.sortActions && isAction) strings = sortActions(strings);
      if (strings !== next) next = strings;
    }
    if (options.arrayForm) next = toArrayForm(next);
    if (next !== value && JSON.stringify(next) !== JSON.stringify(value))
      result = setMember(result, key, next);
  }
  return result;
}

/** Applies the chosen normalisations to every statement; everything else is left as it is. */
export function normalizeDocument(document: JsonValue, options: NormalizeOptions): JsonValue {
  if (!isJsonObject(document)) return document;
  const statement = getMember(document, 'Statement');
  if (isJsonObject(statement)) {
    const next = normalizeStatement(statement, options);
    return next === statement ? document : setMember(document, 'Statement', next);
  }
  if (!Array.isArray(statement)) return document;
  let changed = false;
  const next = statement.map((item: JsonValue) => {
    if (!isJsonObject(item)) return item;
    const normalized = normalizeStatement(item, options);
    if (normalized !== item) changed = true;
    return normalized;
  });
  return changed ? setMember(document, 'Statement', next) : document;
}
