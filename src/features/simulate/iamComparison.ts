/**
 * Compare with IAM: the panel's requests sent to IAM's SimulateCustomPolicy, and IAM's decisions
 * set beside ours. A request IAM's simulator cannot answer faithfully is "not comparable" with the
 * reason, never a disagreement. Its documented limits (IAM API reference, SimulateCustomPolicy):
 * no session policies ("scope-down" policies), no wildcards in action names, the caller of a
 * resource-based policy is an IAM user, group or role (not a role session, federated user or
 * service), no simulation of IAM roles' resource-based policies (trust policies), policy text of
 * Latin-1 characters only.
 */
import type {
  SimulateCustomPolicyInput,
  SimulationContextEntry,
  SimulationContextType,
  SimulationResultInfo,
} from '../../api/contract';
import type { CatalogView } from '../../catalog/catalog';
import type { ConditionKeyType } from '../../catalog/types';
import { conditionKeyType } from '../../policy/evaluate/keys';
import type { Decision } from '../../policy/evaluate/types';
import type { PolicyKind } from '../../policy/model';
import { ACTION_NAME, type ScenarioRun } from './simulation';

/** More actions than this are not sent (each is evaluated on every resource). */
export const MAX_COMPARED_ACTIONS = 200;
const MAX_POLICIES = 20;
const MAX_SCP_LEVELS = 5;
const MAX_CONTEXT_ENTRIES = 100;

const CONTEXT_TYPES: Readonly<Record<ConditionKeyType, SimulationContextType>> = {
  String: 'string',
  ArrayOfString: 'stringList',
  ARN: 'string',
  ArrayOfARN: 'stringList',
  Bool: 'boolean',
  ArrayOfBool: 'booleanList',
  Date: 'date',
  Numeric: 'numeric',
  IPAddress: 'ip',
};

export interface ComparisonPlan {
  /** what to send; undefined when no request can be compared */
  readonly input: SimulateCustomPolicyInput | undefined;
  /** identifies the requests: a comparison made for another key is stale */
  readonly key: string;
  /** why no request can be compared, when that is so */
  readonly blocked?: string;
  /** requests left out, by requestKey, with why */
  readonly excluded: ReadonlyMap<string, string>;
}

export function requestKey(action: string, resource: string): string {
  return `${action.toLowerCase()}\n${resource}`;
}

/** True when IAM takes the text: tab, line feed, carriage return and U+0020-U+00FF only. */
function isLatin1Text(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 0x09 || c === 0x0a || c === 0x0d || (c >= 0x20 && c <= 0xff))) return false;
  }
  return true;
}

const CALLER = /^arn:aws[a-z-]*:iam::\d{12}:(user|group|role)\/[\x21-\x7E]+$/;
const IAM_ROLE = /^arn:[^:]*:iam::[^:]*:role\//;

/** The typed context entries IAM takes, or why the context cannot be sent. */
function contextEntries(
  context: ScenarioRun['contextBuild']['context'],
  catalog: CatalogView,
): SimulationContextEntry[] | string {
  const entries: SimulationContextEntry[] = [];
  for (const [key, value] of Object.entries(context)) {
    const known = conditionKeyType(key, catalog);
    const list = typeof value !== 'string';
    if (list && value.length === 0) return `the context gives ${key} as an empty set, which IAM's simulator cannot take`;
    const type: SimulationContextType = known ? CONTEXT_TYPES[known] : list ? 'stringList' : 'string';
    const values = typeof value === 'string' ? [value] : [...value];
    entries.push({ key, type: values.length > 1 && !type.endsWith('List') ? (`${type}List` as SimulationContextType) : type, values });
  }
  if (entries.length > MAX_CONTEXT_ENTRIES) return `the context has more than ${MAX_CONTEXT_ENTRIES} keys`;
  return entries;
}

/** What to send to IAM for the panel's requests, and which requests cannot be compared. */
export function planComparison(
  run: ScenarioRun,
  principal: string,
  kind: PolicyKind,
  draftAs: string,
  catalog: CatalogView,
): ComparisonPlan {
  const excluded = new Map<string, string>();
  const { set } = run.policies;
  const text = (document: unknown) => JSON.stringify(document);
  const blockedPlan = (blocked: string): ComparisonPlan => ({ input: undefined, key: `blocked:${blocked}`, blocked, excluded });

  if (set.sessionPolicy) return blockedPlan('IAM’s simulator takes no session policy');
  if (kind === 'trust' && draftAs === 'resource') {
    return blockedPlan('IAM’s simulator does not simulate trust policies (the resource-based policies of IAM roles)');
  }
  const identity = (set.identityPolicies ?? []).map((p) => text(p.document));
  const scps = (set.scps ?? []).map((level) => level.map((p) => text(p.document)));
  const boundary = set.boundary ? text(set.boundary.document) : undefined;
  const resourcePolicy = set.resourcePolicy ? text(set.resourcePolicy.document) : undefined;
  const all = [...identity, ...scps.flat(), ...(boundary ? [boundary] : []), ...(resourcePolicy ? [resourcePolicy] : [])];
  if (all.length === 0) return blockedPlan('there is no policy to send');
  if (!all.every(isLatin1Text)) return blockedPlan('IAM’s simulator takes policies written in Latin-1 characters only');
  if (identity.length > MAX_POLICIES) return blockedPlan(`more than ${MAX_POLICIES} identity policies`);
  if (scps.length > MAX_SCP_LEVELS) return blockedPlan(`more than ${MAX_SCP_LEVELS} SCP levels`);

  const caller = principal.trim();
  const callerOk = CALLER.test(caller);
  if (resourcePolicy && !callerOk) {
    return blockedPlan(
      'IAM’s simulator evaluates a resource-based policy only for an IAM user, group or role as the principal (not a role session, federated user or service)',
    );
  }
  const context = contextEntries(run.contextBuild.context, catalog);
  if (typeof context === 'string') return blockedPlan(context);

  const unknown = new Set(run.actionList.unknown.map((a) => a.toLowerCase()));
  const actions: string[] = [];
  const actionReasons = new Map<string, string>();
  for (const action of run.actionList.actions) {
    let reason: string | undefined;
    if (!ACTION_NAME.test(action)) reason = 'IAM’s simulator takes action names without wildcards';
    else if (unknown.has(action.toLowerCase())) reason = 'not an action the catalog knows';
    else if (actions.length >= MAX_COMPARED_ACTIONS) reason = `only the first ${MAX_COMPARED_ACTIONS} actions are compared`;
    if (reason) actionReasons.set(action, reason);
    else actions.push(action);
  }
  const resources: string[] = [];
  const resourceReasons = new Map<string, string>();
  for (const resource of run.resources) {
    let reason: string | undefined;
    if (resource !== '*' && (!resource.startsWith('arn:') || resource.includes('${'))) reason = 'the resource is not a complete ARN';
    else if (resourcePolicy && IAM_ROLE.test(resource)) {
      reason = 'IAM’s simulator does not simulate the resource-based policies of IAM roles';
    }
    if (reason) resourceReasons.set(resource, reason);
    else resources.push(resource);
  }
  for (const row of run.rows) {
    for (const cell of row) {
      const reason = actionReasons.get(cell.action) ?? resourceReasons.get(cell.resource);
      if (reason) excluded.set(requestKey(cell.action, cell.resource), reason);
    }
  }
  if (actions.length === 0 || resources.length === 0) {
    return { input: undefined, key: 'nothing', excluded, ...(excluded.size === 0 ? { blocked: 'there is no request to compare' } : {}) };
  }
  const resourceAccount = run.contextBuild.context['aws:ResourceAccount'];
  const input: SimulateCustomPolicyInput = {
    policies: identity,
    ...(boundary ? { boundary } : {}),
    ...(scps.length > 0 ? { scps } : {}),
    ...(resourcePolicy ? { resourcePolicy } : {}),
    actions,
    resources,
    ...(callerOk ? { callerArn: caller } : {}),
    ...(typeof resourceAccount === 'string' && /^\d{12}$/.test(resourceAccount) ? { resourceOwner: resourceAccount } : {}),
    ...(context.length > 0 ? { context } : {}),
  };
  return { input, key: JSON.stringify(input), excluded };
}

export type Agreement = 'agrees' | 'differs' | 'not-comparable';

export interface ComparedRequest {
  readonly action: string;
  readonly resource: string;
  readonly ours: Decision;
  readonly iam?: Decision;
  readonly agreement: Agreement;
  /** for not-comparable: why */
  readonly reason?: string;
}

export interface Comparison {
  readonly requests: readonly ComparedRequest[];
  readonly agrees: number;
  readonly differs: number;
  readonly notComparable: number;
}

/** Our decisions beside IAM's, request by request. */
export function compare(
  run: ScenarioRun,
  plan: ComparisonPlan,
  results: readonly SimulationResultInfo[],
): Comparison {
  const byRequest = new Map(results.map((r) => [requestKey(r.action, r.resource), r]));
  const requests: ComparedRequest[] = [];
  let agrees = 0;
  let differs = 0;
  let notComparable = 0;
  for (const row of run.rows) {
    for (const cell of row) {
      const key = requestKey(cell.action, cell.resource);
      const ours = cell.result.decision;
      const reason = plan.blocked ?? plan.excluded.get(key);
      const iam = byRequest.get(key)?.decision;
      if (reason !== undefined || iam === undefined) {
        notComparable++;
        requests.push({ action: cell.action, resource: cell.resource, ours, agreement: 'not-comparable', reason: reason ?? 'IAM’s answer has no result for it' });
      } else if (iam === ours) {
        agrees++;
        requests.push({ action: cell.action, resource: cell.resource, ours, iam, agreement: 'agrees' });
      } else {
        differs++;
        requests.push({ action: cell.action, resource: cell.resource, ours, iam, agreement: 'differs' });
      }
    }
  }
  return { requests, agrees, differs, notComparable };
}

/** "IAM agrees on 12 of 12 requests", and what is left. */
export function comparisonSummary(c: Comparison): string {
  const compared = c.agrees + c.differs;
  const head = `IAM agrees on ${c.agrees} of ${compared} request${compared === 1 ? '' : 's'}`;
  const rest = [
    ...(c.differs > 0 ? [`${c.differs} differ${c.differs === 1 ? 's' : ''}`] : []),
    ...(c.notComparable > 0 ? [`${c.notComparable} not comparable`] : []),
  ];
  return rest.length > 0 ? `${head} · ${rest.join(' · ')}` : head;
}
