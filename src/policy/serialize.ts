/**
 * PolicyModel / document → text. Writes `document` exactly: key order, string-versus-array form,
 * numbers and booleans as they are. No normalisation happens here (see normalize.ts).
 *
 * Pretty output matches the AWS console and JSON.stringify(document, null, 4): one member or
 * element per line, `"key": value`, empty objects and arrays as `{}` and `[]`.
 * Numbers JSON cannot write are written so that they read back the same: -0 as "-0",
 * ±Infinity as "1e999"/"-1e999" (JSON.parse reads both back); NaN as null.
 */
import type { JsonValue, PolicyModel } from './model';

export type SerializeFormat = 'pretty' | 'minified';

export interface SerializeOptions {
  /** 'pretty' (default) or 'minified' (no whitespace at all) */
  readonly format?: SerializeFormat;
  /** spaces per level for 'pretty' (default 4, clamped to 1..10) */
  readonly indent?: number;
}

export const DEFAULT_INDENT = 4;

/** True for a PolicyModel (as opposed to a bare document that happens to be an object). */
export function isPolicyModel(value: unknown): value is PolicyModel {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const candidate = value as Partial<Record<keyof PolicyModel, unknown>>;
  return (
    Object.prototype.hasOwnProperty.call(value, 'document') &&
    Array.isArray(candidate.statements) &&
    typeof candidate.singleStatement === 'boolean' &&
    Object.keys(value).every((key) => MODEL_KEYS.has(key))
  );
}

const MODEL_KEYS: ReadonlySet<string> = new Set([
  'document',
  'version',
  'id',
  'singleStatement',
  'statements',
]);

/** Writes a model's document (or a bare document) as JSON text. */
export function serialize(input: PolicyModel | JsonValue, options: SerializeOptions = {}): string {
  const document = isPolicyModel(input) ? input.document : (input as JsonValue);
  return serializeDocument(document, options);
}

/** Writes a document as JSON text (no model detection). */
export function serializeDocument(document: JsonValue, options: SerializeOptions = {}): string {
  if (options.format === 'minified') return writeMinified(document);
  const indent = Math.min(10, Math.max(1, Math.floor(options.indent ?? DEFAULT_INDENT)));
  return writePretty(document, ' '.repeat(indent), '');
}

function writeNumber(value: number): string {
  if (Object.is(value, -0)) return '-0';
  if (Number.isFinite(value)) return String(value);
  if (Number.isNaN(value)) return 'null';
  return value > 0 ? '1e999' : '-1e999';
}

function writeScalar(value: JsonValue): string | undefined {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return writeNumber(value);
    case 'boolean':
      return value ? 'true' : 'false';
    default:
      return undefined;
  }
}

function writeMinified(value: JsonValue): string {
  const scalar = writeScalar(value);
  if (scalar !== undefined) return scalar;
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      out += writeMinified(value[i] ?? null);
    }
    return out + ']';
  }
  const object = value as Readonly<Record<string, JsonValue>>;
  let out = '{';
  let first = true;
  for (const key of Object.keys(object)) {
    if (!first) out += ',';
    first = false;
    out += JSON.stringify(key) + ':' + writeMinified(object[key] ?? null);
  }
  return out + '}';
}

function writePretty(value: JsonValue, unit: string, indent: string): string {
  const scalar = writeScalar(value);
  if (scalar !== undefined) return scalar;
  const inner = indent + unit;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      out += (i > 0 ? ',\n' : '\n') + inner + writePretty(value[i] ?? null, unit, inner);
    }
    return out + '\n' + indent + ']';
  }
  const object = value as Readonly<Record<string, JsonValue>>;
  const keys = Object.keys(object);
  if (keys.length === 0) return '{}';
  let out = '{';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    out +=
      (i > 0 ? ',\n' : '\n') +
      inner +
      JSON.stringify(key) +
      ': ' +
      writePretty(object[key] ?? null, unit, inner);
  }
  return out + '\n' + indent + '}';
}
