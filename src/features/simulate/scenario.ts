/**
 * A simulation scenario: the requests to try (actions, resources, principal, context) and the
 * policies around the draft (other identity policies, a permissions boundary, SCPs, a
 * resource-based policy, a session policy). Scenarios are saved with the draft and travel in share
 * links, so they are plain JSON, and whatever is read back is checked here: a damaged or foreign
 * value gives the default scenarios, never an exception.
 */
import type { PolicyScope } from '../../policy/evaluate/types';
import type { JsonValue, PolicyKind } from '../../policy/model';

/** Which actions the requests take: the ones chosen, or every action the draft names. */
export type SimulateMode = 'chosen' | 'draft';

export interface ContextEntry {
  readonly key: string;
  /** as typed; a multivalued key takes comma-separated values ("" is the empty set) */
  readonly value: string;
}

/** Pasted or opened policy texts; "" is no policy. */
export interface OtherPolicies {
  readonly identity: readonly string[];
  readonly boundary: string;
  /** one policy per level of the organization (root, OU, account) */
  readonly scps: readonly string[];
  readonly resource: string;
  readonly session: string;
}

export interface Scenario {
  readonly name: string;
  readonly mode: SimulateMode;
  /** what the draft is in the policy set */
  readonly draftAs: PolicyScope;
  /** "service:Action"; a wildcard name stands for every catalog action it matches */
  readonly actions: readonly string[];
  /** ARNs, or "*" */
  readonly resources: readonly string[];
  readonly principal: string;
  readonly context: readonly ContextEntry[];
  readonly policies: OtherPolicies;
}

export interface ScenarioBook {
  /** index of the scenario shown */
  readonly current: number;
  readonly scenarios: readonly Scenario[];
}

export const SCENARIO_FORMAT = 1;
export const DEFAULT_PRINCIPAL = 'arn:aws:iam::111122223333:user/Ana';
const SCOPES: readonly PolicyScope[] = ['identity', 'boundary', 'session', 'scp', 'resource'];
/** No scenario list is longer; no text is kept beyond this (a pasted policy is at most 10 kB in IAM). */
const MAX_SCENARIOS = 50;
const MAX_ITEMS = 500;
const MAX_TEXT = 200_000;

export const NO_POLICIES: OtherPolicies = { identity: [], boundary: '', scps: [], resource: '', session: '' };

/** The draft's place in the policy set by its kind: a trust policy is a resource-based policy. */
export function defaultDraftAs(kind: PolicyKind): PolicyScope {
  return kind === 'trust' ? 'resource' : 'identity';
}

export function newScenario(name: string, kind: PolicyKind): Scenario {
  return {
    name,
    mode: 'chosen',
    draftAs: defaultDraftAs(kind),
    actions: [],
    resources: ['*'],
    principal: DEFAULT_PRINCIPAL,
    context: [],
    policies: NO_POLICIES,
  };
}

export function defaultBook(kind: PolicyKind): ScenarioBook {
  return { current: 0, scenarios: [newScenario('Scenario 1', kind)] };
}

function isObject(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value.slice(0, MAX_TEXT) : fallback;
}

function texts(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').slice(0, MAX_ITEMS).map((v) => text(v)) : [];
}

function readPolicies(value: unknown): OtherPolicies {
  if (!isObject(value)) return NO_POLICIES;
  return {
    identity: texts(value.identity),
    boundary: text(value.boundary),
    scps: texts(value.scps),
    resource: text(value.resource),
    session: text(value.session),
  };
}

function readScenario(value: unknown, index: number, kind: PolicyKind): Scenario | undefined {
  if (!isObject(value)) return undefined;
  const fallback = newScenario(`Scenario ${index + 1}`, kind);
  const draftAs = SCOPES.find((s) => s === value.draftAs) ?? fallback.draftAs;
  const context = Array.isArray(value.context)
    ? value.context
        .filter(isObject)
        .slice(0, MAX_ITEMS)
        .map((entry) => ({ key: text(entry.key), value: text(entry.value) }))
    : [];
  const name = text(value.name).trim();
  return {
    name: name === '' ? fallback.name : name,
    mode: value.mode === 'draft' ? 'draft' : 'chosen',
    draftAs,
    actions: texts(value.actions),
    resources: Array.isArray(value.resources) ? texts(value.resources) : fallback.resources,
    principal: typeof value.principal === 'string' ? text(value.principal) : fallback.principal,
    context,
    policies: readPolicies(value.policies),
  };
}

/** The scenarios in a saved or shared value; the default scenario when there are none. */
export function readBook(value: JsonValue | null | undefined, kind: PolicyKind): ScenarioBook {
  if (!isObject(value) || !Array.isArray(value.scenarios)) return defaultBook(kind);
  const scenarios = value.scenarios
    .slice(0, MAX_SCENARIOS)
    .map((s, i) => readScenario(s, i, kind))
    .filter((s): s is Scenario => s !== undefined);
  if (scenarios.length === 0) return defaultBook(kind);
  const current = typeof value.current === 'number' && Number.isInteger(value.current) ? value.current : 0;
  return { current: Math.min(Math.max(current, 0), scenarios.length - 1), scenarios };
}

/** The value saved with the draft and put in share links. */
export function writeBook(book: ScenarioBook): JsonValue {
  return {
    format: SCENARIO_FORMAT,
    current: book.current,
    scenarios: book.scenarios.map((s) => ({
      name: s.name,
      mode: s.mode,
      draftAs: s.draftAs,
      actions: [...s.actions],
      resources: [...s.resources],
      principal: s.principal,
      context: s.context.map((c) => ({ key: c.key, value: c.value })),
      policies: {
        identity: [...s.policies.identity],
        boundary: s.policies.boundary,
        scps: [...s.policies.scps],
        resource: s.policies.resource,
        session: s.policies.session,
      },
    })),
  };
}

/** The scenario shown. */
export function currentScenario(book: ScenarioBook): Scenario {
  return book.scenarios[book.current] ?? (book.scenarios[0] as Scenario);
}

/** The book with the current scenario changed. */
export function updateCurrent(book: ScenarioBook, change: Partial<Scenario>): ScenarioBook {
  const scenarios = book.scenarios.map((s, i) => (i === book.current ? { ...s, ...change } : s));
  return { ...book, scenarios };
}

/** A name not used yet: "Scenario 2", "Scenario 3", ... */
export function nextScenarioName(book: ScenarioBook): string {
  const names = new Set(book.scenarios.map((s) => s.name));
  for (let n = book.scenarios.length + 1; ; n++) if (!names.has(`Scenario ${n}`)) return `Scenario ${n}`;
}

/** The book with a copy of the current scenario added and shown. */
export function addScenario(book: ScenarioBook): ScenarioBook {
  if (book.scenarios.length >= MAX_SCENARIOS) return book;
  const copy = { ...currentScenario(book), name: nextScenarioName(book) };
  return { current: book.scenarios.length, scenarios: [...book.scenarios, copy] };
}

/** The book without the current scenario (the last one is reset instead of removed). */
export function removeCurrent(book: ScenarioBook, kind: PolicyKind): ScenarioBook {
  if (book.scenarios.length <= 1) return defaultBook(kind);
  const scenarios = book.scenarios.filter((_, i) => i !== book.current);
  return { current: Math.min(book.current, scenarios.length - 1), scenarios };
}
