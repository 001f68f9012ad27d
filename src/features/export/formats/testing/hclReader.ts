/**
 * A reader for exactly the HCL subset terraform.ts writes, for tests: blocks with string labels,
 * attributes, and expressions made of quoted strings, numbers (with unary minus), true, false,
 * null, tuples, objects, function calls and attribute traversals (a.b.c).
 *
 * Quoted strings follow HCL's template rules: `$${` reads as `${`, `%%{` as `%{`, a lone `$` or
 * `%` as itself; `${` and `%{` start an interpolation or directive, which this reader refuses (so a
 * test fails if an exporter forgets to escape one). Escapes: \n \r \t \" \\ \uNNNN \UNNNNNNNN.
 */
import type { JsonValue } from '../../../../policy/model';
import { defineMember } from '../../../../policy/json';

export interface HclCall {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly HclExpr[];
}
export interface HclTraversal {
  readonly kind: 'traversal';
  readonly path: string;
}
export type HclExpr =
  JsonValue | HclCall | HclTraversal | readonly HclExpr[] | { readonly [key: string]: HclExpr };

export interface HclBlock {
  readonly type: string;
  readonly labels: readonly string[];
  /** attributes in source order */
  readonly attributes: Readonly<Record<string, HclExpr>>;
  readonly blocks: readonly HclBlock[];
}

export class HclSyntaxError extends Error {}

export function isCall(value: unknown): value is HclCall {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'call' &&
    'args' in value
  );
}

export function isTraversal(value: unknown): value is HclTraversal {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'traversal' &&
    'path' in value
  );
}

const IDENT = /[A-Za-z_][A-Za-z0-9_-]*/y;
const NUMBER = /[0-9]+(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;

class Reader {
  private pos = 0;

  constructor(private readonly text: string) {}

  fail(message: string): never {
    const before = this.text.slice(0, this.pos);
    const line = before.split('\n').length;
    const column = this.pos - before.lastIndexOf('\n');
    throw new HclSyntaxError(`${message} at line ${line}, column ${column}`);
  }

  /** Skips spaces and comments; newlines too when `newlines`. */
  skip(newlines: boolean): void {
    for (;;) {
      const ch = this.text.charAt(this.pos);
      if (ch === ' ' || ch === '\t' || (newlines && (ch === '\n' || ch === '\r'))) this.pos++;
      else if (ch === '#')
        while (this.pos < this.text.length && this.text.charAt(this.pos) !== '\n') this.pos++;
      else return;
    }
  }

  peek(): string {
    return this.text.charAt(this.pos);
  }

  expect(ch: string): void {
    if (this.text.charAt(this.pos) !== ch)
      this.fail(`Expected ${JSON.stringify(ch)}, found ${JSON.stringify(this.peek())}`);
    this.pos++;
  }

  /** At least one newline (or the end of the text). */
  endOfLine(): void {
    this.skip(false);
    if (this.pos >= this.text.length) return;
    if (this.peek() !== '\n' && this.peek() !== '\r') this.fail('Expected a newline');
    this.skip(true);
  }

  ident(): string {
    IDENT.lastIndex = this.pos;
    const match = IDENT.exec(this.text);
    if (!match) this.fail('Expected an identifier');
    this.pos += match[0].length;
    return match[0];
  }

  string(): string {
    this.expect('"');
    let out = '';
    for (;;) {
      if (this.pos >= this.text.length) this.fail('Unterminated string');
      const ch = this.text.charAt(this.pos);
      const next = this.text.charAt(this.pos + 1);
      if (ch === '"') {
        this.pos++;
        return out;
      }
      if (ch === '\n' || ch === '\r') this.fail('Newline in a quoted string');
      if (ch === '\\') {
        const escapes: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' };
        const simple = escapes[next];
        if (simple !== undefined) {
          out += simple;
          this.pos += 2;
        } else if (next === 'u' || next === 'U') {
          const digits = next === 'u' ? 4 : 8;
          const hex = this.text.slice(this.pos + 2, this.pos + 2 + digits);
          if (!new RegExp(`^[0-9A-Fa-f]{${digits}}$`).test(hex)) this.fail('Invalid unicode escape');
          out += String.fromCodePoint(parseInt(hex, 16));
          this.pos += 2 + digits;
        } else {
          this.fail(`Invalid escape \\${next}`);
        }
        continue;
      }
      if (ch === '$' || ch === '%') {
        if (next === '{')
          this.fail(ch === '$' ? 'Template interpolation ${...}' : 'Template directive %{...}');
        if (next === ch && this.text.charAt(this.pos + 2) === '{') {
          out += ch + '{';
          this.pos += 3;
          continue;
        }
      }
      out += ch;
      this.pos++;
    }
  }

  expression(): HclExpr {
    this.skip(false);
    const ch = this.peek();
    if (ch === '"') return this.string();
    if (ch === '[') return this.tuple();
    if (ch === '{') return this.object();
    if (ch === '-') {
      this.pos++;
      const value = this.expression();
      if (typeof value !== 'number') this.fail('Unary minus on a non-number');
      return -value;
    }
    if (/[0-9]/.test(ch)) {
      NUMBER.lastIndex = this.pos;
      const match = NUMBER.exec(this.text);
      if (!match) this.fail('Invalid number');
      this.pos += match[0].length;
      return Number(match[0]);
    }
    const name = this.ident();
    if (name === 'true') return true;
    if (name === 'false') return false;
    if (name === 'null') return null;
    if (this.peek() === '(') {
      this.pos++;
      const args: HclExpr[] = [];
      this.skip(true);
      while (this.peek() !== ')') {
        args.push(this.expression());
        this.skip(true);
        if (this.peek() === ',') {
          this.pos++;
          this.skip(true);
        } else if (this.peek() !== ')') this.fail('Expected "," or ")"');
      }
      this.pos++;
      return { kind: 'call', name, args };
    }
    let path = name;
    while (this.peek() === '.') {
      this.pos++;
      path += '.' + this.ident();
    }
    return { kind: 'traversal', path };
  }

  tuple(): HclExpr[] {
    this.expect('[');
    const items: HclExpr[] = [];
    this.skip(true);
    while (this.peek() !== ']') {
      items.push(this.expression());
      this.skip(true);
      if (this.peek() === ',') {
        this.pos++;
        this.skip(true);
      } else if (this.peek() !== ']') this.fail('Expected "," or "]"');
    }
    this.pos++;
    return items;
  }

  object(): Record<string, HclExpr> {
    this.expect('{');
    const result: Record<string, HclExpr> = {};
    this.skip(true);
    while (this.peek() !== '}') {
      const key = this.peek() === '"' ? this.string() : this.ident();
      if (Object.prototype.hasOwnProperty.call(result, key))
        this.fail(`Duplicate key ${JSON.stringify(key)}`);
      this.skip(false);
      this.expect('=');
      defineMember(result, key, this.expression());
      this.skip(false);
      if (this.peek() === ',') {
        this.pos++;
        this.skip(true);
      } else if (this.peek() !== '}') this.endOfLine();
    }
    this.pos++;
    return result;
  }

  body(closing: boolean): { attributes: Record<string, HclExpr>; blocks: HclBlock[] } {
    const attributes: Record<string, HclExpr> = {};
    const blocks: HclBlock[] = [];
    this.skip(true);
    while (closing ? this.peek() !== '}' : this.pos < this.text.length) {
      if (this.pos >= this.text.length) this.fail('Unexpected end of text');
      const name = this.ident();
      this.skip(false);
      if (this.peek() === '=') {
        this.pos++;
        if (Object.prototype.hasOwnProperty.call(attributes, name)) this.fail(`Duplicate attribute ${name}`);
        defineMember(attributes, name, this.expression());
      } else {
        const labels: string[] = [];
        while (this.peek() === '"') {
          labels.push(this.string());
          this.skip(false);
        }
        this.expect('{');
        this.endOfLine();
        const inner = this.body(true);
        this.expect('}');
        blocks.push({ type: name, labels, ...inner });
      }
      this.endOfLine();
    }
    return { attributes, blocks };
  }
}

/** Reads an HCL file of the subset; throws HclSyntaxError with a line and column. */
export function readHcl(text: string): HclBlock[] {
  const reader = new Reader(text);
  const { attributes, blocks } = reader.body(false);
  if (Object.keys(attributes).length > 0) reader.fail('Attributes at the top level');
  return blocks;
}

/** Evaluates a jsonencode argument to the JSON value Terraform would encode (refusing calls and references). */
export function hclToJson(expr: HclExpr): JsonValue {
  if (expr === null || typeof expr !== 'object') return expr;
  if (isCall(expr) || isTraversal(expr)) throw new HclSyntaxError('Not a constant expression');
  if (Array.isArray(expr)) return expr.map((item: HclExpr) => hclToJson(item));
  const result: Record<string, JsonValue> = {};
  const object = expr as Readonly<Record<string, HclExpr>>;
  for (const key of Object.keys(object)) defineMember(result, key, hclToJson(object[key] ?? null));
  return result;
}

/** What Terraform's jsonencode produces for a value: object keys in lexical order. */
export function terraformJsonencode(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item: JsonValue) => terraformJsonencode(item)).join(',')}]`;
  const object = value as Readonly<Record<string, JsonValue>>;
  const keys = Object.keys(object).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${terraformJsonencode(object[key] ?? null)}`).join(',')}}`;
}
