/**
 * The decision, following "Policy evaluation logic" (and its pages "Policy evaluation for requests
 * within a single account" and "Cross-account policy evaluation logic"):
 *
 * 1. An explicit Deny in any policy (SCP, resource-based, identity, boundary, session) denies.
 * 2. SCPs: each level given must hold an Allow for the request, else an implicit deny.
 * 3. Same account (the resource's account is the principal's): either the identity side or the
 *    resource-based policy may allow. The identity side is the identity policies' Allow, limited by
 *    the permissions boundary and the session policy when they are given. A resource-based Allow:
 *    - naming a role session's ARN allows on its own: not limited by an implicit deny in the
 *      identity policies, the boundary or the session policy ("Session policies": the resource
 *      policy's permissions are added after the session policy is applied);
 *    - naming an IAM user's ARN (or a federated user, service...) allows without an identity
 *      Allow and is not limited by the boundary ("Permissions boundaries for IAM entities"), but is
 *      limited by a session policy (added before the session is created);
 *    - naming the role's ARN allows without an identity Allow but is limited by the boundary and
 *      the session policy;
 *    - naming "*": taken as naming the principal's role for a session (limited like the role's
 *      ARN), and as naming the principal itself otherwise (a choice: the documentation is silent);
 *    - naming only the account delegates to the account: the identity side must allow.
 * 4. Cross account: the identity side must allow and the resource-based policy must allow (in any
 *    way it names the principal); with no resource-based policy there is no cross-account access.
 * 5. Otherwise an implicit deny.
 *
 * Also from "Permissions boundaries for IAM entities": a resource-based Deny with NotPrincipal
 * always applies to a principal that has a permissions boundary, whatever NotPrincipal lists.
 *
 * Not modelled: resource control policies, the root user's implicit full access, the management
 * account's exemption from SCPs, service-linked roles, VPC endpoint policies, ACLs, and service
 * specific rules (KMS key policies that must name the account, S3 object ownership, IAM trust).
 */
import type { CatalogView } from '../../catalog/catalog';
import { foldCase } from '../wildcard';
import { compile } from './compile';
import type { CompiledPolicy, CompiledPolicySet, CompiledStatement } from './compile';
import { conditionKeyType } from './keys';
import { describePrincipal, notPrincipalApplies, principalMatch, strongest } from './principals';
import type { PrincipalInfo, PrincipalMatch } from './principals';
import type {
  ConditionReason,
  ContextValue,
  EvaluationInput,
  EvaluationRequest,
  EvaluationResult,
  MatchedStatement,
  Reason,
  RequestPrincipal,
} from './types';
import type { ContextLookup } from './variables';
import { readBinary, readBool, readDate, readIp, readNumber, splitArn } from './values';

/** A request prepared once for every statement: folded names, split ARN, context lookup. */
interface PreparedRequest {
  readonly action: string;
  readonly service: string;
  readonly resource: string;
  readonly resourceParts: readonly string[] | undefined;
  readonly lookup: ContextLookup;
  readonly principal: PrincipalInfo;
  readonly resourceAccount: string | undefined;
  readonly hasBoundary: boolean;
}

const READERS: Readonly<Record<string, (text: string) => unknown>> = {
  Numeric: readNumber,
  Date: readDate,
  Bool: readBool,
  ArrayOfBool: readBool,
  IPAddress: readIp,
  Binary: readBinary,
  ARN: splitArn,
  ArrayOfARN: splitArn,
};

const principals = new Map<string, PrincipalInfo>();

/** describePrincipal, remembered: a run of requests usually comes from a few principals. */
function principalInfo(principal: RequestPrincipal): PrincipalInfo {
  const key = `${principal.arn}\n${principal.account ?? ''}\n${principal.roleArn ?? ''}`;
  let info = principals.get(key);
  if (info === undefined) {
    info = describePrincipal(principal);
    if (principals.size >= 1000) principals.clear();
    principals.set(key, info);
  }
  return info;
}

/**
 * The request context, folded on first use: requests that reach no condition and no policy
 * variable never pay for it.
 */
class RequestContext {
  private folded: Map<string, readonly string[]> | undefined;

  constructor(private readonly raw: Readonly<Record<string, ContextValue>> | undefined) {}

  get(foldedKey: string): readonly string[] | undefined {
    if (this.folded === undefined) {
      this.folded = new Map();
      for (const key in this.raw) {
        const value = this.raw[key] as ContextValue;
        this.folded.set(foldKey(key), typeof value === 'string' ? [value] : value);
      }
    }
    return this.folded.get(foldedKey);
  }
}

const foldedKeys = new Map<string, string>();

function foldKey(key: string): string {
  let folded = foldedKeys.get(key);
  if (folded === undefined) {
    folded = foldCase(key);
    if (foldedKeys.size >= 10_000) foldedKeys.clear();
    foldedKeys.set(key, folded);
  }
  return folded;
}

/** Notes on context values that do not fit their key's type in the catalog. */
function typeNotes(request: EvaluationRequest, catalog: CatalogView, notes: Reason[]): void {
  for (const [key, value] of Object.entries(request.context ?? {})) {
    const values: readonly string[] = typeof value === 'string' ? [value] : value;
    const type = conditionKeyType(key, catalog);
    if (type === undefined) continue;
    const read = READERS[type];
    if (!type.startsWith('ArrayOf') && values.length > 1) {
      notes.push({
        kind: 'note',
        message: `${key} is single-valued (${type}) but the request gives it ${values.length} values.`,
      });
    }
    for (const v of values) {
      if (read !== undefined && read(v) === undefined) {
        notes.push({
          kind: 'note',
          message: `${key} is of type ${type}, and "${v}" is not: it matches no ${type} operator.`,
        });
      }
    }
  }
}

function prepare(
  request: EvaluationRequest,
  set: CompiledPolicySet,
  notes: Reason[],
  catalog?: CatalogView,
): PreparedRequest {
  const context = new RequestContext(request.context);
  if (catalog !== undefined) typeNotes(request, catalog, notes);
  const action = foldCase(request.action);
  const colon = action.indexOf(':');
  const resourceParts = splitArn(request.resource);
  const principal = principalInfo(request.principal);
  const fromArn = resourceParts?.[4];
  let resourceAccount = request.resourceAccount;
  if (resourceAccount === undefined && fromArn !== undefined && fromArn !== '') resourceAccount = fromArn;
  if (resourceAccount === undefined) {
    const fromContext = context.get('aws:resourceaccount');
    resourceAccount =
      fromContext !== undefined && fromContext.length === 1 ? fromContext[0] : principal.account;
  }
  return {
    action,
    service: colon >= 0 ? action.slice(0, colon) : action,
    resource: request.resource,
    resourceParts,
    lookup: (key) => context.get(key),
    principal,
    resourceAccount,
    hasBoundary: set.boundary !== undefined,
  };
}

function describeValues(values: readonly (string | null)[]): string {
  return values.map((v) => (v === null ? '(variable with no value)' : JSON.stringify(v))).join(', ');
}

/**
 * Does the statement apply to the request? For a resource-based statement, how it names the
 * principal (NotPrincipal: "everyone"); otherwise "self". Undefined when it does not apply; a
 * failed condition is added to `reasons`.
 */
function applies(st: CompiledStatement, req: PreparedRequest, reasons: Reason[]): PrincipalMatch | undefined {
  if (st.actions.matches(req.action, req.service) === st.notAction) return undefined;
  if (
    st.resources !== undefined &&
    st.resources.matches(req.resource, req.resourceParts, req.lookup) === st.notResource
  ) {
    return undefined;
  }
  let how: PrincipalMatch | undefined = 'self';
  if (st.principals !== undefined) {
    if (st.notPrincipal) {
      const forced = st.effect === 'Deny' && req.hasBoundary;
      how = forced || notPrincipalApplies(st.principals, req.principal) ? 'everyone' : undefined;
    } else {
      how = principalMatch(st.principals, req.principal);
    }
    if (how === undefined) return undefined;
  }
  for (const condition of st.conditions) {
    if (condition.test(req.lookup)) continue;
    const expected = condition.expected(req.lookup);
    const actual = req.lookup(condition.foldedKey) ?? null;
    const why =
      condition.invalid ??
      (actual === null
        ? `${condition.key} is not in the request`
        : `${condition.key} is ${describeValues(actual)}`);
    const reason: ConditionReason = {
      kind: 'condition',
      policy: st.policy,
      scope: st.scope,
      index: st.index,
      sid: st.sid,
      effect: st.effect,
      operator: condition.operator,
      key: condition.key,
      expected,
      actual,
      message: `${condition.operator} ${condition.key} [${describeValues(expected)}] is false: ${why}.`,
    };
    reasons.push(reason);
    return undefined;
  }
  return how;
}

function matchedOf(st: CompiledStatement): MatchedStatement {
  return st.matched;
}

interface PolicyVerdict {
  readonly allows: CompiledStatement[];
  readonly denies: CompiledStatement[];
  /** for the resource-based policy: the strongest way an Allow named the principal */
  how: PrincipalMatch | undefined;
}

function judge(policies: readonly CompiledPolicy[], req: PreparedRequest, reasons: Reason[]): PolicyVerdict {
  const verdict: PolicyVerdict = { allows: [], denies: [], how: undefined };
  for (const policy of policies) {
    for (const st of policy.statements) {
      const how = applies(st, req, reasons);
      if (how === undefined) continue;
      if (st.effect === 'Deny') {
        verdict.denies.push(st);
      } else {
        verdict.allows.push(st);
        verdict.how = strongest(verdict.how, how);
      }
    }
  }
  return verdict;
}

/** Evaluates a compiled policy set for one request. */
export function evaluateCompiled(
  set: CompiledPolicySet,
  request: EvaluationRequest,
  catalog?: CatalogView,
): EvaluationResult {
  const reasons: Reason[] = [];
  const req = prepare(request, set, reasons, catalog);
  const none: readonly CompiledPolicy[] = [];
  const scps = set.scps.map((level) => judge(level, req, reasons));
  const resource = judge(set.resource === undefined ? none : [set.resource], req, reasons);
  const identity = judge(set.identity, req, reasons);
  const boundary = set.boundary === undefined ? undefined : judge([set.boundary], req, reasons);
  const session = set.session === undefined ? undefined : judge([set.session], req, reasons);

  const anyDeny =
    resource.denies.length > 0 ||
    identity.denies.length > 0 ||
    (boundary !== undefined && boundary.denies.length > 0) ||
    (session !== undefined && session.denies.length > 0) ||
    scps.some((v) => v.denies.length > 0);
  const denies = anyDeny
    ? [
        ...scps.flatMap((v) => v.denies),
        ...resource.denies,
        ...identity.denies,
        ...(boundary?.denies ?? []),
        ...(session?.denies ?? []),
      ]
    : [];
  if (denies.length > 0) return { decision: 'explicit-deny', matched: denies.map(matchedOf), reasons };

  const implicit = (message: string, scope?: Reason['scope'], level?: number): EvaluationResult => {
    const reason: Reason =
      level === undefined
        ? { kind: 'no-allow', scope, message }
        : { kind: 'no-allow', scope, level, message };
    return { decision: 'implicit-deny', matched: [], reasons: [...reasons, reason] };
  };

  for (let level = 0; level < scps.length; level++) {
    const verdict = scps[level];
    if (verdict !== undefined && verdict.allows.length === 0) {
      return implicit(
        `No SCP at level ${level + 1} allows ${request.action} on ${request.resource}.`,
        'scp',
        level,
      );
    }
  }
  const scpAllows = scps.flatMap((v) => v.allows);

  const boundaryOk = boundary === undefined || boundary.allows.length > 0;
  const sessionOk = session === undefined || session.allows.length > 0;
  const identityAllowed = identity.allows.length > 0 && boundaryOk && sessionOk;
  const identitySide = [...identity.allows, ...(boundary?.allows ?? []), ...(session?.allows ?? [])];
  const sameAccount =
    req.resourceAccount === undefined ||
    req.principal.account === undefined ||
    req.resourceAccount === req.principal.account;
  const allowed = (statements: readonly CompiledStatement[]): EvaluationResult => ({
    decision: 'allowed',
    matched: [...scpAllows, ...statements].map(matchedOf),
    reasons,
  });

  const how = resource.how;
  if (sameAccount && how !== undefined) {
    const isSession = req.principal.kind === 'session';
    const roleLike = isSession || req.principal.kind === 'role';
    const strength: 'alone' | 'session-limited' | 'limited' | 'delegated' =
      how === 'account'
        ? 'delegated'
        : how === 'role' || (how === 'everyone' && roleLike)
          ? 'limited'
          : isSession
            ? 'alone'
            : 'session-limited';
    const grants =
      strength === 'alone' ||
      (strength === 'session-limited' && sessionOk) ||
      (strength === 'limited' && boundaryOk && sessionOk);
    if (grants) {
      const limits = [
        ...(strength === 'limited' ? (boundary?.allows ?? []) : []),
        ...(strength !== 'alone' ? (session?.allows ?? []) : []),
      ];
      return allowed([...resource.allows, ...limits]);
    }
  }
  if (sameAccount) {
    if (identityAllowed) return allowed(identitySide);
  } else if (identityAllowed && how !== undefined) {
    return allowed([...identitySide, ...resource.allows]);
  }

  if (!sameAccount && set.resource === undefined) {
    return implicit(
      `Cross-account request (principal in ${req.principal.account ?? '?'}, resource in ${req.resourceAccount ?? '?'}): a resource-based policy must allow it, and there is none.`,
      'resource',
    );
  }
  if (!sameAccount && how === undefined) {
    return implicit(
      'Cross-account request: the resource-based policy does not allow this principal.',
      'resource',
    );
  }
  if (identity.allows.length === 0) {
    const also =
      how === 'account'
        ? '; the resource-based policy names only the account, which leaves the decision to identity-based policies'
        : set.resource === undefined
          ? ''
          : ' and no resource-based policy statement grants it';
    return implicit(
      `No identity-based policy allows ${request.action} on ${request.resource}${also}.`,
      'identity',
    );
  }
  if (!boundaryOk) {
    return implicit(
      `The permissions boundary does not allow ${request.action} on ${request.resource}.`,
      'boundary',
    );
  }
  return implicit(`The session policy does not allow ${request.action} on ${request.resource}.`, 'session');
}

/** Compiles and evaluates in one step (compile once with `compile` to evaluate many requests). */
export function evaluate(input: EvaluationInput, catalog?: CatalogView): EvaluationResult {
  return evaluateCompiled(compile(input), input.request, catalog);
}
