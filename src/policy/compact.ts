/**
 * Compaction: the same permissions in fewer characters.
 *
 * Each statement's Action (or NotAction) list is replaced by the tightest list of wildcard
 * patterns that matches exactly the same catalog actions: for every service, the action names
 * form a trie (case-insensitive), and a node whose whole subtree is in the list becomes
 * "service:Prefix*" (the root, "service:*"), choosing the highest such node (optionally only
 * where a word of the name ends, see WildcardPlacement), written with the longest prefix its
 * names share ("s3:Get*" rather than "s3:G*"). A pattern is only written for two or more listed
 * actions; a single action keeps its name as written. Entries that already hold a wildcard are
 * kept as they are (and the names they cover are dropped as redundant); entries the catalog does
 * not know (unknown or retired actions) are kept verbatim; repeats (case-insensitive) are dropped. Since the new list matches exactly the old list's
 * actions, the change is sound for Action and NotAction, Allow and Deny alike.
 *
 * Every rewritten list is checked by expansion (sameActions, plus the unknown entries); a list
 * that fails the check keeps its original value. Optionally (mergeStatements) statements with
 * the same Effect, Resource, NotResource, Condition and other keys, Sids not in conflict, and an
 * Action (not NotAction) list are merged into the first of them, checked with grants.ts.
 *
 * Caveat: "exactly the same actions" holds for the catalog at hand. A pattern such as "s3:Get*"
 * also covers any action AWS adds later with that prefix (or that the catalog does not list yet),
 * where the original list did not.
 */
import type { ActionSummary, CatalogView, ServiceSummary } from '../catalog/catalog';
import { setMember } from './edit';
import { actionKey, expandActionPattern, expandActions, hasWildcard } from './expand';
import { actionElement, grantDifference, sameSet, statementContext, unmatchedEntries } from './grants';
import { getMember, isJsonObject, membersOf, objectFromEntries } from './json';
import type { JsonObject, JsonValue } from './model';
import { serializeDocument } from './serialize';

// ---------------------------------------------------------------------------------------------
// Sizes

/** The size IAM counts for a document: the length of its minified serialization. */
export function documentSize(document: JsonValue): number {
  // Minified output has no whitespace outside strings, so its length is policySize of it.
  return serializeDocument(document, { format: 'minified' }).length;
}

// ---------------------------------------------------------------------------------------------
// Equivalence

function keysOf(values: readonly string[], catalog: CatalogView): Set<string> {
  return new Set(expandActions(values, catalog).map(actionKey));
}

/** True when the two lists match the same catalog actions (as sets). Unknown entries are not compared. */
export function sameActions(a: readonly string[], b: readonly string[], catalog: CatalogView): boolean {
  return sameSet(keysOf(a, catalog), keysOf(b, catalog));
}

/** sameActions, and the same entries the catalog does not know (case-insensitive). */
function sameList(a: readonly string[], b: readonly string[], catalog: CatalogView): boolean {
  return sameActions(a, b, catalog) && sameSet(unmatchedEntries(a, catalog), unmatchedEntries(b, catalog));
}

// ---------------------------------------------------------------------------------------------
// The per-service trie

interface TrieNode {
  readonly children: Map<string, TrieNode>;
  readonly depth: number;
  /** canonical name of the first action inserted at or below this node (its prefix gives the pattern) */
  readonly sample: string;
  /** the lower-cased action name ending here */
  terminal?: string;
  /**
   * true when the prefix ends between words: every longer name below has an upper-case letter (in
   * catalog case) right after the prefix, e.g. "Get" for "GetObject", not "Ge" or "GetO"
   */
  wordBoundary: boolean;
}

const tries = new WeakMap<readonly ActionSummary[], TrieNode>();

function isUpperCase(char: string): boolean {
  return char !== char.toLowerCase() && char === char.toUpperCase();
}

function trieOf(service: ServiceSummary): TrieNode {
  const cached = tries.get(service.actions);
  if (cached) return cached;
  const root: TrieNode = {
    children: new Map(),
    depth: 0,
    sample: service.actions[0]?.name ?? '',
    wordBoundary: true,
  };
  for (const action of service.actions) {
    const lower = action.name.toLowerCase();
    let node = root;
    for (let i = 0; i < lower.length; i++) {
      if (!isUpperCase(action.name.charAt(i))) node.wordBoundary = false;
      const char = lower.charAt(i);
      let child = node.children.get(char);
      if (!child) {
        child = { children: new Map(), depth: i + 1, sample: action.name, wordBoundary: true };
        node.children.set(char, child);
      }
      node = child;
    }
    node.terminal = lower;
  }
  tries.set(service.actions, root);
  return root;
}

interface CoverOutput {
  readonly text: string;
  /** lower-cased names of the required actions this entry covers */
  readonly names: readonly string[];
}

/**
 * Where a wildcard may end. 'any' (the default): after any character ("s3:GetObjectT*"), the
 * fewest characters. 'words': only between words of the action name ("s3:Get*", "s3:GetObject*",
 * "s3:*"), more readable and a little less likely to catch actions AWS adds later, at a cost in
 * size (see compact.test.ts for ReadOnlyAccess).
 */
export type WildcardPlacement = 'words' | 'any';

/**
 * The entries that cover every `required` name of a service using only names in `allowed`
 * (required ⊆ allowed): one entry per highest trie node whose subtree lies in `allowed` and where
 * a wildcard may end, when it covers two required names or more; otherwise the names themselves.
 * The pattern is written with the longest prefix common to the subtree's names. `required` maps a
 * lower-cased name to the text to write when it stays a single name.
 */
function coverService(
  service: ServiceSummary,
  allowed: ReadonlySet<string>,
  required: ReadonlyMap<string, string>,
  placement: WildcardPlacement,
): CoverOutput[] {
  const walk = (node: TrieNode): { full: boolean; names: string[]; cover: CoverOutput[] } => {
    let full = node.terminal === undefined || allowed.has(node.terminal);
    const names: string[] = [];
    const cover: CoverOutput[] = [];
    if (node.terminal !== undefined && required.has(node.terminal)) {
      names.push(node.terminal);
      cover.push({ text: required.get(node.terminal) as string, names: [node.terminal] });
    }
    for (const child of node.children.values()) {
      const result = walk(child);
      if (!result.full) full = false;
      for (const name of result.names) names.push(name);
      for (const entry of result.cover) cover.push(entry);
    }
    if (full && usable(node) && names.length >= 2) {
      return { full, names, cover: [{ text: `${service.prefix}:${longestPrefix(node)}*`, names }] };
    }
    return { full, names, cover };
  };
  const usable = (node: TrieNode) => node.depth === 0 || placement === 'any' || node.wordBoundary;
  // The same names under a longer prefix: follow the chain while it does not branch or end a name,
  // and write the deepest usable prefix ("s3:Get*" rather than "s3:G*" when only Get... starts with G).
  const longestPrefix = (node: TrieNode): string => {
    let best = node;
    let current = node;
    while (current.terminal === undefined && current.children.size === 1) {
      current = current.children.values().next().value as TrieNode;
      if (usable(current)) best = current;
    }
    return best.sample.slice(0, best.depth);
  };
  return walk(trieOf(service)).cover;
}

function splitKey(key: string): [string, string] {
  const colon = key.indexOf(':');
  return [key.slice(0, colon), key.slice(colon + 1)];
}

/**
 * The tightest patterns for a set of catalog actions (all matched exactly, nothing else), grouped
 * by service in catalog order. Names that stay single are written "service:Name" in catalog case.
 */
export function compactActionSet(
  actions: readonly ActionSummary[],
  catalog: CatalogView,
  placement: WildcardPlacement = 'any',
): string[] {
  const byService = new Map<string, Map<string, string>>();
  for (const action of actions) {
    const service = action.service.toLowerCase();
    let names = byService.get(service);
    if (!names) {
      names = new Map();
      byService.set(service, names);
    }
    const lower = action.name.toLowerCase();
    if (!names.has(lower)) names.set(lower, `${action.service}:${action.name}`);
  }
  const result: string[] = [];
  for (const [prefix, names] of byService) {
    const service = catalog.service(prefix);
    if (!service) {
      result.push(...names.values());
      continue;
    }
    const allowed = new Set(names.keys());
    for (const entry of coverService(service, allowed, names, placement)) result.push(entry.text);
  }
  return result;
}

/**
 * Compacts one Action or NotAction list (see the module comment). Returns a new list matching
 * exactly the same catalog actions and keeping every entry the catalog does not know.
 */
export function compactActionList(
  values: readonly string[],
  catalog: CatalogView,
  placement: WildcardPlacement = 'any',
): string[] {
  const covered = new Set<string>();
  for (const value of values) {
    if (!hasWildcard(value)) continue;
    for (const action of expandActionPattern(value, catalog)) covered.add(actionKey(action));
  }
  // Per service: names any entry covers (allowed), and exact names no pattern covers (required).
  const services = new Map<string, { allowed: Set<string>; required: Map<string, string> }>();
  const serviceOf = (prefix: string) => {
    let entry = services.get(prefix);
    if (!entry) {
      entry = { allowed: new Set(), required: new Map() };
      services.set(prefix, entry);
    }
    return entry;
  };
  const exactKeys = new Map<string, string>();
  for (const value of values) {
    if (hasWildcard(value)) continue;
    const [action] = expandActionPattern(value, catalog);
    if (!action) continue;
    const key = actionKey(action);
    exactKeys.set(value, key);
    if (covered.has(key)) continue;
    const [prefix, name] = splitKey(key);
    const entry = serviceOf(prefix);
    if (!entry.required.has(name)) entry.required.set(name, value);
  }
  if (services.size === 0 && exactKeys.size === 0) return dedupe(values);
  for (const key of covered) {
    const [prefix, name] = splitKey(key);
    services.get(prefix)?.allowed.add(name);
  }
  const outputOf = new Map<string, CoverOutput>();
  for (const [prefix, entry] of services) {
    for (const name of entry.required.keys()) entry.allowed.add(name);
    const service = catalog.service(prefix);
    const outputs = service
      ? coverService(service, entry.allowed, entry.required, placement)
      : [...entry.required].map(([name, text]) => ({ text, names: [name] }));
    for (const output of outputs) for (const name of output.names) outputOf.set(`${prefix}:${name}`, output);
  }

  const result: string[] = [];
  const written = new Set<string>();
  const emitted = new Set<CoverOutput>();
  for (const value of values) {
    const key = exactKeys.get(value);
    if (key === undefined) {
      // A pattern or an unknown name: kept verbatim, once.
      const lower = value.toLowerCase();
      if (!written.has(lower)) {
        written.add(lower);
        result.push(value);
      }
      continue;
    }
    if (covered.has(key)) continue;
    const output = outputOf.get(key);
    if (!output || emitted.has(output)) continue;
    emitted.add(output);
    result.push(output.text);
  }
  return result;
}

function dedupe(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const lower = value.toLowerCase();
    if (seen.has(lower)) return false;
    seen.add(lower);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------
// Documents

export interface CompactOptions {
  /** also merge statements that differ only in their Action lists (default false) */
  readonly mergeStatements?: boolean;
  /** where wildcards may end (default 'any', see WildcardPlacement) */
  readonly wildcards?: WildcardPlacement;
}

export type CompactChange =
  | {
      readonly kind: 'actions';
      /** index of the statement in the input document */
      readonly statementIndex: number;
      readonly key: 'Action' | 'NotAction';
      readonly before: readonly string[];
      readonly after: readonly string[];
    }
  | {
      /** the statements `merged` (input indexes) were merged into statement `statementIndex` */
      readonly kind: 'merge';
      readonly statementIndex: number;
      readonly merged: readonly number[];
    }
  | {
      /** a rewrite failed its equivalence check and was not applied (a bug if it ever shows) */
      readonly kind: 'kept';
      readonly statementIndex: number;
      readonly key: 'Action' | 'NotAction' | 'Statement';
    };

export interface CompactResult {
  readonly document: JsonValue;
  /** size of the input as IAM counts it (minified) */
  readonly before: number;
  /** size of the output as IAM counts it (minified) */
  readonly after: number;
  readonly changes: readonly CompactChange[];
}

function listValue(values: readonly string[]): JsonValue {
  return values.length === 1 ? (values[0] as string) : [...values];
}

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** Compacts one statement's action element; the statement itself when nothing changes. */
function compactStatement(
  statement: JsonObject,
  index: number,
  catalog: CatalogView,
  placement: WildcardPlacement,
  changes: CompactChange[],
): JsonObject {
  const element = actionElement(statement);
  if (!element) return statement;
  const after = compactActionList(element.values, catalog, placement);
  if (sameValues(after, element.values)) return statement;
  if (!sameList(element.values, after, catalog)) {
    changes.push({ kind: 'kept', statementIndex: index, key: element.key });
    return statement;
  }
  changes.push({ kind: 'actions', statementIndex: index, key: element.key, before: element.values, after });
  return setMember(statement, element.key, listValue(after));
}

interface MergeGroup {
  readonly context: string;
  readonly indexes: number[];
  sid: string | undefined;
  values: string[];
}

/** Merges statements with equal contexts; positions are those of `entries` (the statement array). */
function mergeStatements(
  entries: readonly JsonValue[],
  catalog: CatalogView,
  placement: WildcardPlacement,
  changes: CompactChange[],
): JsonValue[] {
  const groups: MergeGroup[] = [];
  const groupOf = new Map<number, MergeGroup>();
  entries.forEach((entry, index) => {
    if (!isJsonObject(entry)) return;
    const element = actionElement(entry);
    if (element?.key !== 'Action' || typeof getMember(entry, 'Effect') !== 'string') return;
    const sidValue = getMember(entry, 'Sid');
    if (sidValue !== undefined && typeof sidValue !== 'string') return;
    const context = statementContext(entry);
    const group = groups.find(
      (g) => g.context === context && (sidValue === undefined || g.sid === undefined || g.sid === sidValue),
    );
    if (group) {
      group.indexes.push(index);
      group.values.push(...element.values);
      if (group.sid === undefined) group.sid = sidValue;
      groupOf.set(index, group);
    } else {
      const created: MergeGroup = { context, indexes: [index], sid: sidValue, values: [...element.values] };
      groups.push(created);
      groupOf.set(index, created);
    }
  });
  if (groups.every((group) => group.indexes.length === 1)) return [...entries];

  const result: JsonValue[] = [];
  const merges: CompactChange[] = [];
  entries.forEach((entry, index) => {
    const group = groupOf.get(index);
    if (!group || group.indexes.length === 1 || !isJsonObject(entry)) {
      result.push(entry);
      return;
    }
    if (group.indexes[0] !== index) return;
    let merged = setMember(entry, 'Action', listValue(compactActionList(group.values, catalog, placement)));
    if (group.sid !== undefined && getMember(merged, 'Sid') === undefined) {
      merged = objectFromEntries([['Sid', group.sid], ...membersOf(merged)]);
    }
    result.push(merged);
    merges.push({ kind: 'merge', statementIndex: index, merged: group.indexes.slice(1) });
  });
  if (grantDifference(entries.filter(isJsonObject), result.filter(isJsonObject), catalog) !== undefined) {
    changes.push({ kind: 'kept', statementIndex: -1, key: 'Statement' });
    return [...entries];
  }
  changes.push(...merges);
  return result;
}

/**
 * Compacts a policy document: each statement's Action / NotAction list, and with
 * `mergeStatements` the statements themselves. The input is not changed; keys, their order and
 * everything but the rewritten lists are kept. Sizes are minified sizes, as IAM counts them.
 */
export function compactPolicy(
  document: JsonValue,
  catalog: CatalogView,
  options: CompactOptions = {},
): CompactResult {
  const before = documentSize(document);
  const placement = options.wildcards ?? 'any';
  const changes: CompactChange[] = [];
  if (!isJsonObject(document)) return { document, before, after: before, changes };
  const statement = getMember(document, 'Statement');
  let output: JsonValue = document;
  if (isJsonObject(statement)) {
    const compacted = compactStatement(statement, 0, catalog, placement, changes);
    if (compacted !== statement) output = setMember(document, 'Statement', compacted);
  } else if (Array.isArray(statement)) {
    let entries: JsonValue[] = statement.map((entry: JsonValue, index) =>
      isJsonObject(entry) ? compactStatement(entry, index, catalog, placement, changes) : entry,
    );
    if (options.mergeStatements) entries = mergeStatements(entries, catalog, placement, changes);
    if (changes.some((change) => change.kind !== 'kept')) output = setMember(document, 'Statement', entries);
  }
  return { document: output, before, after: documentSize(output), changes };
}
