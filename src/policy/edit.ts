/**
 * Pure edits of a policy document. Each function returns a NEW document and changes only what
 * it owns: every other key keeps its value and its position, unknown keys included, and the
 * untouched parts are shared with the input (structural sharing, nothing is mutated).
 *
 * When the target does not exist (the document is not an object, the index is out of range, the
 * statement at the index is not an object) a function returns its input unchanged (the same
 * reference), so a caller can tell a no-op by identity.
 *
 * Statement as a single object is kept as it is; it becomes an array only when a second
 * statement is added (addStatement, duplicateStatement, replaceStatements with several).
 */
import { buildModel } from './parse';
import { defineMember, getMember, isJsonObject } from './json';
import { KNOWN_STATEMENT_KEYS } from './model';
import type { JsonObject, JsonValue, PolicyModel } from './model';

export const POLICY_VERSION = '2012-10-17';

/** A new, empty identity policy: { "Version": "2012-10-17", "Statement": [] }. */
export function newPolicy(): JsonObject {
  return { Version: POLICY_VERSION, Statement: [] };
}

/** Applies a document edit to a model and rebuilds the model's views. */
export function editModel(model: PolicyModel, edit: (document: JsonValue) => JsonValue): PolicyModel {
  const document = edit(model.document);
  return document === model.document ? model : buildModel(document);
}

// ---------------------------------------------------------------------------------------------
// Object helpers (safe with any key, "__proto__" included)

function copyWith(object: JsonObject, key: string, value: JsonValue | undefined): JsonObject {
  const result: Record<string, JsonValue> = {};
  for (const k of Object.keys(object)) {
    if (k === key) {
      if (value !== undefined) defineMember(result, k, value);
    } else {
      defineMember(result, k, object[k]);
    }
  }
  return result;
}

function insertAt(object: JsonObject, position: number, key: string, value: JsonValue): JsonObject {
  const keys = Object.keys(object);
  const result: Record<string, JsonValue> = {};
  keys.forEach((k, i) => {
    if (i === position) defineMember(result, key, value);
    defineMember(result, k, object[k]);
  });
  if (position >= keys.length) defineMember(result, key, value);
  return result;
}

const CONVENTIONAL_RANK: ReadonlyMap<string, number> = new Map(
  KNOWN_STATEMENT_KEYS.map((key, i) => [key, i]),
);

/**
 * Where a new key goes in a statement: right after the last existing key that comes before it in
 * the conventional order (Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource,
 * NotResource, Condition); failing that, right before the first one that comes after it; failing
 * that (an unconventional key, or no conventional keys), at the end.
 */
function insertPosition(statement: JsonObject, key: string): number {
  const keys = Object.keys(statement);
  const rank = CONVENTIONAL_RANK.get(key);
  if (rank === undefined) return keys.length;
  let after = -1;
  let before = -1;
  keys.forEach((k, i) => {
    const r = CONVENTIONAL_RANK.get(k);
    if (r === undefined) return;
    if (r < rank) after = i;
    else if (r > rank && before < 0) before = i;
  });
  if (after >= 0) return after + 1;
  if (before >= 0) return before;
  return keys.length;
}

/** Sets (or with undefined, removes) one key of an object, in place when present. */
export function setMember(
  object: JsonObject,
  key: string,
  value: JsonValue | undefined,
  position?: number,
): JsonObject {
  if (Object.prototype.hasOwnProperty.call(object, key)) {
    if (value !== undefined && Object.is(getMember(object, key), value)) return object;
    return copyWith(object, key, value);
  }
  if (value === undefined) return object;
  return insertAt(object, position ?? Object.keys(object).length, key, value);
}

// ---------------------------------------------------------------------------------------------
// Statements

/** The statements of a document as an array (a single object as one), or undefined when absent. */
function statementsOf(document: JsonObject): readonly JsonValue[] | undefined {
  const statement = getMember(document, 'Statement');
  if (Array.isArray(statement)) return statement;
  if (isJsonObject(statement)) return [statement];
  return undefined;
}

function isSingle(document: JsonObject): boolean {
  return isJsonObject(getMember(document, 'Statement'));
}

/** Writes the statements back, keeping the single-object form when there is exactly one and it had it. */
function withStatements(
  document: JsonObject,
  statements: readonly JsonValue[],
  keepSingle: boolean,
): JsonObject {
  const value: JsonValue = keepSingle && statements.length === 1 ? (statements[0] as JsonValue) : statements;
  return setMember(document, 'Statement', value);
}

/**
 * Sets one key of statement `index` (replacing it in place when present, inserting it in the
 * conventional order when absent), or removes it when value is undefined.
 */
export function setStatementField(
  document: JsonValue,
  index: number,
  key: string,
  value: JsonValue | undefined,
): JsonValue {
  if (!isJsonObject(document)) return document;
  const statements = statementsOf(document);
  const statement = statements?.[index];
  if (!statements || !isJsonObject(statement)) return document;
  const updated = setMember(statement, key, value, insertPosition(statement, key));
  if (updated === statement) return document;
  const next = statements.slice();
  next[index] = updated;
  return withStatements(document, next, isSingle(document));
}

/**
 * Adds a statement at `at` (default: the end). Creates "Statement" (after the other keys) when
 * absent; turns a single statement object into an array.
 */
export function addStatement(document: JsonValue, statement: JsonObject, at?: number): JsonValue {
  if (!isJsonObject(document)) return document;
  const statements = statementsOf(document);
  if (!statements) {
    const existing = getMember(document, 'Statement');
    // Statement present with a shape we do not understand: leave it to the validator.
    if (existing !== undefined) return document;
    return setMember(document, 'Statement', [statement]);
  }
  const position = at === undefined ? statements.length : Math.max(0, Math.min(statements.length, at));
  const next = statements.slice();
  next.splice(position, 0, statement);
  return withStatements(document, next, false);
}

/** Removes statement `index`. Removing a single statement object leaves "Statement": []. */
export function removeStatement(document: JsonValue, index: number): JsonValue {
  if (!isJsonObject(document)) return document;
  const statements = statementsOf(document);
  if (!statements || index < 0 || index >= statements.length || !Number.isInteger(index)) return document;
  const next = statements.slice();
  next.splice(index, 1);
  return withStatements(document, next, false);
}

/** Moves statement `from` to position `to` (both indexes in the current array). */
export function moveStatement(document: JsonValue, from: number, to: number): JsonValue {
  if (!isJsonObject(document)) return document;
  const statements = statementsOf(document);
  if (!statements || !Number.isInteger(from) || !Number.isInteger(to)) return document;
  if (from < 0 || from >= statements.length || to < 0 || to >= statements.length || from === to)
    return document;
  const next = statements.slice();
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved as JsonValue);
  return withStatements(document, next, isSingle(document));
}

/** Sids used in the document. */
function sidsOf(statements: readonly JsonValue[]): Set<string> {
  const sids = new Set<string>();
  for (const statement of statements) {
    const sid = isJsonObject(statement) ? getMember(statement, 'Sid') : undefined;
    if (typeof sid === 'string') sids.add(sid);
  }
  return sids;
}

/**
 * Inserts a copy of statement `index` right after it. When the statement has a string Sid, the
 * copy gets a unique one ("Sid" → "SidCopy", "SidCopy2", …) since Sids must be unique in a policy.
 */
export function duplicateStatement(document: JsonValue, index: number): JsonValue {
  if (!isJsonObject(document)) return document;
  const statements = statementsOf(document);
  const statement = statements?.[index];
  if (!statements || !isJsonObject(statement)) return document;
  let copy = statement;
  const sid = getMember(statement, 'Sid');
  if (typeof sid === 'string' && sid !== '') {
    const taken = sidsOf(statements);
    let candidate = `${sid}Copy`;
    for (let n = 2; taken.has(candidate); n++) candidate = `${sid}Copy${n}`;
    copy = setMember(statement, 'Sid', candidate);
  }
  const next = statements.slice();
  next.splice(index + 1, 0, copy);
  return withStatements(document, next, false);
}

/**
 * Replaces all statements, keeping "Statement" where it is. Keeps the single-object form when the
 * document had it and exactly one statement is given; creates "Statement" when absent.
 */
export function replaceStatements(document: JsonValue, statements: readonly JsonObject[]): JsonValue {
  if (!isJsonObject(document)) return document;
  return withStatements(document, statements, isSingle(document));
}
