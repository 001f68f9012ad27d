/** Builders for conformance scenarios: a scenario is plain data (policies, request, expectation). */
import type { JsonObject, JsonValue } from '../../model';
import type { ContextValue, Decision, EvaluationInput, EvaluationRequest, NamedPolicy } from '../types';

/** AWS documentation pages the scenarios cite, by title. */
export const DOCS = {
  evaluation: 'Policy evaluation logic',
  singleAccount: 'Policy evaluation for requests within a single account',
  crossAccount: 'Cross-account policy evaluation logic',
  operators: 'IAM JSON policy elements: Condition operators',
  multiple: 'Conditions with multiple context keys or values',
  multivalued: 'Single-valued vs. multivalued context keys',
  variables: 'IAM policy elements: Variables and tags',
  version: 'IAM JSON policy elements: Version',
  effect: 'IAM JSON policy elements: Effect',
  action: 'IAM JSON policy elements: Action',
  notAction: 'IAM JSON policy elements: NotAction',
  resource: 'IAM JSON policy elements: Resource',
  notResource: 'IAM JSON policy elements: NotResource',
  principal: 'IAM JSON policy elements: Principal',
  notPrincipal: 'IAM JSON policy elements: NotPrincipal',
  condition: 'IAM JSON policy elements: Condition',
  boundaries: 'Permissions boundaries for IAM entities',
  session: 'Policies and permissions in IAM: Session policies',
  scp: 'Service control policies (SCPs)',
} as const;

export type DocPage = (typeof DOCS)[keyof typeof DOCS];

export interface Scenario {
  readonly id: string;
  readonly doc: DocPage;
  /** the documented rule this scenario tests (or, marked "Choice:", what we chose where docs are silent) */
  readonly rule: string;
  readonly input: EvaluationInput;
  readonly expect: Decision;
  /** when given: the deciding statements as "policy#index" */
  readonly matched?: readonly string[];
}

export const ACCOUNT = '111122223333';
export const OTHER_ACCOUNT = '444455556666';
export const USER = `arn:aws:iam::${ACCOUNT}:user/ana`;
export const ROLE = `arn:aws:iam::${ACCOUNT}:role/Dev`;
export const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/Dev/ana`;
export const OTHER_USER = `arn:aws:iam::${OTHER_ACCOUNT}:user/bob`;
export const BUCKET = 'arn:aws:s3:::example-bucket';
export const OBJECT = `${BUCKET}/reports/2026.csv`;

export function statement(fields: JsonObject): JsonObject {
  return fields;
}

export function doc(...statements: JsonObject[]): JsonObject {
  return { Version: '2012-10-17', Statement: statements };
}

export function named(name: string, document: JsonValue): NamedPolicy {
  return { name, document };
}

export const allowAll = (extra: JsonObject = {}): JsonObject => ({
  Effect: 'Allow',
  Action: '*',
  Resource: '*',
  ...extra,
});

export function request(
  action: string,
  resource: string,
  context?: Readonly<Record<string, ContextValue>>,
  principal: string = USER,
): EvaluationRequest {
  return context === undefined
    ? { principal: { arn: principal }, action, resource }
    : { principal: { arn: principal }, action, resource, context };
}

/**
 * One condition test: an identity policy allows s3:GetObject on everything when `operator` holds
 * for `key` with `values`; the request gives `key` the value `given` (undefined: absent).
 */
export function conditionScenario(
  id: string,
  doc_: DocPage,
  rule: string,
  operator: string,
  key: string,
  values: JsonValue,
  given: ContextValue | undefined,
  allowed: boolean,
): Scenario {
  const policy = doc({
    Effect: 'Allow',
    Action: 's3:GetObject',
    Resource: '*',
    Condition: { [operator]: { [key]: values } },
  });
  return {
    id,
    doc: doc_,
    rule,
    input: {
      identityPolicies: [named('identity.json', policy)],
      request: request('s3:GetObject', OBJECT, given === undefined ? {} : { [key]: given }),
    },
    expect: allowed ? 'allowed' : 'implicit-deny',
  };
}

/** Compact rows: [operator, key, policy values, request value (undefined: absent), allowed, rule]. */
export type ConditionRow = readonly [string, string, JsonValue, ContextValue | undefined, boolean, string];

export function conditionScenarios(prefix: string, doc_: DocPage, rows: readonly ConditionRow[]): Scenario[] {
  return rows.map(([operator, key, values, given, allowed, rule], i) =>
    conditionScenario(
      `${prefix}-${String(i + 1).padStart(3, '0')}`,
      doc_,
      rule,
      operator,
      key,
      values,
      given,
      allowed,
    ),
  );
}
