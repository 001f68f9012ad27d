/**
 * Action patterns → catalog actions.
 *
 * IAM matches Action / NotAction values against "service:Action" case-insensitively, where "*"
 * matches any run of characters (including none) and "?" exactly one. "*" alone matches every
 * action. A pattern whose service part has no wildcard ("s3:Get*") only ever looks in that
 * service, so it is answered from that service's actions alone.
 */
import type { ActionSummary, CatalogView } from '../catalog/catalog';
import { getMember, isJsonObject } from './json';
import type { PolicyModel, StatementView } from './model';

/** "s3:GetObject" → "s3:getobject": the key used in sets of actions. */
export function actionKey(action: Pick<ActionSummary, 'service' | 'name'>): string {
  return `${action.service}:${action.name}`.toLowerCase();
}

/** True when the pattern has a wildcard ("*" or "?"). */
export function hasWildcard(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

/**
 * Glob match of lower-cased text against a lower-cased pattern: "*" any run, "?" one character.
 * Iterative with single backtracking point, O(pattern × text) worst case, no regular expressions.
 */
function globMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let mark = 0;
  while (t < text.length) {
    const pc = pattern.charCodeAt(p);
    if (p < pattern.length && (pc === 63 /* ? */ || pc === text.charCodeAt(t))) {
      p++;
      t++;
    } else if (p < pattern.length && pc === 42 /* * */) {
      star = p++;
      mark = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern.charCodeAt(p) === 42) p++;
  return p === pattern.length;
}

/** matchesPattern("s3:Get*", "s3:GetObject") → true. Case-insensitive. */
export function matchesPattern(pattern: string, action: string): boolean {
  return globMatch(pattern.toLowerCase(), action.toLowerCase());
}

interface ServiceIndex {
  readonly actions: readonly ActionSummary[];
  /** lower-cased action names, parallel to actions */
  readonly names: readonly string[];
}

interface ServiceLookup extends ServiceIndex {
  /** by lower-cased name (the first of equal names) */
  readonly byName: ReadonlyMap<string, ActionSummary>;
}

/** every action of every service: only patterns whose service part has a wildcard need it */
interface CatalogIndex {
  /** lower-cased "service:action", parallel to catalog.allActions */
  readonly keys: readonly string[];
}

/**
 * How many pattern lists expandActions remembers per catalog. Typing in a statement's Sid,
 * resources or conditions asks again for the same list on every key (a block's summary), and a
 * managed policy such as ReadOnlyAccess names over a thousand patterns.
 */
const EXPANSIONS_KEPT = 16;

// Keyed by the allActions array: a catalog view that loads more data gets a new array.
const indexes = new WeakMap<readonly ActionSummary[], CatalogIndex>();
// Keyed by a service's actions array.
const services = new WeakMap<readonly ActionSummary[], ServiceLookup>();
/** recent expandActions answers per catalog, by their pattern list (least recently used first) */
const expansionsByCatalog = new WeakMap<CatalogView, Map<string, readonly ActionSummary[]>>();

function indexOf(catalog: CatalogView): CatalogIndex {
  const cached = indexes.get(catalog.allActions);
  if (cached) return cached;
  const index: CatalogIndex = { keys: catalog.allActions.map(actionKey) };
  indexes.set(catalog.allActions, index);
  return index;
}

/** One service's actions with their lower-cased names: a pattern of one service reads only these. */
function serviceOf(catalog: CatalogView, prefix: string): ServiceLookup | undefined {
  const actions = catalog.service(prefix)?.actions;
  if (!actions) return undefined;
  let lookup = services.get(actions);
  if (!lookup) {
    const names = actions.map((action) => action.name.toLowerCase());
    const byName = new Map<string, ActionSummary>();
    names.forEach((name, i) => {
      if (!byName.has(name)) byName.set(name, actions[i] as ActionSummary);
    });
    lookup = { actions, names, byName };
    services.set(actions, lookup);
  }
  return lookup;
}

/** The catalog actions a pattern matches, in catalog order. */
export function expandActionPattern(pattern: string, catalog: CatalogView): ActionSummary[] {
  const lower = pattern.toLowerCase();
  const colon = lower.indexOf(':');
  const servicePart = colon >= 0 ? lower.slice(0, colon) : '';
  if (!hasWildcard(lower)) {
    const action = colon >= 0 ? serviceOf(catalog, servicePart)?.byName.get(lower.slice(colon + 1)) : undefined;
    return action ? [action] : [];
  }
  if (colon >= 0 && !hasWildcard(servicePart)) {
    const service = serviceOf(catalog, servicePart);
    if (!service) return [];
    const actionPart = lower.slice(colon + 1);
    if (actionPart === '*') return [...service.actions];
    const result: ActionSummary[] = [];
    service.names.forEach((name, i) => {
      if (globMatch(actionPart, name)) result.push(service.actions[i] as ActionSummary);
    });
    return result;
  }
  if (lower === '*') return [...catalog.allActions];
  const result: ActionSummary[] = [];
  indexOf(catalog).keys.forEach((key, i) => {
    if (globMatch(lower, key)) result.push(catalog.allActions[i] as ActionSummary);
  });
  return result;
}

/** The catalog actions any of the patterns matches, each once, in order of first match. */
export function expandActions(patterns: readonly string[], catalog: CatalogView): ActionSummary[] {
  if (patterns.length === 0) return [];
  if (patterns.length === 1) return expandActionPattern(patterns[0] as string, catalog);
  let expansions = expansionsByCatalog.get(catalog);
  if (!expansions) {
    expansions = new Map();
    expansionsByCatalog.set(catalog, expansions);
  }
  const key = JSON.stringify(patterns);
  const known = expansions.get(key);
  if (known) {
    expansions.delete(key);
    expansions.set(key, known);
    return [...known];
  }
  const result = expandPatternList(patterns, catalog);
  expansions.set(key, result);
  if (expansions.size > EXPANSIONS_KEPT) expansions.delete(expansions.keys().next().value as string);
  return [...result];
}

function expandPatternList(patterns: readonly string[], catalog: CatalogView): ActionSummary[] {
  const seen = new Set<string>();
  const result: ActionSummary[] = [];
  for (const pattern of patterns) {
    for (const action of expandActionPattern(pattern, catalog)) {
      const key = actionKey(action);
      if (!seen.has(key)) {
        seen.add(key);
        result.push(action);
      }
    }
  }
  return result;
}

/**
 * The actions one statement names, as keys: Action's matches, or for NotAction every catalog
 * action except NotAction's matches. Empty when the statement has neither in a usable shape.
 */
export function statementActionKeys(statement: StatementView, catalog: CatalogView): Set<string> {
  if (statement.action) return new Set(expandActions(statement.action.values, catalog).map(actionKey));
  if (statement.notAction) {
    const excluded = new Set(expandActions(statement.notAction.values, catalog).map(actionKey));
    return new Set(indexOf(catalog).keys.filter((key) => !excluded.has(key)));
  }
  return new Set();
}

/** True when the statement has a Condition element that can restrict it (present and not `{}`). */
export function hasCondition(statement: StatementView): boolean {
  const condition = getMember(statement.raw, 'Condition');
  if (condition === undefined) return false;
  return !(isJsonObject(condition) && Object.keys(condition).length === 0);
}

/**
 * The actions a policy allows, as lower-case "service:action" keys: the union of what its Allow
 * statements name (Action, or NotAction = every catalog action except the matched ones), minus
 * what its Deny statements without a Condition name (same rules).
 *
 * What it ignores, on purpose: resources (Resource / NotResource of both Allow and Deny are not
 * looked at: a Deny on one bucket removes the action entirely), conditions of Allow statements
 * (an allowed action counts even when a Condition restricts it), Deny statements that have a
 * Condition (they remove nothing), Principal, and statements whose Effect is neither "Allow" nor
 * "Deny" (case-sensitive, as IAM). Only catalog actions are counted: a name the catalog does not
 * know is left out. Two policies with equal sets grant the same actions in this sense only.
 */
export function actionsAllowed(model: PolicyModel, catalog: CatalogView): Set<string> {
  const allowed = new Set<string>();
  for (const statement of model.statements) {
    if (statement.effect !== 'Allow') continue;
    for (const key of statementActionKeys(statement, catalog)) allowed.add(key);
  }
  for (const statement of model.statements) {
    if (statement.effect !== 'Deny' || hasCondition(statement)) continue;
    for (const key of statementActionKeys(statement, catalog)) allowed.delete(key);
  }
  return allowed;
}
