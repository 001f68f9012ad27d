/**
 * Reading a policy the user pasted, opened or dropped: what it contains, or a clear reason why
 * it cannot be imported, with the line and column of the problem.
 *
 * Accepted: a policy document ({"Version", "Statement": [...]}), a single statement object, an
 * array of statements, and the usual wrappers around a document: the AWS CLI's
 * `get-policy-version` output ({"PolicyVersion": {"Document": ...}}), CloudFormation's
 * {"PolicyDocument": ...} and {"Document": ...}, with the document as an object or as JSON text
 * (URL-encoded, as the IAM API returns it).
 */
import { getMember, isJsonObject } from '../../policy/json';
import type { JsonObject, JsonValue } from '../../policy/model';
import { parse } from '../../policy/parse';
import { POLICY_VERSION } from '../../policy/edit';

export interface TextProblem {
  /** says what is wrong, with the place when there is one */
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

export type ReadPolicyResult =
  | {
      readonly ok: true;
      /** the policy document to import (a statement or a list of them wrapped in one) */
      readonly document: JsonObject;
      readonly statements: readonly JsonObject[];
      /** the text exactly as given, when the text itself is the document (kept byte for byte on replace) */
      readonly text?: string;
      /** how the input was read, when it was not a plain policy document */
      readonly note?: string;
    }
  | { readonly ok: false; readonly problems: readonly TextProblem[] };

/** At most this many syntax problems are listed (the first one matters most). */
export const MAX_PROBLEMS = 3;

function failure(message: string, line?: number, column?: number): ReadPolicyResult {
  return { ok: false, problems: [line === undefined ? { message } : { message, line, column }] };
}

function looksLikeStatement(value: JsonObject): boolean {
  return ['Effect', 'Action', 'NotAction', 'Resource', 'NotResource'].some((key) => getMember(value, key) !== undefined);
}

/** A document given as JSON text inside another document (possibly URL-encoded). */
function documentFromString(text: string): JsonValue | undefined {
  for (const candidate of [text, safeDecode(text)]) {
    if (candidate === undefined) continue;
    const result = parse(candidate);
    if (result.model) return result.model.document;
  }
  return undefined;
}

function safeDecode(text: string): string | undefined {
  try {
    const decoded = decodeURIComponent(text);
    return decoded === text ? undefined : decoded;
  } catch {
    return undefined;
  }
}

const WRAPPERS: readonly { readonly path: readonly string[]; readonly note: string }[] = [
  { path: ['PolicyVersion', 'Document'], note: 'Read the document from the AWS CLI output (PolicyVersion.Document).' },
  { path: ['PolicyDocument'], note: 'Read the document from PolicyDocument.' },
  { path: ['Document'], note: 'Read the document from Document.' },
];

function unwrap(value: JsonObject): { document: JsonValue; note: string } | undefined {
  for (const wrapper of WRAPPERS) {
    let current: JsonValue | undefined = value;
    for (const key of wrapper.path) current = isJsonObject(current) ? getMember(current, key) : undefined;
    if (typeof current === 'string') current = documentFromString(current);
    if (current !== undefined && isJsonObject(current)) return { document: current, note: wrapper.note };
  }
  return undefined;
}

/** Reads pasted or opened text as a policy to import. Never throws. */
export function readPolicyText(text: string): ReadPolicyResult {
  if (text.trim() === '') return failure('Paste a policy document, or open or drop a .json file.');
  const result = parse(text);
  if (!result.model) {
    const problems = result.findings
      .filter((finding) => finding.severity === 'error')
      .slice(0, MAX_PROBLEMS)
      .map((finding): TextProblem => {
        const message = `Not valid JSON: ${finding.message}`;
        return finding.range ? { message, line: finding.range.line, column: finding.range.column } : { message };
      });
    return { ok: false, problems: problems.length > 0 ? problems : [{ message: 'Not valid JSON.' }] };
  }
  const value = result.model.document;
  const at = (pointer: string, message: string): ReadPolicyResult => {
    const range = result.locate(pointer);
    return range ? failure(`${message} (line ${range.line}, column ${range.column})`, range.line, range.column) : failure(message);
  };

  if (Array.isArray(value)) {
    const bad = value.findIndex((item) => !isJsonObject(item));
    if (value.length === 0) return failure('The list is empty: there is no statement to import.');
    if (bad >= 0) return at(`/${bad}`, `Item ${bad + 1} of the list is not a statement object`);
    const statements = value as readonly JsonObject[];
    return {
      ok: true,
      document: { Version: POLICY_VERSION, Statement: [...statements] },
      statements,
      note: `Read a list of ${statements.length} statement${statements.length === 1 ? '' : 's'}.`,
    };
  }
  if (!isJsonObject(value)) {
    return at('', 'This JSON is not a policy: expected an object with "Version" and "Statement"');
  }
  let document: JsonObject = value;
  let note: string | undefined;
  let wrapped = false;
  if (getMember(value, 'Statement') === undefined) {
    const unwrapped = unwrap(value);
    if (unwrapped && isJsonObject(unwrapped.document) && getMember(unwrapped.document, 'Statement') !== undefined) {
      document = unwrapped.document;
      note = unwrapped.note;
      wrapped = true;
    } else if (looksLikeStatement(value)) {
      return {
        ok: true,
        document: { Version: POLICY_VERSION, Statement: [value] },
        statements: [value],
        note: 'Read a single statement.',
      };
    } else {
      return at('', 'This JSON is not a policy: it has no "Statement"');
    }
  }
  const statement = getMember(document, 'Statement');
  // Positions inside a wrapper would need the wrapper's path; the message alone is clear enough.
  const located = (pointer: string, message: string) => (wrapped ? failure(message) : at(pointer, message));
  // The text itself is the document (not a wrapper): it is kept byte for byte.
  const asGiven = wrapped ? {} : { text };
  if (isJsonObject(statement)) {
    return { ok: true, document, statements: [statement], ...asGiven, ...(note ? { note } : {}) };
  }
  if (!Array.isArray(statement)) {
    return located('/Statement', '"Statement" must be a statement object or a list of them');
  }
  const bad = statement.findIndex((item) => !isJsonObject(item));
  if (bad >= 0) return located(`/Statement/${bad}`, `Statement ${bad + 1} is not an object`);
  if (statement.length === 0) return failure('The policy has no statements to import.');
  return { ok: true, document, statements: statement as readonly JsonObject[], ...asGiven, ...(note ? { note } : {}) };
}

/** The offset of a 1-based line and column in `text` (line breaks "\n", "\r\n" or "\r"), clamped to the text. */
export function offsetOf(text: string, line: number, column: number): number {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.slice(offset).search(/\r\n|\r|\n/);
    if (next < 0) return text.length;
    offset += next + (text.startsWith('\r\n', offset + next) ? 2 : 1);
  }
  return Math.min(text.length, offset + Math.max(0, column - 1));
}
