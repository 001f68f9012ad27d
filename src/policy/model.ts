/**
 * The policy model: plain, readonly data.
 *
 * A parsed policy keeps the document exactly as JSON gave it (`document`: key order,
 * unknown keys, string-versus-array form, numbers and booleans all preserved), plus
 * typed views of each statement for editors and the validator. Serialization writes
 * `document`; editors change the document through the functions in edit.ts, which
 * touch only the keys they own, so nothing they do not show is ever dropped.
 */

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | readonly JsonValue[] | JsonObject;
export interface JsonObject {
  readonly [key: string]: JsonValue;
}

/** A location in the source text. Lines and columns are 1-based; offsets 0-based. */
export interface SourceRange {
  readonly offset: number;
  readonly length: number;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export type Severity = 'error' | 'security' | 'warning' | 'suggestion';

export interface Finding {
  readonly severity: Severity;
  /** stable, kebab-case, e.g. "invalid-action"; see validate.ts for the list */
  readonly code: string;
  /** says what is wrong and what to do */
  readonly message: string;
  /** RFC 6901 JSON pointer into the document, e.g. "/Statement/0/Action/2" */
  readonly pointer: string;
  /** where the pointer's value (or key) sits in the text, when parsed from text */
  readonly range?: SourceRange;
}

/** A string-or-array element (Action, NotAction, Resource, NotResource). */
export interface StringList {
  readonly values: readonly string[];
  /** true when the document wrote a single string rather than an array */
  readonly single: boolean;
}

/** One key inside one operator block of a Condition element. */
export interface ConditionEntry {
  /** operator as written, e.g. "ForAnyValue:StringLikeIfExists" */
  readonly operator: string;
  readonly key: string;
  readonly values: readonly JsonPrimitive[];
  readonly single: boolean;
  /** JSON pointer of this key's value */
  readonly pointer: string;
}

export type KnownStatementKey =
  | 'Sid'
  | 'Effect'
  | 'Action'
  | 'NotAction'
  | 'Resource'
  | 'NotResource'
  | 'Principal'
  | 'NotPrincipal'
  | 'Condition';

export const KNOWN_STATEMENT_KEYS: readonly KnownStatementKey[] = [
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
];

/** A typed view of one statement. Fields are absent when the key is absent or not of the right shape. */
export interface StatementView {
  readonly index: number;
  /** "/Statement/3", or "/Statement" when Statement is a single object */
  readonly pointer: string;
  readonly sid?: string;
  readonly effect?: string;
  readonly action?: StringList;
  readonly notAction?: StringList;
  readonly resource?: StringList;
  readonly notResource?: StringList;
  readonly principal?: JsonValue;
  readonly notPrincipal?: JsonValue;
  readonly conditions: readonly ConditionEntry[];
  /** keys not in KNOWN_STATEMENT_KEYS, in document order */
  readonly unknownKeys: readonly string[];
  /** the statement object exactly as in the document */
  readonly raw: JsonObject;
}

export interface PolicyModel {
  /** the whole document as parsed (for a non-object document, the value itself) */
  readonly document: JsonValue;
  readonly version?: string;
  readonly id?: string;
  /** true when Statement is a single object rather than an array */
  readonly singleStatement: boolean;
  readonly statements: readonly StatementView[];
}

export interface ParseResult {
  /** null when the text is not valid JSON (syntax error) */
  readonly model: PolicyModel | null;
  /** syntax and structure findings; severity "error" for syntax */
  readonly findings: readonly Finding[];
  /** maps a JSON pointer to its source range; empty when model came from a value */
  readonly locate: (pointer: string) => SourceRange | undefined;
  /**
   * maps the pointer of an object member to the source range of its key (with the quotes);
   * undefined for array elements, the root, unknown pointers, and models built from a value
   */
  readonly locateKey?: (pointer: string) => SourceRange | undefined;
}

/** What kind of policy a document is: it decides which rules and which quota apply. */
export type PolicyKind =
  | 'managed'
  | 'inline-user'
  | 'inline-group'
  | 'inline-role'
  | 'trust';

/** IAM's character quotas (whitespace outside strings not counted). */
export const SIZE_QUOTAS: Readonly<Record<PolicyKind, number>> = {
  managed: 6144,
  'inline-user': 2048,
  'inline-group': 5120,
  'inline-role': 10240,
  trust: 2048,
};
