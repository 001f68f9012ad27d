/**
 * Differences between two versions of a policy, for "keep it current": statements imported from
 * an AWS managed policy compared with the policy's latest version.
 *
 * diffActions compares what the two documents allow (actionsAllowed: expanded catalog actions,
 * resources and conditions not looked at). statementDiff compares them statement by statement at
 * the level of the Action / NotAction entries as written.
 */
import type { ActionSummary, CatalogView } from '../catalog/catalog';
import { actionKey, actionsAllowed, expandActions } from './expand';
import { actionElement, canonicalJson, statementContext, statementObjects } from './grants';
import { getMember } from './json';
import type { JsonObject, JsonValue } from './model';
import { buildModel } from './parse';

export interface ActionsDiff {
  /** actions the new document allows and the old one does not, "service:Action" in catalog case, sorted */
  readonly added: readonly string[];
  /** actions the old document allows and the new one does not */
  readonly removed: readonly string[];
}

const names = new WeakMap<readonly ActionSummary[], Map<string, string>>();

/** lower-cased key → "service:Action" in catalog case */
function canonicalNames(catalog: CatalogView): Map<string, string> {
  let map = names.get(catalog.allActions);
  if (!map) {
    map = new Map();
    for (const action of catalog.allActions) {
      const key = actionKey(action);
      if (!map.has(key)) map.set(key, `${action.service}:${action.name}`);
    }
    names.set(catalog.allActions, map);
  }
  return map;
}

function difference(a: ReadonlySet<string>, b: ReadonlySet<string>, catalog: CatalogView): string[] {
  const canonical = canonicalNames(catalog);
  const result: string[] = [];
  for (const key of a) if (!b.has(key)) result.push(canonical.get(key) ?? key);
  return result.sort((x, y) => {
    const l = x.toLowerCase();
    const r = y.toLowerCase();
    return l < r ? -1 : l > r ? 1 : 0;
  });
}

/** The actions allowed by one document and not the other (see actionsAllowed for what counts). */
export function diffActions(
  oldDocument: JsonValue,
  newDocument: JsonValue,
  catalog: CatalogView,
): ActionsDiff {
  const before = actionsAllowed(buildModel(oldDocument), catalog);
  const after = actionsAllowed(buildModel(newDocument), catalog);
  return { added: difference(after, before, catalog), removed: difference(before, after, catalog) };
}

export type StatementDiffStatus = 'unchanged' | 'changed' | 'added' | 'removed';

export interface StatementDiff {
  readonly status: StatementDiffStatus;
  /** index among the old document's statement objects (absent for an added statement) */
  readonly oldIndex?: number;
  /** index among the new document's statement objects (absent for a removed statement) */
  readonly newIndex?: number;
  /** the Sid (the new statement's, else the old one's), when it has one */
  readonly sid?: string;
  /** entries of Action (or NotAction) in the new statement and not in the old, as written (case-insensitive) */
  readonly addedEntries: readonly string[];
  /** entries in the old statement and not in the new */
  readonly removedEntries: readonly string[];
  /** true when something besides the entries differs: Effect, Resource, Condition, Action versus NotAction, ... */
  readonly otherChanges: boolean;
  /** with a catalog: catalog actions the new statement names and the old does not ("service:Action") */
  readonly addedActions?: readonly string[];
  /** with a catalog: catalog actions the old statement names and the new does not */
  readonly removedActions?: readonly string[];
}

interface Side {
  readonly statement: JsonObject;
  readonly index: number;
  readonly sid: string | undefined;
  readonly context: string;
  readonly key: string | undefined;
  /** lower-cased entry → entry as written */
  readonly entries: Map<string, string>;
}

function sideOf(statement: JsonObject, index: number): Side {
  const element = actionElement(statement);
  const sid = getMember(statement, 'Sid');
  const entries = new Map<string, string>();
  for (const value of element?.values ?? [])
    if (!entries.has(value.toLowerCase())) entries.set(value.toLowerCase(), value);
  return {
    statement,
    index,
    sid: typeof sid === 'string' && sid !== '' ? sid : undefined,
    context: statementContext(statement),
    key: element?.key,
    entries,
  };
}

function overlap(a: Side, b: Side): number {
  let count = 0;
  for (const key of a.entries.keys()) if (b.entries.has(key)) count++;
  return count;
}

function namedKeys(statement: JsonObject, catalog: CatalogView): Set<string> {
  const element = actionElement(statement);
  if (!element) return new Set();
  const matched = new Set(expandActions(element.values, catalog).map(actionKey));
  if (element.key === 'Action') return matched;
  return new Set(catalog.allActions.map(actionKey).filter((key) => !matched.has(key)));
}

/**
 * Pairs the statements of two documents and lists the entry changes of each pair. Statements are
 * paired by Sid first, then (among the rest, never two with different Sids) by equal context
 * (everything but Sid and the action element), then by the most entries in common; what is left
 * is added or removed. Output order:
 * the new document's statements in order, then the removed ones.
 */
export function statementDiff(
  oldDocument: JsonValue,
  newDocument: JsonValue,
  catalog?: CatalogView,
): StatementDiff[] {
  const olds = statementObjects(oldDocument).map(sideOf);
  const news = statementObjects(newDocument).map(sideOf);
  const pairOf = new Map<Side, Side>();
  const paired = new Set<Side>();
  const pair = (o: Side, n: Side) => {
    pairOf.set(n, o);
    paired.add(o);
  };
  for (const n of news) {
    if (n.sid === undefined) continue;
    const o = olds.find((candidate) => !paired.has(candidate) && candidate.sid === n.sid);
    if (o) pair(o, n);
  }
  const byOverlap = (sameContext: boolean) => {
    const candidates: { o: Side; n: Side; score: number }[] = [];
    for (const n of news) {
      if (pairOf.has(n)) continue;
      for (const o of olds) {
        if (paired.has(o)) continue;
        if (sameContext && o.context !== n.context) continue;
        // Two different Sids are two different statements.
        if (o.sid !== undefined && n.sid !== undefined) continue;
        const score = overlap(o, n);
        if (sameContext || score > 0) candidates.push({ o, n, score });
      }
    }
    candidates.sort((a, b) => b.score - a.score || a.n.index - b.n.index || a.o.index - b.o.index);
    for (const { o, n } of candidates) if (!paired.has(o) && !pairOf.has(n)) pair(o, n);
  };
  byOverlap(true);
  byOverlap(false);

  const withActions = (diff: StatementDiff, o: Side | undefined, n: Side | undefined): StatementDiff => {
    if (!catalog) return diff;
    const canonical = canonicalNames(catalog);
    const before = o ? namedKeys(o.statement, catalog) : new Set<string>();
    const after = n ? namedKeys(n.statement, catalog) : new Set<string>();
    const list = (a: Set<string>, b: Set<string>) =>
      [...a]
        .filter((key) => !b.has(key))
        .map((key) => canonical.get(key) ?? key)
        .sort();
    return { ...diff, addedActions: list(after, before), removedActions: list(before, after) };
  };

  const result: StatementDiff[] = [];
  for (const n of news) {
    const o = pairOf.get(n);
    if (!o) {
      result.push(
        withActions(
          {
            status: 'added',
            newIndex: n.index,
            ...(n.sid !== undefined ? { sid: n.sid } : {}),
            addedEntries: [...n.entries.values()],
            removedEntries: [],
            otherChanges: false,
          },
          undefined,
          n,
        ),
      );
      continue;
    }
    const sameKey = o.key === n.key;
    const addedEntries = [...n.entries].filter(([key]) => !sameKey || !o.entries.has(key)).map(([, v]) => v);
    const removedEntries = [...o.entries]
      .filter(([key]) => !sameKey || !n.entries.has(key))
      .map(([, v]) => v);
    const otherChanges =
      !sameKey ||
      o.context !== n.context ||
      canonicalJson(getMember(o.statement, 'Sid')) !== canonicalJson(getMember(n.statement, 'Sid'));
    const changed = otherChanges || addedEntries.length > 0 || removedEntries.length > 0;
    const sid = n.sid ?? o.sid;
    result.push(
      withActions(
        {
          status: changed ? 'changed' : 'unchanged',
          oldIndex: o.index,
          newIndex: n.index,
          ...(sid !== undefined ? { sid } : {}),
          addedEntries,
          removedEntries,
          otherChanges,
        },
        o,
        n,
      ),
    );
  }
  for (const o of olds) {
    if (paired.has(o)) continue;
    result.push(
      withActions(
        {
          status: 'removed',
          oldIndex: o.index,
          ...(o.sid !== undefined ? { sid: o.sid } : {}),
          addedEntries: [],
          removedEntries: [...o.entries.values()],
          otherChanges: false,
        },
        o,
        undefined,
      ),
    );
  }
  return result;
}
