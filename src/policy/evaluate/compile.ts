/**
 * Policies compiled once for fast repeated evaluation: action lists become a set of exact names
 * plus wildcard patterns grouped by service, resources are split into ARN parts, conditions are
 * closures. Everything compares with the linear-time matcher of ../wildcard.ts.
 *
 * Case: action names compare case-insensitively, resources and principals case-sensitively
 * ("IAM JSON policy elements: Action", "... Resource").
 */
import type { JsonValue, StatementView } from '../model';
import { buildModel } from '../parse';
import { foldCase, hasWildcard, wildcardMatch } from '../wildcard';
import { compileCondition } from './conditions';
import type { CompiledCondition } from './conditions';
import { compilePrincipals } from './principals';
import type { CompiledPrincipals } from './principals';
import type { MatchedStatement, NamedPolicy, PolicyScope, PolicySet } from './types';
import { compileTemplate, patternMatch, resolveTemplate } from './variables';
import type { ContextLookup, Template } from './variables';
import { splitArn } from './values';

const MEMO_LIMIT = 50_000;

/** "s3:get*" (a single trailing star) is a prefix test; anything else goes to the matcher. */
function matchAction(pattern: string, action: string): boolean {
  const star = pattern.indexOf('*');
  if (star === pattern.length - 1 && !pattern.includes('?')) return action.startsWith(pattern.slice(0, star));
  return wildcardMatch(pattern, action);
}

/** Matches folded action names ("s3:getobject") against a list of action patterns. */
export class ActionMatcher {
  private readonly exact = new Set<string>();
  private readonly byService = new Map<string, string[]>();
  private readonly anyService: string[] = [];
  private readonly all: boolean;

  constructor(patterns: readonly string[]) {
    let all = false;
    for (const raw of patterns) {
      const pattern = foldCase(raw);
      if (pattern === '*') {
        all = true;
        continue;
      }
      if (!hasWildcard(pattern)) {
        this.exact.add(pattern);
        continue;
      }
      const colon = pattern.indexOf(':');
      const service = colon >= 0 ? pattern.slice(0, colon) : pattern;
      if (colon < 0 || hasWildcard(service)) {
        this.anyService.push(pattern);
      } else {
        const list = this.byService.get(service);
        if (list === undefined) this.byService.set(service, [pattern]);
        else list.push(pattern);
      }
    }
    this.all = all;
  }

  /** answers so far: action names are few (some 20,000), so repeated requests cost one lookup */
  private readonly memo = new Map<string, boolean>();

  /** `action` folded, `service` its folded prefix */
  matches(action: string, service: string): boolean {
    if (this.all || this.exact.has(action)) return true;
    const known = this.memo.get(action);
    if (known !== undefined) return known;
    const found = this.search(action, service);
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(action, found);
    return found;
  }

  private search(action: string, service: string): boolean {
    const list = this.byService.get(service);
    if (list !== undefined) for (const p of list) if (matchAction(p, action)) return true;
    for (const p of this.anyService) if (matchAction(p, action)) return true;
    return false;
  }
}

interface ResourcePattern {
  readonly template: Template;
  /** for a constant pattern: "*" */
  readonly all: boolean;
  /** for a constant pattern: its six ARN parts, when it has them */
  readonly parts: readonly string[] | undefined;
}

/** Matches the request's resource against Resource / NotResource patterns (case-sensitive). */
export class ResourceMatcher {
  private readonly patterns: readonly ResourcePattern[];

  constructor(values: readonly string[], variables: boolean) {
    this.patterns = values.map((value) => {
      const template = compileTemplate(value, variables);
      const constant = template.constant;
      return {
        template,
        all: constant === '*',
        parts: constant === undefined ? undefined : splitArn(constant),
      };
    });
  }

  /** `parts`: the resource's ARN parts, undefined when it is not an ARN */
  matches(resource: string, parts: readonly string[] | undefined, lookup: ContextLookup): boolean {
    for (const p of this.patterns) {
      if (p.all) return true;
      let pattern: string;
      let patternParts = p.parts;
      if (p.template.constant === undefined) {
        const resolved = resolveTemplate(p.template, lookup, true);
        if (resolved === null) continue;
        if (resolved === '*') return true;
        pattern = resolved;
        patternParts = splitArn(resolved);
      } else {
        pattern = p.template.constant;
      }
      if (patternParts !== undefined && parts !== undefined) {
        // ARN against ARN: each of the six parts separately, so a wildcard stays within its part.
        let ok = true;
        for (let i = 0; i < 6 && ok; i++) ok = patternMatch(patternParts[i] as string, parts[i] as string);
        if (ok) return true;
      } else if (patternMatch(pattern, resource)) {
        return true;
      }
    }
    return false;
  }
}

export interface CompiledStatement {
  readonly policy: string;
  readonly scope: PolicyScope;
  readonly index: number;
  readonly sid: string | null;
  readonly effect: 'Allow' | 'Deny';
  readonly actions: ActionMatcher;
  /** true for NotAction */
  readonly notAction: boolean;
  /** undefined: no Resource nor NotResource (a resource-based policy's own resource) */
  readonly resources: ResourceMatcher | undefined;
  readonly notResource: boolean;
  /** resource-based policies only */
  readonly principals: CompiledPrincipals | undefined;
  readonly notPrincipal: boolean;
  readonly conditions: readonly CompiledCondition[];
  /** the statement as a result reports it */
  readonly matched: MatchedStatement;
}

export interface CompiledPolicy {
  readonly name: string;
  readonly scope: PolicyScope;
  readonly statements: readonly CompiledStatement[];
  /** statements left out, with why (an Effect other than Allow/Deny, no Action, ...) */
  readonly skipped: readonly { readonly index: number; readonly why: string }[];
}

export interface CompiledPolicySet {
  readonly identity: readonly CompiledPolicy[];
  readonly boundary: CompiledPolicy | undefined;
  readonly session: CompiledPolicy | undefined;
  readonly scps: readonly (readonly CompiledPolicy[])[];
  readonly resource: CompiledPolicy | undefined;
}

function compileStatement(
  view: StatementView,
  policy: string,
  scope: PolicyScope,
  variables: boolean,
): CompiledStatement | string {
  if (view.effect !== 'Allow' && view.effect !== 'Deny') return 'its Effect is neither "Allow" nor "Deny"';
  const actionList = view.action ?? view.notAction;
  if (actionList === undefined || (view.action !== undefined && view.notAction !== undefined)) {
    return 'it needs exactly one of Action and NotAction';
  }
  if (view.resource !== undefined && view.notResource !== undefined) {
    return 'it has both Resource and NotResource';
  }
  const resourceList = view.resource ?? view.notResource;
  if (resourceList === undefined && scope !== 'resource') return 'it has neither Resource nor NotResource';
  let principals: CompiledPrincipals | undefined;
  const principalValue: JsonValue | undefined = view.principal ?? view.notPrincipal;
  if (scope === 'resource') {
    if (principalValue === undefined || (view.principal !== undefined && view.notPrincipal !== undefined)) {
      return 'a resource-based policy statement needs exactly one of Principal and NotPrincipal';
    }
    principals = compilePrincipals(principalValue);
    if (principals === undefined) return 'its Principal is not of a valid shape';
  }
  const conditions: CompiledCondition[] = [];
  if (view.raw.Condition !== undefined) {
    for (const entry of view.conditions) conditions.push(compileCondition(entry, variables));
  }
  const sid = view.sid ?? null;
  return {
    policy,
    scope,
    index: view.index,
    sid,
    effect: view.effect,
    matched: Object.freeze({ policy, scope, index: view.index, sid, effect: view.effect }),
    actions: new ActionMatcher(actionList.values),
    notAction: view.action === undefined,
    resources: resourceList === undefined ? undefined : new ResourceMatcher(resourceList.values, variables),
    notResource: view.resource === undefined && view.notResource !== undefined,
    principals,
    notPrincipal: scope === 'resource' && view.principal === undefined,
    conditions,
  };
}

/** Compiles one policy document for one place in the policy set. */
export function compilePolicy(policy: NamedPolicy, scope: PolicyScope): CompiledPolicy {
  const model = buildModel(policy.document);
  // Policy variables exist only in the 2012-10-17 language ("Policy variables").
  const variables = model.version === '2012-10-17';
  const statements: CompiledStatement[] = [];
  const skipped: { index: number; why: string }[] = [];
  for (const view of model.statements) {
    const compiled = compileStatement(view, policy.name, scope, variables);
    if (typeof compiled === 'string') skipped.push({ index: view.index, why: compiled });
    else statements.push(compiled);
  }
  return { name: policy.name, scope, statements, skipped };
}

/** Compiles a whole policy set; evaluate it with `evaluateCompiled` as often as needed. */
export function compile(policies: PolicySet): CompiledPolicySet {
  return {
    identity: (policies.identityPolicies ?? []).map((p) => compilePolicy(p, 'identity')),
    boundary: policies.boundary === undefined ? undefined : compilePolicy(policies.boundary, 'boundary'),
    session:
      policies.sessionPolicy === undefined ? undefined : compilePolicy(policies.sessionPolicy, 'session'),
    scps: (policies.scps ?? []).map((level) => level.map((p) => compilePolicy(p, 'scp'))),
    resource:
      policies.resourcePolicy === undefined ? undefined : compilePolicy(policies.resourcePolicy, 'resource'),
  };
}
