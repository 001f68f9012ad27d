/**
 * Policy variables in Resource, NotResource and the values of String and ARN conditions:
 * "${aws:username}", "${aws:PrincipalTag/team, 'none'}" (a default, used when the key is absent),
 * and the escapes "${*}", "${?}", "${$}" for a literal "*", "?" and "$".
 *
 * Variables exist only in policies whose Version is "2012-10-17"; elsewhere "${...}" is plain
 * text. A value holding a variable whose key is absent (or multivalued: multivalued keys cannot be
 * variables) and which has no default resolves to null: that value matches nothing.
 *
 * Pattern mode (StringLike, ArnLike, Resource): the policy's own "*" and "?" stay wildcards, while
 * the escapes and every character a variable brings in are literal. Literal "*" and "?" are
 * written as two private-use characters, and `patternMatch` maps the text's "*" and "?" to the same
 * characters, so the linear-time matcher in ../wildcard.ts needs no escaping.
 */
import { foldCase, wildcardMatch } from '../wildcard';

/** Stand-ins for a literal "*" and "?" inside a resolved pattern. */
export const LITERAL_STAR = '\uE000';
export const LITERAL_QUESTION = '\uE001';

type Part =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'special'; readonly char: '*' | '?' | '$' }
  | {
      readonly kind: 'variable';
      /** folded for lookup */
      readonly key: string;
      readonly fallback: string | undefined;
    };

export interface Template {
  readonly source: string;
  /** set when the text holds no variable and no escape: the value as is */
  readonly constant: string | undefined;
  readonly parts: readonly Part[];
}

/** How the evaluator reads the request context: folded key → values, undefined when absent. */
export type ContextLookup = (foldedKey: string) => readonly string[] | undefined;

const VARIABLE_NAME = /^[^\s,]+$/;
const QUOTED_DEFAULT = /^'([^']*)'$/;

/** Parses `text` into a template; with `enabled` false (Version not 2012-10-17) it is constant. */
export function compileTemplate(text: string, enabled: boolean): Template {
  if (!enabled || !text.includes('${')) return { source: text, constant: text, parts: [] };
  const parts: Part[] = [];
  let from = 0;
  let literal = '';
  for (;;) {
    const start = text.indexOf('${', from);
    const end = start < 0 ? -1 : text.indexOf('}', start + 2);
    if (start < 0 || end < 0) {
      literal += text.slice(from);
      break;
    }
    const content = text.slice(start + 2, end);
    const part = variablePart(content);
    if (part === undefined) {
      // Not a variable (e.g. "${}" or a malformed default): keep the text as written.
      literal += text.slice(from, end + 1);
    } else {
      literal += text.slice(from, start);
      if (literal !== '') parts.push({ kind: 'text', text: literal });
      literal = '';
      parts.push(part);
    }
    from = end + 1;
  }
  if (literal !== '') parts.push({ kind: 'text', text: literal });
  if (parts.every((p) => p.kind === 'text')) return { source: text, constant: text, parts: [] };
  return { source: text, constant: undefined, parts };
}

function variablePart(content: string): Part | undefined {
  if (content === '*' || content === '?' || content === '$') return { kind: 'special', char: content };
  const comma = content.indexOf(',');
  const name = comma >= 0 ? content.slice(0, comma) : content;
  if (!VARIABLE_NAME.test(name)) return undefined;
  let fallback: string | undefined;
  if (comma >= 0) {
    const quoted = QUOTED_DEFAULT.exec(content.slice(comma + 1).trim());
    if (quoted === null) return undefined;
    fallback = quoted[1];
  }
  return { kind: 'variable', key: foldCase(name), fallback };
}

/** The single value a variable takes, or undefined when it has none. */
function variableValue(key: string, lookup: ContextLookup): string | undefined {
  const values = lookup(key);
  return values !== undefined && values.length === 1 ? values[0] : undefined;
}

function literalInPattern(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    out += c === '*' ? LITERAL_STAR : c === '?' ? LITERAL_QUESTION : c;
  }
  return out;
}

/**
 * The template's text for this request; null when a variable has no value and no default.
 * `pattern`: the result is a wildcard pattern for `patternMatch` (see the file comment).
 */
export function resolveTemplate(template: Template, lookup: ContextLookup, pattern: boolean): string | null {
  if (template.constant !== undefined) return template.constant;
  let out = '';
  for (const part of template.parts) {
    if (part.kind === 'text') {
      out += part.text;
    } else if (part.kind === 'special') {
      out += pattern && part.char !== '$' ? literalInPattern(part.char) : part.char;
    } else {
      const value = variableValue(part.key, lookup) ?? part.fallback;
      if (value === undefined) return null;
      out += pattern ? literalInPattern(value) : value;
    }
  }
  return out;
}

function hasLiteralMarks(pattern: string): boolean {
  return pattern.includes(LITERAL_STAR) || pattern.includes(LITERAL_QUESTION);
}

/** Matches a resolved pattern against text with IAM's wildcards (linear time, no RegExp). */
export function patternMatch(pattern: string, text: string, ignoreCase = false): boolean {
  if (hasLiteralMarks(pattern)) text = literalInPattern(text);
  return wildcardMatch(pattern, text, ignoreCase);
}
