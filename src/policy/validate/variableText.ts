/**
 * Policy variables in a value, handled in linear time (no regular expression over policy text:
 * `/\$\{[^}]*\}/g` rescans the rest of the text at every "${" that has no closing brace).
 */

/** Calls `onText` for the text between variables and `onVariable` for each "${...}" (its content). */
function scan(text: string, onText: (part: string) => void, onVariable: (content: string) => void): void {
  let from = 0;
  while (from < text.length) {
    const start = text.indexOf('${', from);
    if (start < 0) break;
    const end = text.indexOf('}', start + 2);
    if (end < 0) break; // no closing brace here, so none later either: the rest is text
    onText(text.slice(from, start));
    onVariable(text.slice(start + 2, end));
    from = end + 1;
  }
  onText(text.slice(from));
}

/** Replaces each policy variable `${...}` with `*`, so a value can be matched as a pattern. */
export function variablesAsWildcards(text: string): string {
  if (!text.includes('${')) return text;
  let out = '';
  scan(
    text,
    (part) => (out += part),
    () => (out += '*'),
  );
  return out;
}

/** The text outside `${...}` variables. */
export function outsideVariables(text: string): string {
  if (!text.includes('${')) return text;
  let out = '';
  scan(
    text,
    (part) => (out += part),
    () => undefined,
  );
  return out;
}

/**
 * True when the value holds a real wildcard: a `*` or `?` outside variables. The escapes `${*}`
 * and `${?}` are literal characters, not wildcards.
 */
export function hasWildcardOutsideVariables(text: string): boolean {
  const outside = outsideVariables(text);
  return outside.includes('*') || outside.includes('?');
}

/** True when the value holds a variable other than the escapes `${*}`, `${?}`, `${$}`. */
export function hasRealVariable(text: string): boolean {
  if (!text.includes('${')) return false;
  let found = false;
  scan(
    text,
    () => undefined,
    (content) => {
      if (content !== '*' && content !== '?' && content !== '$') found = true;
    },
  );
  return found;
}
