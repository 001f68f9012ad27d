/**
 * The IAM gateway: the only place that holds AWS credentials and talks to IAM and STS, through
 * the unmodified @aws-sdk/client-iam and @aws-sdk/client-sts.
 *
 * - mode "aws": the SDK's default credential provider chain (environment, shared config and
 *   credentials files, SSO, process, web identity, ECS/EC2 metadata), for `profile` when given.
 * - mode "endpoint": the same credentials, sent to an IAM-compatible endpoint.
 * - mode "sandbox": the built-in sandbox's URL, with static dummy credentials.
 *
 * Requests retry with the SDK's standard retry strategy (exponential backoff with jitter, at most
 * 5 attempts) for throttling, transient and server errors. IAM's LimitExceeded (a quota, not a
 * rate) is not retried, although the SDK's default classifies LimitExceededException as throttling.
 *
 * Every SDK error becomes an ApiError { code, message, hint }: what happened and what to do next.
 * Credentials never leave this module and nothing here logs.
 */
import {
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  DeletePolicyVersionCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  IAMClient,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupsCommand,
  ListPoliciesCommand,
  ListPolicyVersionsCommand,
  ListRolesCommand,
  ListUsersCommand,
} from '@aws-sdk/client-iam';
import type { Policy, PolicyVersion, Role } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { StandardRetryStrategy } from '@smithy/core/retry';
import type { RetryErrorInfo, RetryStrategyV2, RetryToken, StandardRetryToken } from '@smithy/types';
import { ApiError } from './apiError';
import type { ConnectionMode, PolicyInfo, PolicyVersionInfo, PrincipalKind, RoleInfo } from './contract';

export interface IamGatewayOptions {
  readonly mode: ConnectionMode;
  readonly profile?: string;
  /** SDK region (IAM is global); default us-east-1 */
  readonly region?: string;
  /** required for "sandbox" and "endpoint" */
  readonly endpointUrl?: string;
  /** default 5 */
  readonly maxAttempts?: number;
}

export interface CallerIdentity {
  readonly accountId: string;
  readonly arn: string;
  readonly userId: string;
}

export interface PrincipalSummary {
  readonly kind: PrincipalKind;
  readonly name: string;
  readonly arn: string;
  readonly path: string;
  readonly id: string;
  readonly createDate?: string;
  readonly description?: string;
}

export interface AttachedPolicyRef {
  readonly name: string;
  readonly arn: string;
}

export interface PolicyVersionDocument extends PolicyVersionInfo {
  /** URL-decoded exactly once */
  readonly document: string;
}

/** Static credentials the sandbox accepts (it checks only that requests are signed). */
const SANDBOX_CREDENTIALS = {
  accessKeyId: 'AKIASANDBOXEXAMPLE00',
  secretAccessKey: 'sandbox-secret-not-a-real-key',
};

export const DEFAULT_MAX_ATTEMPTS = 5;
const DEFAULT_REGION = 'us-east-1';
/** ListX calls fetch at most this many pages of 1,000 (a safety stop). */
const MAX_PAGES = 50;

/**
 * The SDK's standard retry strategy, except that IAM's LimitExceeded is a client error: it
 * means a quota (versions, attached policies, size) was reached, and retrying cannot help.
 */
export class IamRetryStrategy implements RetryStrategyV2 {
  private readonly standard: StandardRetryStrategy;

  constructor(maxAttempts: number) {
    this.standard = new StandardRetryStrategy(maxAttempts);
  }

  acquireInitialRetryToken(scope: string): Promise<RetryToken> {
    return this.standard.acquireInitialRetryToken(scope);
  }

  refreshRetryTokenForRetry(token: RetryToken, info: RetryErrorInfo): Promise<RetryToken> {
    const error = info.error as { name?: string } | undefined;
    const quota = error?.name === 'LimitExceededException' || error?.name === 'LimitExceeded';
    return this.standard.refreshRetryTokenForRetry(
      token as StandardRetryToken,
      quota ? { ...info, errorType: 'CLIENT_ERROR' } : info,
    );
  }

  recordSuccess(token: RetryToken): void {
    this.standard.recordSuccess(token as StandardRetryToken);
  }
}

/** IAM returns documents URL-encoded (RFC 3986): decode exactly once. */
export function decodeDocument(encoded: string | undefined): string {
  if (encoded === undefined) return '';
  try {
    return decodeURIComponent(encoded);
  } catch {
    // Not percent-encoded after all (some IAM-compatible endpoints): keep the text as sent.
    return encoded;
  }
}

function iso(date: Date | undefined): string | undefined {
  return date instanceof Date && !Number.isNaN(date.getTime()) ? date.toISOString() : undefined;
}

export function policyInfo(p: Policy): PolicyInfo {
  return {
    name: p.PolicyName ?? '',
    arn: p.Arn ?? '',
    path: p.Path ?? '/',
    id: p.PolicyId ?? '',
    defaultVersionId: p.DefaultVersionId ?? 'v1',
    attachmentCount: p.AttachmentCount ?? 0,
    isAttachable: p.IsAttachable ?? true,
    ...(p.Description !== undefined ? { description: p.Description } : {}),
    ...(iso(p.CreateDate) ? { createDate: iso(p.CreateDate) } : {}),
    ...(iso(p.UpdateDate) ? { updateDate: iso(p.UpdateDate) } : {}),
  };
}

export function versionInfo(v: PolicyVersion): PolicyVersionInfo {
  return {
    versionId: v.VersionId ?? '',
    isDefaultVersion: v.IsDefaultVersion ?? false,
    ...(iso(v.CreateDate) ? { createDate: iso(v.CreateDate) } : {}),
  };
}

function roleInfo(r: Role): RoleInfo {
  return {
    name: r.RoleName ?? '',
    arn: r.Arn ?? '',
    path: r.Path ?? '/',
    id: r.RoleId ?? '',
    ...(iso(r.CreateDate) ? { createDate: iso(r.CreateDate) } : {}),
    ...(r.Description !== undefined ? { description: r.Description } : {}),
    maxSessionDuration: r.MaxSessionDuration ?? 3600,
    trustPolicy: decodeDocument(r.AssumeRolePolicyDocument),
  };
}

/** Newest first (v10 before v9). */
export function sortVersions(versions: readonly PolicyVersionInfo[]): PolicyVersionInfo[] {
  const n = (id: string): number => Number(/^v(\d+)/.exec(id)?.[1] ?? 0);
  return [...versions].sort((a, b) => n(b.versionId) - n(a.versionId));
}

export class IamGateway {
  readonly mode: ConnectionMode;
  readonly profile: string | undefined;
  readonly region: string;
  readonly endpointUrl: string | undefined;
  readonly maxAttempts: number;
  private readonly iam: IAMClient;
  private readonly sts: STSClient;

  constructor(options: IamGatewayOptions) {
    if ((options.mode === 'sandbox' || options.mode === 'endpoint') && !options.endpointUrl) {
      throw new Error(`mode "${options.mode}" needs an endpoint URL`);
    }
    this.mode = options.mode;
    this.profile = options.profile;
    this.region = options.region ?? DEFAULT_REGION;
    this.endpointUrl = options.endpointUrl;
    const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    this.maxAttempts = maxAttempts;
    const config = {
      region: this.region,
      maxAttempts,
      retryStrategy: new IamRetryStrategy(maxAttempts),
      requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
      ...(options.endpointUrl ? { endpoint: options.endpointUrl } : {}),
      ...(options.mode === 'sandbox'
        ? { credentials: SANDBOX_CREDENTIALS }
        : options.profile
          ? { profile: options.profile }
          : {}),
    };
    this.iam = new IAMClient(config);
    this.sts = new STSClient(config);
  }

  /** Where requests go, for messages. */
  get target(): string {
    return this.endpointUrl ?? 'https://iam.amazonaws.com';
  }

  destroy(): void {
    this.iam.destroy();
    this.sts.destroy();
  }

  /** Runs one SDK call; any failure becomes an ApiError naming the IAM action. */
  private async call<T>(action: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw toApiError(error, { action, mode: this.mode, profile: this.profile, target: this.target });
    }
  }

  private async collect<T>(
    action: string,
    page: (
      marker: string | undefined,
    ) => Promise<{
      items: readonly T[] | undefined;
      truncated: boolean | undefined;
      marker: string | undefined;
    }>,
  ): Promise<T[]> {
    const all: T[] = [];
    let marker: string | undefined;
    for (let i = 0; i < MAX_PAGES; i++) {
      const result = await this.call(action, () => page(marker));
      all.push(...(result.items ?? []));
      if (!result.truncated || !result.marker) break;
      marker = result.marker;
    }
    return all;
  }

  async callerIdentity(): Promise<CallerIdentity> {
    const out = await this.call('sts:GetCallerIdentity', () =>
      this.sts.send(new GetCallerIdentityCommand({})),
    );
    return { accountId: out.Account ?? '', arn: out.Arn ?? '', userId: out.UserId ?? '' };
  }

  async listPrincipals(kind: PrincipalKind): Promise<PrincipalSummary[]> {
    if (kind === 'user') {
      const users = await this.collect('iam:ListUsers', async (Marker) => {
        const out = await this.iam.send(new ListUsersCommand({ Marker, MaxItems: 1000 }));
        return { items: out.Users, truncated: out.IsTruncated, marker: out.Marker };
      });
      return users.map((u) => ({
        kind,
        name: u.UserName ?? '',
        arn: u.Arn ?? '',
        path: u.Path ?? '/',
        id: u.UserId ?? '',
        ...(iso(u.CreateDate) ? { createDate: iso(u.CreateDate) } : {}),
      }));
    }
    if (kind === 'group') {
      const groups = await this.collect('iam:ListGroups', async (Marker) => {
        const out = await this.iam.send(new ListGroupsCommand({ Marker, MaxItems: 1000 }));
        return { items: out.Groups, truncated: out.IsTruncated, marker: out.Marker };
      });
      return groups.map((g) => ({
        kind,
        name: g.GroupName ?? '',
        arn: g.Arn ?? '',
        path: g.Path ?? '/',
        id: g.GroupId ?? '',
        ...(iso(g.CreateDate) ? { createDate: iso(g.CreateDate) } : {}),
      }));
    }
    const roles = await this.collect('iam:ListRoles', async (Marker) => {
      const out = await this.iam.send(new ListRolesCommand({ Marker, MaxItems: 1000 }));
      return { items: out.Roles, truncated: out.IsTruncated, marker: out.Marker };
    });
    return roles.map((r) => ({
      kind,
      name: r.RoleName ?? '',
      arn: r.Arn ?? '',
      path: r.Path ?? '/',
      id: r.RoleId ?? '',
      ...(iso(r.CreateDate) ? { createDate: iso(r.CreateDate) } : {}),
      ...(r.Description ? { description: r.Description } : {}),
    }));
  }

  async listAttachedPolicies(kind: PrincipalKind, name: string): Promise<AttachedPolicyRef[]> {
    const action =
      kind === 'user'
        ? 'iam:ListAttachedUserPolicies'
        : kind === 'group'
          ? 'iam:ListAttachedGroupPolicies'
          : 'iam:ListAttachedRolePolicies';
    const attached = await this.collect(action, async (Marker) => {
      const out =
        kind === 'user'
          ? await this.iam.send(
              new ListAttachedUserPoliciesCommand({ UserName: name, Marker, MaxItems: 1000 }),
            )
          : kind === 'group'
            ? await this.iam.send(
                new ListAttachedGroupPoliciesCommand({ GroupName: name, Marker, MaxItems: 1000 }),
              )
            : await this.iam.send(
                new ListAttachedRolePoliciesCommand({ RoleName: name, Marker, MaxItems: 1000 }),
              );
      return { items: out.AttachedPolicies, truncated: out.IsTruncated, marker: out.Marker };
    });
    return attached.map((p) => ({ name: p.PolicyName ?? '', arn: p.PolicyArn ?? '' }));
  }

  async attachPolicy(kind: PrincipalKind, name: string, policyArn: string): Promise<void> {
    if (kind === 'user') {
      await this.call('iam:AttachUserPolicy', () =>
        this.iam.send(new AttachUserPolicyCommand({ UserName: name, PolicyArn: policyArn })),
      );
    } else if (kind === 'group') {
      await this.call('iam:AttachGroupPolicy', () =>
        this.iam.send(new AttachGroupPolicyCommand({ GroupName: name, PolicyArn: policyArn })),
      );
    } else {
      await this.call('iam:AttachRolePolicy', () =>
        this.iam.send(new AttachRolePolicyCommand({ RoleName: name, PolicyArn: policyArn })),
      );
    }
  }

  /** Customer managed policies (Scope Local). */
  async listLocalPolicies(onlyAttached = false): Promise<PolicyInfo[]> {
    const policies = await this.collect('iam:ListPolicies', async (Marker) => {
      const out = await this.iam.send(
        new ListPoliciesCommand({ Scope: 'Local', OnlyAttached: onlyAttached, Marker, MaxItems: 1000 }),
      );
      return { items: out.Policies, truncated: out.IsTruncated, marker: out.Marker };
    });
    return policies.map(policyInfo);
  }

  async getPolicy(policyArn: string): Promise<PolicyInfo> {
    const out = await this.call('iam:GetPolicy', () =>
      this.iam.send(new GetPolicyCommand({ PolicyArn: policyArn })),
    );
    if (!out.Policy)
      throw new ApiError(502, {
        code: 'IamError',
        message: `IAM answered GetPolicy for ${policyArn} without a policy.`,
      });
    return policyInfo(out.Policy);
  }

  async getPolicyVersion(policyArn: string, versionId: string): Promise<PolicyVersionDocument> {
    const out = await this.call('iam:GetPolicyVersion', () =>
      this.iam.send(new GetPolicyVersionCommand({ PolicyArn: policyArn, VersionId: versionId })),
    );
    const version = out.PolicyVersion ?? {};
    return { ...versionInfo(version), document: decodeDocument(version.Document) };
  }

  async createPolicy(input: {
    name: string;
    document: string;
    path?: string;
    description?: string;
    tags?: readonly { key: string; value: string }[];
  }): Promise<PolicyInfo> {
    const out = await this.call('iam:CreatePolicy', () =>
      this.iam.send(
        new CreatePolicyCommand({
          PolicyName: input.name,
          PolicyDocument: input.document,
          Path: input.path,
          Description: input.description,
          Tags: input.tags?.length ? input.tags.map((t) => ({ Key: t.key, Value: t.value })) : undefined,
        }),
      ),
    );
    if (!out.Policy)
      throw new ApiError(502, { code: 'IamError', message: 'IAM answered CreatePolicy without a policy.' });
    return policyInfo(out.Policy);
  }

  async listPolicyVersions(policyArn: string): Promise<PolicyVersionInfo[]> {
    const versions = await this.collect('iam:ListPolicyVersions', async (Marker) => {
      const out = await this.iam.send(
        new ListPolicyVersionsCommand({ PolicyArn: policyArn, Marker, MaxItems: 1000 }),
      );
      return { items: out.Versions, truncated: out.IsTruncated, marker: out.Marker };
    });
    return sortVersions(versions.map(versionInfo));
  }

  async createPolicyVersion(
    policyArn: string,
    document: string,
    setAsDefault: boolean,
  ): Promise<PolicyVersionInfo> {
    const out = await this.call('iam:CreatePolicyVersion', () =>
      this.iam.send(
        new CreatePolicyVersionCommand({
          PolicyArn: policyArn,
          PolicyDocument: document,
          SetAsDefault: setAsDefault,
        }),
      ),
    );
    return versionInfo(out.PolicyVersion ?? {});
  }

  async deletePolicyVersion(policyArn: string, versionId: string): Promise<void> {
    await this.call('iam:DeletePolicyVersion', () =>
      this.iam.send(new DeletePolicyVersionCommand({ PolicyArn: policyArn, VersionId: versionId })),
    );
  }

  async createRole(input: {
    name: string;
    trustPolicy: string;
    path?: string;
    description?: string;
    maxSessionDuration?: number;
    tags?: readonly { key: string; value: string }[];
  }): Promise<RoleInfo> {
    const out = await this.call('iam:CreateRole', () =>
      this.iam.send(
        new CreateRoleCommand({
          RoleName: input.name,
          AssumeRolePolicyDocument: input.trustPolicy,
          Path: input.path,
          Description: input.description,
          MaxSessionDuration: input.maxSessionDuration,
          Tags: input.tags?.length ? input.tags.map((t) => ({ Key: t.key, Value: t.value })) : undefined,
        }),
      ),
    );
    if (!out.Role)
      throw new ApiError(502, { code: 'IamError', message: 'IAM answered CreateRole without a role.' });
    return roleInfo(out.Role);
  }
}

// ---------------------------------------------------------------------------------------------
// Errors

export interface ErrorContext {
  /** the IAM/STS action that failed, e.g. "iam:CreatePolicy" */
  readonly action: string;
  readonly mode: ConnectionMode;
  readonly profile?: string;
  /** the endpoint, for network errors */
  readonly target: string;
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ECONNABORTED',
  'CERT_HAS_EXPIRED',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
]);
const EXPIRED_CODES = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'RequestExpired',
  'TokenRefreshRequired',
]);
const INVALID_CREDENTIAL_CODES = new Set([
  'InvalidClientTokenId',
  'SignatureDoesNotMatch',
  'UnrecognizedClientException',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'InvalidAccessKeyId',
  'AuthFailure',
]);
const THROTTLING_CODES = new Set([
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'RequestLimitExceeded',
]);

interface ErrorShape {
  readonly name?: unknown;
  readonly code?: unknown;
  readonly message?: unknown;
  readonly Code?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: number };
  readonly errors?: unknown;
}

/** The error's IAM code: the SDK's exception name without "Exception" (EntityAlreadyExistsException → EntityAlreadyExists). */
function iamCode(error: ErrorShape): string {
  const raw =
    typeof error.Code === 'string' ? error.Code : typeof error.name === 'string' ? error.name : 'Error';
  return raw.endsWith('Exception') && raw !== 'Exception' ? raw.slice(0, -'Exception'.length) : raw;
}

function networkCode(error: ErrorShape): string | undefined {
  if (typeof error.code === 'string' && NETWORK_CODES.has(error.code)) return error.code;
  if (error.name === 'TimeoutError' || error.name === 'RequestTimeout') return 'ETIMEDOUT';
  if (Array.isArray(error.errors)) {
    for (const inner of error.errors as ErrorShape[]) {
      const code = networkCode(inner ?? {});
      if (code) return code;
    }
  }
  return undefined;
}

/** The permission an AccessDenied message names ("... not authorized to perform: iam:CreatePolicy on ..."). */
export function deniedPermission(message: string): string | undefined {
  return /perform: ([a-z0-9-]+:[A-Za-z0-9*]+)/.exec(message)?.[1];
}

function loginHint(profile: string | undefined): string {
  return profile
    ? `Run "aws sso login --profile ${profile}" (or refresh that profile's keys) and retry.`
    : 'Refresh your credentials (for example "aws sso login --profile NAME", then restart with npm start -- --profile NAME) and retry.';
}

/** Maps any SDK (or network) error to an ApiError with a message saying what happened and what to do. */
export function toApiError(error: unknown, context: ErrorContext): ApiError {
  if (error instanceof ApiError) return error;
  const e: ErrorShape =
    typeof error === 'object' && error !== null ? (error as ErrorShape) : { message: String(error) };
  const iamMessage = typeof e.message === 'string' && e.message !== '' ? e.message : 'no message';
  const code = iamCode(e);
  const where = context.mode === 'sandbox' ? 'the sandbox' : 'IAM';

  // Credentials: never read from the error anything but its name and message.
  if (
    code === 'CredentialsProviderError' ||
    code === 'TokenProviderError' ||
    /Could not load credentials/i.test(iamMessage)
  ) {
    const expired = /expired|refresh|sso session|token is invalid|login/i.test(iamMessage);
    return expired
      ? new ApiError(401, {
          code: 'CredentialsExpired',
          message: `Your AWS credentials have expired${context.profile ? ` (profile ${context.profile})` : ''}: ${iamMessage}`,
          hint: loginHint(context.profile),
        })
      : new ApiError(401, {
          code: 'NoCredentials',
          message: `No AWS credentials were found${context.profile ? ` for profile "${context.profile}"` : ''}: ${iamMessage}`,
          hint: context.profile
            ? `Check that profile "${context.profile}" exists in ~/.aws/config, then run "aws sso login --profile ${context.profile}" (or set its keys) and retry.`
            : 'Configure credentials (aws configure, or aws sso login --profile NAME and npm start -- --profile NAME), or try the sandbox: npm start -- --sandbox.',
        });
  }
  if (EXPIRED_CODES.has(code)) {
    return new ApiError(401, {
      code: 'CredentialsExpired',
      message: `Your AWS credentials have expired${context.profile ? ` (profile ${context.profile})` : ''}.`,
      hint: loginHint(context.profile),
    });
  }
  if (INVALID_CREDENTIAL_CODES.has(code)) {
    return new ApiError(401, {
      code: 'InvalidCredentials',
      message: `${where} rejected the credentials (${code}): ${iamMessage}`,
      hint: context.profile
        ? `Check the keys of profile "${context.profile}", or log in again with "aws sso login --profile ${context.profile}", and retry.`
        : 'Check your access key (or use another profile with npm start -- --profile NAME) and retry.',
    });
  }
  const network = networkCode(e);
  if (network) {
    return new ApiError(502, {
      code: 'NetworkError',
      message: `Cannot reach ${context.mode === 'sandbox' ? 'the IAM sandbox' : 'IAM'} at ${context.target} (${network}).`,
      hint:
        context.mode === 'aws'
          ? 'Check your network connection, VPN or proxy (HTTPS_PROXY), then retry.'
          : `Check that the endpoint ${context.target} is running, then retry.`,
    });
  }
  if (code === 'AccessDenied' || code === 'AccessDeniedException' || code === 'UnauthorizedOperation') {
    const permission = deniedPermission(iamMessage) ?? context.action;
    return new ApiError(403, {
      code: 'AccessDenied',
      message: `Access denied: your identity is not allowed to perform ${permission}. ${where === 'IAM' ? 'IAM' : 'The sandbox'} said: ${iamMessage}`,
      hint: `Ask an administrator to allow ${permission} for your identity, or restart with a profile that has it (npm start -- --profile NAME).`,
    });
  }
  if (THROTTLING_CODES.has(code)) {
    return new ApiError(429, {
      code: 'Throttling',
      message: `${where} is throttling requests (${iamMessage}); the request was retried and still failed.`,
      hint: 'Wait a minute and retry.',
    });
  }
  switch (code) {
    case 'NoSuchEntity':
      return new ApiError(404, {
        code,
        message: iamMessage,
        hint: 'It may have been deleted or renamed, or the name is misspelled: refresh the list and try again.',
      });
    case 'EntityAlreadyExists':
      return new ApiError(409, {
        code,
        message: iamMessage,
        hint: 'Choose another name (IAM compares names case-insensitively), or update the existing one.',
      });
    case 'LimitExceeded':
      return new ApiError(409, { code, message: iamMessage, hint: limitHint(iamMessage) });
    case 'MalformedPolicyDocument':
      return new ApiError(400, {
        code,
        message: `IAM rejected the policy document: ${iamMessage}`,
        hint: 'Fix the document (the validator marks the place) and retry.',
      });
    case 'DeleteConflict':
      return new ApiError(409, {
        code,
        message: iamMessage,
        hint: 'Detach or delete what depends on it first, then retry.',
      });
    case 'PolicyNotAttachable':
      return new ApiError(400, {
        code,
        message: iamMessage,
        hint: 'Service-linked role policies are attached by AWS services only; choose another policy.',
      });
    case 'ValidationError':
    case 'InvalidInput':
    case 'InvalidParameterValue':
      return new ApiError(400, { code, message: iamMessage, hint: 'Correct the value and retry.' });
    case 'ConcurrentModification':
    case 'EntityTemporarilyUnmodifiable':
      return new ApiError(409, {
        code,
        message: iamMessage,
        hint: 'Someone else is changing it: wait a moment and retry.',
      });
    case 'ServiceFailure':
    case 'InternalFailure':
    case 'ServiceUnavailable':
      return new ApiError(502, {
        code,
        message: `${where} failed to process ${context.action}: ${iamMessage}`,
        hint: 'This is on the AWS side; retry in a moment.',
      });
    default:
      return new ApiError(502, {
        code: code === 'Error' ? 'IamError' : code,
        message: `${context.action} failed: ${iamMessage}`,
        hint: 'Retry; if it keeps failing, check the message above.',
      });
  }
}

function limitHint(message: string): string {
  if (/PolicySize|ACLSizePerRole/i.test(message)) {
    return 'Shorten the policy (whitespace does not count): merge statements, use wildcards such as "s3:Get*", or split it into several policies.';
  }
  if (/versions/i.test(message)) return 'Delete a non-default version (usually the oldest) and retry.';
  if (/PoliciesPer(User|Group|Role)/i.test(message)) {
    return 'Detach a managed policy from it first, or request a higher "Managed policies per role/user/group" quota in Service Quotas.';
  }
  return 'A quota was reached: remove something or request a quota increase in Service Quotas.';
}
