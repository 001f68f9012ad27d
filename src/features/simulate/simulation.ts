/**
 * From a scenario to evaluated requests: the policy set around the draft (pasted texts parsed and
 * checked), the typed request context, the actions (wildcards expanded against the catalog, or
 * every action the draft names), and one evaluation per action and resource with the compiled set.
 */
import type { CatalogView } from '../../catalog/catalog';
import type { ConditionKeyType } from '../../catalog/types';
import { compile, evaluateCompiled } from '../../policy/evaluate';
import type { CompiledPolicySet } from '../../policy/evaluate';
import { conditionKeyType, isMultivalued } from '../../policy/evaluate/keys';
import type {
  ContextValue,
  EvaluationResult,
  NamedPolicy,
  PolicyScope,
  PolicySet,
  RequestPrincipal,
} from '../../policy/evaluate/types';
import { readBool, readDate, readIp, readNumber, splitArn } from '../../policy/evaluate/values';
import { expandActionPattern } from '../../policy/expand';
import type { JsonValue, PolicyModel } from '../../policy/model';
import { foldCase, hasWildcard } from '../../policy/wildcard';
import type { ContextEntry, OtherPolicies, Scenario, SimulateMode } from './scenario';

export const DRAFT_POLICY = 'the draft';
/** More requests than this are not evaluated at once (the table would not be read anyway). */
export const MAX_ACTIONS = 1_000;
export const MAX_RESOURCES = 20;

/** A pasted policy's field: "identity.0", "boundary", "scps.1", "resource", "session". */
export type PolicyField = string;

export interface PolicySetBuild {
  readonly set: PolicySet;
  /** problems of pasted texts, by field: the policy is left out */
  readonly problems: ReadonlyMap<PolicyField, string>;
  /** the documents by policy name (the draft's and the pasted ones), for their condition keys */
  readonly documents: ReadonlyMap<string, JsonValue>;
}

export function identityName(i: number): string {
  return `identity policy ${i + 1}`;
}
export function scpName(level: number): string {
  return `the SCP at level ${level + 1}`;
}
export const BOUNDARY_POLICY = 'the permissions boundary';
export const RESOURCE_POLICY = 'the resource-based policy';
export const SESSION_POLICY = 'the session policy';

/** The parsed policy in a pasted text; undefined for an empty text; a string for a problem. */
export function readPolicyText(text: string): JsonValue | undefined | { readonly problem: string } {
  if (text.trim() === '') return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { problem: `Not valid JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problem: 'A policy is a JSON object with a Statement.' };
  }
  if (!('Statement' in value)) return { problem: 'This policy has no Statement.' };
  return value as JsonValue;
}

/** The policy set: the draft in its place, and the pasted policies that read as policies. */
export function buildPolicySet(draft: JsonValue, draftAs: PolicyScope, policies: OtherPolicies): PolicySetBuild {
  const problems = new Map<PolicyField, string>();
  const documents = new Map<string, JsonValue>();
  const read = (field: PolicyField, name: string, text: string): NamedPolicy | undefined => {
    const value = readPolicyText(text);
    if (value === undefined) return undefined;
    if (typeof value === 'object' && value !== null && 'problem' in value && typeof value.problem === 'string') {
      problems.set(field, value.problem);
      return undefined;
    }
    documents.set(name, value as JsonValue);
    return { name, document: value as JsonValue };
  };
  const draftPolicy: NamedPolicy = { name: DRAFT_POLICY, document: draft };
  documents.set(DRAFT_POLICY, draft);

  const identityPolicies: NamedPolicy[] = draftAs === 'identity' ? [draftPolicy] : [];
  policies.identity.forEach((t, i) => {
    const p = read(`identity.${i}`, identityName(i), t);
    if (p) identityPolicies.push(p);
  });
  const scps: NamedPolicy[][] = draftAs === 'scp' ? [[draftPolicy]] : [];
  policies.scps.forEach((t, i) => {
    const p = read(`scps.${i}`, scpName(scps.length), t);
    if (p) scps.push([p]);
  });
  const boundary = draftAs === 'boundary' ? draftPolicy : read('boundary', BOUNDARY_POLICY, policies.boundary);
  const resourcePolicy = draftAs === 'resource' ? draftPolicy : read('resource', RESOURCE_POLICY, policies.resource);
  const sessionPolicy = draftAs === 'session' ? draftPolicy : read('session', SESSION_POLICY, policies.session);
  const set: PolicySet = {
    identityPolicies,
    scps,
    ...(boundary ? { boundary } : {}),
    ...(resourcePolicy ? { resourcePolicy } : {}),
    ...(sessionPolicy ? { sessionPolicy } : {}),
  };
  return { set, problems, documents };
}

// ---------------------------------------------------------------------------------------------
// principal and context

/** The problem with a principal, or undefined when it is an ARN or a service principal. */
export function checkPrincipal(principal: string): string | undefined {
  const p = principal.trim();
  if (p === '') return 'Enter the ARN of a user, role or role session';
  if (splitArn(p) !== undefined) return undefined;
  if (/^[a-z0-9.-]+\.amazonaws\.com(\.cn)?$/.test(p)) return undefined;
  return 'Not an ARN (arn:aws:iam::111122223333:user/Ana) nor a service principal (ec2.amazonaws.com)';
}

export function requestPrincipal(principal: string): RequestPrincipal {
  return { arn: principal.trim() === '' ? '(unspecified principal)' : principal.trim() };
}

/**
 * The keys IAM puts in every request from this principal ("AWS global condition context keys"):
 * aws:PrincipalArn (a role session's is its role's ARN), aws:PrincipalAccount, aws:PrincipalType,
 * and aws:username for an IAM user.
 */
export function principalKeys(principal: string): ContextEntry[] {
  const arn = principal.trim();
  const parts = splitArn(arn);
  if (parts === undefined) {
    return /\.amazonaws\.com(\.cn)?$/.test(arn) ? [{ key: 'aws:PrincipalServiceName', value: arn }] : [];
  }
  const [, partition = 'aws', service = '', , account = '', resource = ''] = parts;
  const keys: ContextEntry[] = [];
  const add = (key: string, value: string) => keys.push({ key, value });
  if (service === 'sts' && resource.startsWith('assumed-role/')) {
    const role = resource.split('/')[1] ?? '';
    add('aws:PrincipalArn', `arn:${partition}:iam::${account}:role/${role}`);
    add('aws:PrincipalType', 'AssumedRole');
  } else if (service === 'iam' && resource.startsWith('user/')) {
    add('aws:PrincipalArn', arn);
    add('aws:PrincipalType', 'User');
    add('aws:username', resource.slice(resource.lastIndexOf('/') + 1));
  } else if (service === 'iam' && resource === 'root') {
    add('aws:PrincipalArn', arn);
    add('aws:PrincipalType', 'Account');
  } else if (service === 'sts' && resource.startsWith('federated-user/')) {
    add('aws:PrincipalArn', arn);
    add('aws:PrincipalType', 'FederatedUser');
  } else {
    add('aws:PrincipalArn', arn);
  }
  if (account !== '') add('aws:PrincipalAccount', account);
  return keys;
}

const CHECKS: Partial<Record<ConditionKeyType, { readonly what: string; readonly ok: (v: string) => boolean }>> = {
  Numeric: { what: 'a number', ok: (v) => readNumber(v) !== undefined },
  Date: { what: 'a date (ISO 8601, e.g. 2026-01-31T12:00:00Z, or epoch seconds)', ok: (v) => readDate(v) !== undefined },
  Bool: { what: 'true or false', ok: (v) => readBool(v) !== undefined },
  ArrayOfBool: { what: 'true or false', ok: (v) => readBool(v) !== undefined },
  IPAddress: { what: 'an IP address or CIDR range', ok: (v) => readIp(v) !== undefined },
  ARN: { what: 'an ARN', ok: (v) => splitArn(v) !== undefined },
  ArrayOfARN: { what: 'an ARN', ok: (v) => splitArn(v) !== undefined },
};

/** The value(s) of a context entry: a multivalued key (or an unknown one with commas) splits on commas. */
export function contextValue(type: ConditionKeyType | undefined, text: string): ContextValue {
  const multivalued = type === undefined ? text.includes(',') : isMultivalued(type);
  if (!multivalued) return text.trim();
  if (text.trim() === '') return [];
  return text.split(',').map((v) => v.trim());
}

/** The problem with a value for a key of this type, or undefined. */
export function checkContextValue(type: ConditionKeyType | undefined, text: string): string | undefined {
  const check = type === undefined ? undefined : CHECKS[type];
  if (check === undefined) return undefined;
  const value = contextValue(type, text);
  for (const v of typeof value === 'string' ? [value] : value) {
    if (!check.ok(v)) return v === '' ? `Enter ${check.what}` : `"${v}" is not ${check.what}`;
  }
  return undefined;
}

export interface ContextBuild {
  readonly context: Readonly<Record<string, ContextValue>>;
  /** by entry index: its type (undefined: a key the catalog does not know) */
  readonly types: readonly (ConditionKeyType | undefined)[];
  /** by entry index: the problem that leaves the entry out */
  readonly problems: readonly (string | undefined)[];
  /** the principal's keys the request gets because the entries do not give them */
  readonly derived: readonly ContextEntry[];
}

/** The request context of the entries typed by the catalog, plus the principal's keys. */
export function buildContext(
  entries: readonly ContextEntry[],
  principal: string,
  catalog: CatalogView,
): ContextBuild {
  const context: Record<string, ContextValue> = {};
  const seen = new Set<string>();
  const types: (ConditionKeyType | undefined)[] = [];
  const problems: (string | undefined)[] = [];
  for (const entry of entries) {
    const key = entry.key.trim();
    const type = key === '' ? undefined : conditionKeyType(key, catalog);
    types.push(type);
    const folded = foldCase(key);
    let problem: string | undefined;
    if (key === '') problem = undefined;
    else if (/\s/.test(key)) problem = 'A condition key has no spaces';
    else if (key.includes('${')) problem = `Replace ${key.slice(key.indexOf('${'), key.indexOf('}') + 1)} in the key`;
    else if (seen.has(folded)) problem = `${key} is given twice`;
    else problem = checkContextValue(type, entry.value);
    problems.push(problem);
    if (key === '' || problem !== undefined) continue;
    seen.add(folded);
    context[key] = contextValue(type, entry.value);
  }
  const derived = principalKeys(principal).filter((k) => !seen.has(foldCase(k.key)));
  for (const k of derived) context[k.key] = k.value;
  return { context, types, problems, derived };
}

// ---------------------------------------------------------------------------------------------
// actions and requests

export interface ActionList {
  /** "service:Action", canonical case when the catalog knows the action */
  readonly actions: readonly string[];
  /** chosen names the catalog does not know (evaluated as typed) */
  readonly unknown: readonly string[];
  /** chosen wildcards that match no catalog action */
  readonly empty: readonly string[];
  /** how many actions there were before the cut at MAX_ACTIONS */
  readonly total: number;
  /** statements whose NotAction was not expanded (table of the draft's actions) */
  readonly notActions: number;
}

export const ACTION_NAME = /^[A-Za-z0-9-]+:[A-Za-z0-9_-]+$/;

/** The catalog's spelling of an action name, or undefined when the catalog does not know it. */
export function canonicalAction(name: string, catalog: CatalogView): string | undefined {
  const found = expandActionPattern(name, catalog)[0];
  return found ? `${found.service}:${found.name}` : undefined;
}

function collect(patterns: readonly string[], catalog: CatalogView, notActions: number): ActionList {
  const seen = new Set<string>();
  const actions: string[] = [];
  const unknown: string[] = [];
  const empty: string[] = [];
  let total = 0;
  const push = (name: string) => {
    const key = foldCase(name);
    if (seen.has(key)) return;
    seen.add(key);
    total++;
    if (actions.length < MAX_ACTIONS) actions.push(name);
  };
  for (const raw of patterns) {
    const pattern = raw.trim();
    if (pattern === '') continue;
    if (hasWildcard(pattern)) {
      const matched = expandActionPattern(pattern, catalog);
      if (matched.length === 0) empty.push(pattern);
      for (const a of matched) push(`${a.service}:${a.name}`);
    } else {
      const canonical = canonicalAction(pattern, catalog);
      if (canonical === undefined && !unknown.includes(pattern)) unknown.push(pattern);
      push(canonical ?? pattern);
    }
  }
  return { actions, unknown, empty, total, notActions };
}

/** Every action the draft's statements name in Action (wildcards expanded), in statement order. */
export function draftActionPatterns(model: PolicyModel): { readonly patterns: string[]; readonly notActions: number } {
  const patterns: string[] = [];
  let notActions = 0;
  for (const st of model.statements) {
    if (st.action) patterns.push(...st.action.values.filter((v): v is string => typeof v === 'string'));
    else if (st.notAction) notActions++;
  }
  return { patterns, notActions };
}

/** The actions of the requests: the chosen ones, or every action the draft names. */
export function requestActions(
  mode: SimulateMode,
  chosen: readonly string[],
  model: PolicyModel,
  catalog: CatalogView,
): ActionList {
  if (mode === 'chosen') return collect(chosen, catalog, 0);
  const { patterns, notActions } = draftActionPatterns(model);
  return collect(patterns, catalog, notActions);
}

/** The resources of the requests: the non-empty ones given, each once; "*" when none is. */
export function requestResources(resources: readonly string[]): string[] {
  const out: string[] = [];
  for (const r of resources) {
    const t = r.trim();
    if (t !== '' && !out.includes(t) && out.length < MAX_RESOURCES) out.push(t);
  }
  return out.length === 0 ? ['*'] : out;
}

export interface Cell {
  readonly action: string;
  readonly resource: string;
  readonly result: EvaluationResult;
}

export interface SimulationRun {
  /** one row per action, one cell per resource */
  readonly rows: readonly (readonly Cell[])[];
  readonly counts: Readonly<Record<EvaluationResult['decision'], number>>;
}

/** Evaluates every action on every resource against the compiled policy set. */
export function runSimulation(
  compiled: CompiledPolicySet,
  actions: readonly string[],
  resources: readonly string[],
  principal: RequestPrincipal,
  context: Readonly<Record<string, ContextValue>>,
  catalog: CatalogView,
): SimulationRun {
  const counts = { allowed: 0, 'explicit-deny': 0, 'implicit-deny': 0 };
  const rows = actions.map((action) =>
    resources.map((resource) => {
      const result = evaluateCompiled(compiled, { principal, action, resource, context }, catalog);
      counts[result.decision]++;
      return { action, resource, result };
    }),
  );
  return { rows, counts };
}

/** The whole scenario evaluated: everything the panel shows. */
export interface ScenarioRun extends SimulationRun {
  readonly policies: PolicySetBuild;
  readonly contextBuild: ContextBuild;
  readonly actionList: ActionList;
  readonly resources: readonly string[];
  readonly principalProblem: string | undefined;
  /** statements of the draft the evaluator leaves out, with why */
  readonly skipped: readonly { readonly index: number; readonly why: string }[];
}

export function runScenario(
  scenario: Scenario,
  draft: JsonValue,
  model: PolicyModel,
  catalog: CatalogView,
): ScenarioRun {
  const policies = buildPolicySet(draft, scenario.draftAs, scenario.policies);
  const compiled = compile(policies.set);
  const contextBuild = buildContext(scenario.context, scenario.principal, catalog);
  const actionList = requestActions(scenario.mode, scenario.actions, model, catalog);
  const resources = requestResources(scenario.resources);
  const run = runSimulation(
    compiled,
    actionList.actions,
    resources,
    requestPrincipal(scenario.principal),
    contextBuild.context,
    catalog,
  );
  const draftCompiled =
    scenario.draftAs === 'identity'
      ? compiled.identity[0]
      : scenario.draftAs === 'scp'
        ? compiled.scps[0]?.[0]
        : scenario.draftAs === 'boundary'
          ? compiled.boundary
          : scenario.draftAs === 'resource'
            ? compiled.resource
            : compiled.session;
  return {
    ...run,
    policies,
    contextBuild,
    actionList,
    resources,
    principalProblem: checkPrincipal(scenario.principal),
    skipped: draftCompiled?.skipped ?? [],
  };
}
