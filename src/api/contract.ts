/**
 * The contract between the browser and the local server: every operation, its input and its
 * output, as plain types. The server checks every body against zod schemas written to these types
 * (src/server/contract.ts, which the compiler holds to them); the browser needs no zod.
 *
 * Each operation is `POST /api/<name>` with a JSON body. A success answers 200 with the
 * operation's output; a failure answers an HTTP error status with
 * `{ error: { code, message, hint? } }` (ApiErrorBody).
 */

export const API_PREFIX = '/api/';

/** How the server talks to IAM. */
export type ConnectionMode = 'aws' | 'sandbox' | 'endpoint';

/** An error as the API reports it: a stable code, what happened, and what to do next. */
export interface ApiErrorInfo {
  readonly code: string;
  readonly message: string;
  /** what to do next */
  readonly hint?: string;
  /** createRole: the trust policy's error findings (from our validator) */
  readonly findings?: readonly FindingInfo[];
  /** createPolicyVersion at the 5-version quota: the policy's versions, newest first */
  readonly versions?: readonly PolicyVersionInfo[];
}

export interface ApiErrorBody {
  readonly error: ApiErrorInfo;
}

export interface FindingInfo {
  readonly code: string;
  readonly severity: string;
  readonly message: string;
  readonly pointer: string;
}

export interface SessionInfo {
  readonly app: string;
  readonly version: string;
  readonly mode: ConnectionMode;
  readonly profile?: string;
  readonly region?: string;
  readonly endpointUrl?: string;
  /** true when STS GetCallerIdentity answered */
  readonly connected: boolean;
  /** e.g. "Sandbox account 123456789012", "AWS account 111122223333 (profile dev)" or "Not connected" */
  readonly label: string;
  readonly accountId?: string;
  readonly arn?: string;
  readonly userId?: string;
  /** when not connected: why, and what to do */
  readonly error?: ApiErrorInfo;
  /** ISO time of the identity check (answers are cached briefly) */
  readonly checkedAt?: string;
}

export type PrincipalKind = 'user' | 'group' | 'role';

export interface PrincipalInfo {
  readonly kind: PrincipalKind;
  readonly name: string;
  readonly arn: string;
  readonly path: string;
  readonly id: string;
  readonly createDate?: string;
  readonly description?: string;
  /** managed policies attached now; absent when they could not be listed */
  readonly attachedPolicyCount?: number;
  /** IAM's default quota of attached managed policies (10) */
  readonly attachedPolicyQuota: number;
  readonly atQuota: boolean;
}

export interface ListPrincipalsOutput {
  readonly principals: readonly PrincipalInfo[];
  /** pass back as `cursor` for the next page; absent on the last page */
  readonly nextCursor?: string;
  /** principals matching the search, over all pages */
  readonly total: number;
}

export interface PolicyInfo {
  readonly name: string;
  readonly arn: string;
  readonly path: string;
  readonly id: string;
  readonly defaultVersionId: string;
  readonly attachmentCount: number;
  readonly isAttachable: boolean;
  readonly description?: string;
  readonly createDate?: string;
  readonly updateDate?: string;
}

export interface ListPoliciesOutput {
  readonly policies: readonly PolicyInfo[];
  readonly nextCursor?: string;
  readonly total: number;
}

export interface PolicyDocumentOutput {
  readonly policyArn: string;
  readonly versionId: string;
  readonly isDefaultVersion: boolean;
  readonly createDate?: string;
  /** the document text exactly as stored: URL-decoded once when IAM sent it encoded, else as sent */
  readonly document: string;
}

export interface CheckPolicyNameOutput {
  readonly name: string;
  /** the name satisfies IAM's pattern and length */
  readonly valid: boolean;
  /** valid, and no customer managed policy has this name (compared case-insensitively) */
  readonly available: boolean;
  /** why the name cannot be used */
  readonly problem?: string;
  /** the existing policy whose name matches case-insensitively */
  readonly conflict?: { readonly name: string; readonly arn: string };
}

export interface CreatePolicyOutput {
  readonly policy: PolicyInfo;
}

export type AttachStatus =
  'attached' | 'already-attached' | 'quota-reached' | 'no-such-entity' | 'access-denied' | 'error';

export interface AttachResult {
  readonly kind: PrincipalKind;
  readonly name: string;
  readonly status: AttachStatus;
  /** for failures: IAM's error code */
  readonly code?: string;
  readonly message?: string;
  readonly hint?: string;
}

export interface AttachPolicyOutput {
  readonly policyArn: string;
  /** one per distinct target, in request order */
  readonly results: readonly AttachResult[];
  /** targets that have the policy now (attached + already-attached) */
  readonly succeeded: number;
  readonly failed: number;
}

export interface RoleInfo {
  readonly name: string;
  readonly arn: string;
  readonly path: string;
  readonly id: string;
  readonly createDate?: string;
  readonly description?: string;
  readonly maxSessionDuration: number;
  /** the trust policy, URL-decoded exactly once */
  readonly trustPolicy: string;
}

export interface CreateRoleOutput {
  readonly role: RoleInfo;
}

export interface PolicyVersionInfo {
  readonly versionId: string;
  readonly isDefaultVersion: boolean;
  readonly createDate?: string;
}

export interface ListPolicyVersionsOutput {
  readonly policyArn: string;
  /** newest first */
  readonly versions: readonly PolicyVersionInfo[];
  /** IAM keeps at most this many versions (5) */
  readonly quota: number;
}

export interface CreatePolicyVersionOutput {
  readonly version: PolicyVersionInfo;
  readonly versions: readonly PolicyVersionInfo[];
}

export interface DeletePolicyVersionOutput {
  readonly versions: readonly PolicyVersionInfo[];
}

/** The tag that marks every part of a policy set (value: the set's name); see ListPolicySetsOutput. */
export const POLICY_SET_TAG = 'iam-workbench:set';

export interface PolicySetPartInfo {
  readonly policy: PolicyInfo;
  /** the part's tags, as IAM keeps them */
  readonly tags: readonly TagInput[];
  /** the users, groups and roles the part is attached to */
  readonly attachedTo: readonly TargetInput[];
}

export interface PolicySetInfo {
  /** the value of the POLICY_SET_TAG tag its parts share */
  readonly name: string;
  /** in name order */
  readonly parts: readonly PolicySetPartInfo[];
}

export interface ListPolicySetsOutput {
  /** customer managed policies tagged POLICY_SET_TAG, grouped by the tag's value, in name order */
  readonly sets: readonly PolicySetInfo[];
}

export interface DeletePolicyOutput {
  readonly policyArn: string;
  /** the users, groups and roles it was detached from first */
  readonly detached: readonly TargetInput[];
  /** non-default versions deleted first (IAM deletes the default one with the policy) */
  readonly deletedVersions: readonly string[];
}

export interface PutInlinePolicyOutput {
  readonly kind: PrincipalKind;
  readonly name: string;
  readonly policyName: string;
}

export interface TagInput {
  key: string;
  value: string;
}

export interface TargetInput {
  kind: PrincipalKind;
  name: string;
}

export type TrustInput = { kind: 'services'; services: string[] } | { kind: 'custom'; document: string };

/** IAM's ContextKeyType for a context entry of SimulateCustomPolicy. */
export type SimulationContextType =
  | 'string'
  | 'stringList'
  | 'numeric'
  | 'numericList'
  | 'boolean'
  | 'booleanList'
  | 'ip'
  | 'ipList'
  | 'binary'
  | 'binaryList'
  | 'date'
  | 'dateList';

export interface SimulationContextEntry {
  key: string;
  type: SimulationContextType;
  /** one value for a single-valued type; any number (none included) for a ...List type */
  values: string[];
}

/** The requests of SimulateCustomPolicy: every action on every resource, with these policies. */
export interface SimulateCustomPolicyInput {
  /** identity-based policies (PolicyInputList); may be empty when a resource policy is given */
  policies: string[];
  /** the permissions boundary (PermissionsBoundaryPolicyInputList) */
  boundary?: string;
  /** SCPs, one list per level of the organization, root first (OrderedOrganizationPolicyInputList) */
  scps?: string[][];
  resourcePolicy?: string;
  /** "service:Action" names, no wildcards */
  actions: string[];
  /** ARNs or "*" (the default) */
  resources?: string[];
  /** an IAM user, group or role ARN; required with a resource policy */
  callerArn?: string;
  /** the account (12 digits) that owns resources whose ARN names none, and the resource policy */
  resourceOwner?: string;
  context?: SimulationContextEntry[];
}

export type SimulationDecision = 'allowed' | 'explicit-deny' | 'implicit-deny';

/** IAM's answer for one action on one resource. */
export interface SimulationResultInfo {
  readonly action: string;
  readonly resource: string;
  readonly decision: SimulationDecision;
  /** the statements IAM says decided it: "PolicyInputList.1", "ResourcePolicy", ... */
  readonly matched: readonly { readonly policyId: string; readonly policyType?: string }[];
  /** condition keys the policies use that the request did not give */
  readonly missingContextValues: readonly string[];
  readonly allowedByBoundary?: boolean;
  readonly allowedByOrganizations?: boolean;
}

export interface SimulateCustomPolicyOutput {
  /** every page of IAM's answer, in IAM's order */
  readonly results: readonly SimulationResultInfo[];
}

/** What each operation takes (checked by the server's schemas). */
export interface OperationInputs {
  session: { refresh?: boolean };
  /** IAM's SimulateCustomPolicy: every action on every resource (Compare with IAM) */
  simulateCustomPolicy: SimulateCustomPolicyInput;
  listPrincipals: { kinds?: PrincipalKind[]; search?: string; cursor?: string; limit?: number };
  listPolicies: { search?: string; onlyAttached?: boolean; cursor?: string; limit?: number };
  getPolicyDocument: { policyArn: string; versionId?: string };
  checkPolicyName: { name: string };
  createPolicy: { name: string; description?: string; path?: string; tags?: TagInput[]; document: string };
  attachPolicy: { policyArn: string; targets: TargetInput[] };
  createRole: {
    name: string;
    description?: string;
    path?: string;
    maxSessionDuration?: number;
    tags?: TagInput[];
    trust: TrustInput;
  };
  createPolicyVersion: { policyArn: string; document: string; setAsDefault?: boolean };
  deletePolicyVersion: { policyArn: string; versionId: string };
  listPolicyVersions: { policyArn: string };
  listPolicySets: { search?: string };
  /** detaches the policy from every user, group and role and deletes its other versions first when `detach` */
  deletePolicy: { policyArn: string; detach?: boolean };
  putInlinePolicy: { kind: PrincipalKind; name: string; policyName: string; document: string };
  /** adds tags to a customer managed policy (a key it has gets the new value) */
  tagPolicy: { policyArn: string; tags: TagInput[] };
}

export type OperationName = keyof OperationInputs;

export interface OperationOutputs {
  session: SessionInfo;
  simulateCustomPolicy: SimulateCustomPolicyOutput;
  listPrincipals: ListPrincipalsOutput;
  listPolicies: ListPoliciesOutput;
  getPolicyDocument: PolicyDocumentOutput;
  checkPolicyName: CheckPolicyNameOutput;
  createPolicy: CreatePolicyOutput;
  attachPolicy: AttachPolicyOutput;
  createRole: CreateRoleOutput;
  createPolicyVersion: CreatePolicyVersionOutput;
  deletePolicyVersion: DeletePolicyVersionOutput;
  listPolicyVersions: ListPolicyVersionsOutput;
  listPolicySets: ListPolicySetsOutput;
  deletePolicy: DeletePolicyOutput;
  putInlinePolicy: PutInlinePolicyOutput;
  tagPolicy: { readonly policyArn: string };
}
