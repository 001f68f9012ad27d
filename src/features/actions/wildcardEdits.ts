/**
 * Edits that open up wildcards and keep whole access levels small, for the action picker. Pure.
 *
 *   - replaceByActions: a wildcard entry becomes the actions it matches today, named one by one;
 *   - allBut: a wildcard entry minus one action it matches, written as the fewest entries found
 *     that match exactly the others today (wildcards only between words, or the names themselves);
 *   - levelChoice / writeLevelWildcards: a whole access level as the explicit list or as a level-safe
 *     wildcard set, with the size of each.
 *
 * "Exactly" is today's catalog: a wildcard also matches actions AWS adds later whose names fit it.
 */
import type { ActionSummary, CatalogView } from '../../catalog/catalog';
import type { AccessLevel } from '../../catalog/types';
import { compactActionSet } from '../../policy/compact';
import { expandActions, hasWildcard, matchesPattern } from '../../policy/expand';
import {
  addPattern,
  compareEntries,
  isIncluded,
  readEntries,
  removeEntry,
  setActionsSelected,
} from './actionEntries';

/** The characters a list of entries takes in the policy as IAM counts it (a minified JSON array). */
export function listSize(entries: readonly string[]): number {
  return JSON.stringify(entries).length;
}

/** The service's actions that `pattern` ("s3:Get*") matches today, in catalog order. */
export function patternMatches(
  pattern: string,
  service: string,
  actions: readonly ActionSummary[],
): ActionSummary[] {
  const prefix = service.toLowerCase();
  return actions.filter((action) => matchesPattern(pattern, `${prefix}:${action.name}`));
}

/**
 * The fewest entries found that match exactly `names` ("service:Name") among today's actions:
 * prefix wildcards ("s3:GetObject*", "medialive:ListC*"), each over two names or more and never
 * reaching an action outside `names` (compactActionSet: between words when that is as short,
 * else anywhere); the names themselves when that is not shorter. Prefixes only, so a wildcard cut
 * out of "s3:Get*" stays inside it, today and for actions AWS adds later. Sorted.
 */
export function exactEntries(names: readonly string[], catalog: CatalogView): string[] {
  const sorted = [...names].sort(compareEntries);
  if (sorted.length <= 1) return sorted;
  const summaries = expandActions(sorted, catalog);
  if (summaries.length !== sorted.length) return sorted;
  let best = sorted;
  for (const placement of ['words', 'any'] as const) {
    const compact = compactActionSet(summaries, catalog, placement).sort(compareEntries);
    if (listSize(compact) < listSize(best)) best = compact;
  }
  return best;
}

/** `entries` added to the list: patterns with addPattern (they drop the names they cover), names selected. */
function withEntries(
  values: readonly string[],
  service: string,
  actions: readonly ActionSummary[],
  entries: readonly string[],
): string[] {
  let next = [...values];
  for (const entry of entries) {
    next = hasWildcard(entry)
      ? addPattern(next, service, actions, entry)
      : setActionsSelected(next, service, actions, [entry.slice(entry.indexOf(':') + 1)], true);
  }
  return next;
}

/** The list with `pattern` replaced by the actions it matches today (those no other entry includes). */
export function replaceByActions(
  values: readonly string[],
  service: string,
  actions: readonly ActionSummary[],
  pattern: string,
): string[] {
  const rest = removeEntry(values, pattern);
  const others = readEntries(rest, service, actions);
  const names = patternMatches(pattern, service, actions)
    .filter((action) => !isIncluded(others, action.name))
    .map((action) => action.name);
  return setActionsSelected(rest, service, actions, names, true);
}

export interface AllBut {
  /** the new list */
  readonly values: readonly string[];
  /** what the pattern became */
  readonly replacement: readonly string[];
  /** an entry that still includes the removed action, when one does */
  readonly stillIncludedBy?: string;
}

/**
 * The list with `pattern` rewritten to match every action it matches today but `name`: the
 * explicit list of the others, or fewer wildcards that match exactly them (exactEntries).
 */
export function allBut(
  values: readonly string[],
  service: string,
  actions: readonly ActionSummary[],
  pattern: string,
  name: string,
  catalog: CatalogView,
): AllBut {
  const prefix = service.toLowerCase();
  const removed = name.toLowerCase();
  const keep = patternMatches(pattern, service, actions)
    .filter((action) => action.name.toLowerCase() !== removed)
    .map((action) => `${prefix}:${action.name}`);
  const replacement = exactEntries(keep, catalog);
  const next = withEntries(removeEntry(values, pattern), service, actions, replacement);
  const after = readEntries(next, service, actions);
  const stillIncludedBy = after.explicit.has(removed)
    ? (actions.find((a) => a.name.toLowerCase() === removed)?.name ?? name)
    : after.coveredBy.get(removed);
  return stillIncludedBy === undefined
    ? { values: next, replacement }
    : { values: next, replacement, stillIncludedBy };
}

export interface LevelChoice {
  readonly level: AccessLevel;
  /** every action of the level, named one by one ("service:Name"), sorted */
  readonly explicit: readonly string[];
  readonly explicitSize: number;
  /** level-safe wildcards matching exactly the level's actions today */
  readonly wildcards: readonly string[];
  readonly wildcardSize: number;
}

/**
 * The two ways to write a whole access level: the explicit list, and a level-safe wildcard set
 * (shorter; today each wildcard matches actions of this level only). undefined when no wildcard
 * set is shorter than the list.
 */
export function levelChoice(
  level: AccessLevel,
  service: string,
  actions: readonly ActionSummary[],
  catalog: CatalogView,
): LevelChoice | undefined {
  const prefix = service.toLowerCase();
  const explicit = actions
    .filter((action) => action.accessLevel === level)
    .map((action) => `${prefix}:${action.name}`)
    .sort(compareEntries);
  if (explicit.length < 2) return undefined;
  const wildcards = exactEntries(explicit, catalog);
  const explicitSize = listSize(explicit);
  const wildcardSize = listSize(wildcards);
  if (wildcardSize >= explicitSize || !wildcards.some(hasWildcard)) return undefined;
  return { level, explicit, explicitSize, wildcards, wildcardSize };
}

/** The list with the level's actions written as `choice.wildcards` instead of one by one. */
export function writeLevelWildcards(
  values: readonly string[],
  service: string,
  actions: readonly ActionSummary[],
  choice: LevelChoice,
): string[] {
  const names = choice.explicit.map((entry) => entry.slice(entry.indexOf(':') + 1));
  const rest = setActionsSelected(values, service, actions, names, false);
  return withEntries(rest, service, actions, choice.wildcards);
}
