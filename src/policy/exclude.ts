/**
 * Excluding one service from a policy ("import everything but S3").
 *
 * excludeService removes what names the service from the Allow statements:
 *  - Action entries whose service part is the service ("s3:GetObject", "S3:*", "s3:Get*", and
 *    names the catalog does not know, "s3:Retired") are removed; a statement left with no action is
 *    removed. A wildcard in the service part that matches only the service's actions ("?3:*" in a
 *    catalog where s3 is the only match) is removed too;
 *  - a wildcard that matches the service AND others ("*", "*:Get*", "s3*:List*") is kept and
 *    reported in a note, never silently: removing it would take the other services away, keeping
 *    it keeps the service. Two remedies: expandCrossServiceWildcards replaces such patterns by
 *    per-service patterns of the other services; addDenyForService adds an explicit Deny;
 *  - a NotAction statement ("everything except ...") gets "service:*" added to its NotAction.
 * Deny statements are left alone: a Deny also applies to the principal's other policies, so
 * removing it could allow more than before.
 *
 * What stays exact: every other catalog action the policy allowed is still allowed (with the same
 * resources and conditions), and with no note left, no action of the service is.
 */
import type { ActionSummary, CatalogView } from '../catalog/catalog';
import { compactActionSet } from './compact';
import type { WildcardPlacement } from './compact';
import { addStatement, setMember } from './edit';
import { actionKey, expandActionPattern, expandActions, hasWildcard, matchesPattern } from './expand';
import { actionElement, sameSet, statementObjects } from './grants';
import { getMember, isJsonObject } from './json';
import type { JsonObject, JsonValue } from './model';
import { dedupeValues } from './normalize';

export type ExcludeNote =
  | {
      /** a wildcard that matches actions of the service and of other services; it still allows the service */
      readonly kind: 'cross-service-pattern';
      /** index of the statement in the input document */
      readonly statementIndex: number;
      readonly pattern: string;
      /** how many actions of the excluded service the pattern matches */
      readonly matchedActions: number;
      /** how many actions of other services it matches */
      readonly otherActions: number;
    }
  | {
      readonly kind: 'entries-removed';
      readonly statementIndex: number;
      readonly entries: readonly string[];
    }
  | {
      /** the statement named only the service and was removed */
      readonly kind: 'statement-removed';
      readonly statementIndex: number;
    }
  | {
      /** a NotAction statement got "service:*" added to its NotAction */
      readonly kind: 'not-action-extended';
      readonly statementIndex: number;
      readonly added: string;
    }
  | {
      /** expandCrossServiceWildcards replaced a cross-service pattern */
      readonly kind: 'pattern-expanded';
      readonly statementIndex: number;
      readonly pattern: string;
      /** the per-service patterns written instead, one or more per other service */
      readonly replacement: readonly string[];
    };

export interface ExcludeResult {
  readonly document: JsonValue;
  readonly notes: readonly ExcludeNote[];
}

/** The service part of an entry when it is written literally ("S3:Get*" → "s3"); undefined for "*:Get*" or "*". */
function literalService(entry: string): string | undefined {
  const colon = entry.indexOf(':');
  if (colon < 0) return undefined;
  const service = entry.slice(0, colon);
  return hasWildcard(service) ? undefined : service.toLowerCase();
}

/** True when the entry matches "service:" followed by anything (e.g. "s3:*", "*", "s*"). */
function coversWholeService(entry: string, service: string): boolean {
  return entry.endsWith('*') && matchesPattern(entry, `${service}:`);
}

type Mode = 'note' | 'expand';

/**
 * The per-service replacement of a cross-service pattern for one other service: the pattern with
 * the service part written out when it has exactly one ":" (it then matches in that service
 * exactly what it matched before, today and later), else the compacted list of its matches.
 */
function perServiceReplacement(
  pattern: string,
  prefix: string,
  actions: readonly ActionSummary[],
  catalog: CatalogView,
  placement: WildcardPlacement,
): string[] {
  const colon = pattern.indexOf(':');
  if (colon >= 0 && pattern.indexOf(':', colon + 1) < 0) {
    const candidate = `${prefix}:${pattern.slice(colon + 1)}`;
    const matched = new Set(expandActionPattern(candidate, catalog).map(actionKey));
    if (sameSet(matched, new Set(actions.map(actionKey)))) return [candidate];
  }
  return compactActionSet(actions, catalog, placement);
}

function dedupe(values: readonly string[]): string[] {
  return dedupeValues(values, { caseInsensitive: true });
}

function rewrite(
  document: JsonValue,
  service: string,
  catalog: CatalogView,
  mode: Mode,
  placement: WildcardPlacement,
): ExcludeResult {
  const svc = service.toLowerCase();
  const notes: ExcludeNote[] = [];
  if (!isJsonObject(document)) return { document, notes };
  const statementValue = getMember(document, 'Statement');
  const entries: readonly JsonValue[] = Array.isArray(statementValue)
    ? statementValue
    : isJsonObject(statementValue)
      ? [statementValue]
      : [];
  if (entries.length === 0) return { document, notes };

  let changed = false;
  const output: JsonValue[] = [];
  entries.forEach((entry, statementIndex) => {
    if (!isJsonObject(entry) || getMember(entry, 'Effect') !== 'Allow') {
      output.push(entry);
      return;
    }
    const element = actionElement(entry);
    if (!element) {
      output.push(entry);
      return;
    }
    if (element.key === 'NotAction') {
      if (element.values.some((value) => coversWholeService(value, svc))) {
        output.push(entry);
        return;
      }
      const added = `${svc}:*`;
      output.push(setMember(entry, 'NotAction', [...element.values, added]));
      notes.push({ kind: 'not-action-extended', statementIndex, added });
      changed = true;
      return;
    }
    const kept: string[] = [];
    const removed: string[] = [];
    let expanded = false;
    for (const value of element.values) {
      const literal = literalService(value);
      if (literal === svc) {
        removed.push(value);
        continue;
      }
      if (literal !== undefined) {
        kept.push(value);
        continue;
      }
      const matched = expandActionPattern(value, catalog);
      const others = matched.filter((action) => action.service.toLowerCase() !== svc);
      const inService = matched.length - others.length;
      if (inService === 0) {
        kept.push(value);
      } else if (others.length === 0) {
        removed.push(value);
      } else if (mode === 'note') {
        kept.push(value);
        notes.push({
          kind: 'cross-service-pattern',
          statementIndex,
          pattern: value,
          matchedActions: inService,
          otherActions: others.length,
        });
      } else {
        const byService = new Map<string, ActionSummary[]>();
        for (const action of others) {
          const list = byService.get(action.service);
          if (list) list.push(action);
          else byService.set(action.service, [action]);
        }
        const replacement = [...byService].flatMap(([prefix, actions]) =>
          perServiceReplacement(value, prefix, actions, catalog, placement),
        );
        kept.push(...replacement);
        expanded = true;
        notes.push({ kind: 'pattern-expanded', statementIndex, pattern: value, replacement });
      }
    }
    if (removed.length === 0 && !expanded) {
      output.push(entry);
      return;
    }
    changed = true;
    if (removed.length > 0) notes.push({ kind: 'entries-removed', statementIndex, entries: removed });
    const values = dedupe(kept);
    if (values.length === 0) {
      notes.push({ kind: 'statement-removed', statementIndex });
      return;
    }
    if (mode === 'expand') {
      // The rewritten list must match exactly the old list's actions minus the service's.
      const before = expandActions(element.values, catalog)
        .filter((action) => action.service.toLowerCase() !== svc)
        .map(actionKey);
      const after = expandActions(values, catalog).map(actionKey);
      if (!sameSet(new Set(before), new Set(after))) {
        throw new Error(`expandCrossServiceWildcards: statement ${statementIndex} would not be equivalent`);
      }
    }
    const single = typeof getMember(entry, 'Action') === 'string' && values.length === 1;
    output.push(setMember(entry, 'Action', single ? (values[0] as string) : values));
  });
  if (!changed) return { document, notes };
  const single = isJsonObject(statementValue) && output.length === 1;
  return { document: setMember(document, 'Statement', single ? (output[0] as JsonValue) : output), notes };
}

/** Removes every permission of one service from the Allow statements (see the module comment). */
export function excludeService(document: JsonValue, service: string, catalog: CatalogView): ExcludeResult {
  return rewrite(document, service, catalog, 'note', 'any');
}

/**
 * excludeService, with each cross-service pattern replaced by per-service patterns of the other
 * services it matches ("*:Get*" → "a4b:Get*", "access-analyzer:Get*", ...; "*" → "a4b:*", ...).
 * Exact for the catalog at hand, minus the service; services the catalog does not know are lost
 * from such patterns (which allows less, never more).
 */
export function expandCrossServiceWildcards(
  document: JsonValue,
  service: string,
  catalog: CatalogView,
  options: { readonly wildcards?: WildcardPlacement } = {},
): ExcludeResult {
  return rewrite(document, service, catalog, 'expand', options.wildcards ?? 'any');
}

/** "access-analyzer" → "DenyAccessAnalyzer": a Sid (letters and digits only). */
function denySid(service: string): string {
  const words = service.split(/[^A-Za-z0-9]+/).filter((word) => word !== '');
  return 'Deny' + words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}

/**
 * Appends { Sid: "Deny<Service>", Effect: "Deny", Action: "<service>:*", Resource: "*" } (the Sid
 * made unique). Unlike not granting, an explicit Deny also overrides the principal's other
 * policies: the principal loses the service altogether.
 */
export function addDenyForService(document: JsonValue, service: string): JsonValue {
  const taken = new Set(
    statementObjects(document)
      .map((statement) => getMember(statement, 'Sid'))
      .filter((sid): sid is string => typeof sid === 'string'),
  );
  const base = denySid(service);
  let sid = base;
  for (let n = 2; taken.has(sid); n++) sid = `${base}${n}`;
  const statement: JsonObject = {
    Sid: sid,
    Effect: 'Deny',
    Action: `${service.toLowerCase()}:*`,
    Resource: '*',
  };
  return addStatement(document, statement);
}
