/**
 * The contract between the browser and the local server: every operation, its input schema
 * and its output type. The browser imports types only from here.
 *
 * Each operation is `POST /api/<name>` with a JSON body checked against its schema. A success
 * answers 200 with the operation's output; a failure answers an HTTP error status with
 * `{ error: { code, message, hint? } }` (ApiErrorBody).
 */
import { z } from 'zod';

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
  /** the document text, URL-decoded exactly once */
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

// ---------------------------------------------------------------------------------------------
// Input schemas (IAM's own constraints, so that bad input is refused before any AWS call)

export const NAME_RE = /^[\w+=,.@-]+$/;
export const PATH_RE = /^(\/|\/[\x21-\x7E]+\/)$/;
export const TAG_KEY_RE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]+$/u;
export const TAG_VALUE_RE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
export const SERVICE_PRINCIPAL_RE = /^[a-z0-9][a-z0-9.-]*\.amazonaws\.com(\.cn)?$/;

const NAME_HELP = 'use 1-128 letters, digits and + = , . @ _ -';

const policyName = z.string().min(1).max(128).regex(NAME_RE, NAME_HELP);
const roleName = z.string().min(1).max(64).regex(NAME_RE, 'use 1-64 letters, digits and + = , . @ _ -');
const principalName = z.string().min(1).max(128).regex(NAME_RE, NAME_HELP);
const iamPath = z
  .string()
  .max(512)
  .regex(PATH_RE, 'a path is "/" or starts and ends with "/" (e.g. "/team/"), with printable ASCII between');
const description = z.string().max(1000);
const tags = z
  .array(
    z
      .object({
        key: z
          .string()
          .min(1)
          .max(128)
          .regex(TAG_KEY_RE, 'tag keys use letters, digits, spaces and _ . : / = + - @'),
        value: z
          .string()
          .max(256)
          .regex(TAG_VALUE_RE, 'tag values use letters, digits, spaces and _ . : / = + - @'),
      })
      .strict(),
  )
  .max(50)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((tag, index) => {
      const key = tag.key.toLowerCase();
      if (key.startsWith('aws:')) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'key'],
          message: 'tag keys starting with "aws:" are reserved',
        });
      }
      if (seen.has(key)) {
        ctx.addIssue({
          code: 'custom',
          path: [index, 'key'],
          message: 'duplicate tag key (keys are case-insensitive)',
        });
      }
      seen.add(key);
    });
  });
const document = z.string().min(1).max(131072);
const policyArn = z
  .string()
  .min(20)
  .max(2048)
  .regex(/^arn:aws(-[a-z]+)*:iam::(\d{12}|aws):policy\/[\x21-\x7E]+$/, 'expected a managed policy ARN');
const versionId = z.string().regex(/^v[1-9][0-9]*(\.[A-Za-z0-9-]*)?$/, 'expected a version ID such as "v3"');
const cursor = z.string().max(200);
const limit = z.number().int().min(1).max(200);
const search = z.string().max(128);
const principalKind = z.enum(['user', 'group', 'role']);

export const operations = {
  session: { input: z.object({ refresh: z.boolean().optional() }).strict() },
  listPrincipals: {
    input: z
      .object({
        kinds: z.array(principalKind).min(1).max(3).optional(),
        search: search.optional(),
        cursor: cursor.optional(),
        limit: limit.optional(),
      })
      .strict(),
  },
  listPolicies: {
    input: z
      .object({
        search: search.optional(),
        onlyAttached: z.boolean().optional(),
        cursor: cursor.optional(),
        limit: limit.optional(),
      })
      .strict(),
  },
  getPolicyDocument: { input: z.object({ policyArn, versionId: versionId.optional() }).strict() },
  checkPolicyName: { input: z.object({ name: z.string().max(1024) }).strict() },
  createPolicy: {
    input: z
      .object({
        name: policyName,
        description: description.optional(),
        path: iamPath.optional(),
        tags: tags.optional(),
        document,
      })
      .strict(),
  },
  attachPolicy: {
    input: z
      .object({
        policyArn,
        targets: z
          .array(z.object({ kind: principalKind, name: principalName }).strict())
          .min(1)
          .max(50),
      })
      .strict(),
  },
  createRole: {
    input: z
      .object({
        name: roleName,
        description: description.optional(),
        path: iamPath.optional(),
        maxSessionDuration: z.number().int().min(3600).max(43200).optional(),
        tags: tags.optional(),
        trust: z.discriminatedUnion('kind', [
          z
            .object({
              kind: z.literal('services'),
              services: z
                .array(
                  z
                    .string()
                    .regex(
                      SERVICE_PRINCIPAL_RE,
                      'expected a service principal such as "lambda.amazonaws.com"',
                    ),
                )
                .min(1)
                .max(20),
            })
            .strict(),
          z.object({ kind: z.literal('custom'), document }).strict(),
        ]),
      })
      .strict(),
  },
  createPolicyVersion: {
    input: z.object({ policyArn, document, setAsDefault: z.boolean().optional() }).strict(),
  },
  deletePolicyVersion: { input: z.object({ policyArn, versionId }).strict() },
  listPolicyVersions: { input: z.object({ policyArn }).strict() },
} as const;

export type OperationName = keyof typeof operations;

export type OperationInputs = { [K in OperationName]: z.infer<(typeof operations)[K]['input']> };

export interface OperationOutputs {
  session: SessionInfo;
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
}
