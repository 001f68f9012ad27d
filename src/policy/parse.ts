/**
 * Text → PolicyModel.
 *
 * `parse` accepts exactly the texts JSON.parse accepts (strict JSON: no comments, no trailing
 * commas, no BOM) and builds the same value JSON.parse would (last duplicate key wins, at the
 * first occurrence's position; "__proto__" is an ordinary own key). It never throws. Syntax
 * errors, duplicate keys and keys differing only in case are reported as findings with a JSON
 * pointer and a source range. Everything else about the policy's shape is the validator's job:
 * the model's statement views are built leniently and `document` keeps everything.
 */
import { parseTree, visit } from 'jsonc-parser';
import type { Node as JsonNode } from 'jsonc-parser';
import { defineMember, getMember, isJsonObject } from './json';
import { KNOWN_STATEMENT_KEYS } from './model';
import type {
  ConditionEntry,
  Finding,
  JsonObject,
  JsonPrimitive,
  JsonValue,
  KnownStatementKey,
  ParseResult,
  PolicyModel,
  SourceRange,
  StatementView,
  StringList,
} from './model';
import { arrayIndexOf, joinPointer, parsePointer, toPointer } from './pointer';
import type { PointerSegment } from './pointer';

/** Finding codes produced by parse. */
export const PARSE_CODES = {
  syntax: 'json-syntax',
  duplicateKey: 'duplicate-key',
  duplicateKeyCase: 'duplicate-key-case',
  tooDeep: 'json-too-deep',
} as const;

/**
 * Deeper documents are refused (finding `json-too-deep`, model null) rather than risking a stack
 * overflow in the recursive parser. A valid IAM policy is at most about 6 levels deep.
 */
export const MAX_NESTING_DEPTH = 1000;

/** At most this many json-syntax findings are reported for one text (error recovery can cascade). */
export const MAX_SYNTAX_FINDINGS = 100;

const PARSE_OPTIONS = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

// jsonc-parser's ParseErrorCode is a const enum, which isolatedModules cannot import.
const ErrorCode = {
  InvalidSymbol: 1,
  InvalidNumberFormat: 2,
  PropertyNameExpected: 3,
  ValueExpected: 4,
  ColonExpected: 5,
  CommaExpected: 6,
  CloseBraceExpected: 7,
  CloseBracketExpected: 8,
  EndOfFileExpected: 9,
  InvalidCommentToken: 10,
  UnexpectedEndOfComment: 11,
  UnexpectedEndOfString: 12,
  UnexpectedEndOfNumber: 13,
  InvalidUnicode: 14,
  InvalidEscapeCharacter: 15,
  InvalidCharacter: 16,
} as const;

const NO_RANGE = (): SourceRange | undefined => undefined;

// ---------------------------------------------------------------------------------------------
// Source positions

/** Maps offsets to 1-based line/column. Line breaks are "\n", "\r\n" and "\r", as in Monaco. */
export class LineIndex {
  private starts: number[] | undefined;

  constructor(private readonly text: string) {}

  private lineStarts(): number[] {
    if (this.starts) return this.starts;
    const starts = [0];
    const text = this.text;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (code === 10) {
        starts.push(i + 1);
      }
    }
    this.starts = starts;
    return starts;
  }

  /** 1-based line and column (in UTF-16 code units) of an offset. */
  position(offset: number): { line: number; column: number } {
    const starts = this.lineStarts();
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (starts[low] ?? 0) + 1 };
  }

  /** The range [offset, offset + length); endLine/endColumn is the position just after it. */
  range(offset: number, length: number): SourceRange {
    const start = this.position(offset);
    const end = this.position(offset + length);
    return {
      offset,
      length,
      line: start.line,
      column: start.column,
      endLine: end.line,
      endColumn: end.column,
    };
  }
}

// ---------------------------------------------------------------------------------------------
// parse

/** Parses policy text. Never throws. */
export function parse(text: string): ParseResult {
  try {
    return parseUnsafe(typeof text === 'string' ? text : String(text));
  } catch (error) {
    // Not expected: jsonc-parser is iterative for siblings and depth is capped. Kept as a net so
    // that an editor keystroke can never crash the app.
    const message = error instanceof Error ? error.message : String(error);
    return {
      model: null,
      findings: [
        {
          severity: 'error',
          code: PARSE_CODES.syntax,
          message: `The text could not be parsed: ${message}`,
          pointer: '',
        },
      ],
      locate: NO_RANGE,
      locateKey: NO_RANGE,
    };
  }
}

function parseUnsafe(text: string): ParseResult {
  const lines = new LineIndex(text);
  const fast = parseFast(text, lines);
  if (fast) return fast;

  const tooDeepAt = scanStructure(text, MAX_NESTING_DEPTH);
  if (tooDeepAt !== undefined) {
    const range = lines.range(tooDeepAt, 1);
    return {
      model: null,
      findings: [
        {
          severity: 'error',
          code: PARSE_CODES.tooDeep,
          message: `The document is nested more than ${MAX_NESTING_DEPTH} levels deep at line ${range.line}, column ${range.column}; an IAM policy needs no more than a few levels.`,
          pointer: '',
          range,
        },
      ],
      locate: NO_RANGE,
      locateKey: NO_RANGE,
    };
  }

  const errors: { error: number; offset: number; length: number }[] = [];
  const root = parseTree(text, errors, PARSE_OPTIONS);
  if (errors.length > 0 || root === undefined) {
    return { model: null, findings: syntaxFindings(text, lines), locate: NO_RANGE, locateKey: NO_RANGE };
  }

  const findings: Finding[] = [];
  const document = valueOfTree(root, lines, findings);
  return { model: buildModel(document), findings, ...locators(() => root, lines) };
}

/** locate and locateKey over the syntax tree (`tree` is called on first use). */
function locators(tree: () => JsonNode | undefined, lines: LineIndex): Pick<ParseResult, 'locate' | 'locateKey'> {
  const locate = (pointer: string): SourceRange | undefined => {
    const root = tree();
    const node = root && nodeAt(root, pointer);
    return node ? lines.range(node.offset, node.length) : undefined;
  };
  const locateKey = (pointer: string): SourceRange | undefined => {
    const root = tree();
    const node = root && nodeAt(root, pointer);
    const key = node?.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
    return key ? lines.range(key.offset, key.length) : undefined;
  };
  return { locate, locateKey };
}

/**
 * The usual case, fast: text that JSON.parse accepts, nested no deeper than MAX_NESTING_DEPTH, with
 * no duplicate keys (the members JSON.parse kept are all the text has, and none differ only in
 * case). parse accepts exactly what JSON.parse accepts, so the document is the same; the syntax
 * tree, needed only to locate a pointer, is built on first use. Undefined otherwise: the full parse
 * says what is wrong.
 */
function parseFast(text: string, lines: LineIndex): ParseResult | undefined {
  // Members in the text: a key's closing quote, then a colon. An escaped quote before a colon (inside
  // a string, or a key ending in a backslash) makes that count unsure: the full parse then.
  if (ESCAPED_QUOTE_COLON.test(text)) return undefined;
  let document: JsonValue;
  try {
    document = JSON.parse(text) as JsonValue;
  } catch {
    return undefined;
  }
  const members = text.match(QUOTE_COLON)?.length ?? 0;
  if (countMembers(document, MAX_NESTING_DEPTH) !== members) return undefined;
  let root: JsonNode | undefined | null = null;
  const tree = () => (root === null ? (root = parseTree(text, [], PARSE_OPTIONS)) : root);
  return { model: buildModel(document), findings: [], ...locators(tree, lines) };
}

const QUOTE_COLON = /"[ \t\n\r]*:/g;
const ESCAPED_QUOTE_COLON = /\\"[ \t\n\r]*:/;

/**
 * The members of every object in `value`; -1 when an object has keys that differ only in case, or
 * when containers nest deeper than `depth`.
 */
function countMembers(value: JsonValue, depth: number): number {
  if (typeof value !== 'object' || value === null) return 0;
  if (depth <= 0) return -1;
  let count = 0;
  if (Array.isArray(value)) {
    for (const item of value) {
      const n = countMembers(item, depth - 1);
      if (n < 0) return -1;
      count += n;
    }
    return count;
  }
  const keys = Object.keys(value);
  if (keys.length > 1 && new Set(keys.map((key) => key.toLowerCase())).size !== keys.length) return -1;
  count += keys.length;
  for (const key of keys) {
    const n = countMembers((value as JsonObject)[key] as JsonValue, depth - 1);
    if (n < 0) return -1;
    count += n;
  }
  return count;
}

/** The source range of the key of the object member at `pointer` (see ParseResult.locateKey). */
export function locateKey(result: ParseResult, pointer: string): SourceRange | undefined {
  return result.locateKey?.(pointer);
}

/**
 * Builds the model from an already-parsed JSON value (e.g. a managed policy's document object).
 * The value is copied with JSON semantics (JSON.parse(JSON.stringify(value))), so later changes to
 * it do not reach the model. Throws TypeError when the value cannot be written as JSON (a cycle,
 * a BigInt, or undefined at the top).
 */
export function parseValue(value: unknown): PolicyModel {
  const text: string | undefined = JSON.stringify(value);
  if (text === undefined) throw new TypeError('parseValue: the value is not a JSON value');
  return buildModel(JSON.parse(text) as JsonValue);
}

/** Like parseValue, but as a ParseResult (no findings; locate always answers undefined). */
export function parseResultFromValue(value: unknown): ParseResult {
  return { model: parseValue(value), findings: [], locate: NO_RANGE, locateKey: NO_RANGE };
}

// ---------------------------------------------------------------------------------------------
// Syntax errors

/** The offset of the first bracket deeper than maxDepth, or undefined. Mirrors the scanner's string rules. */
function scanStructure(text: string, maxDepth: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 92 /* \ */) i++;
      else if (code === 34 /* " */ || code === 10 || code === 13) inString = false;
    } else if (code === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      while (i < text.length && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    } else if (code === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (code === 34) {
      inString = true;
    } else if (code === 123 /* { */ || code === 91 /* [ */) {
      depth++;
      if (depth > maxDepth) return i;
    } else if (code === 125 /* } */ || code === 93 /* ] */) {
      if (depth > 0) depth--;
    }
  }
  return undefined;
}

interface ContextualError {
  readonly error: number;
  readonly offset: number;
  readonly length: number;
  /** the innermost open container when the error was reported */
  readonly container: 'object' | 'array' | undefined;
  /** true when the top-level value was complete before the error */
  readonly afterRoot: boolean;
}

function syntaxFindings(text: string, lines: LineIndex): Finding[] {
  const errors: ContextualError[] = [];
  const stack: ('object' | 'array')[] = [];
  let afterRoot = false;
  const close = () => {
    stack.pop();
    if (stack.length === 0) afterRoot = true;
  };
  visit(
    text,
    {
      onObjectBegin: () => {
        stack.push('object');
      },
      onObjectEnd: close,
      onArrayBegin: () => {
        stack.push('array');
      },
      onArrayEnd: close,
      onLiteralValue: () => {
        if (stack.length === 0) afterRoot = true;
      },
      onError: (error, offset, length) => {
        errors.push({ error, offset, length, container: stack[stack.length - 1], afterRoot });
      },
    },
    PARSE_OPTIONS,
  );
  if (errors.length === 0) {
    // Cannot happen (parseTree reported an error); keep the invariant "invalid ⇒ a json-syntax finding".
    errors.push({
      error: ErrorCode.ValueExpected,
      offset: 0,
      length: 0,
      container: undefined,
      afterRoot: false,
    });
  }
  const findings: Finding[] = [];
  const seenOffsets = new Set<number>();
  for (const error of errors) {
    // Error recovery may report a second error at the same place; one finding per place.
    if (seenOffsets.has(error.offset)) continue;
    seenOffsets.add(error.offset);
    const { message, offset, length } = describeSyntaxError(text, error);
    const range = lines.range(offset, length);
    findings.push({
      severity: 'error',
      code: PARSE_CODES.syntax,
      message: `${message} at line ${range.line}, column ${range.column}.`,
      pointer: '',
      range,
    });
    if (findings.length >= MAX_SYNTAX_FINDINGS) break;
  }
  return findings;
}

function previousNonWhitespace(text: string, offset: number): string | undefined {
  for (let i = offset - 1; i >= 0; i--) {
    const ch = text[i];
    if (ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r') return ch;
  }
  return undefined;
}

function snippet(text: string): string {
  const shown = text.length > 24 ? `${text.slice(0, 24)}…` : text;
  return JSON.stringify(shown);
}

const CONTROL_ESCAPES: Readonly<Record<number, string>> = {
  8: '\\b',
  9: '\\t',
  10: '\\n',
  12: '\\f',
  13: '\\r',
};

function describeSyntaxError(
  text: string,
  error: ContextualError,
): { message: string; offset: number; length: number } {
  const { offset, length } = error;
  const token = text.slice(offset, offset + length);
  const at = (message: string, start = offset, size = length) => ({ message, offset: start, length: size });
  const closer = text[offset];
  const isTrailingComma = (closer === '}' || closer === ']') && previousNonWhitespace(text, offset) === ',';

  switch (error.error) {
    case ErrorCode.InvalidSymbol: {
      if (error.afterRoot) return at('Unexpected text after the end of the JSON document');
      if (token === '\uFEFF') return at('Unexpected byte order mark (U+FEFF); remove it');
      if (token.startsWith("'"))
        return at('Strings and property names must use double quotes, not single quotes');
      if (/^(True|False|Null|TRUE|FALSE|NULL|None|undefined|NaN|Infinity)$/.test(token)) {
        return at(`Unexpected ${snippet(token)}: JSON literals are true, false and null (lower case)`);
      }
      if (/^[A-Za-z_$]/.test(token)) {
        return at(`Unexpected ${snippet(token)}: strings and property names must be in double quotes`);
      }
      return at(`Unexpected character ${snippet(token)}`);
    }
    case ErrorCode.InvalidNumberFormat:
      return at(`Invalid number ${snippet(token)}`);
    case ErrorCode.PropertyNameExpected:
      if (isTrailingComma) return at('Trailing comma: remove the comma before the closing brace');
      return at('Expected a property name in double quotes');
    case ErrorCode.ValueExpected:
      if (isTrailingComma) {
        return at(
          `Trailing comma: remove the comma before the closing ${closer === '}' ? 'brace' : 'bracket'}`,
        );
      }
      if (offset >= text.length) return at('Unexpected end of text: expected a value');
      return at('Expected a value (a string, number, object, array, true, false or null)');
    case ErrorCode.ColonExpected:
      return at('Expected a colon after the property name');
    case ErrorCode.CommaExpected:
      return at(
        error.container === 'array'
          ? 'Expected a comma or closing bracket'
          : 'Expected a comma or closing brace',
      );
    case ErrorCode.CloseBraceExpected:
      return at(
        offset >= text.length
          ? 'Unexpected end of text: expected a closing brace'
          : 'Expected a closing brace',
      );
    case ErrorCode.CloseBracketExpected:
      return at(
        offset >= text.length
          ? 'Unexpected end of text: expected a closing bracket'
          : 'Expected a closing bracket',
      );
    case ErrorCode.EndOfFileExpected:
      return at('Unexpected text after the end of the JSON document');
    case ErrorCode.InvalidCommentToken:
    case ErrorCode.UnexpectedEndOfComment:
      return at('Comments are not allowed in JSON');
    case ErrorCode.UnexpectedEndOfString:
      return at('Unterminated string: add the closing double quote (a string cannot span lines)');
    case ErrorCode.UnexpectedEndOfNumber:
      return at(`Incomplete number ${snippet(token)}`);
    case ErrorCode.InvalidUnicode: {
      const match = /\\u(?![0-9a-fA-F]{4})/.exec(token);
      if (match) return at('Invalid \\u escape: expected four hexadecimal digits', offset + match.index, 2);
      return at('Invalid \\u escape: expected four hexadecimal digits');
    }
    case ErrorCode.InvalidEscapeCharacter: {
      const match = /\\(?:[^"\\/bfnrtu]|$)/.exec(token.replace(/\\\\/g, '  '));
      if (match) {
        const bad = token.slice(match.index, match.index + 2);
        return at(`Invalid escape sequence ${bad} in string`, offset + match.index, bad.length);
      }
      return at('Invalid escape in string');
    }
    case ErrorCode.InvalidCharacter: {
      for (let i = 1; i < token.length; i++) {
        const code = token.charCodeAt(i);
        if (code < 0x20) {
          const escape = CONTROL_ESCAPES[code] ?? `\\u${code.toString(16).padStart(4, '0')}`;
          const name = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
          return at(`Control character ${name} must be escaped in a string (write ${escape})`, offset + i, 1);
        }
      }
      return at('Control characters must be escaped in strings');
    }
    default:
      return at('Invalid JSON');
  }
}

// ---------------------------------------------------------------------------------------------
// Tree → value

function valueOfTree(root: JsonNode, lines: LineIndex, findings: Finding[]): JsonValue {
  const path: PointerSegment[] = [];

  const valueOf = (node: JsonNode): JsonValue => {
    switch (node.type) {
      case 'object':
        return objectOf(node);
      case 'array': {
        const children = node.children ?? [];
        const result: JsonValue[] = new Array<JsonValue>(children.length);
        for (let i = 0; i < children.length; i++) {
          path.push(i);
          result[i] = valueOf(children[i] as JsonNode);
          path.pop();
        }
        return result;
      }
      case 'string':
        return node.value as string;
      case 'number':
        return node.value as number;
      case 'boolean':
        return node.value as boolean;
      default:
        return null;
    }
  };

  const objectOf = (node: JsonNode): JsonObject => {
    const result: Record<string, JsonValue> = {};
    const children = node.children ?? [];
    // Objects with one member (most of them in a policy) need no bookkeeping.
    const keys = children.length > 1 ? new Set<string>() : undefined;
    const folded = children.length > 1 ? new Map<string, string>() : undefined;
    for (const property of children) {
      const keyNode = property.children?.[0];
      const valueNode = property.children?.[1];
      if (!keyNode || !valueNode) continue;
      const key = keyNode.value as string;
      if (keys && folded) {
        const lower = key.toLowerCase();
        const earlier = keys.has(key) ? key : folded.get(lower);
        if (earlier !== undefined) {
          path.push(key);
          findings.push(
            duplicateFinding(key, earlier, toPointer(path), lines.range(keyNode.offset, keyNode.length)),
          );
          path.pop();
        } else {
          folded.set(lower, key);
        }
        keys.add(key);
      }
      path.push(key);
      defineMember(result, key, valueOf(valueNode));
      path.pop();
    }
    return result;
  };

  return valueOf(root);
}

function duplicateFinding(key: string, earlier: string, pointer: string, range: SourceRange): Finding {
  if (earlier === key) {
    return {
      severity: 'error',
      code: PARSE_CODES.duplicateKey,
      message: `Duplicate key ${JSON.stringify(key)} at line ${range.line}, column ${range.column}: only the last value counts, and IAM rejects duplicate keys. Remove one of them.`,
      pointer,
      range,
    };
  }
  return {
    severity: 'error',
    code: PARSE_CODES.duplicateKeyCase,
    message: `Duplicate keys with different case: ${JSON.stringify(key)} at line ${range.line}, column ${range.column} and ${JSON.stringify(earlier)} differ only in case, which IAM rejects. Keep one of them.`,
    pointer,
    range,
  };
}

/** The node a pointer designates (for duplicate keys, the last one: the value that counts). */
function nodeAt(root: JsonNode, pointer: string): JsonNode | undefined {
  const segments = parsePointer(pointer);
  if (!segments) return undefined;
  let node: JsonNode | undefined = root;
  for (const segment of segments) {
    if (!node) return undefined;
    if (node.type === 'object') {
      const children: JsonNode[] = node.children ?? [];
      let found: JsonNode | undefined;
      for (let i = children.length - 1; i >= 0 && !found; i--) {
        const property = children[i];
        if (property?.children?.[0]?.value === segment) found = property.children[1];
      }
      node = found;
    } else if (node.type === 'array') {
      const index = arrayIndexOf(segment);
      node = index === undefined ? undefined : node.children?.[index];
    } else {
      return undefined;
    }
  }
  return node;
}

// ---------------------------------------------------------------------------------------------
// Value → model

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const KNOWN_KEYS: ReadonlySet<string> = new Set<KnownStatementKey>(KNOWN_STATEMENT_KEYS);

function stringListOf(value: JsonValue | undefined): StringList | undefined {
  if (typeof value === 'string') return { values: [value], single: true };
  if (Array.isArray(value) && value.every((item) => typeof item === 'string')) {
    return { values: value as readonly string[], single: false };
  }
  return undefined;
}

function isPrimitive(value: JsonValue): value is JsonPrimitive {
  return value === null || typeof value !== 'object';
}

function conditionEntriesOf(condition: JsonValue | undefined, statementPointer: string): ConditionEntry[] {
  if (!isJsonObject(condition)) return [];
  const entries: ConditionEntry[] = [];
  for (const operator of Object.keys(condition)) {
    const block = condition[operator];
    if (!isJsonObject(block)) continue;
    for (const key of Object.keys(block)) {
      const value = block[key] as JsonValue;
      const pointer = joinPointer(statementPointer, 'Condition', operator, key);
      if (isPrimitive(value)) {
        entries.push({ operator, key, values: [value], single: true, pointer });
      } else if (Array.isArray(value) && value.every(isPrimitive)) {
        entries.push({ operator, key, values: value as readonly JsonPrimitive[], single: false, pointer });
      }
    }
  }
  return entries;
}

/** A typed view of one statement object (lenient: wrong shapes leave the field absent). */
export function statementViewOf(raw: JsonObject, index: number, pointer: string): StatementView {
  const view: Partial<Mutable<StatementView>> & Pick<StatementView, 'index' | 'pointer' | 'raw'> = {
    index,
    pointer,
    raw,
  };
  const sid = getMember(raw, 'Sid');
  if (typeof sid === 'string') view.sid = sid;
  const effect = getMember(raw, 'Effect');
  if (typeof effect === 'string') view.effect = effect;
  const lists = [
    ['Action', 'action'],
    ['NotAction', 'notAction'],
    ['Resource', 'resource'],
    ['NotResource', 'notResource'],
  ] as const;
  for (const [key, field] of lists) {
    const list = stringListOf(getMember(raw, key));
    if (list) view[field] = list;
  }
  const principal = getMember(raw, 'Principal');
  if (principal !== undefined) view.principal = principal;
  const notPrincipal = getMember(raw, 'NotPrincipal');
  if (notPrincipal !== undefined) view.notPrincipal = notPrincipal;
  view.conditions = conditionEntriesOf(getMember(raw, 'Condition'), pointer);
  view.unknownKeys = Object.keys(raw).filter((key) => !KNOWN_KEYS.has(key));
  return view as StatementView;
}

/**
 * Builds the model of a JSON document without copying it (the caller must not mutate it later).
 * Used by parse, parseValue and by editors after an edit.
 */
export function buildModel(document: JsonValue): PolicyModel {
  const model: Mutable<PolicyModel> = { document, singleStatement: false, statements: [] };
  if (!isJsonObject(document)) return model;
  const version = getMember(document, 'Version');
  if (typeof version === 'string') model.version = version;
  const id = getMember(document, 'Id');
  if (typeof id === 'string') model.id = id;
  const statement = getMember(document, 'Statement');
  if (isJsonObject(statement)) {
    model.singleStatement = true;
    model.statements = [statementViewOf(statement, 0, '/Statement')];
  } else if (Array.isArray(statement)) {
    const views: StatementView[] = [];
    statement.forEach((item: JsonValue, index) => {
      if (isJsonObject(item)) views.push(statementViewOf(item, index, `/Statement/${index}`));
    });
    model.statements = views;
  }
  return model;
}
