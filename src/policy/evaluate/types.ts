/**
 * Inputs and outputs of the policy evaluator (see evaluate.ts for the decision logic).
 * Plain data: documents are JSON values as parsed, context values are strings.
 */
import type { JsonValue } from '../model';

/** One named policy document (a file, a managed policy, an inline policy). */
export interface NamedPolicy {
  readonly name: string;
  readonly document: JsonValue;
}

/** Every policy that applies to one principal and one resource. */
export interface PolicySet {
  /** identity-based policies of the principal (user, its groups, or role) */
  readonly identityPolicies?: readonly NamedPolicy[];
  /** the principal's permissions boundary, when it has one */
  readonly boundary?: NamedPolicy;
  /** the session policy passed when the session was created, when there was one */
  readonly sessionPolicy?: NamedPolicy;
  /**
   * Service control policies, one list per level of the organization (root, each OU, the
   * account): every level must allow. Absent or empty: no SCPs apply.
   */
  readonly scps?: readonly (readonly NamedPolicy[])[];
  /** the resource-based policy attached to the resource, when it has one */
  readonly resourcePolicy?: NamedPolicy;
}

/** A context value: one string for a single-valued key, an array for a multivalued key. */
export type ContextValue = string | readonly string[];

export interface RequestPrincipal {
  /**
   * The principal's ARN: an IAM user (arn:aws:iam::111122223333:user/Ana), a role session
   * (arn:aws:sts::111122223333:assumed-role/Dev/ana), a role, a federated user, the account root,
   * or a service principal name (s3.amazonaws.com).
   */
  readonly arn: string;
  /** the principal's account; taken from the ARN when absent */
  readonly account?: string;
  /**
   * For a role session: the role's full ARN with its path. A session ARN does not carry the role's
   * path, so without this the role is taken as arn:aws:iam::ACCOUNT:role/NAME.
   */
  readonly roleArn?: string;
}

export interface EvaluationRequest {
  readonly principal: RequestPrincipal;
  /** "service:Action", any case */
  readonly action: string;
  /** the resource's ARN, or "*" for actions that take no resource */
  readonly resource: string;
  /** the resource's account; else the ARN's account field, else aws:ResourceAccount, else the principal's */
  readonly resourceAccount?: string;
  /** the request context: key (any case) → value(s). A key not here is absent. */
  readonly context?: Readonly<Record<string, ContextValue>>;
}

export interface EvaluationInput extends PolicySet {
  readonly request: EvaluationRequest;
}

export type Decision = 'allowed' | 'explicit-deny' | 'implicit-deny';

/** Which part of the policy set a policy belongs to. */
export type PolicyScope = 'identity' | 'boundary' | 'session' | 'scp' | 'resource';

/** A statement that decided the result. `index` is the statement's index in its document. */
export interface MatchedStatement {
  readonly policy: string;
  readonly scope: PolicyScope;
  readonly index: number;
  readonly sid: string | null;
  readonly effect: 'Allow' | 'Deny';
}

/** Why a statement did not apply although its action, resource and principal did. */
export interface ConditionReason {
  readonly kind: 'condition';
  readonly policy: string;
  readonly scope: PolicyScope;
  readonly index: number;
  readonly sid: string | null;
  readonly effect: 'Allow' | 'Deny';
  /** the operator as written, e.g. "ForAnyValue:StringLike" */
  readonly operator: string;
  /** the condition key as written */
  readonly key: string;
  /** the policy's values, after policy variables (null: a variable with no value) */
  readonly expected: readonly (string | null)[];
  /** the request's values; null when the key is absent */
  readonly actual: readonly string[] | null;
  readonly message: string;
}

/** A layer of the policy set that did not allow (the reason for an implicit deny), or a note. */
export interface LayerReason {
  readonly kind: 'no-allow' | 'note';
  readonly scope?: PolicyScope;
  /** the SCP level (0-based) for scope "scp" */
  readonly level?: number;
  readonly message: string;
}

export type Reason = ConditionReason | LayerReason;

export interface EvaluationResult {
  readonly decision: Decision;
  /** deny: the Deny statements that applied; allowed: the Allow statements each layer needed */
  readonly matched: readonly MatchedStatement[];
  readonly reasons: readonly Reason[];
}
