/**
 * Compaction: the same permissions in fewer characters.
 *
 * compactPolicy rewrites each statement's Action (or NotAction) list into the fewest characters it
 * can find that match exactly the same catalog actions: per service, a weighted set cover over the
 * names themselves and prefix, suffix and infix patterns ("s3:Get*", "s3:*Tagging",
 * "ec2:Describe*Attribute", "sts:*"), each pattern allowed only when every action it matches today
 * is one the list grants (see cheapestCover). Statements with the same context (Effect, Resource,
 * Condition...; grants.ts) are one pool, since IAM unions them: a pattern in one may reach actions a
 * sibling names, and a name a sibling already covers is not repeated. Options: wildcards only
 * between words of the action names (WildcardPlacement 'words', more readable), level-safe
 * wildcards (levelSafe: never spanning two access levels of today's actions), and merging
 * statements of one context (mergeStatements). Entries that already hold a wildcard are kept as
 * they are (and the names they cover are dropped as redundant); entries the catalog does not know
 * (unknown or retired actions) are kept verbatim; repeats (case-insensitive) are dropped. Since
 * the new lists match exactly the old lists' actions, the change is sound for Action and
 * NotAction, Allow and Deny alike.
 *
 * Every result is proved by expansion against the catalog (grants.ts, per context: the same
 * actions and the same unknown entries); should the proof fail, the statements are compacted one
 * by one, each checked, and as a last resort the input is returned.
 *
 * Caveat: "exactly the same actions" holds for the catalog at hand. A pattern such as "s3:Get*"
 * also covers any action AWS adds later with that name shape (or that the catalog does not list
 * yet), where the original list did not. CompactResult.wildcards lists every wildcard written with
 * the access levels it matches today and whether a later action could widen the grant.
 *
 * compactActionList and compactActionSet are the older prefix-only trie compaction (a highest
 * complete trie node becomes "service:Prefix*"), kept for exclude.ts, whose replacements read best
 * as plain prefixes.
 */
import type { ActionSummary, CatalogView, ServiceSummary } from '../catalog/catalog';
import { ACCESS_LEVELS } from '../catalog/types';
import type { AccessLevel } from '../catalog/types';
import { setMember } from './edit';
import { actionKey, expandActionPattern, expandActions, hasWildcard } from './expand';
import { actionElement, grantDifference, sameSet, statementContext, unmatchedEntries } from './grants';
import { getMember, isJsonObject, membersOf, objectFromEntries } from './json';
import type { JsonValue } from './model';
import { dedupeValues } from './normalize';
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

  return emitInOrder(values, exactKeys, outputOf, covered);
}

/**
 * Writes a list in its original order: a pattern or an unknown name is kept verbatim (once, without
 * regard to case); an exact name is replaced by the cover output that holds it, written where its
 * first name stood. Names in `skip` (already covered by a kept pattern) are dropped.
 */
function emitInOrder(
  values: readonly string[],
  exactKeys: ReadonlyMap<string, string>,
  outputOf: ReadonlyMap<string, CoverOutput>,
  skip: ReadonlySet<string> = new Set(),
): string[] {
  const result: string[] = [];
  const written = new Set<string>();
  const emitted = new Set<CoverOutput>();
  for (const value of values) {
    const key = exactKeys.get(value);
    if (key === undefined) {
      const lower = value.toLowerCase();
      if (!written.has(lower)) {
        written.add(lower);
        result.push(value);
      }
      continue;
    }
    if (skip.has(key)) continue;
    const output = outputOf.get(key);
    if (!output || emitted.has(output)) continue;
    emitted.add(output);
    result.push(output.text);
  }
  return result;
}

function dedupe(values: readonly string[]): string[] {
  return dedupeValues(values, { caseInsensitive: true });
}

// ---------------------------------------------------------------------------------------------
// The fewest characters: a weighted set cover over prefix, suffix and infix patterns
//
// For one service, the names to write (required) must each be matched by some entry, and every
// entry may match only names in `allowed` (required ⊆ allowed). The entries considered are the
// names themselves and, for every required name r and every prefix length i, the pattern
// "r[0,i)*S" with the shortest suffix S of r that keeps it inside `allowed` (a longer suffix
// would only match fewer names for more characters): "s3:G*" (S empty), "s3:*Tagging" (i = 0),
// "ec2:Describe*Attribute", or "service:*" when every action is allowed. The cheapest cover is
// then chosen greedily by characters per name covered (the classic ln(n)-approximation of
// weighted set cover), and entries made redundant by later picks are dropped. An entry costs its
// characters in a minified JSON array: the text, two quotes and a comma.

interface ServiceNames {
  /** lower-cased action names, in catalog order */
  readonly lower: readonly string[];
  /** catalog-case action names, parallel to lower */
  readonly cased: readonly string[];
  readonly levels: readonly AccessLevel[];
  readonly byName: ReadonlyMap<string, number>;
  /** lower-cased names sorted (code unit order), and their indexes */
  readonly sorted: readonly string[];
  readonly sortedIndex: readonly number[];
}

const serviceNamesCache = new WeakMap<readonly ActionSummary[], ServiceNames>();

function namesOf(service: ServiceSummary): ServiceNames {
  const cached = serviceNamesCache.get(service.actions);
  if (cached) return cached;
  const lower = service.actions.map((action) => action.name.toLowerCase());
  const byName = new Map<string, number>();
  lower.forEach((name, i) => {
    if (!byName.has(name)) byName.set(name, i);
  });
  const sortedIndex = lower.map((_, i) => i).sort((a, b) => {
    const x = lower[a] as string;
    const y = lower[b] as string;
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  const names: ServiceNames = {
    lower,
    cased: service.actions.map((action) => action.name),
    levels: service.actions.map((action) => action.accessLevel),
    byName,
    sorted: sortedIndex.map((i) => lower[i] as string),
    sortedIndex,
  };
  serviceNamesCache.set(service.actions, names);
  return names;
}

/** First position in `sorted` whose name is not below `text`. */
function lowerBound(sorted: readonly string[], text: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < text) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** True when a wildcard may stand at position i of the name: at either end or before an upper-case letter. */
function wordStart(cased: string, i: number): boolean {
  return i <= 0 || i >= cased.length || isUpperCase(cased.charAt(i));
}

interface Candidate {
  readonly text: string;
  /** characters in a minified array: text, quotes, comma */
  readonly cost: number;
  /** positions in the required list */
  readonly covers: readonly number[];
}

/** A binary min-heap keyed by a number. */
class MinHeap<T> {
  private readonly items: { key: number; tie: number; value: T }[] = [];
  get size(): number {
    return this.items.length;
  }
  push(key: number, tie: number, value: T): void {
    const items = this.items;
    items.push({ key, tie, value });
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >>> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }
  peekKey(): number {
    return this.items[0]?.key ?? Infinity;
  }
  pop(): { key: number; value: T } | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (!top || !last) return undefined;
    if (items.length > 0) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.less(l, m)) m = l;
        if (r < items.length && this.less(r, m)) m = r;
        if (m === i) break;
        this.swap(i, m);
        i = m;
      }
    }
    return top;
  }
  private less(a: number, b: number): boolean {
    const x = this.items[a];
    const y = this.items[b];
    if (!x || !y) return false;
    return x.key < y.key || (x.key === y.key && x.tie < y.tie);
  }
  private swap(a: number, b: number): void {
    const items = this.items;
    const x = items[a];
    const y = items[b];
    if (!x || !y) return;
    items[a] = y;
    items[b] = x;
  }
}

/**
 * The cheapest entries found that cover `required` (indexes into the service's names, with the
 * text to write when a name stays single) matching only names whose `allowed` flag is set.
 */
function cheapestCover(
  service: ServiceSummary,
  names: ServiceNames,
  allowed: Uint8Array,
  required: readonly { readonly index: number; readonly text: string }[],
  placement: WildcardPlacement,
): CoverOutput[] {
  if (required.length === 0) return [];
  const forbidden: number[] = [];
  for (let i = 0; i < names.lower.length; i++) if (allowed[i] !== 1) forbidden.push(i);
  const position = new Map<number, number>();
  required.forEach((entry, pos) => position.set(entry.index, pos));

  const candidates: Candidate[] = [];
  required.forEach((entry, pos) => candidates.push({ text: entry.text, cost: entry.text.length + 3, covers: [pos] }));
  const seen = new Set<string>();
  for (const entry of required) {
    const r = names.lower[entry.index] as string;
    const cased = names.cased[entry.index] as string;
    const length = r.length;
    // need[i]: the shortest suffix that keeps "r[0,i)*suffix" off every forbidden name.
    const need = new Int32Array(length + 1);
    for (const f of forbidden) {
      const other = names.lower[f] as string;
      const most = Math.min(length, other.length);
      let p = 0;
      while (p < most && r.charCodeAt(p) === other.charCodeAt(p)) p++;
      let s = 0;
      while (s < most && r.charCodeAt(length - 1 - s) === other.charCodeAt(other.length - 1 - s)) s++;
      // "P*S" matches `other` when it starts with P (|P| <= p), ends with S (|S| <= s) and is long enough.
      for (let i = 0; i <= p; i++) {
        const v = Math.min(s, other.length - i) + 1;
        if (v > (need[i] as number)) need[i] = v;
      }
    }
    for (let i = 0; i <= length; i++) {
      if (placement === 'words' && !wordStart(cased, i)) continue;
      let k = need[i] as number;
      if (placement === 'words') while (k < length - i && !wordStart(cased, length - k)) k++;
      if (i + k > length) continue;
      const head = r.slice(0, i);
      const tail = r.slice(length - k);
      const key = `${head}*${tail}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const covers: number[] = [];
      let ok = true;
      const end = lowerBound(names.sorted, `${head}\uffff`);
      for (let j = lowerBound(names.sorted, head); j < end; j++) {
        const name = names.sorted[j] as string;
        if (name.length < i + k || !name.endsWith(tail)) continue;
        const index = names.sortedIndex[j] as number;
        if (allowed[index] !== 1) {
          ok = false; // cannot happen by construction; never write such a pattern
          break;
        }
        const pos = position.get(index);
        if (pos !== undefined) covers.push(pos);
      }
      if (!ok || covers.length === 0) continue;
      const text = `${service.prefix}:${cased.slice(0, i)}*${cased.slice(length - k)}`;
      candidates.push({ text, cost: text.length + 3, covers });
    }
  }

  // Lazy greedy: a candidate's ratio (cost per new name) only grows as names get covered.
  const covered = new Uint8Array(required.length);
  let remaining = required.length;
  const heap = new MinHeap<number>();
  candidates.forEach((candidate, c) => heap.push(candidate.cost / candidate.covers.length, c, c));
  const chosen: number[] = [];
  while (remaining > 0 && heap.size > 0) {
    const top = heap.pop();
    if (!top) break;
    const candidate = candidates[top.value] as Candidate;
    let fresh = 0;
    for (const pos of candidate.covers) if (covered[pos] !== 1) fresh++;
    if (fresh === 0) continue;
    const ratio = candidate.cost / fresh;
    if (ratio > top.key && ratio > heap.peekKey()) {
      heap.push(ratio, top.value, top.value);
      continue;
    }
    chosen.push(top.value);
    for (const pos of candidate.covers) {
      if (covered[pos] !== 1) {
        covered[pos] = 1;
        remaining--;
      }
    }
  }
  // Drop entries whose names the others cover, the most expensive first.
  const count = new Int32Array(required.length);
  for (const c of chosen) for (const pos of (candidates[c] as Candidate).covers) count[pos] = (count[pos] as number) + 1;
  const kept = new Set(chosen);
  for (const c of [...chosen].sort((a, b) => (candidates[b] as Candidate).cost - (candidates[a] as Candidate).cost)) {
    const candidate = candidates[c] as Candidate;
    if (candidate.covers.every((pos) => (count[pos] as number) > 1)) {
      kept.delete(c);
      for (const pos of candidate.covers) count[pos] = (count[pos] as number) - 1;
    }
  }
  const owner = new Map<number, Candidate>();
  for (const c of chosen) {
    if (!kept.has(c)) continue;
    const candidate = candidates[c] as Candidate;
    for (const pos of candidate.covers) if (!owner.has(pos)) owner.set(pos, candidate);
  }
  const outputs = new Map<Candidate, string[]>();
  required.forEach((entry, pos) => {
    const candidate = owner.get(pos);
    if (!candidate) throw new Error(`compaction: no cover for ${service.prefix}:${names.lower[entry.index] ?? ''}`);
    const list = outputs.get(candidate) ?? [];
    list.push(names.lower[entry.index] as string);
    outputs.set(candidate, list);
  });
  return [...outputs].map(([candidate, covers]) => ({ text: candidate.text, names: covers }));
}

/** Where a list's entries may reach: the actions of its statement alone, or of its whole context. */
interface ListScope {
  /** action keys an entry may match; undefined: exactly the keys the list itself matches */
  readonly allowed?: ReadonlySet<string>;
  /** keys earlier statements of the same context already name: this list need not repeat them */
  readonly known?: ReadonlySet<string>;
}

interface ListOptions {
  readonly placement: WildcardPlacement;
  readonly levelSafe: boolean;
}

/**
 * One Action or NotAction list with the fewest characters found (see the section comment): its
 * wildcard entries and unknown names are kept verbatim (a name a kept wildcard covers is
 * dropped), every other catalog name is covered by cheapestCover, per service (and per access
 * level when level-safe), reaching only into `scope.allowed`.
 */
function optimizeActionList(
  values: readonly string[],
  catalog: CatalogView,
  options: ListOptions,
  scope: ListScope,
): string[] {
  const covered = new Set<string>();
  for (const value of values) {
    if (!hasWildcard(value)) continue;
    for (const action of expandActionPattern(value, catalog)) covered.add(actionKey(action));
  }
  const exactKeys = new Map<string, string>();
  for (const value of values) {
    if (hasWildcard(value)) continue;
    const [action] = expandActionPattern(value, catalog);
    if (action) exactKeys.set(value, actionKey(action));
  }
  if (exactKeys.size === 0) return dedupe(values);
  const own = new Set([...covered, ...exactKeys.values()]);
  const allowedKeys = scope.allowed ?? own;
  const hasVerbatim = values.some((value) => !exactKeys.has(value));

  const build = (known: ReadonlySet<string>): string[] => {
    // Per service: the names to cover (with the text to write for a single one).
    const required = new Map<string, Map<string, string>>();
    for (const [value, key] of exactKeys) {
      if (covered.has(key) || known.has(key)) continue;
      const [prefix, name] = splitKey(key);
      let names = required.get(prefix);
      if (!names) {
        names = new Map();
        required.set(prefix, names);
      }
      if (!names.has(name)) names.set(name, value);
    }
    const allowedByService = new Map<string, string[]>();
    for (const key of allowedKeys) {
      const [prefix, name] = splitKey(key);
      if (!required.has(prefix)) continue;
      const list = allowedByService.get(prefix) ?? [];
      list.push(name);
      allowedByService.set(prefix, list);
    }
    for (const key of own) {
      const [prefix, name] = splitKey(key);
      if (required.has(prefix)) allowedByService.get(prefix)?.push(name);
    }
    const outputOf = new Map<string, CoverOutput>();
    for (const [prefix, names] of required) {
      const service = catalog.service(prefix);
      let outputs: CoverOutput[];
      if (!service) {
        outputs = [...names].map(([name, text]) => ({ text, names: [name] }));
      } else {
        const table = namesOf(service);
        const allowed = new Uint8Array(table.lower.length);
        for (const name of allowedByService.get(prefix) ?? []) {
          const index = table.byName.get(name);
          if (index !== undefined) allowed[index] = 1;
        }
        const entries = [...names].flatMap(([name, text]) => {
          const index = table.byName.get(name);
          return index === undefined ? [] : [{ index, text }];
        });
        if (options.levelSafe) {
          outputs = [];
          const levels = new Set(entries.map((entry) => table.levels[entry.index]));
          for (const level of levels) {
            const same = allowed.map((flag, i) => (flag === 1 && table.levels[i] === level ? 1 : 0));
            const group = entries.filter((entry) => table.levels[entry.index] === level);
            outputs.push(...cheapestCover(service, table, same, group, options.placement));
          }
        } else {
          outputs = cheapestCover(service, table, allowed, entries, options.placement);
        }
      }
      for (const output of outputs) for (const name of output.names) outputOf.set(`${prefix}:${name}`, output);
    }
    return emitInOrder(values, exactKeys, outputOf);
  };
  const known = scope.known ?? new Set<string>();
  const result = build(known);
  // A list whose names all come earlier in its context still says something: keep it non-empty.
  return result.length === 0 && !hasVerbatim && known.size > 0 ? build(new Set()) : result;
}

// ---------------------------------------------------------------------------------------------
// Documents

export interface CompactOptions {
  /** also merge statements that differ only in their Action lists (default false) */
  readonly mergeStatements?: boolean;
  /** where wildcards may stand (default 'any', see WildcardPlacement) */
  readonly wildcards?: WildcardPlacement;
  /**
   * Access-level-safe (default false): a wildcard written never matches, among today's actions,
   * actions of another access level than the names it replaces ("s3:Get*" only if every current
   * s3:Get... action is of one level). Honestly: actions AWS adds later can still match by name,
   * whatever their level; this only keeps today's picture level-pure, a good sign for tomorrow's.
   */
  readonly levelSafe?: boolean;
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

/**
 * A wildcard the compaction wrote (wildcards that were already in the list are not listed). It
 * matches exactly the actions it replaces in today's catalog, but it matches by name: an action
 * AWS adds later whose name fits the pattern is matched too, where the original list of names
 * did not match it.
 */
export interface WildcardNote {
  /** index of the statement in the input document (the first one, for merged statements) */
  readonly statementIndex: number;
  readonly key: 'Action' | 'NotAction';
  readonly pattern: string;
  /** how many catalog actions it matches today */
  readonly matches: number;
  /** the access levels of the actions it matches today, in catalog order of levels */
  readonly levels: readonly AccessLevel[];
  /** every action it matches today has one access level */
  readonly levelSafe: boolean;
  /**
   * true when an action AWS adds later that fits the pattern would be granted where the original
   * did not grant it: an Allow's Action, or a Deny's NotAction (a Deny's Action and an Allow's
   * NotAction would only refuse more)
   */
  readonly futureRisk: boolean;
}

export interface CompactResult {
  readonly document: JsonValue;
  /** size of the input as IAM counts it (minified) */
  readonly before: number;
  /** size of the output as IAM counts it (minified) */
  readonly after: number;
  readonly changes: readonly CompactChange[];
  /** the wildcards written, with what they match and their risk (see WildcardNote) */
  readonly wildcards: readonly WildcardNote[];
}

function listValue(values: readonly string[]): JsonValue {
  return values.length === 1 ? (values[0] as string) : [...values];
}

function sameValues(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/** A statement of the input, or several merged into the first of them. */
interface Item {
  readonly entry: JsonValue;
  /** index in the input of the (first) statement */
  readonly index: number;
  /** input indexes merged into it */
  readonly merged: readonly number[];
}

interface MergeGroup {
  readonly context: string;
  readonly indexes: number[];
  sid: string | undefined;
  values: string[];
}

/** Statements with equal contexts and no conflicting Sids, merged into the first (Action lists concatenated). */
function mergeItems(entries: readonly JsonValue[]): Item[] {
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
  const items: Item[] = [];
  entries.forEach((entry, index) => {
    const group = groupOf.get(index);
    if (!group || group.indexes.length === 1 || !isJsonObject(entry)) {
      items.push({ entry, index, merged: [] });
      return;
    }
    if (group.indexes[0] !== index) return;
    let merged = setMember(entry, 'Action', listValue(dedupe(group.values)));
    if (group.sid !== undefined && getMember(merged, 'Sid') === undefined) {
      merged = objectFromEntries([['Sid', group.sid], ...membersOf(merged)]);
    }
    items.push({ entry: merged, index, merged: group.indexes.slice(1) });
  });
  return items;
}

/**
 * Rewrites the items' action lists. With `shareContext`, the Action lists of statements with the
 * same context are one pool (IAM unions them): an entry may reach actions a sibling names, and a
 * name a previous sibling already covers is not repeated. Without it, each list must match
 * exactly its own actions, checked one by one (a failed check keeps the list and says so).
 */
function rewriteItems(
  items: readonly Item[],
  catalog: CatalogView,
  options: ListOptions,
  shareContext: boolean,
  changes: CompactChange[],
): JsonValue[] {
  const pools = new Map<string, { allowed: Set<string>; known: Set<string> }>();
  if (shareContext) {
    for (const item of items) {
      if (!isJsonObject(item.entry)) continue;
      const element = actionElement(item.entry);
      if (element?.key !== 'Action') continue;
      const context = statementContext(item.entry);
      const pool = pools.get(context) ?? { allowed: new Set<string>(), known: new Set<string>() };
      for (const action of expandActions(element.values, catalog)) pool.allowed.add(actionKey(action));
      pools.set(context, pool);
    }
  }
  return items.map((item) => {
    const statement = item.entry;
    if (!isJsonObject(statement)) return statement;
    const element = actionElement(statement);
    if (!element) return statement;
    const pool = element.key === 'Action' ? pools.get(statementContext(statement)) : undefined;
    const after = optimizeActionList(element.values, catalog, options, pool ?? {});
    if (pool) for (const action of expandActions(after, catalog)) pool.known.add(actionKey(action));
    if (sameValues(after, element.values)) return statement;
    if (!pool && !sameList(element.values, after, catalog)) {
      changes.push({ kind: 'kept', statementIndex: item.index, key: element.key });
      return statement;
    }
    changes.push({ kind: 'actions', statementIndex: item.index, key: element.key, before: element.values, after });
    return setMember(statement, element.key, listValue(after));
  });
}

/** The wildcards written into `output` that the items' original lists did not have. */
function wildcardNotes(
  items: readonly Item[],
  original: readonly JsonValue[],
  output: readonly JsonValue[],
  catalog: CatalogView,
): WildcardNote[] {
  const notes: WildcardNote[] = [];
  output.forEach((statement, position) => {
    const item = items[position];
    if (!item || !isJsonObject(statement)) return;
    const element = actionElement(statement);
    if (!element) return;
    const before = new Set<string>();
    for (const index of [item.index, ...item.merged]) {
      const source = original[index];
      const sourceElement = isJsonObject(source) ? actionElement(source) : undefined;
      for (const value of sourceElement?.values ?? []) before.add(value.toLowerCase());
    }
    const effect = getMember(statement, 'Effect');
    for (const pattern of element.values) {
      if (!hasWildcard(pattern) || before.has(pattern.toLowerCase())) continue;
      const matched = expandActionPattern(pattern, catalog);
      const present = new Set(matched.map((action) => action.accessLevel));
      const levels = ACCESS_LEVELS.filter((level) => present.has(level));
      notes.push({
        statementIndex: item.index,
        key: element.key,
        pattern,
        matches: matched.length,
        levels,
        levelSafe: levels.length <= 1,
        futureRisk: (effect === 'Deny') === (element.key === 'NotAction'),
      });
    }
  });
  return notes;
}

/**
 * Compacts a policy document: each statement's Action / NotAction list, and with
 * `mergeStatements` the statements themselves. The input is not changed; keys, their order and
 * everything but the rewritten lists are kept. Sizes are minified sizes, as IAM counts them.
 *
 * The result is proved against the input by expansion (grants.ts: per statement context, the
 * same catalog actions and the same unknown entries); should that ever fail, each statement is
 * compacted on its own instead, checked one by one, and as a last resort the input is returned.
 */
export function compactPolicy(
  document: JsonValue,
  catalog: CatalogView,
  options: CompactOptions = {},
): CompactResult {
  const before = documentSize(document);
  const unchanged = (changes: CompactChange[] = []): CompactResult => ({
    document,
    before,
    after: before,
    changes,
    wildcards: [],
  });
  if (!isJsonObject(document)) return unchanged();
  const statement = getMember(document, 'Statement');
  const isArray = Array.isArray(statement);
  if (!isArray && !isJsonObject(statement)) return unchanged();
  const entries: readonly JsonValue[] = isArray ? statement : [statement];
  const listOptions: ListOptions = { placement: options.wildcards ?? 'any', levelSafe: options.levelSafe === true };
  const originals = entries.filter(isJsonObject);

  const attempt = (items: readonly Item[], shareContext: boolean): CompactResult | undefined => {
    const changes: CompactChange[] = [];
    for (const item of items) {
      if (item.merged.length > 0) changes.push({ kind: 'merge', statementIndex: item.index, merged: item.merged });
    }
    const output = rewriteItems(items, catalog, listOptions, shareContext, changes);
    if (grantDifference(originals, output.filter(isJsonObject), catalog) !== undefined) return undefined;
    if (!changes.some((change) => change.kind !== 'kept')) return unchanged(changes);
    const rewritten = setMember(document, 'Statement', isArray ? output : (output[0] as JsonValue));
    return {
      document: rewritten,
      before,
      after: documentSize(rewritten),
      changes,
      wildcards: wildcardNotes(items, entries, output, catalog),
    };
  };
  const plain = entries.map((entry, index): Item => ({ entry, index, merged: [] }));
  return (
    (options.mergeStatements && isArray ? attempt(mergeItems(entries), true) : undefined) ??
    attempt(plain, true) ??
    attempt(plain, false) ??
    unchanged([{ kind: 'kept', statementIndex: -1, key: 'Statement' }])
  );
}
