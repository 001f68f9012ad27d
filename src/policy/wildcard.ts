/**
 * IAM's wildcards, matched in linear time: `*` matches any run of characters (also none), `?`
 * exactly one, over the whole string. No regular expression is ever built from policy text, so no
 * input can backtrack: a pattern is cut at its stars into fixed-length segments, the first and the
 * last are anchored, and each middle one takes its leftmost place (greedy is exact for
 * star-separated segments). A segment without `?` is found with `indexOf`; one with `?` with the
 * bit-parallel shift-and search, O(text × ⌈segment / 32⌉).
 *
 * Case: action names compare case-insensitively, ARNs and most other values case-sensitively;
 * callers say which with `ignoreCase`.
 */

export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

/** Folds case one UTF-16 unit at a time, so positions never shift (unlike `toLowerCase` on İ). */
export function foldCase(text: string): string {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return text.toLowerCase();
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text[i] as string;
    const lower = unit.toLowerCase();
    out += lower.length === 1 ? lower : unit;
  }
  return out;
}

/**
 * How a pattern's characters meet the text's. `match`: the text is literal. `include`: the text
 * is itself a pattern and must be covered, so its `*` can only be met by a star of the pattern
 * (which never reaches a segment) and its `?` only by a `?` of the pattern.
 */
type Mode = 'match' | 'include';

/** Does `pattern` match all of `text`? */
export function wildcardMatch(pattern: string, text: string, ignoreCase = false): boolean {
  if (pattern === '*') return true;
  if (ignoreCase) {
    pattern = foldCase(pattern);
    text = foldCase(text);
  }
  if (!hasWildcard(pattern)) return pattern === text;
  return matchSegments(pattern, text, 'match');
}

/**
 * Is every text `inner` matches also matched by `outer`? Exact when `inner` is literal; for a
 * wildcard `inner` it is sound (never a wrong yes) and exact in the usual cases: `inner`'s `*`
 * can only be covered by a `*` of `outer`, its `?` by a `?` or a `*`.
 */
export function wildcardIncludes(outer: string, inner: string, ignoreCase = false): boolean {
  if (outer === '*') return true;
  if (!hasWildcard(inner)) return wildcardMatch(outer, inner, ignoreCase);
  if (!hasWildcard(outer)) return false;
  if (ignoreCase) {
    outer = foldCase(outer);
    inner = foldCase(inner);
  }
  return matchSegments(outer, inner, 'include');
}

/**
 * Could some text match both patterns? Dynamic programming over positions, O(|a| × |b|) time and
 * O(|b|) memory; callers bound the lengths (ARN templates are short).
 */
export function wildcardsIntersect(a: string, b: string, ignoreCase = false): boolean {
  if (a === '*' || b === '*') return true;
  if (ignoreCase) {
    a = foldCase(a);
    b = foldCase(b);
  }
  if (!hasWildcard(a)) return wildcardMatch(b, a);
  if (!hasWildcard(b)) return wildcardMatch(a, b);
  const n = a.length;
  const m = b.length;
  let previous = new Uint8Array(m + 1);
  let current = new Uint8Array(m + 1);
  previous[0] = 1;
  for (let j = 1; j <= m; j++) previous[j] = previous[j - 1] === 1 && b[j - 1] === '*' ? 1 : 0;
  for (let i = 1; i <= n; i++) {
    const ca = a[i - 1];
    current[0] = previous[0] === 1 && ca === '*' ? 1 : 0;
    for (let j = 1; j <= m; j++) {
      const cb = b[j - 1];
      let ok: boolean;
      if (ca === '*' || cb === '*') ok = previous[j] === 1 || current[j - 1] === 1;
      else ok = previous[j - 1] === 1 && (ca === '?' || cb === '?' || ca === cb);
      current[j] = ok ? 1 : 0;
    }
    [previous, current] = [current, previous];
  }
  return previous[m] === 1;
}

/** Does the text unit `t` meet the pattern unit `p` (never a star) at one position? */
function unitMeets(p: string, t: string, mode: Mode): boolean {
  if (p === '?') return mode === 'match' || t !== '*';
  return p === t && (mode === 'match' || (t !== '*' && t !== '?'));
}

function segmentMeetsAt(segment: string, text: string, at: number, mode: Mode): boolean {
  for (let k = 0; k < segment.length; k++) {
    if (!unitMeets(segment[k] as string, text[at + k] as string, mode)) return false;
  }
  return true;
}

function matchSegments(pattern: string, text: string, mode: Mode): boolean {
  const segments = pattern.split('*');
  if (segments.length === 1) {
    return pattern.length === text.length && segmentMeetsAt(pattern, text, 0, mode);
  }
  const first = segments[0] as string;
  const last = segments[segments.length - 1] as string;
  if (first.length + last.length > text.length) return false;
  if (!segmentMeetsAt(first, text, 0, mode)) return false;
  const end = text.length - last.length;
  if (!segmentMeetsAt(last, text, end, mode)) return false;
  let position = first.length;
  for (let s = 1; s < segments.length - 1; s++) {
    const segment = segments[s] as string;
    if (segment.length === 0) continue;
    const found = findSegment(segment, text, position, end, mode);
    if (found < 0) return false;
    position = found + segment.length;
  }
  return true;
}

/** The leftmost start of `segment` within text[from, to), or -1. */
function findSegment(segment: string, text: string, from: number, to: number, mode: Mode): number {
  if (to - from < segment.length) return -1;
  if (!segment.includes('?')) {
    // A literal segment holds neither `*` nor `?`, so in include mode too it can only meet equal
    // literal units: plain search is exact.
    const found = text.indexOf(segment, from);
    return found >= 0 && found + segment.length <= to ? found : -1;
  }
  return shiftAnd(segment, text, from, to, mode);
}

/** Bit-parallel search for a segment holding `?`: bit j of the state says segment[0..j] ends here. */
function shiftAnd(segment: string, text: string, from: number, to: number, mode: Mode): number {
  const m = segment.length;
  const words = (m + 31) >>> 5;
  const anyMask = new Uint32Array(words);
  const masks = new Map<string, Uint32Array>();
  for (let j = 0; j < m; j++) {
    if (segment[j] === '?') anyMask[j >>> 5]! |= 1 << (j & 31);
  }
  for (let j = 0; j < m; j++) {
    const unit = segment[j] as string;
    if (unit === '?' || masks.has(unit)) continue;
    const mask = anyMask.slice();
    for (let k = j; k < m; k++) if (segment[k] === unit) mask[k >>> 5]! |= 1 << (k & 31);
    masks.set(unit, mask);
  }
  const none = new Uint32Array(words);
  const lastWord = words - 1;
  const lastBit = 1 << ((m - 1) & 31);
  const state = new Uint32Array(words);
  for (let i = from; i < to; i++) {
    const unit = text[i] as string;
    // A text `*` (include mode) meets nothing in a segment; a text `?` meets only a `?`.
    const mask = mode === 'include' && unit === '*' ? none : (masks.get(unit) ?? anyMask);
    let carry = 1;
    for (let w = 0; w < words; w++) {
      const value = state[w] as number;
      const next = ((value << 1) | carry) & (mask[w] as number);
      carry = value >>> 31;
      state[w] = next;
    }
    if (((state[lastWord] as number) & lastBit) !== 0) return i - m + 1;
  }
  return -1;
}

/** Replaces policy variables `${...}` with `*` so a value can be matched as a pattern. */
export function variablesAsWildcards(text: string): string {
  if (!text.includes('${')) return text;
  return text.replace(/\$\{[^}]*\}/g, '*');
}
