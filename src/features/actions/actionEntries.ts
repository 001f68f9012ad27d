/**
 * The entries of one block's Action (or NotAction) list, seen from the block's service, and the
 * edits the action picker makes to them. Pure.
 *
 * An entry is one of:
 *   - a plain action of the service that the catalog knows ("s3:GetObject", any case): shown as a
 *     checked box and rewritten in canonical case on the next edit;
 *   - a wildcard pattern of the service ("s3:Get*", "s3:*"): shown as a removable chip; the
 *     actions it matches show as checked and disabled ("covered by s3:Get*");
 *   - anything else (an action name the catalog does not know): kept exactly as written.
 */
import type { ActionSummary } from '../../catalog/catalog';
import { hasWildcard, matchesPattern } from '../../policy/expand';

export interface ActionEntries {
  /** lower-case names of the service's catalog actions the list names one by one */
  readonly explicit: ReadonlySet<string>;
  /** wildcard entries of the service, as written, in list order */
  readonly patterns: readonly string[];
  /** entries that are neither (unknown names), as written */
  readonly others: readonly string[];
  /** the "<prefix>:*" entry as written, when the list has one */
  readonly allPattern?: string;
  /** lower-case action name → the first pattern that matches it */
  readonly coveredBy: ReadonlyMap<string, string>;
}

function splitEntry(entry: string): { prefix: string; name: string } | undefined {
  const colon = entry.indexOf(':');
  if (colon <= 0) return undefined;
  return { prefix: entry.slice(0, colon).toLowerCase(), name: entry.slice(colon + 1) };
}

/** Sorts entries as IAM authors expect: case-insensitive, then by exact text. */
export function compareEntries(a: string, b: string): number {
  const la = a.toLowerCase();
  const lb = b.toLowerCase();
  if (la !== lb) return la < lb ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Reads a block's list against its service's catalog actions. */
export function readEntries(
  values: readonly string[],
  service: string,
  actions: readonly ActionSummary[],
): ActionEntries {
  const prefix = service.toLowerCase();
  const known = new Set(actions.map((a) => a.name.toLowerCase()));
  const explicit = new Set<string>();
  const patterns: string[] = [];
  const patternKeys = new Set<string>();
  const others = new Set<string>();
  let allPattern: string | undefined;
  for (const value of values) {
    const parts = splitEntry(value);
    if (parts && parts.prefix === prefix && hasWildcard(parts.name)) {
      const lower = value.toLowerCase();
      if (!patternKeys.has(lower)) {
        patternKeys.add(lower);
        patterns.push(value);
      }
      if (parts.name === '*') allPattern ??= value;
    } else if (parts && parts.prefix === prefix && known.has(parts.name.toLowerCase())) {
      explicit.add(parts.name.toLowerCase());
    } else {
      others.add(value);
    }
  }
  const coveredBy = new Map<string, string>();
  if (patterns.length > 0) {
    for (const action of actions) {
      const key = `${prefix}:${action.name}`;
      const pattern = patterns.find((p) => matchesPattern(p, key));
      if (pattern !== undefined) coveredBy.set(action.name.toLowerCase(), pattern);
    }
  }
  return { explicit, patterns, others: [...others], allPattern, coveredBy };
}

/** True when the list grants (or, for NotAction, excludes) the action: named or covered. */
export function isIncluded(entries: ActionEntries, name: string): boolean {
  const key = name.toLowerCase();
  return entries.explicit.has(key) || entries.coveredBy.has(key);
}

/** Writes the list: kept entries as they are, named actions in canonical case, all sorted. */
function write(
  kept: readonly string[],
  explicit: ReadonlySet<string>,
  service: string,
  actions: readonly ActionSummary[],
): string[] {
  const prefix = service.toLowerCase();
  const named = actions.filter((a) => explicit.has(a.name.toLowerCase())).map((a) => `${prefix}:${a.name}`);
  return [...new Set([...kept, ...named])].sort(compareEntries);
}

/**
 * The list with the named actions selected (true) or not (false). Names are matched without
 * regard to case; names the catalog does not know are ignored. Patterns and unknown entries stay.
 */
export function setActionsSelected(
  values: readonly string[],
  service: string,
  actions: readonly ActionSummary[],
  names: readonly string[],
  selected: boolean,
): string[] {
  const entries = readEntries(values, service, actions);
  const explicit = new Set(entries.explicit);
  for (const name of names) {
    if (selected) explicit.add(name.toLowerCase());
    else explicit.delete(name.toLowerCase());
  }
  return write([...entries.patterns, ...entries.others], explicit, service, actions);
}

/**
 * The list with one more pattern. Actions the pattern covers are no longer listed one by one
 * (they would be redundant); "<prefix>:*" replaces every other entry of the service.
 * Adding a pattern that is already there (in any case) changes nothing. Entries of other services
 * stay as they are.
 */
export function addPattern(
  values: readonly string[],
  service: string,
  actions: readonly ActionSummary[],
  pattern: string,
): string[] {
  const entries = readEntries(values, service, actions);
  if (entries.patterns.some((p) => p.toLowerCase() === pattern.toLowerCase())) return [...values];
  const parts = splitEntry(pattern);
  // "<prefix>:*" covers every entry of the service; entries of other services (a statement that
  // names several) stay
  if (parts?.name === '*') return [...entries.others.filter((e) => splitEntry(e)?.prefix !== service.toLowerCase()), pattern].sort(compareEntries);
  const explicit = new Set(
    [...entries.explicit].filter((name) => !matchesPattern(pattern, `${service}:${name}`)),
  );
  return write([...entries.patterns, pattern, ...entries.others], explicit, service, actions);
}

/** The entries of a list that belong to the service (named with its prefix, any case). */
export function isEntryOf(entry: string, service: string): boolean {
  return splitEntry(entry)?.prefix === service.toLowerCase();
}

/** The list without one entry (exact text). */
export function removeEntry(values: readonly string[], entry: string): string[] {
  return values.filter((v) => v !== entry);
}

/** A pattern the user typed, made into an entry of the service: "Get*" → "s3:Get*". */
export type PatternInput =
  | {
      readonly ok: true;
      readonly entry: string;
      readonly wildcard: boolean;
      readonly matches: readonly ActionSummary[];
    }
  | { readonly ok: false; readonly message: string };

/** Reads the "Add actions by pattern" field. Empty input gives undefined. */
export function readPatternInput(
  input: string,
  service: string,
  actions: readonly ActionSummary[],
): PatternInput | undefined {
  const text = input.trim();
  if (text === '') return undefined;
  const prefix = service.toLowerCase();
  let name = text;
  const colon = text.indexOf(':');
  if (colon >= 0) {
    const typed = text.slice(0, colon).toLowerCase();
    if (typed !== prefix) {
      return {
        ok: false,
        message: `This block is for ${prefix}; add ${typed || 'other'} actions in another block.`,
      };
    }
    name = text.slice(colon + 1);
  }
  if (name === '') return { ok: false, message: `Type an action name or a pattern after "${prefix}:".` };
  if (!/^[A-Za-z0-9*?]+$/.test(name)) {
    return {
      ok: false,
      message: 'An action pattern has letters, digits, * (any run) and ? (one character).',
    };
  }
  const wildcard = hasWildcard(name);
  const matches = actions.filter((a) => matchesPattern(`${prefix}:${name}`, `${prefix}:${a.name}`));
  if (matches.length === 0) return { ok: false, message: `Matches no ${prefix} action.` };
  const first = matches[0];
  const entry = !wildcard && first ? `${prefix}:${first.name}` : `${prefix}:${name}`;
  return { ok: true, entry, wildcard, matches };
}
