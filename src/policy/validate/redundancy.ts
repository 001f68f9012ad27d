/**
 * Redundant actions, resources and statements: parts of the policy that grant nothing the rest
 * does not already grant.
 */
import { getMember, hasMember, isJsonObject } from '../json';
import type { JsonValue } from '../model';
import type { ActionPattern, ElementList, StatementContext, Validation } from './context';
import { q } from './context';
import { hasWildcard, wildcardIncludes } from '../wildcard';
import { variablesAsWildcards } from './variableText';

/**
 * How many pairwise comparisons the redundancy checks may make in one validation. They compare
 * items two by two, which is quadratic in a list's length; they only make suggestions, so on a
 * huge policy they stop after this much work rather than freeze the editor (the rest of the
 * validation is linear). Exact duplicates are found by hashing and never count.
 */
export const REDUNDANCY_BUDGET = 10_000;

class PatternSets {
  /** by the pattern's lower-cased text: statements often repeat the same patterns */
  private readonly sets = new Map<string, ReadonlySet<string>>();
  private remaining = REDUNDANCY_BUDGET;

  /** Takes one unit of comparison work; false when the budget is spent. */
  spend(): boolean {
    if (this.remaining <= 0) return false;
    this.remaining--;
    return true;
  }

  of(pattern: ActionPattern): ReadonlySet<string> {
    const key = pattern.item.value.toLowerCase();
    let set = this.sets.get(key);
    if (!set) {
      set = new Set(pattern.matches.map((action) => action.id));
      this.sets.set(key, set);
    }
    return set;
  }
}

/** Is `inner` (a valid pattern) covered by `outer`? Equal coverage counts. */
function patternCovers(outer: ActionPattern, inner: ActionPattern, sets: PatternSets): boolean {
  if (outer.status !== 'ok' || inner.status !== 'ok') return false;
  if (outer.item.value === '*') return true;
  if (!outer.wildcard) return !inner.wildcard && outer.matches[0]?.id === inner.matches[0]?.id;
  if (!outer.serviceWildcard && !inner.serviceWildcard && outer.service !== inner.service) return false;
  if (!inner.wildcard) return sets.of(outer).has(inner.matches[0]?.id ?? '');
  if (inner.matches.length > outer.matches.length) return false;
  const outerSet = sets.of(outer);
  return inner.matches.every((action) => outerSet.has(action.id));
}

export function checkRedundantActions(v: Validation, statement: StatementContext, sets: PatternSets): void {
  const patterns = statement.actionPatterns.filter((pattern) => pattern.status === 'ok');
  if (patterns.length < 2) return;
  const wildcards = patterns.filter((pattern) => pattern.wildcard);
  const byService = new Map<string, ActionPattern[]>();
  const anyService: ActionPattern[] = [];
  for (const pattern of wildcards) {
    if (pattern.serviceWildcard) anyService.push(pattern);
    else {
      let list = byService.get(pattern.service);
      if (!list) byService.set(pattern.service, (list = []));
      list.push(pattern);
    }
  }
  const firstExact = new Map<string, ActionPattern>();
  for (const pattern of patterns) {
    let cover: ActionPattern | undefined;
    const id = pattern.wildcard
      ? `\u0000${pattern.item.value.toLowerCase()}`
      : (pattern.matches[0]?.id ?? '');
    const earlier = firstExact.get(id);
    if (earlier) cover = earlier;
    else firstExact.set(id, pattern);
    if (!cover) {
      const candidates = pattern.serviceWildcard
        ? wildcards
        : [...(byService.get(pattern.service) ?? []), ...anyService];
      for (const candidate of candidates) {
        if (candidate === pattern) continue;
        if (!sets.spend()) return;
        if (!patternCovers(candidate, pattern, sets)) continue;
        // Two patterns covering each other: report only the later one.
        if (
          pattern.wildcard &&
          patternCovers(pattern, candidate, sets) &&
          candidate.item.index > pattern.item.index
        )
          continue;
        cover = candidate;
        break;
      }
    }
    if (cover) {
      v.report(
        'redundant-action',
        pattern.item.pointer,
        cover.item.value.toLowerCase() === pattern.item.value.toLowerCase()
          ? `${q(pattern.item.value)} is listed more than once. Remove the duplicate.`
          : `${q(pattern.item.value)} is already included in ${q(cover.item.value)}, so it adds nothing. Remove it (or replace the wildcard with the actions you need).`,
      );
    }
  }
}

/**
 * Does the resource pattern `outer` match everything `inner` matches? A policy variable in
 * `outer` (and the escapes `${*}`, `${?}`, `${$}`, which are literal characters) is not a
 * wildcard, so such an `outer` covers only an equal `inner`. A variable in `inner` may take any
 * value, so it is read as `*` there (which never wrongly says "covered").
 */
function resourceCovers(outer: string, inner: string): boolean {
  if (outer === inner) return true;
  if (outer.includes('${') || !hasWildcard(outer)) return false;
  if (!inner.startsWith(literalPrefix(outer))) return false;
  return wildcardIncludes(outer, variablesAsWildcards(inner));
}

/** The text before a resource's first wildcard or variable: anything it covers starts with it. */
function literalPrefix(resource: string): string {
  let end = resource.length;
  for (const mark of ['*', '?', '${']) {
    const at = resource.indexOf(mark);
    if (at >= 0 && at < end) end = at;
  }
  return resource.slice(0, end);
}

export function checkRedundantResources(
  v: Validation,
  list: ElementList | undefined,
  sets: PatternSets,
): void {
  if (!list || list.items.length < 2) return;
  const items = list.items;
  const wildcards = items
    .filter((item) => hasWildcard(item.value) && !item.value.includes('${'))
    .map((item) => ({ item, prefix: literalPrefix(item.value) }));
  const seen = new Map<string, number>();
  for (const item of items) {
    let cover: string | undefined;
    const earlier = seen.get(item.value);
    if (earlier !== undefined) cover = item.value;
    else seen.set(item.value, item.index);
    if (cover === undefined) {
      for (const { item: candidate, prefix } of wildcards) {
        if (candidate === item || candidate.value === item.value) continue;
        if (!sets.spend()) return;
        if (!item.value.startsWith(prefix) || !resourceCovers(candidate.value, item.value)) continue;
        if (
          hasWildcard(item.value) &&
          resourceCovers(item.value, candidate.value) &&
          candidate.index > item.index
        )
          continue;
        cover = candidate.value;
        break;
      }
    }
    if (cover !== undefined) {
      v.report(
        'redundant-resource',
        item.pointer,
        cover === item.value
          ? `${q(item.value)} is listed more than once in "${list.key}". Remove the duplicate.`
          : `${q(item.value)} is already matched by ${q(cover)}, so it adds nothing. Remove it, or narrow the wildcard if you meant fewer resources.`,
      );
    }
  }
}

/** A stable text of a JSON value (object keys sorted) for comparing elements. */
function canonical(value: JsonValue | undefined): string {
  if (value === undefined) return '';
  if (Array.isArray(value)) return `[${value.map((item: JsonValue) => canonical(item)).join(',')}]`;
  if (isJsonObject(value)) {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key] as JsonValue)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

function member(statement: StatementContext, key: string): JsonValue | undefined {
  return hasMember(statement.raw, key) ? (getMember(statement.raw, key) as JsonValue) : undefined;
}

interface StatementShape {
  readonly statement: StatementContext;
  readonly key: string;
  readonly patterns: readonly ActionPattern[];
  readonly invalidActions: ReadonlySet<string>;
  readonly resources: readonly string[];
  /** each resource's literal prefix (see literalPrefix) */
  readonly prefixes: readonly string[];
}

function statementCovers(outer: StatementShape, inner: StatementShape, sets: PatternSets): boolean {
  for (const resource of inner.resources) {
    let covered = false;
    for (let i = 0; i < outer.resources.length && !covered; i++) {
      const candidate = outer.resources[i] as string;
      covered =
        candidate === resource ||
        (resource.startsWith(outer.prefixes[i] as string) && resourceCovers(candidate, resource));
    }
    if (!covered) return false;
  }
  for (const invalid of inner.invalidActions) if (!outer.invalidActions.has(invalid)) return false;
  for (const pattern of inner.patterns) {
    if (!outer.patterns.some((candidate) => patternCovers(candidate, pattern, sets))) return false;
  }
  return true;
}

export function checkRedundantStatements(v: Validation, sets: PatternSets): void {
  const shapes: StatementShape[] = [];
  for (const statement of v.statements) {
    if (
      !statement.effect ||
      !statement.action ||
      !statement.resource ||
      statement.notAction ||
      statement.notResource
    )
      continue;
    if (statement.action.items.length === 0 || statement.resource.items.length === 0) continue;
    const key = [
      statement.effect,
      canonical(member(statement, 'Principal')),
      canonical(member(statement, 'Condition')),
    ].join('\u0000');
    shapes.push({
      statement,
      key,
      patterns: statement.actionPatterns.filter((pattern) => pattern.status === 'ok'),
      invalidActions: new Set(
        statement.actionPatterns
          .filter((pattern) => pattern.status !== 'ok')
          .map((pattern) => pattern.item.value.toLowerCase()),
      ),
      resources: statement.resource.items.map((item) => item.value),
      prefixes: statement.resource.items.map((item) => literalPrefix(item.value)),
    });
  }
  const groups = new Map<string, StatementShape[]>();
  for (const shape of shapes) {
    let group = groups.get(shape.key);
    if (!group) groups.set(shape.key, (group = []));
    group.push(shape);
  }
  for (const all of groups.values()) {
    if (all.length < 2) continue;
    // Exact copies (same actions and resources, in any order) by hashing, without comparisons.
    const group: StatementShape[] = [];
    const copies = new Map<string, StatementShape>();
    for (const shape of all) {
      const text = [
        [...shape.patterns.map((pattern) => pattern.item.value.toLowerCase()), ...shape.invalidActions]
          .sort()
          .join('\u0001'),
        [...shape.resources].sort().join('\u0001'),
      ].join('\u0000');
      const first = copies.get(text);
      if (first) reportRedundantStatement(v, shape, first);
      else {
        copies.set(text, shape);
        group.push(shape);
      }
    }
    for (const inner of group) {
      for (const outer of group) {
        if (outer === inner) continue;
        if (!sets.spend()) return;
        if (!statementCovers(outer, inner, sets)) continue;
        // Statements covering each other: report only the later one.
        if (outer.statement.index > inner.statement.index && statementCovers(inner, outer, sets)) continue;
        reportRedundantStatement(v, inner, outer);
        break;
      }
    }
  }
}

function reportRedundantStatement(v: Validation, inner: StatementShape, outer: StatementShape): void {
  const sid =
    typeof member(outer.statement, 'Sid') === 'string'
      ? ` (${q(member(outer.statement, 'Sid') as string)})`
      : '';
  v.report(
    'redundant-statement',
    inner.statement.pointer,
    `Everything this statement ${inner.statement.effect === 'Deny' ? 'denies' : 'allows'} is already ${inner.statement.effect === 'Deny' ? 'denied' : 'allowed'} by the statement at ${outer.statement.pointer}${sid}, with the same conditions. Remove this statement, or merge the two.`,
  );
}

export { PatternSets };
