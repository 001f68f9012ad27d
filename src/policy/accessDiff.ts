/**
 * Access diff: what one policy document grants that another does not, and the reverse, at the
 * level of single actions, not lines.
 *
 * The access of a document is a list of grants (action, resource, conditions): every Allow
 * statement gives, for each action it names, one grant per Resource pattern (or one for its
 * whole NotResource list), under its Condition normalised. Actions are expanded against the
 * catalog as expand.ts does (Action: the matches; NotAction: every catalog action except the
 * matches) and named as the catalog spells them ("s3:GetObject"). Entries of an Action list that
 * match no catalog action (unknown or retired) are actions of their own, named as written and
 * compared literally (case-insensitively, wildcards included: "foo:*" covers "foo:Bar").
 *
 * Deny statements are applied per action: a Deny without a Condition whose resources contain the
 * grant's resource removes the grant; a Deny that may meet the grant without being sure to cover
 * it (a Condition, a resource that overlaps only partly, NotAction or NotResource that cannot be
 * decided) stays on the grant as an exception (`denies`).
 *
 * A grant of the new document is covered by a grant of the old one when it is for the same action
 * and the same Principal (resource policies), its resource is inside the old one's (wildcardIncludes;
 * policy variables must line up, see patternIncludes), every condition of the old grant is implied
 * by the new one's (see conditionImplies), and every exception of the old grant is also on the new
 * one. A new grant that no old grant covers is
 *  - `added` when some resource it grants is provably outside every old grant of that action
 *    (whatever their conditions): a witness resource is found;
 *  - `uncertain` ("changed, cannot prove narrower") otherwise: an old grant overlaps it but the
 *    containment cannot be decided (other conditions, NotResource, a Deny partly covering it, ...).
 * An old grant that no new grant covers is `removed` (gone, or narrowed: a new Condition, a
 * smaller resource, a new Deny). `newAccess` is true when anything is added
 * or uncertain. Two documents that name the same grants give no difference at all: the diff is
 * exact for reformatting, reordering, compaction and splitting; it is conservative elsewhere (it
 * may say uncertain where a finer analysis would prove no new access, never the reverse).
 *
 * Case: actions and condition keys compare case-insensitively, resources, condition values and
 * condition operator names case-sensitively (another case of an operator is not a valid
 * operator, see validate/operators.ts). Condition values are sets (order, repeats, a single value
 * versus a list do not matter) of strings (true and "true" are the same). Statements whose Effect
 * is neither "Allow" nor "Deny", or whose action element is missing or unusable, grant nothing. A
 * statement with neither Resource nor NotResource (a trust policy) counts as Resource "*".
 * Like every comparison against the catalog, it is exact for today's catalog only.
 */
import type { ActionSummary, CatalogView } from '../catalog/catalog';
import type { AccessLevel } from '../catalog/types';
import { ACCESS_LEVELS } from '../catalog/types';
import { actionKey, expandActionPattern } from './expand';
import { actionElement, canonicalJson, statementObjects, stringListOf } from './grants';
import { defineMember, getMember, hasMember, isJsonObject } from './json';
import type { JsonObject, JsonValue } from './model';
import { parseOperator } from './validate/operators';
import { foldCase, wildcardIncludes, wildcardMatch, wildcardsIntersect } from './wildcard';

// ---------------------------------------------------------------------------------------------
// Public types

/** A Condition element normalised: operator → condition key → sorted, unique string values. */
export interface NormalizedCondition {
  readonly [operator: string]: { readonly [key: string]: readonly string[] };
}

/** A Deny statement that may narrow a grant without surely removing it. */
export interface DenyException {
  /** the Deny's resources as in AccessEntry.resource, one per Resource pattern or one NotResource */
  readonly resources: readonly string[];
  readonly conditions: NormalizedCondition | null;
  /** true when the Deny's action element matches the action only in part (wildcards against an unknown action) */
  readonly partialAction: boolean;
}

export interface AccessEntry {
  /** "s3:GetObject" as the catalog spells it; an action the catalog does not know, as written */
  readonly action: string;
  /** the service prefix, lower case ("s3"); for an unknown action, the part before ":" */
  readonly service: string;
  /** the catalog's access level; undefined for an action the catalog does not know */
  readonly accessLevel?: AccessLevel;
  /** a Resource pattern, or `NotResource ["a","b"]` for a NotResource list (see resourceText) */
  readonly resource: string;
  /** the statement's Condition normalised, or null when it has none (or `{}`) */
  readonly conditions: NormalizedCondition | null;
  /** {"Principal": …} and/or {"NotPrincipal": …} of the statement (resource and trust policies), as written */
  readonly principal?: JsonValue;
  /** Deny statements that may narrow this grant (see the module comment) */
  readonly denies: readonly DenyException[];
}

export type UncertainReason =
  /** an old grant covers the resource but its conditions are not implied by the new ones */
  | 'conditions'
  /** NotResource on either side could not be compared */
  | 'not-resource'
  /** a Deny statement narrows one side in a way that cannot be compared */
  | 'deny'
  /** policy variables (${...}) in resources could not be compared */
  | 'variables'
  /** a different Principal */
  | 'principal'
  /** an earlier wildcard overlaps this (unknown) action's wildcard without containing it */
  | 'actions'
  /** old grants overlap the resource without one containing it */
  | 'resources';

export interface UncertainEntry extends AccessEntry {
  readonly reason: UncertainReason;
  /** says in a sentence why no narrower access could be proved */
  readonly why: string;
}

export interface LevelChange {
  /** an access level, or "Unknown" for actions the catalog does not know */
  readonly level: AccessLevel | 'Unknown';
  /** distinct actions of this level with added access */
  readonly added: number;
  /** distinct actions with changed access that cannot be proved narrower */
  readonly uncertain: number;
  /** distinct actions with removed (or narrowed) access */
  readonly removed: number;
}

export interface ServiceChange {
  /** service prefix, lower case */
  readonly service: string;
  /** the catalog's name for it ("Amazon S3"), or the prefix when the catalog does not know it */
  readonly name: string;
  /** levels in the console's order, then Unknown; only levels with a change */
  readonly levels: readonly LevelChange[];
}

export interface AccessDiffSummary {
  /** "Grants new access: 3 actions", "No change in access", ... */
  readonly sentence: string;
  /** distinct actions with added access */
  readonly addedActions: number;
  readonly uncertainActions: number;
  readonly removedActions: number;
  /** services with a change, sorted by name */
  readonly services: readonly ServiceChange[];
  /** one phrase per service and level: "+3 Write actions in Amazon S3", "−1 List action in Amazon EC2" */
  readonly phrases: readonly string[];
}

export interface AccessDiff {
  /** true when anything is added, or changed and not provably narrower */
  readonly newAccess: boolean;
  /** grants of the new document with access the old one provably did not grant */
  readonly added: readonly AccessEntry[];
  /** grants of the new document not covered by the old one and not provably new ("changed, cannot prove narrower") */
  readonly uncertain: readonly UncertainEntry[];
  /** grants of the old document the new one does not cover */
  readonly removed: readonly AccessEntry[];
  readonly summary: AccessDiffSummary;
}

// ---------------------------------------------------------------------------------------------
// Resources

/** One resource of a grant: a Resource pattern, a whole NotResource list, or an unusable value. */
type ResourceSpec =
  | { readonly kind: 'pattern'; readonly value: string }
  | { readonly kind: 'not'; readonly values: readonly string[] }
  | { readonly kind: 'opaque'; readonly text: string };

/** How an entry shows a resource: the pattern, `NotResource ["a","b"]`, or `invalid <json>`. */
function resourceText(spec: ResourceSpec): string {
  if (spec.kind === 'pattern') return spec.value;
  if (spec.kind === 'not') return `NotResource ${JSON.stringify(spec.values)}`;
  return `invalid ${spec.text}`;
}

function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort();
}

function resourcesOf(statement: JsonObject): ResourceSpec[] {
  const resource = getMember(statement, 'Resource');
  const notResource = getMember(statement, 'NotResource');
  if (resource !== undefined && notResource !== undefined) {
    return [{ kind: 'opaque', text: canonicalJson({ Resource: resource, NotResource: notResource }) }];
  }
  if (resource !== undefined) {
    const values = stringListOf(resource);
    if (!values) return [{ kind: 'opaque', text: canonicalJson({ Resource: resource }) }];
    return sortedUnique(values).map((value) => ({ kind: 'pattern', value }));
  }
  if (notResource !== undefined) {
    const values = stringListOf(notResource);
    if (!values) return [{ kind: 'opaque', text: canonicalJson({ NotResource: notResource }) }];
    return [{ kind: 'not', values: sortedUnique(values) }];
  }
  return [{ kind: 'pattern', value: '*' }];
}

const VARIABLE = /\$\{[^}]*\}/g;

function hasVariable(text: string): boolean {
  return text.includes('${');
}

/** The pattern with its policy variables as `*`: everything the pattern could match for some request. */
function widened(text: string): string {
  return hasVariable(text) ? text.replace(VARIABLE, '*') : text;
}

/** Literal pieces between variables, and the variables (folded), of a pattern. */
function variableParts(text: string): { pieces: string[]; variables: string[] } {
  const pieces: string[] = [];
  const variables: string[] = [];
  let last = 0;
  for (const match of text.matchAll(VARIABLE)) {
    pieces.push(text.slice(last, match.index));
    variables.push(foldCase(match[0]));
    last = match.index + match[0].length;
  }
  pieces.push(text.slice(last));
  return { pieces, variables };
}

/**
 * Is every resource `inner` can match (for any request) matched by `outer` (for the same request)?
 * Sound, never a wrong yes. Without variables it is wildcardIncludes. Variables in `inner` only
 * are taken as `*` (inner can only grow). Variables in `outer` must be the same variables in the
 * same order in `inner`, and each piece between them must contain the other's: since a variable
 * has one value per request, the concatenations then contain each other too.
 */
export function patternIncludes(outer: string, inner: string): boolean {
  if (outer === inner) return true;
  if (!hasVariable(outer)) return wildcardIncludes(outer, widened(inner));
  if (!hasVariable(inner)) return false;
  const o = variableParts(outer);
  const i = variableParts(inner);
  if (o.variables.length !== i.variables.length) return false;
  if (o.variables.some((variable, k) => variable !== i.variables[k])) return false;
  return o.pieces.every((piece, k) => {
    const other = i.pieces[k] as string;
    return piece === other || wildcardIncludes(piece, other);
  });
}

/** Could the two patterns match a common resource (for some request)? Sound: never a wrong no. */
function patternsMayIntersect(a: string, b: string): boolean {
  return wildcardsIntersect(widened(a), widened(b));
}

function isUniversal(pattern: string): boolean {
  return pattern.length > 0 && [...pattern].every((char) => char === '*');
}

/** Does `outer` surely contain every resource of `inner`? */
function resourceIncludes(outer: ResourceSpec, inner: ResourceSpec): boolean {
  if (outer.kind === 'opaque' || inner.kind === 'opaque') {
    return outer.kind === 'opaque' && inner.kind === 'opaque' && outer.text === inner.text;
  }
  if (outer.kind === 'pattern') {
    if (inner.kind === 'pattern') return patternIncludes(outer.value, inner.value);
    return isUniversal(outer.value);
  }
  if (inner.kind === 'pattern') {
    // everything but N contains P when P meets nothing in N
    return outer.values.every((n) => !patternsMayIntersect(n, inner.value));
  }
  // everything but No contains everything but Ni when No lies inside Ni
  return outer.values.every((n) => inner.values.some((m) => patternIncludes(m, n)));
}

/** Could the two share a resource? Sound: never a wrong no. */
function resourcesMayIntersect(a: ResourceSpec, b: ResourceSpec): boolean {
  if (a.kind === 'opaque' || b.kind === 'opaque') return true;
  if (a.kind === 'pattern' && b.kind === 'pattern') return patternsMayIntersect(a.value, b.value);
  if (a.kind === 'not' && b.kind === 'not') return true;
  const pattern = (a.kind === 'pattern' ? a.value : (b as { value: string }).value) as string;
  const not = a.kind === 'not' ? a : (b as { values: readonly string[] });
  return !not.values.some((n) => patternIncludes(n, pattern));
}

/** Could the resource spec match this concrete resource (for some request)? Sound: never a wrong no. */
function mayMatch(spec: ResourceSpec, resource: string): boolean {
  if (spec.kind === 'opaque') return true;
  if (spec.kind === 'pattern') return wildcardMatch(widened(spec.value), resource);
  return !spec.values.some((n) => !hasVariable(n) && wildcardMatch(n, resource));
}

/** Does the spec grant this concrete resource for every request? Sound: never a wrong yes. */
function surelyGrants(spec: ResourceSpec, resource: string): boolean {
  if (spec.kind === 'opaque') return false;
  if (spec.kind === 'pattern') return !hasVariable(spec.value) && wildcardMatch(spec.value, resource);
  return !spec.values.some((n) => wildcardMatch(widened(n), resource));
}

const FILLERS = ['', '\u0000', 'x', '\u0000/\u0000', '\u0000:\u0000'];

/** A few concrete resources the spec grants (for some request), to look for one nobody else grants. */
function witnessesOf(spec: ResourceSpec): string[] {
  if (spec.kind === 'opaque') return [];
  if (spec.kind === 'pattern') {
    const base = hasVariable(spec.value) ? spec.value.replace(VARIABLE, '\u0002') : spec.value;
    return FILLERS.map((filler) => base.replaceAll('*', filler).replaceAll('?', '\u0001'));
  }
  return ['\u0000', 'arn:\u0000', 'arn:aws:\u0000:\u0000:\u0000:\u0000'].filter(
    (candidate) => !spec.values.some((n) => wildcardMatch(widened(n), candidate)),
  );
}

// ---------------------------------------------------------------------------------------------
// Conditions

interface ConditionBlock {
  readonly operator: string;
  /** the key as first written */
  readonly key: string;
  readonly values: readonly string[];
}

interface Condition {
  /** "operator\u0000folded key" → block */
  readonly blocks: ReadonlyMap<string, ConditionBlock>;
  readonly json: NormalizedCondition;
  readonly canonical: string;
  /** true when the Condition has a shape that cannot be compared block by block */
  readonly opaque: boolean;
}

function valueText(value: JsonValue): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The Condition of a statement normalised; null when absent or `{}`. */
function conditionOf(statement: JsonObject): Condition | null {
  const raw = getMember(statement, 'Condition');
  if (raw === undefined) return null;
  if (!isJsonObject(raw)) return opaqueCondition(raw);
  if (Object.keys(raw).length === 0) return null;
  const blocks = new Map<string, ConditionBlock>();
  for (const operator of Object.keys(raw)) {
    const block = raw[operator] as JsonValue;
    if (!isJsonObject(block)) return opaqueCondition(raw);
    for (const key of Object.keys(block)) {
      const value = block[key] as JsonValue;
      const list = Array.isArray(value) ? value : [value];
      const values: string[] = [];
      for (const item of list) {
        const text = valueText(item);
        if (text === undefined) return opaqueCondition(raw);
        values.push(text);
      }
      const id = `${operator}\u0000${foldCase(key)}`;
      // Two spellings of one key in one block are two tests (AND): not comparable as a set.
      if (blocks.has(id)) return opaqueCondition(raw);
      blocks.set(id, { operator, key, values: sortedUnique(values) });
    }
  }
  const ordered = [...blocks.values()].sort(
    (a, b) => compareText(a.operator, b.operator) || compareText(foldCase(a.key), foldCase(b.key)),
  );
  // defineMember: an operator or key named "__proto__" stays an own key.
  const json: Record<string, Record<string, string[]>> = {};
  for (const block of ordered) {
    if (!hasMember(json, block.operator)) defineMember(json, block.operator, {});
    defineMember(json[block.operator] as Record<string, string[]>, block.key, [...block.values]);
  }
  const canonical = ordered
    .map((block) => JSON.stringify([block.operator, foldCase(block.key), block.values]))
    .join(',');
  return { blocks, json, canonical, opaque: false };
}

function opaqueCondition(raw: JsonValue): Condition {
  const json = (isJsonObject(raw) ? raw : { '': raw }) as unknown as NormalizedCondition;
  return { blocks: new Map(), json, canonical: `opaque:${canonicalJson(raw)}`, opaque: true };
}

/**
 * Operators for which fewer values mean fewer matching requests: "the value is one of these"
 * (plain, IfExists, ForAnyValue and ForAllValues alike). For every other operator only the same
 * values are known to be the same test.
 */
const SHRINKING_BASES = new Set([
  'StringEquals',
  'StringEqualsIgnoreCase',
  'StringLike',
  'ArnEquals',
  'ArnLike',
  'IpAddress',
  'BinaryEquals',
]);

function shrinking(operator: string): boolean {
  const parsed = parseOperator(operator);
  return parsed.ok && SHRINKING_BASES.has(parsed.base);
}

/**
 * Does every request that satisfies `inner` satisfy `outer`? Sound: each test of `outer` must be
 * in `inner` (tests are ANDed, so more tests can only narrow), with the same values, or with a
 * subset of them for "one of these" operators.
 */
function conditionImplies(inner: Condition | null, outer: Condition | null): boolean {
  if (outer === null) return true;
  if (inner === null) return false;
  if (outer.opaque || inner.opaque) return outer.canonical === inner.canonical;
  for (const [id, block] of outer.blocks) {
    const other = inner.blocks.get(id);
    if (!other) return false;
    const allowed = new Set(block.values);
    if (shrinking(block.operator)) {
      if (other.values.length === 0 || !other.values.every((value) => allowed.has(value))) return false;
    } else if (other.values.length !== block.values.length || !other.values.every((v) => allowed.has(v))) {
      return false;
    }
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Statements

type Match = 'all' | 'some' | 'none';

interface ParsedStatement {
  readonly effect: 'Allow' | 'Deny';
  readonly kind: 'Action' | 'NotAction';
  /** the action element's values, case folded */
  readonly patterns: readonly string[];
  /** the folded patterns by service part, for those whose service part has no wildcard */
  readonly byService: ReadonlyMap<string, readonly string[]>;
  /** the folded patterns whose service part has a wildcard (or that have no ":") */
  readonly anyService: readonly string[];
  /** catalog keys the patterns match */
  readonly matched: ReadonlySet<string>;
  /** values of the action element that match no catalog action, as written */
  readonly unknown: readonly string[];
  readonly resources: readonly ResourceSpec[];
  readonly condition: Condition | null;
  /** canonical Principal / NotPrincipal, or '' */
  readonly principalKey: string;
  readonly principal?: JsonValue;
}

function parseStatements(document: JsonValue, catalog: CatalogView): ParsedStatement[] {
  const result: ParsedStatement[] = [];
  for (const statement of statementObjects(document)) {
    const effect = getMember(statement, 'Effect');
    if (effect !== 'Allow' && effect !== 'Deny') continue;
    const element = actionElement(statement);
    if (!element) continue;
    const matched = new Set<string>();
    const unknown: string[] = [];
    for (const pattern of element.values) {
      const actions = expandActionPattern(pattern, catalog);
      if (actions.length === 0) unknown.push(pattern);
      for (const action of actions) matched.add(actionKey(action));
    }
    const principal = getMember(statement, 'Principal');
    const notPrincipal = getMember(statement, 'NotPrincipal');
    const principalValue: JsonValue | undefined =
      principal !== undefined || notPrincipal !== undefined
        ? notPrincipal === undefined
          ? { Principal: principal as JsonValue }
          : principal === undefined
            ? { NotPrincipal: notPrincipal }
            : { Principal: principal, NotPrincipal: notPrincipal }
        : undefined;
    const patterns = element.values.map(foldCase);
    const byService = new Map<string, string[]>();
    const anyService: string[] = [];
    for (const pattern of patterns) {
      const service = servicePart(pattern);
      if (service === undefined) anyService.push(pattern);
      else {
        const list = byService.get(service);
        if (list) list.push(pattern);
        else byService.set(service, [pattern]);
      }
    }
    result.push({
      effect,
      kind: element.key,
      patterns,
      byService,
      anyService,
      matched,
      unknown,
      resources: resourcesOf(statement),
      condition: conditionOf(statement),
      principalKey: principalValue === undefined ? '' : canonicalJson(principalValue),
      ...(principalValue === undefined ? {} : { principal: principalValue }),
    });
  }
  return result;
}

/** An action the statements may name: a catalog action, or an unknown one as written. */
interface ActionName {
  /** catalog key ("s3:getobject"), or "?" + the folded name of an unknown action */
  readonly key: string;
  readonly display: string;
  readonly known: boolean;
  /** the display name case folded */
  readonly folded: string;
}

/** How a statement's action element meets an action: surely, perhaps (wildcards against an unknown name), not. */
/** The service part of a pattern ("s3" of "s3:Get*"), or undefined when it has a wildcard or no ":". */
function servicePart(pattern: string): string | undefined {
  const colon = pattern.indexOf(':');
  if (colon < 0) return undefined;
  const service = pattern.slice(0, colon);
  return service.includes('*') || service.includes('?') ? undefined : service;
}

/** The folded patterns of a statement that can meet a folded name at all. */
function candidatePatterns(statement: ParsedStatement, folded: string): readonly string[] {
  const service = servicePart(folded);
  if (service === undefined) return statement.patterns;
  const own = statement.byService.get(service);
  if (!own) return statement.anyService;
  return statement.anyService.length === 0 ? own : [...own, ...statement.anyService];
}

function matchOf(statement: ParsedStatement, name: ActionName): Match {
  if (name.known) return statement.matched.has(name.key) === (statement.kind === 'Action') ? 'all' : 'none';
  const patterns = candidatePatterns(statement, name.folded);
  const includes = patterns.some((p) => wildcardIncludes(p, name.folded));
  if (statement.kind === 'Action') {
    if (includes) return 'all';
    return patterns.some((p) => wildcardsIntersect(p, name.folded)) ? 'some' : 'none';
  }
  if (includes) return 'none';
  return patterns.some((p) => wildcardsIntersect(p, name.folded)) ? 'some' : 'all';
}

const MATCH_CODES: Readonly<Record<Match, string>> = { all: 'a', some: 's', none: 'n' };

/** How every statement meets the action, one letter each: the grants depend on nothing else. */
function signatureOf(statements: readonly ParsedStatement[], name: ActionName): string {
  let signature = '';
  for (const statement of statements) signature += MATCH_CODES[matchOf(statement, name)];
  return signature;
}

function matchAt(signature: string, index: number): Match {
  const code = signature.charCodeAt(index);
  return code === 97 ? 'all' : code === 115 ? 'some' : 'none';
}

// ---------------------------------------------------------------------------------------------
// Grants

interface Deny {
  readonly key: string;
  readonly exception: DenyException;
}

interface Grant {
  readonly resource: ResourceSpec;
  readonly condition: Condition | null;
  readonly principalKey: string;
  readonly principal?: JsonValue;
  /** the Allow matches the action only in part: it overlaps but never covers */
  readonly partial: boolean;
  readonly denies: readonly Deny[];
  /** unconditional Denies on part of the resource (for witnesses) */
  readonly blockers: readonly ResourceSpec[];
  readonly key: string;
}

const EVERYONE = new Set(['', canonicalJson({ Principal: '*' }), canonicalJson({ Principal: { AWS: '*' } })]);

function denyKey(deny: ParsedStatement, partial: boolean): string {
  return JSON.stringify([
    deny.resources.map(resourceText).sort(),
    deny.condition?.canonical ?? null,
    deny.principalKey,
    partial,
  ]);
}

/** The grants a document gives for an action its statements meet as `signature` says, Denies applied. */
function grantsFor(statements: readonly ParsedStatement[], signature: string): Grant[] {
  const denies: { statement: ParsedStatement; match: Match }[] = [];
  statements.forEach((statement, index) => {
    if (statement.effect !== 'Deny') return;
    const match = matchAt(signature, index);
    if (match !== 'none') denies.push({ statement, match });
  });
  const grants = new Map<string, Grant>();
  for (const [index, statement] of statements.entries()) {
    if (statement.effect !== 'Allow') continue;
    const match = matchAt(signature, index);
    if (match === 'none') continue;
    resources: for (const resource of statement.resources) {
      const applied = new Map<string, Deny>();
      const blockers: ResourceSpec[] = [];
      for (const { statement: deny, match: denyMatch } of denies) {
        const principalCovers =
          deny.principalKey === statement.principalKey || EVERYONE.has(deny.principalKey);
        const unconditional = deny.condition === null && denyMatch === 'all' && principalCovers;
        if (unconditional && deny.resources.some((r) => resourceIncludes(r, resource))) continue resources;
        const meets = deny.resources.filter((r) => resourcesMayIntersect(r, resource));
        if (meets.length === 0) continue;
        if (unconditional) blockers.push(...meets);
        const key = denyKey(deny, denyMatch !== 'all');
        if (!applied.has(key)) {
          applied.set(key, {
            key,
            exception: {
              resources: deny.resources.map(resourceText).sort(),
              conditions: deny.condition?.json ?? null,
              partialAction: denyMatch !== 'all',
            },
          });
        }
      }
      const sortedDenies = [...applied.values()].sort((a, b) => compareText(a.key, b.key));
      const partial = match !== 'all';
      const key = JSON.stringify([
        resourceText(resource),
        resource.kind,
        statement.condition?.canonical ?? null,
        statement.principalKey,
        partial,
        sortedDenies.map((d) => d.key),
      ]);
      if (grants.has(key)) continue;
      grants.set(key, {
        resource,
        condition: statement.condition,
        principalKey: statement.principalKey,
        ...(statement.principal === undefined ? {} : { principal: statement.principal }),
        partial,
        denies: sortedDenies,
        blockers,
        key,
      });
    }
  }
  return [...grants.values()];
}

function covers(outer: Grant, inner: Grant): boolean {
  if (outer.partial) return false;
  if (outer.principalKey !== inner.principalKey) return false;
  if (!resourceIncludes(outer.resource, inner.resource)) return false;
  if (!conditionImplies(inner.condition, outer.condition)) return false;
  if (outer.denies.length > 0) {
    const innerDenies = new Set(inner.denies.map((d) => d.key));
    if (!outer.denies.every((d) => innerDenies.has(d.key))) return false;
  }
  return true;
}

const WHY: Readonly<Record<UncertainReason, string>> = {
  conditions: 'the conditions changed and the new ones are not provably narrower',
  'not-resource': 'NotResource on one side cannot be compared with the other',
  deny: 'a Deny statement narrows it in a way that cannot be compared',
  variables: 'policy variables in the resources cannot be compared',
  principal: 'the Principal changed',
  actions: 'an earlier action wildcard overlaps this one without containing it',
  resources: 'earlier grants overlap the resource without containing it',
};

/** Added (a witness resource nobody granted before) or uncertain (with the reason). */
function classify(grant: Grant, olds: readonly Grant[]): UncertainReason | 'added' {
  const overlapping = olds.filter((old) => resourcesMayIntersect(old.resource, grant.resource));
  // A resource the new grant surely gives that no old grant may give (an old grant whose own
  // unconditional Deny surely covers it gives it not) and no unconditional Deny may take away.
  const clear = (resource: string) =>
    !overlapping.some(
      (old) =>
        mayMatch(old.resource, resource) && !old.blockers.some((blocker) => surelyGrants(blocker, resource)),
    ) && !grant.blockers.some((blocker) => mayMatch(blocker, resource));
  if (overlapping.length === 0 && grant.blockers.length === 0) return 'added';
  if (witnessesOf(grant.resource).some(clear)) return 'added';
  // Everything but N: look among what the other side's NotResource lists exclude, too.
  for (const spec of [...overlapping.flatMap((old) => [old.resource, ...old.blockers]), ...grant.blockers]) {
    if (spec.kind !== 'not') continue;
    for (const excluded of spec.values) {
      const candidates = witnessesOf({ kind: 'pattern', value: excluded });
      if (candidates.some((w) => surelyGrants(grant.resource, w) && clear(w))) return 'added';
    }
  }
  // Why not: the first reason that applies, most specific first.
  const containing = overlapping.filter(
    (old) =>
      !old.partial &&
      old.principalKey === grant.principalKey &&
      resourceIncludes(old.resource, grant.resource),
  );
  if (containing.some((old) => conditionImplies(grant.condition, old.condition))) return 'deny';
  if (containing.length > 0) return 'conditions';
  if (grant.blockers.length > 0 && overlapping.length === 0) return 'deny';
  if (overlapping.some((old) => old.partial)) return 'actions';
  if (overlapping.some((old) => old.principalKey !== grant.principalKey)) return 'principal';
  if (grant.resource.kind === 'not' || overlapping.some((old) => old.resource.kind === 'not'))
    return 'not-resource';
  const variable = (spec: ResourceSpec) => spec.kind === 'pattern' && hasVariable(spec.value);
  if (variable(grant.resource) || overlapping.some((old) => variable(old.resource))) return 'variables';
  return 'resources';
}

// ---------------------------------------------------------------------------------------------
// The diff

const catalogNames = new WeakMap<readonly ActionSummary[], ActionName[]>();

/** Every catalog action once, as an ActionName, in catalog order. */
function namesOfCatalog(catalog: CatalogView): ActionName[] {
  let names = catalogNames.get(catalog.allActions);
  if (!names) {
    names = [];
    const seen = new Set<string>();
    for (const action of catalog.allActions) {
      const key = actionKey(action);
      if (seen.has(key)) continue;
      seen.add(key);
      names.push({ key, display: `${action.service}:${action.name}`, known: true, folded: key });
    }
    catalogNames.set(catalog.allActions, names);
  }
  return names;
}

/**
 * The actions to compare: the catalog actions any Allow statement of either side names (all of
 * them with NotAction), then every entry of any statement that the catalog does not know.
 */
function namesOf(
  olds: readonly ParsedStatement[],
  news: readonly ParsedStatement[],
  catalog: CatalogView,
): ActionName[] {
  const wanted = new Set<string>();
  let everything = false;
  const unknown = new Map<string, string>();
  for (const statement of [...olds, ...news]) {
    // Unknown names of every statement (Deny and NotAction too): what they leave out may differ.
    for (const entry of statement.unknown) {
      const folded = foldCase(entry);
      if (!unknown.has(folded)) unknown.set(folded, entry);
    }
    if (statement.effect !== 'Allow') continue;
    if (statement.kind === 'NotAction') everything = true;
    else for (const key of statement.matched) wanted.add(key);
  }
  const all = namesOfCatalog(catalog);
  const list = everything ? [...all] : all.filter((name) => wanted.has(name.key));
  for (const [folded, display] of unknown) list.push({ key: `?${folded}`, display, known: false, folded });
  return list;
}

const levels = new WeakMap<readonly ActionSummary[], Map<string, AccessLevel>>();

function levelOf(catalog: CatalogView, key: string): AccessLevel | undefined {
  let map = levels.get(catalog.allActions);
  if (!map) {
    map = new Map();
    for (const action of catalog.allActions) {
      const k = actionKey(action);
      if (!map.has(k)) map.set(k, action.accessLevel);
    }
    levels.set(catalog.allActions, map);
  }
  return map.get(key);
}

function entryOf(name: ActionName, grant: Grant, catalog: CatalogView): AccessEntry {
  const colon = name.display.indexOf(':');
  const service = (colon >= 0 ? name.display.slice(0, colon) : name.display).toLowerCase();
  const accessLevel = name.known ? levelOf(catalog, name.key) : undefined;
  return {
    action: name.display,
    service,
    ...(accessLevel === undefined ? {} : { accessLevel }),
    resource: resourceText(grant.resource),
    conditions: grant.condition?.json ?? null,
    ...(grant.principal === undefined ? {} : { principal: grant.principal }),
    denies: grant.denies.map((deny) => deny.exception),
  };
}

function compareEntries(a: AccessEntry, b: AccessEntry): number {
  return (
    compareText(a.service, b.service) ||
    compareText(foldCase(a.action), foldCase(b.action)) ||
    compareText(a.resource, b.resource) ||
    compareText(JSON.stringify(a.conditions), JSON.stringify(b.conditions))
  );
}

interface Verdict {
  readonly added: readonly Grant[];
  readonly uncertain: readonly (readonly [Grant, UncertainReason])[];
  readonly removed: readonly Grant[];
}

function compareGrants(before: readonly Grant[], after: readonly Grant[]): Verdict {
  const added: Grant[] = [];
  const uncertain: [Grant, UncertainReason][] = [];
  const removed: Grant[] = [];
  for (const grant of after) {
    if (grant.partial || before.some((old) => covers(old, grant))) continue;
    const verdict = classify(grant, before);
    if (verdict === 'added') added.push(grant);
    else uncertain.push([grant, verdict]);
  }
  for (const grant of before) {
    if (!grant.partial && !after.some((next) => covers(next, grant))) removed.push(grant);
  }
  return { added, uncertain, removed };
}

/**
 * What `newDocument` grants that `oldDocument` does not (added, uncertain) and the reverse
 * (removed), with a summary for display. See the module comment for the rules.
 */
export function accessDiff(oldDocument: JsonValue, newDocument: JsonValue, catalog: CatalogView): AccessDiff {
  const olds = parseStatements(oldDocument, catalog);
  const news = parseStatements(newDocument, catalog);
  const added: AccessEntry[] = [];
  const uncertain: UncertainEntry[] = [];
  const removed: AccessEntry[] = [];
  // The grants, and how they compare, depend only on which statements meet the action: computed
  // once per pair of signatures (a few for thousands of actions), then written out per action.
  const grantsBefore = new Map<string, Grant[]>();
  const grantsAfter = new Map<string, Grant[]>();
  const verdicts = new Map<string, Verdict>();
  const grantsOf = (
    cache: Map<string, Grant[]>,
    statements: readonly ParsedStatement[],
    signature: string,
  ) => {
    let grants = cache.get(signature);
    if (!grants) cache.set(signature, (grants = grantsFor(statements, signature)));
    return grants;
  };
  for (const name of namesOf(olds, news, catalog)) {
    const oldSignature = signatureOf(olds, name);
    const newSignature = signatureOf(news, name);
    const pair = `${oldSignature}|${newSignature}`;
    let verdict = verdicts.get(pair);
    if (!verdict) {
      verdict = compareGrants(
        grantsOf(grantsBefore, olds, oldSignature),
        grantsOf(grantsAfter, news, newSignature),
      );
      verdicts.set(pair, verdict);
    }
    for (const grant of verdict.added) added.push(entryOf(name, grant, catalog));
    for (const [grant, reason] of verdict.uncertain)
      uncertain.push({ ...entryOf(name, grant, catalog), reason, why: WHY[reason] });
    for (const grant of verdict.removed) removed.push(entryOf(name, grant, catalog));
  }
  added.sort(compareEntries);
  uncertain.sort(compareEntries);
  removed.sort(compareEntries);
  return {
    newAccess: added.length > 0 || uncertain.length > 0,
    added,
    uncertain,
    removed,
    summary: summarizeChanges(added, uncertain, removed, catalog),
  };
}

/** The access a document grants: every grant, Denies applied, sorted as the diff's entries. */
export function accessOf(document: JsonValue, catalog: CatalogView): AccessEntry[] {
  const statements = parseStatements(document, catalog);
  const entries: AccessEntry[] = [];
  const cache = new Map<string, Grant[]>();
  for (const name of namesOf([], statements, catalog)) {
    const signature = signatureOf(statements, name);
    let grants = cache.get(signature);
    if (!grants) cache.set(signature, (grants = grantsFor(statements, signature)));
    for (const grant of grants) if (!grant.partial) entries.push(entryOf(name, grant, catalog));
  }
  return entries.sort(compareEntries);
}

// ---------------------------------------------------------------------------------------------
// Summary

function hasOwn(object: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(object, key);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function distinctActions(entries: readonly AccessEntry[]): Set<string> {
  return new Set(entries.map((entry) => foldCase(entry.action)));
}

function summarizeChanges(
  added: readonly AccessEntry[],
  uncertain: readonly AccessEntry[],
  removed: readonly AccessEntry[],
  catalog: CatalogView,
): AccessDiffSummary {
  const addedSet = distinctActions(added);
  // An action both added and uncertain counts as added.
  const uncertainSet = new Set([...distinctActions(uncertain)].filter((a) => !addedSet.has(a)));
  const removedSet = distinctActions(removed);
  type Counts = { added: Set<string>; uncertain: Set<string>; removed: Set<string> };
  const byService = new Map<string, Map<string, Counts>>();
  const tally = (entries: readonly AccessEntry[], field: keyof Counts, include: Set<string>) => {
    for (const entry of entries) {
      const action = foldCase(entry.action);
      if (!include.has(action)) continue;
      let service = byService.get(entry.service);
      if (!service) byService.set(entry.service, (service = new Map()));
      const level = entry.accessLevel ?? 'Unknown';
      let counts = service.get(level);
      if (!counts)
        service.set(level, (counts = { added: new Set(), uncertain: new Set(), removed: new Set() }));
      counts[field].add(action);
    }
  };
  tally(added, 'added', addedSet);
  tally(uncertain, 'uncertain', uncertainSet);
  tally(removed, 'removed', removedSet);
  const order: readonly (AccessLevel | 'Unknown')[] = [...ACCESS_LEVELS, 'Unknown'];
  const services: ServiceChange[] = [...byService].map(([service, map]) => ({
    service,
    name:
      catalog.service(service)?.name ??
      (hasOwn(catalog.retiredServices, service) ? catalog.retiredServices[service] : undefined) ??
      service,
    levels: order
      .filter((level) => map.has(level))
      .map((level) => {
        const counts = map.get(level) as Counts;
        return {
          level,
          added: counts.added.size,
          uncertain: counts.uncertain.size,
          removed: counts.removed.size,
        };
      }),
  }));
  services.sort(
    (a, b) => compareText(a.name.toLowerCase(), b.name.toLowerCase()) || compareText(a.service, b.service),
  );
  const phrases: string[] = [];
  for (const service of services) {
    for (const [field, sign] of [
      ['added', '+'],
      ['uncertain', '~'],
      ['removed', '\u2212'],
    ] as const) {
      for (const level of service.levels) {
        const count = level[field];
        if (count === 0) continue;
        const what = level.level === 'Unknown' ? 'unknown' : level.level;
        phrases.push(`${sign}${count} ${what} action${count === 1 ? '' : 's'} in ${service.name}`);
      }
    }
  }
  let sentence: string;
  if (addedSet.size > 0) {
    sentence = `Grants new access: ${plural(addedSet.size, 'action')}`;
    if (uncertainSet.size > 0) sentence += `; ${uncertainSet.size} more changed, cannot prove narrower`;
  } else if (uncertainSet.size > 0) {
    sentence = `May grant new access: ${plural(uncertainSet.size, 'action')} changed, cannot prove narrower`;
  } else if (removedSet.size > 0) {
    sentence = `No new access; removes or narrows access to ${plural(removedSet.size, 'action')}`;
  } else {
    sentence = 'No change in access';
  }
  return {
    sentence,
    addedActions: addedSet.size,
    uncertainActions: uncertainSet.size,
    removedActions: removedSet.size,
    services,
    phrases,
  };
}
