/**
 * Wildcard patterns as IAM writes them: `*` matches any run of characters (also none),
 * `?` matches exactly one. Used for actions, ARNs and ARN templates. Pure and cached.
 */

const REGEX_CACHE_LIMIT = 20_000;
const sensitiveCache = new Map<string, RegExp>();
const insensitiveCache = new Map<string, RegExp>();
const includesSensitiveCache = new Map<string, RegExp>();
const includesInsensitiveCache = new Map<string, RegExp>();

export function hasWildcard(text: string): boolean {
  return text.includes('*') || text.includes('?');
}

function escapeRegex(text: string): string {
  return text.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

/** The pattern as an anchored regular expression (cached). */
export function globRegex(pattern: string, ignoreCase = false): RegExp {
  const cache = ignoreCase ? insensitiveCache : sensitiveCache;
  let regex = cache.get(pattern);
  if (regex === undefined) {
    let source = '';
    for (const char of pattern) {
      if (char === '*') source += '.*';
      else if (char === '?') source += '.';
      else source += escapeRegex(char);
    }
    regex = new RegExp(`^${source}$`, ignoreCase ? 'is' : 's');
    if (cache.size >= REGEX_CACHE_LIMIT) cache.clear();
    cache.set(pattern, regex);
  }
  return regex;
}

/** Does the pattern match this literal text? */
export function globMatches(pattern: string, text: string, ignoreCase = false): boolean {
  if (pattern === '*') return true;
  if (!hasWildcard(pattern)) {
    return ignoreCase ? pattern.toLowerCase() === text.toLowerCase() : pattern === text;
  }
  return globRegex(pattern, ignoreCase).test(text);
}

/**
 * Could some text match both patterns? Both sides may hold `*` and `?`.
 * Dynamic programming over (i, j) positions; O(|a| * |b|).
 */
export function globsIntersect(a: string, b: string): boolean {
  if (a === '*' || b === '*') return true;
  if (!hasWildcard(a)) return globMatches(b, a);
  if (!hasWildcard(b)) return globMatches(a, b);
  const n = a.length;
  const m = b.length;
  // reachable[i][j]: the prefixes a[0..i) and b[0..j) can produce a common text.
  let previous = new Uint8Array(m + 1);
  let current = new Uint8Array(m + 1);
  // Row i = 0.
  previous[0] = 1;
  for (let j = 1; j <= m; j++) previous[j] = previous[j - 1] === 1 && b[j - 1] === '*' ? 1 : 0;
  for (let i = 1; i <= n; i++) {
    const ca = a[i - 1];
    current.fill(0);
    current[0] = previous[0] === 1 && ca === '*' ? 1 : 0;
    for (let j = 1; j <= m; j++) {
      const cb = b[j - 1];
      let ok: boolean;
      if (ca === '*' || cb === '*') {
        // A star produces nothing more, or absorbs the other side's last token.
        ok = previous[j] === 1 || current[j - 1] === 1;
      } else {
        ok = previous[j - 1] === 1 && (ca === '?' || cb === '?' || ca === cb);
      }
      current[j] = ok ? 1 : 0;
    }
    [previous, current] = [current, previous];
  }
  return previous[m] === 1;
}

/**
 * Is every text matched by `inner` also matched by `outer`? Sound (never says yes wrongly)
 * and exact for the usual cases: `inner`'s `*` can only be covered by `outer`'s `*`, and its
 * `?` by `outer`'s `?` or `*`.
 */
export function globIncludes(outer: string, inner: string, ignoreCase = false): boolean {
  if (outer === '*') return true;
  if (!hasWildcard(inner)) return globMatches(outer, inner, ignoreCase);
  if (!hasWildcard(outer)) return false;
  const cache = ignoreCase ? includesInsensitiveCache : includesSensitiveCache;
  let regex = cache.get(outer);
  if (regex === undefined) {
    let source = '';
    for (const char of outer) {
      if (char === '*') source += '.*';
      else if (char === '?') source += '[^*]';
      else source += escapeRegex(char);
    }
    regex = new RegExp(`^${source}$`, ignoreCase ? 'is' : 's');
    if (cache.size >= REGEX_CACHE_LIMIT) cache.clear();
    cache.set(outer, regex);
  }
  return regex.test(inner);
}

/** Replaces policy variables `${...}` with `*` so a value can be matched as a pattern. */
export function variablesAsWildcards(text: string): string {
  if (!text.includes('${')) return text;
  return text.replace(/\$\{[^}]*\}/g, '*');
}
