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
 * Every call ends: the SDK's NodeHttpHandler bounds the connection and each attempt (and throws
 * when an attempt takes too long, instead of only logging), and each call as a whole (all attempts
 * and backoff) is bounded by its own deadline and by the caller's AbortSignal (the browser closed
 * the request, or the operation's deadline passed). See IamTimeouts.
 *
 * Retries are safe: CreatePolicy that meets EntityAlreadyExists for a policy with the same name,
 * path, description and document (its answer was lost, then the call was retried) answers the
 * existing policy; CreateRole likewise for the same trust policy. Attaching is idempotent in IAM.
 *
 * Every SDK error becomes an ApiError { code, message, hint }: what happened, where (AWS, the
 * sandbox, or the IAM endpoint by its URL) and what to do next. Credentials never leave this
 * module and nothing here logs.
 */
import {
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DetachGroupPolicyCommand,
  DetachRolePolicyCommand,
  DetachUserPolicyCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  IAMClient,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListEntitiesForPolicyCommand,
  ListGroupsCommand,
  ListPoliciesCommand,
  ListPolicyTagsCommand,
  ListPolicyVersionsCommand,
  ListRolesCommand,
  ListUsersCommand,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  TagPolicyCommand,
  SimulateCustomPolicyCommand,
} from '@aws-sdk/client-iam';
import type {
  Policy,
  PolicyVersion,
  Role,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { StandardRetryStrategy } from '@smithy/core/retry';
import type {
  NodeHttpHandlerOptions,
  RetryErrorInfo,
  RetryStrategyV2,
  RetryToken,
  StandardRetryToken,
} from '@smithy/types';
import { untilAborted } from './abort';
import { simulateCommandInput, simulationResults } from './simulation';
import { ApiError } from './apiError';
import type {
  ConnectionMode,
  PolicyInfo,
  PolicyVersionInfo,
  PrincipalKind,
  RoleInfo,
  SimulateCustomPolicyInput,
  SimulationResultInfo,
} from './contract';

export interface IamGatewayOptions {
  readonly mode: ConnectionMode;
  readonly profile?: string;
  /** SDK region (IAM is global); default us-east-1 */
  readonly region?: string;
  /** required for "sandbox" and "endpoint" */
  readonly endpointUrl?: string;
  /** default 5 */
  readonly maxAttempts?: number;
  /** bounds on each call (defaults: DEFAULT_TIMEOUTS); tests use a few hundred ms */
  readonly timeouts?: Partial<IamTimeouts>;
  /** fixed keys instead of the default provider chain (e.g. an IAM-compatible endpoint's test keys); ignored in sandbox mode */
  readonly credentials?: {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly sessionToken?: string;
  };
}

/** How long IAM/STS calls may take, in ms. */
export interface IamTimeouts {
  /** establishing the TCP/TLS connection, per attempt */
  readonly connectMs: number;
  /** one attempt: from sending the request to its whole answer (also the socket's idle limit) */
  readonly attemptMs: number;
  /** one SDK call: all its attempts and the backoff between them */
  readonly callMs: number;
  /** one API operation: all its calls (the server answers Timeout when it passes) */
  readonly operationMs: number;
}

/** The API answers within 60 s whatever IAM does. */
export const DEFAULT_TIMEOUTS: IamTimeouts = {
  connectMs: 5_000,
  attemptMs: 15_000,
  callMs: 40_000,
  operationMs: 55_000,
};

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

  /**
   * `retryAmbiguous: false` is for writes that are not idempotent (CreatePolicyVersion,
   * DeletePolicyVersion): a failure after which the request may have been carried out (no answer
   * in time, the connection dropped, a server error) is not retried blindly; the gateway looks at
   * the account instead. Throttling, and failures before the request left (connection refused,
   * host not found, no connection in time), are still retried.
   */
  constructor(
    maxAttempts: number,
    private readonly options: { readonly retryAmbiguous?: boolean } = {},
  ) {
    this.standard = new StandardRetryStrategy(maxAttempts);
  }

  acquireInitialRetryToken(scope: string): Promise<RetryToken> {
    return this.standard.acquireInitialRetryToken(scope);
  }

  refreshRetryTokenForRetry(token: RetryToken, info: RetryErrorInfo): Promise<RetryToken> {
    const error = info.error as { name?: string } | undefined;
    const quota = error?.name === 'LimitExceededException' || error?.name === 'LimitExceeded';
    const ambiguous =
      this.options.retryAmbiguous === false &&
      (info.errorType === 'TRANSIENT' || info.errorType === 'SERVER_ERROR') &&
      !neverSent(info.error);
    return this.standard.refreshRetryTokenForRetry(
      token as StandardRetryToken,
      quota || ambiguous ? { ...info, errorType: 'CLIENT_ERROR' } : info,
    );
  }

  recordSuccess(token: RetryToken): void {
    this.standard.recordSuccess(token as StandardRetryToken);
  }
}

/** Failures that happen before the request could reach the server. */
const NEVER_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

function neverSent(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as ErrorShape;
  if (typeof e.code === 'string' && NEVER_SENT.has(e.code)) return true;
  if (typeof e.message === 'string' && e.message.includes('establish a connection')) return true;
  return Array.isArray(e.errors) && (e.errors as unknown[]).some(neverSent);
}

/**
 * A policy document as IAM answered it, decoded exactly once and only when it is URL-encoded.
 *
 * IAM returns documents URL-encoded (RFC 3986), which always starts with "%7B" (the encoded "{").
 * Some IAM-compatible endpoints return the JSON itself: text that starts with "{" (or "[") after
 * optional whitespace is already JSON and is kept exactly as sent, so "home/%7Buser%7D/*" in it
 * stays as written. Text that is neither and does not decode is kept as sent too.
 */
export function decodeDocument(text: string | undefined): string {
  if (text === undefined) return '';
  if (isPlainJson(text)) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function isPlainJson(text: string): boolean {
  for (const c of text) {
    if (c === '{' || c === '[') return true;
    if (c.trim() !== '') return false; // first character that is not whitespace (nor a BOM)
  }
  return false;
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

/** A write: if its answer is lost, the change may have been made anyway. */
const WRITES = new Set([
  'iam:CreatePolicy',
  'iam:CreatePolicyVersion',
  'iam:DeletePolicyVersion',
  'iam:CreateRole',
  'iam:AttachUserPolicy',
  'iam:AttachGroupPolicy',
  'iam:AttachRolePolicy',
]);

/** "300 ms", "15 s". */
export function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 100) / 10} s`;
}

export class IamGateway {
  readonly mode: ConnectionMode;
  readonly profile: string | undefined;
  readonly region: string;
  readonly endpointUrl: string | undefined;
  readonly maxAttempts: number;
  readonly timeouts: IamTimeouts;
  private readonly iam: IAMClient;
  /** for writes that must not be retried blindly (see IamRetryStrategy) */
  private readonly iamOnce: IAMClient;
  private readonly sts: STSClient;
  private healthEpoch = 0;
  private failing = false;

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
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    // The SDK builds its NodeHttpHandler (@smithy/node-http-handler) from these options.
    const requestHandler: NodeHttpHandlerOptions = {
      connectionTimeout: this.timeouts.connectMs,
      requestTimeout: this.timeouts.attemptMs,
      socketTimeout: this.timeouts.attemptMs,
      // Without it a breached requestTimeout is only logged and the request waits forever.
      throwOnRequestTimeout: true,
    };
    const config = {
      region: this.region,
      maxAttempts,
      retryStrategy: new IamRetryStrategy(maxAttempts),
      requestHandler,
      ...(options.endpointUrl ? { endpoint: options.endpointUrl } : {}),
      ...(options.mode === 'sandbox'
        ? { credentials: SANDBOX_CREDENTIALS }
        : options.credentials
          ? { credentials: { ...options.credentials } }
          : options.profile
            ? { profile: options.profile }
            : {}),
    };
    this.iam = new IAMClient(config);
    this.iamOnce = new IAMClient({
      ...config,
      retryStrategy: new IamRetryStrategy(maxAttempts, { retryAmbiguous: false }),
    });
    this.sts = new STSClient(config);
  }

  /** Where requests go, for messages ("http://127.0.0.1:4566", without a bare trailing slash). */
  get target(): string {
    if (!this.endpointUrl) return 'https://iam.amazonaws.com';
    return this.endpointUrl.endsWith('/') ? this.endpointUrl.slice(0, -1) : this.endpointUrl;
  }

  /**
   * Changes when the connection's health may have changed: after a call failed for a reason that
   * concerns the connection or the credentials (no answer, refused, credentials rejected, a
   * server error), and after the first success that follows. A cached session answer taken at
   * another epoch is stale.
   */
  get epoch(): number {
    return this.healthEpoch;
  }

  destroy(): void {
    this.iam.destroy();
    this.iamOnce.destroy();
    this.sts.destroy();
  }

  private context(action: string): ErrorContext {
    return {
      action,
      mode: this.mode,
      profile: this.profile,
      // STS has its own (regional) endpoint on AWS; elsewhere one URL answers both.
      target:
        this.mode === 'aws' && action.startsWith('sts:')
          ? `https://sts.${this.region}.amazonaws.com`
          : this.target,
      timeouts: this.timeouts,
      maxAttempts: this.maxAttempts,
    };
  }

  /**
   * Runs one SDK call, bounded by `timeouts.callMs` and by `signal`; any failure becomes an
   * ApiError naming the IAM action. `run` gets the signal to pass to client.send.
   */
  private async call<T>(
    action: string,
    signal: AbortSignal | undefined,
    run: (abortSignal: AbortSignal) => Promise<T>,
  ): Promise<T> {
    const deadline = AbortSignal.timeout(this.timeouts.callMs);
    const combined = signal ? AbortSignal.any([signal, deadline]) : deadline;
    try {
      const value = await untilAborted(run(combined), combined);
      if (this.failing) {
        this.failing = false;
        this.healthEpoch++;
      }
      return value;
    } catch (error) {
      const apiError = combined.aborted
        ? abortedError(combined.reason, combined.reason === deadline.reason, this.context(action))
        : toApiError(error, this.context(action));
      if (concernsConnection(apiError)) {
        this.failing = true;
        this.healthEpoch++;
      }
      throw apiError;
    }
  }

  private async collect<T>(
    action: string,
    signal: AbortSignal | undefined,
    page: (
      marker: string | undefined,
      abortSignal: AbortSignal,
    ) => Promise<{
      items: readonly T[] | undefined;
      truncated: boolean | undefined;
      marker: string | undefined;
    }>,
  ): Promise<T[]> {
    const all: T[] = [];
    let marker: string | undefined;
    for (let i = 0; i < MAX_PAGES; i++) {
      const result = await this.call(action, signal, (abortSignal) => page(marker, abortSignal));
      all.push(...(result.items ?? []));
      if (!result.truncated || !result.marker) break;
      marker = result.marker;
    }
    return all;
  }

  /**
   * IAM's SimulateCustomPolicy for every action on every resource: all pages (Marker/IsTruncated),
   * each call bounded like any other; the results in IAM's order.
   */
  async simulateCustomPolicy(input: SimulateCustomPolicyInput, signal?: AbortSignal): Promise<SimulationResultInfo[]> {
    const results = await this.collect('iam:SimulateCustomPolicy', signal, async (marker, abortSignal) => {
      const out = await this.iam.send(new SimulateCustomPolicyCommand(simulateCommandInput(input, marker)), { abortSignal });
      return { items: out.EvaluationResults, truncated: out.IsTruncated, marker: out.Marker };
    });
    return simulationResults(results, capitalized(answeredBy(this.context('iam:SimulateCustomPolicy'))));
  }

  async callerIdentity(signal?: AbortSignal): Promise<CallerIdentity> {
    const out = await this.call('sts:GetCallerIdentity', signal, (abortSignal) =>
      this.sts.send(new GetCallerIdentityCommand({}), { abortSignal }),
    );
    return { accountId: out.Account ?? '', arn: out.Arn ?? '', userId: out.UserId ?? '' };
  }

  async listPrincipals(kind: PrincipalKind, signal?: AbortSignal): Promise<PrincipalSummary[]> {
    if (kind === 'user') {
      const users = await this.collect('iam:ListUsers', signal, async (Marker, abortSignal) => {
        const out = await this.iam.send(new ListUsersCommand({ Marker, MaxItems: 1000 }), { abortSignal });
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
      const groups = await this.collect('iam:ListGroups', signal, async (Marker, abortSignal) => {
        const out = await this.iam.send(new ListGroupsCommand({ Marker, MaxItems: 1000 }), {
          abortSignal,
        });
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
    const roles = await this.collect('iam:ListRoles', signal, async (Marker, abortSignal) => {
      const out = await this.iam.send(new ListRolesCommand({ Marker, MaxItems: 1000 }), { abortSignal });
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

  async listAttachedPolicies(
    kind: PrincipalKind,
    name: string,
    signal?: AbortSignal,
  ): Promise<AttachedPolicyRef[]> {
    const action =
      kind === 'user'
        ? 'iam:ListAttachedUserPolicies'
        : kind === 'group'
          ? 'iam:ListAttachedGroupPolicies'
          : 'iam:ListAttachedRolePolicies';
    const attached = await this.collect(action, signal, async (Marker, abortSignal) => {
      const out =
        kind === 'user'
          ? await this.iam.send(
              new ListAttachedUserPoliciesCommand({ UserName: name, Marker, MaxItems: 1000 }),
              { abortSignal },
            )
          : kind === 'group'
            ? await this.iam.send(
                new ListAttachedGroupPoliciesCommand({ GroupName: name, Marker, MaxItems: 1000 }),
                { abortSignal },
              )
            : await this.iam.send(
                new ListAttachedRolePoliciesCommand({ RoleName: name, Marker, MaxItems: 1000 }),
                { abortSignal },
              );
      return { items: out.AttachedPolicies, truncated: out.IsTruncated, marker: out.Marker };
    });
    return attached.map((p) => ({ name: p.PolicyName ?? '', arn: p.PolicyArn ?? '' }));
  }

  /** Attaching is idempotent in IAM: attaching an attached policy again changes nothing. */
  async attachPolicy(
    kind: PrincipalKind,
    name: string,
    policyArn: string,
    signal?: AbortSignal,
  ): Promise<void> {
    if (kind === 'user') {
      await this.call('iam:AttachUserPolicy', signal, (abortSignal) =>
        this.iam.send(new AttachUserPolicyCommand({ UserName: name, PolicyArn: policyArn }), {
          abortSignal,
        }),
      );
    } else if (kind === 'group') {
      await this.call('iam:AttachGroupPolicy', signal, (abortSignal) =>
        this.iam.send(new AttachGroupPolicyCommand({ GroupName: name, PolicyArn: policyArn }), {
          abortSignal,
        }),
      );
    } else {
      await this.call('iam:AttachRolePolicy', signal, (abortSignal) =>
        this.iam.send(new AttachRolePolicyCommand({ RoleName: name, PolicyArn: policyArn }), {
          abortSignal,
        }),
      );
    }
  }

  /** Customer managed policies (Scope Local). */
  async listLocalPolicies(onlyAttached = false, signal?: AbortSignal): Promise<PolicyInfo[]> {
    const policies = await this.collect('iam:ListPolicies', signal, async (Marker, abortSignal) => {
      const out = await this.iam.send(
        new ListPoliciesCommand({ Scope: 'Local', OnlyAttached: onlyAttached, Marker, MaxItems: 1000 }),
        { abortSignal },
      );
      return { items: out.Policies, truncated: out.IsTruncated, marker: out.Marker };
    });
    return policies.map(policyInfo);
  }

  async getPolicy(policyArn: string, signal?: AbortSignal): Promise<PolicyInfo> {
    const out = await this.call('iam:GetPolicy', signal, (abortSignal) =>
      this.iam.send(new GetPolicyCommand({ PolicyArn: policyArn }), { abortSignal }),
    );
    if (!out.Policy)
      throw new ApiError(502, {
        code: 'IamError',
        message: `${capitalized(whereIn(this.context('iam:GetPolicy')))} answered GetPolicy for ${policyArn} without a policy.`,
      });
    return policyInfo(out.Policy);
  }

  async getPolicyVersion(
    policyArn: string,
    versionId: string,
    signal?: AbortSignal,
  ): Promise<PolicyVersionDocument> {
    const out = await this.call('iam:GetPolicyVersion', signal, (abortSignal) =>
      this.iam.send(new GetPolicyVersionCommand({ PolicyArn: policyArn, VersionId: versionId }), {
        abortSignal,
      }),
    );
    const version = out.PolicyVersion ?? {};
    return { ...versionInfo(version), document: decodeDocument(version.Document) };
  }

  async createPolicy(
    input: {
      name: string;
      document: string;
      path?: string;
      description?: string;
      tags?: readonly { key: string; value: string }[];
    },
    signal?: AbortSignal,
  ): Promise<PolicyInfo> {
    return this.create(
      'iam:CreatePolicy',
      signal,
      (abortSignal) =>
        this.iam.send(
          new CreatePolicyCommand({
            PolicyName: input.name,
            PolicyDocument: input.document,
            Path: input.path,
            Description: input.description,
            Tags: sdkTags(input.tags),
          }),
          { abortSignal },
        ),
      (out) => (out.Policy ? policyInfo(out.Policy) : undefined),
      () => this.sameCreatedPolicy(input, signal),
      'CreatePolicy without a policy',
    );
  }

  /**
   * A create call that a retry may find already done: when IAM says the entity exists, `same`
   * says whether it is the one this call would have made (its answer was lost), and then it is
   * the result; anything else is a real clash.
   */
  private async create<Out, T>(
    action: string,
    signal: AbortSignal | undefined,
    run: (abortSignal: AbortSignal) => Promise<Out>,
    take: (out: Out) => T | undefined,
    same: () => Promise<T | undefined>,
    missing: string,
  ): Promise<T> {
    let out: Out;
    try {
      out = await this.call(action, signal, run);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'EntityAlreadyExists') {
        const existing = await same();
        if (existing) return existing;
      }
      throw error;
    }
    const result = take(out);
    if (result === undefined)
      throw new ApiError(502, {
        code: 'IamError',
        message: `${capitalized(whereIn(this.context(action)))} answered ${missing}.`,
      });
    return result;
  }

  /**
   * The policy a CreatePolicy would have made, when it exists already: same name (exactly), path,
   * description, and a single version v1 whose document (decoded once) is the same text. That is
   * a CreatePolicy whose answer was lost and that was retried; anything else is a real clash.
   */
  private async sameCreatedPolicy(
    input: { name: string; document: string; path?: string; description?: string },
    signal: AbortSignal | undefined,
  ): Promise<PolicyInfo | undefined> {
    try {
      const identity = await this.callerIdentity(signal);
      const partition = /^arn:([^:]+):/.exec(identity.arn)?.[1] ?? 'aws';
      const path = input.path ?? '/';
      const arn = `arn:${partition}:iam::${identity.accountId}:policy${path}${input.name}`;
      const existing = await this.getPolicy(arn, signal);
      if (
        existing.name !== input.name ||
        existing.path !== path ||
        (existing.description ?? '') !== (input.description ?? '') ||
        existing.defaultVersionId !== 'v1'
      ) {
        return undefined;
      }
      const version = await this.getPolicyVersion(arn, 'v1', signal);
      return version.document === input.document ? existing : undefined;
    } catch {
      return undefined; // cannot tell: report the clash IAM answered
    }
  }

  async listPolicyVersions(policyArn: string, signal?: AbortSignal): Promise<PolicyVersionInfo[]> {
    const versions = await this.collect('iam:ListPolicyVersions', signal, async (Marker, abortSignal) => {
      const out = await this.iam.send(
        new ListPolicyVersionsCommand({ PolicyArn: policyArn, Marker, MaxItems: 1000 }),
        { abortSignal },
      );
      return { items: out.Versions, truncated: out.IsTruncated, marker: out.Marker };
    });
    return sortVersions(versions.map(versionInfo));
  }

  /**
   * Sends `document` exactly as given: IAM stores that text. Not retried blindly (a retry after a
   * lost answer would add a second version): after a failure that leaves it unknown whether the
   * version was made, the newest version answers if it has this very document (and is the
   * default, when asked for).
   */
  async createPolicyVersion(
    policyArn: string,
    document: string,
    setAsDefault: boolean,
    signal?: AbortSignal,
  ): Promise<PolicyVersionInfo> {
    try {
      const out = await this.call('iam:CreatePolicyVersion', signal, (abortSignal) =>
        this.iamOnce.send(
          new CreatePolicyVersionCommand({
            PolicyArn: policyArn,
            PolicyDocument: document,
            SetAsDefault: setAsDefault,
          }),
          { abortSignal },
        ),
      );
      return versionInfo(out.PolicyVersion ?? {});
    } catch (error) {
      if (isAmbiguous(error) && !signal?.aborted) {
        const made = await this.newestVersionWith(policyArn, document, setAsDefault, signal).catch(
          () => undefined,
        );
        if (made) return made;
      }
      throw error;
    }
  }

  private async newestVersionWith(
    policyArn: string,
    document: string,
    isDefault: boolean,
    signal: AbortSignal | undefined,
  ): Promise<PolicyVersionInfo | undefined> {
    const newest = (await this.listPolicyVersions(policyArn, signal))[0];
    if (!newest || (isDefault && !newest.isDefaultVersion)) return undefined;
    const version = await this.getPolicyVersion(policyArn, newest.versionId, signal);
    return version.document === document ? newest : undefined;
  }

  /**
   * Not retried blindly (a retry after a lost answer would say NoSuchEntity for a version it just
   * deleted): after a failure that leaves it unknown, a version that is gone counts as deleted.
   */
  async deletePolicyVersion(policyArn: string, versionId: string, signal?: AbortSignal): Promise<void> {
    try {
      await this.call('iam:DeletePolicyVersion', signal, (abortSignal) =>
        this.iamOnce.send(new DeletePolicyVersionCommand({ PolicyArn: policyArn, VersionId: versionId }), {
          abortSignal,
        }),
      );
    } catch (error) {
      if (isAmbiguous(error) && !signal?.aborted) {
        const versions = await this.listPolicyVersions(policyArn, signal).catch(() => undefined);
        if (versions && !versions.some((v) => v.versionId === versionId)) return;
      }
      throw error;
    }
  }

  /** The policy's tags, in the order IAM keeps them. */
  async listPolicyTags(policyArn: string, signal?: AbortSignal): Promise<{ key: string; value: string }[]> {
    const tags = await this.collect('iam:ListPolicyTags', signal, async (Marker, abortSignal) => {
      const out = await this.iam.send(new ListPolicyTagsCommand({ PolicyArn: policyArn, Marker, MaxItems: 1000 }), {
        abortSignal,
      });
      return { items: out.Tags, truncated: out.IsTruncated, marker: out.Marker };
    });
    return tags.map((t) => ({ key: t.Key ?? '', value: t.Value ?? '' }));
  }

  /** Adds tags to a customer managed policy (a key it has gets the new value). */
  async tagPolicy(policyArn: string, tags: readonly { key: string; value: string }[], signal?: AbortSignal): Promise<void> {
    await this.call('iam:TagPolicy', signal, (abortSignal) =>
      this.iam.send(new TagPolicyCommand({ PolicyArn: policyArn, Tags: tags.map((t) => ({ Key: t.key, Value: t.value })) }), {
        abortSignal,
      }),
    );
  }

  /** The users, groups and roles the policy is attached to. */
  async listEntitiesForPolicy(
    policyArn: string,
    signal?: AbortSignal,
  ): Promise<{ kind: PrincipalKind; name: string }[]> {
    const pages = await this.collect('iam:ListEntitiesForPolicy', signal, async (Marker, abortSignal) => {
      const out = await this.iam.send(
        new ListEntitiesForPolicyCommand({ PolicyArn: policyArn, Marker, MaxItems: 1000 }),
        { abortSignal },
      );
      return { items: [out], truncated: out.IsTruncated, marker: out.Marker };
    });
    return pages.flatMap((out) => [
      ...(out.PolicyUsers ?? []).map((u) => ({ kind: 'user' as const, name: u.UserName ?? '' })),
      ...(out.PolicyGroups ?? []).map((g) => ({ kind: 'group' as const, name: g.GroupName ?? '' })),
      ...(out.PolicyRoles ?? []).map((r) => ({ kind: 'role' as const, name: r.RoleName ?? '' })),
    ]);
  }

  async detachPolicy(kind: PrincipalKind, name: string, policyArn: string, signal?: AbortSignal): Promise<void> {
    if (kind === 'user') {
      await this.call('iam:DetachUserPolicy', signal, (abortSignal) =>
        this.iam.send(new DetachUserPolicyCommand({ UserName: name, PolicyArn: policyArn }), { abortSignal }),
      );
    } else if (kind === 'group') {
      await this.call('iam:DetachGroupPolicy', signal, (abortSignal) =>
        this.iam.send(new DetachGroupPolicyCommand({ GroupName: name, PolicyArn: policyArn }), { abortSignal }),
      );
    } else {
      await this.call('iam:DetachRolePolicy', signal, (abortSignal) =>
        this.iam.send(new DetachRolePolicyCommand({ RoleName: name, PolicyArn: policyArn }), { abortSignal }),
      );
    }
  }

  /** Deletes a managed policy (IAM refuses while it is attached or has versions besides the default). */
  async deletePolicy(policyArn: string, signal?: AbortSignal): Promise<void> {
    await this.call('iam:DeletePolicy', signal, (abortSignal) =>
      this.iamOnce.send(new DeletePolicyCommand({ PolicyArn: policyArn }), { abortSignal }),
    );
  }

  /** Adds or replaces an inline policy of a user, group or role (idempotent in IAM). */
  async putInlinePolicy(
    kind: PrincipalKind,
    name: string,
    policyName: string,
    document: string,
    signal?: AbortSignal,
  ): Promise<void> {
    if (kind === 'user') {
      await this.call('iam:PutUserPolicy', signal, (abortSignal) =>
        this.iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: policyName, PolicyDocument: document }), {
          abortSignal,
        }),
      );
    } else if (kind === 'group') {
      await this.call('iam:PutGroupPolicy', signal, (abortSignal) =>
        this.iam.send(new PutGroupPolicyCommand({ GroupName: name, PolicyName: policyName, PolicyDocument: document }), {
          abortSignal,
        }),
      );
    } else {
      await this.call('iam:PutRolePolicy', signal, (abortSignal) =>
        this.iam.send(new PutRolePolicyCommand({ RoleName: name, PolicyName: policyName, PolicyDocument: document }), {
          abortSignal,
        }),
      );
    }
  }

  async getRole(name: string, signal?: AbortSignal): Promise<RoleInfo> {
    const out = await this.call('iam:GetRole', signal, (abortSignal) =>
      this.iam.send(new GetRoleCommand({ RoleName: name }), { abortSignal }),
    );
    if (!out.Role)
      throw new ApiError(502, {
        code: 'IamError',
        message: `${capitalized(whereIn(this.context('iam:GetRole')))} answered GetRole for ${name} without a role.`,
      });
    return roleInfo(out.Role);
  }

  async createRole(
    input: {
      name: string;
      trustPolicy: string;
      path?: string;
      description?: string;
      maxSessionDuration?: number;
      tags?: readonly { key: string; value: string }[];
    },
    signal?: AbortSignal,
  ): Promise<RoleInfo> {
    return this.create(
      'iam:CreateRole',
      signal,
      (abortSignal) =>
        this.iam.send(
          new CreateRoleCommand({
            RoleName: input.name,
            AssumeRolePolicyDocument: input.trustPolicy,
            Path: input.path,
            Description: input.description,
            MaxSessionDuration: input.maxSessionDuration,
            Tags: sdkTags(input.tags),
          }),
          { abortSignal },
        ),
      (out) => (out.Role ? roleInfo(out.Role) : undefined),
      () => this.sameCreatedRole(input, signal),
      'CreateRole without a role',
    );
  }

  /** The role a retried CreateRole made already: same name (exactly), path, description, session duration and trust policy. */
  private async sameCreatedRole(
    input: {
      name: string;
      trustPolicy: string;
      path?: string;
      description?: string;
      maxSessionDuration?: number;
    },
    signal: AbortSignal | undefined,
  ): Promise<RoleInfo | undefined> {
    try {
      const existing = await this.getRole(input.name, signal);
      const same =
        existing.name === input.name &&
        existing.path === (input.path ?? '/') &&
        (existing.description ?? '') === (input.description ?? '') &&
        existing.maxSessionDuration === (input.maxSessionDuration ?? 3600) &&
        existing.trustPolicy === input.trustPolicy;
      return same ? existing : undefined;
    } catch {
      return undefined;
    }
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
  /** the bounds in force, for timeout messages (default DEFAULT_TIMEOUTS) */
  readonly timeouts?: IamTimeouts;
  /** attempts per call, for timeout messages (default 5) */
  readonly maxAttempts?: number;
}

/** Connection failures: what happened, in words. */
const CONNECTION_CODES: ReadonlyMap<string, string> = new Map([
  ['ECONNREFUSED', 'the connection was refused'],
  ['ECONNRESET', 'the connection was dropped before the answer came'],
  ['EPIPE', 'the connection was closed while the request was being sent'],
  ['ECONNABORTED', 'the connection was aborted'],
  ['ENOTFOUND', 'the host name was not found'],
  ['EAI_AGAIN', 'the host name could not be looked up (DNS)'],
  ['EHOSTUNREACH', 'the host is unreachable'],
  ['ENETUNREACH', 'the network is unreachable'],
  ['EADDRNOTAVAIL', 'the address is not available'],
  ['CERT_HAS_EXPIRED', 'its TLS certificate has expired'],
  ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'its TLS certificate could not be verified'],
  ['SELF_SIGNED_CERT_IN_CHAIN', 'its TLS certificate is self-signed'],
  ['DEPTH_ZERO_SELF_SIGNED_CERT', 'its TLS certificate is self-signed'],
  ['ERR_TLS_CERT_ALTNAME_INVALID', 'its TLS certificate does not name this host'],
]);
/** Connection failures after which the request may have reached the server (a write may have been made). */
const MAYBE_DELIVERED = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);
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
  readonly $metadata?: { readonly httpStatusCode?: number; readonly attempts?: number };
  readonly errors?: unknown;
}

/** The error's IAM code: the SDK's exception name without "Exception" (EntityAlreadyExistsException → EntityAlreadyExists). */
function iamCode(error: ErrorShape): string {
  const raw =
    typeof error.Code === 'string' ? error.Code : typeof error.name === 'string' ? error.name : 'Error';
  return raw.endsWith('Exception') && raw !== 'Exception' ? raw.slice(0, -'Exception'.length) : raw;
}

/** A connection failure's code (ECONNREFUSED, ...), looking into AggregateError's errors. */
function connectionCode(error: ErrorShape): string | undefined {
  if (typeof error.code === 'string' && CONNECTION_CODES.has(error.code)) return error.code;
  if (Array.isArray(error.errors)) {
    for (const inner of error.errors as ErrorShape[]) {
      const code = connectionCode(inner ?? {});
      if (code) return code;
    }
  }
  return undefined;
}

/** What timed out: the connection, an attempt, or (in aggregates) either; undefined when nothing did. */
function timeoutKind(error: ErrorShape): 'connect' | 'attempt' | undefined {
  const message = typeof error.message === 'string' ? error.message : '';
  if (error.name === 'TimeoutError' || error.name === 'RequestTimeout' || error.code === 'ETIMEDOUT') {
    return message.includes('establish a connection') ? 'connect' : 'attempt';
  }
  if (Array.isArray(error.errors)) {
    for (const inner of error.errors as ErrorShape[]) {
      const kind = timeoutKind(inner ?? {});
      if (kind) return kind;
    }
  }
  return undefined;
}

/** Where the request went, in a sentence: "AWS", "the IAM sandbox at URL", "the IAM endpoint URL". */
export function whereIn(context: Pick<ErrorContext, 'mode' | 'target'>): string {
  if (context.mode === 'sandbox') return `the IAM sandbox at ${context.target}`;
  if (context.mode === 'endpoint') return `the IAM endpoint ${context.target}`;
  return 'AWS';
}

/** Who answered, for IAM's own errors: "IAM", "the sandbox", "the IAM endpoint URL". */
function answeredBy(context: Pick<ErrorContext, 'mode' | 'target'>): string {
  if (context.mode === 'sandbox') return 'the sandbox';
  if (context.mode === 'endpoint') return `the IAM endpoint ${context.target}`;
  return 'IAM';
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function checkTarget(context: ErrorContext): string {
  if (context.mode === 'aws') return 'Check your network connection, VPN or proxy (HTTPS_PROXY), then retry.';
  if (context.mode === 'sandbox')
    return `Check that the sandbox at ${context.target} is still running (npm start -- --sandbox starts one), then retry.`;
  return `Check that the endpoint ${context.target} is running and answering (and that --endpoint-url names it), then retry.`;
}

/** Writes that may be retried as they are: the gateway recognizes its own earlier result. */
const SAFE_TO_RETRY = new Set([
  'iam:CreatePolicy',
  'iam:CreateRole',
  'iam:AttachUserPolicy',
  'iam:AttachGroupPolicy',
  'iam:AttachRolePolicy',
]);

/** For writes whose answer was lost: the change may have been made. */
function writeCaveat(context: ErrorContext): string {
  if (!WRITES.has(context.action)) return '';
  return SAFE_TO_RETRY.has(context.action)
    ? ` ${context.action} may have been carried out anyway: refresh to see, or simply retry (retrying is safe).`
    : ` ${context.action} may have been carried out anyway: refresh the versions before trying again.`;
}

function timeoutError(context: ErrorContext, message: string): ApiError {
  return new ApiError(504, {
    code: 'Timeout',
    message,
    hint: `${checkTarget(context)}${writeCaveat(context)}`,
  });
}

/**
 * The error for a call that `signal` aborted: the call's own deadline passed (`ownDeadline`), or
 * the caller aborted with `reason` (an ApiError such as the operation's Timeout is answered as is;
 * a TimeoutError DOMException is a timeout; anything else means the caller went away: Cancelled).
 */
export function abortedError(reason: unknown, ownDeadline: boolean, context: ErrorContext): ApiError {
  if (reason instanceof ApiError) return reason;
  const timeouts = context.timeouts ?? DEFAULT_TIMEOUTS;
  if (ownDeadline) {
    return timeoutError(
      context,
      `${capitalized(whereIn(context))} did not answer ${context.action} within ${duration(timeouts.callMs)} (retries included).`,
    );
  }
  if (reason instanceof Error && reason.name === 'TimeoutError') {
    return timeoutError(
      context,
      `${capitalized(whereIn(context))} did not answer ${context.action} in the time allowed (${duration(timeouts.operationMs)} per operation).`,
    );
  }
  return new ApiError(499, {
    code: 'Cancelled',
    message: `The request was cancelled (the page closed it) while ${context.action} was in progress.`,
    hint: `Nothing to do.${writeCaveat(context)}`,
  });
}

/** True for failures after which a write may or may not have been carried out. */
export function isAmbiguous(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    (error.code === 'Timeout' ||
      (error.code === 'ConnectionFailed' && !error.info.message.includes('(ECONNREFUSED)')) ||
      error.status >= 500)
  );
}

/** True for failures that say something about the connection or the credentials, not about the request. */
export function concernsConnection(error: ApiError): boolean {
  return error.status === 401 || error.status === 502 || error.status === 503 || error.status === 504;
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
  const where = answeredBy(context);

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
      message: `${capitalized(where)} rejected the credentials (${code}): ${iamMessage}`,
      hint: context.profile
        ? `Check the keys of profile "${context.profile}", or log in again with "aws sso login --profile ${context.profile}", and retry.`
        : 'Check your access key (or use another profile with npm start -- --profile NAME) and retry.',
    });
  }
  const connection = connectionCode(e);
  if (connection) {
    const place = context.mode === 'aws' ? `AWS (${context.target})` : whereIn(context);
    return new ApiError(502, {
      code: 'ConnectionFailed',
      message: `${capitalized(place)} could not be reached: ${CONNECTION_CODES.get(connection) ?? connection} (${connection}).`,
      hint: `${checkTarget(context)}${MAYBE_DELIVERED.has(connection) ? writeCaveat(context) : ''}`,
    });
  }
  const timedOut = timeoutKind(e);
  if (timedOut) {
    const timeouts = context.timeouts ?? DEFAULT_TIMEOUTS;
    const attempts = typeof e.$metadata?.attempts === 'number' ? e.$metadata.attempts : undefined;
    const tries = attempts && attempts > 1 ? ` (${attempts} attempts)` : '';
    if (timedOut === 'connect') {
      const place = context.mode === 'aws' ? `AWS (${context.target})` : whereIn(context);
      return timeoutError(
        context,
        `${capitalized(place)} could not be reached: no connection within ${duration(timeouts.connectMs)}${tries}.`,
      );
    }
    return timeoutError(
      context,
      `${capitalized(whereIn(context))} did not answer ${context.action} within ${duration(timeouts.attemptMs)}${tries}.`,
    );
  }
  if (code === 'AccessDenied' || code === 'AccessDeniedException' || code === 'UnauthorizedOperation') {
    const permission = deniedPermission(iamMessage) ?? context.action;
    return new ApiError(403, {
      code: 'AccessDenied',
      message: `Access denied: your identity is not allowed to perform ${permission}. ${capitalized(where)} said: ${iamMessage}`,
      hint: `Ask an administrator to allow ${permission} for your identity, or restart with a profile that has it (npm start -- --profile NAME).`,
    });
  }
  if (THROTTLING_CODES.has(code)) {
    return new ApiError(429, {
      code: 'Throttling',
      message: `${capitalized(where)} is throttling requests (${iamMessage}); the request was retried and still failed.`,
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
        message: `${capitalized(where)} failed to process ${context.action}: ${iamMessage}`,
        hint:
          context.mode === 'aws'
            ? 'This is on the AWS side; retry in a moment.'
            : `This is on the side of ${whereIn(context)}; retry in a moment.`,
      });
    default:
      return new ApiError(502, {
        code: code === 'Error' ? 'IamError' : code,
        message:
          context.mode === 'aws'
            ? `${context.action} failed: ${iamMessage}`
            : `${context.action} failed at ${whereIn(context)}: ${iamMessage}`,
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

/** Tags as the SDK takes them (none: undefined, so the request names no Tags). */
function sdkTags(tags: readonly { key: string; value: string }[] | undefined): { Key: string; Value: string }[] | undefined {
  return tags?.length ? tags.map((t) => ({ Key: t.key, Value: t.value })) : undefined;
}
