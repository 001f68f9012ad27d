/**
 * The API operations' handlers: one function per operation of contract.ts, each taking the
 * validated input and answering the operation's output, or throwing an ApiError.
 */
import { CatalogLoader } from '../catalog/load';
import { ATTACHED_POLICY_QUOTA } from '../policy/iamLimits';
import { SIZE_QUOTAS } from '../policy/model';
import { parse } from '../policy/parse';
import { analyze, servicesOf } from '../policy/analyze';
import { untilAborted } from './abort';
import { ApiError } from './apiError';
import { DEFAULT_CATALOG_DIR, nodeFetchJson } from '../catalog/node';
import { NAME_RE, POLICY_SET_TAG } from './contract';
import type {
  ApiErrorInfo,
  AttachResult,
  ConnectionMode,
  FindingInfo,
  OperationInputs,
  OperationName,
  OperationOutputs,
  PolicyInfo,
  PolicySetInfo,
  PrincipalInfo,
  PrincipalKind,
  SessionInfo,
} from './contract';
import type { IamGateway, PrincipalSummary } from './iam';
import { isAmbiguous, sortVersions } from './iam';

/** What an operation runs under: `signal` aborts when the browser went away or the operation's deadline passed. */
export interface OperationContext {
  readonly signal?: AbortSignal;
}

export type Handlers = {
  [K in OperationName]: (
    input: OperationInputs[K],
    context?: OperationContext,
  ) => Promise<OperationOutputs[K]>;
};

export interface SessionBase {
  readonly mode: ConnectionMode;
  readonly profile?: string;
  readonly region?: string;
  readonly endpointUrl?: string;
}

export interface HandlerDeps {
  readonly app: string;
  readonly version: string;
  readonly session: SessionBase;
  /** undefined: no IAM connection (every IAM operation answers NotConnected) */
  readonly gateway?: IamGateway;
  /** the built catalog, for validating trust policies (default public/catalog/) */
  readonly catalogDir?: string;
  /** how long answers from IAM are reused, ms (default: session 60 s, lists 15 s) */
  readonly cacheMs?: { readonly session?: number; readonly lists?: number };
}

export { ATTACHED_POLICY_QUOTA };
export const POLICY_VERSION_QUOTA = 5;
const DEFAULT_PAGE = 50;
const SESSION_FAILURE_CACHE_MS = 5_000;
const CONCURRENCY = 4;
/** Failures after which a write may or may not have been made. */
const AMBIGUOUS = new Set(['Timeout', 'ConnectionFailed']);

/** A value computed once and reused for `ttl` ms; `clear()` forgets it. */
class Cached<T> {
  private entry: { at: number; value: Promise<T> } | undefined;

  constructor(
    private readonly ttl: number,
    private readonly compute: () => Promise<T>,
  ) {}

  get(): Promise<T> {
    const now = Date.now();
    if (this.entry && now - this.entry.at < this.ttl) return this.entry.value;
    const value = this.compute();
    const entry = { at: now, value };
    this.entry = entry;
    value.catch(() => {
      if (this.entry === entry) this.entry = undefined;
    });
    return value;
  }

  clear(): void {
    this.entry = undefined;
  }
}

/** Runs `task` over `items` with at most `limit` at a time; results in input order. */
async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/**
 * Waits for a shared computation (a cached list other requests may wait for too) unless `signal`
 * aborts first: the computation goes on for the others, this request stops waiting for it.
 */
function untilSettled<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  return untilAborted(promise, signal, abortReason);
}

/** The ApiError an aborted operation answers (the server aborts with one; anything else: Cancelled). */
function abortReason(signal: AbortSignal): ApiError {
  const reason: unknown = signal.reason;
  if (reason instanceof ApiError) return reason;
  return new ApiError(499, { code: 'Cancelled', message: 'The request was cancelled before it finished.' });
}

function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

function decodeCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  const match = /^o:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) {
    throw new ApiError(400, {
      code: 'ValidationError',
      message: 'The cursor is not one this server gave out.',
      hint: 'Start again from the first page (omit "cursor").',
    });
  }
  return Number(match[1]);
}

function pageOf<T>(
  items: readonly T[],
  cursor: string | undefined,
  limit: number | undefined,
): { page: T[]; nextCursor?: string } {
  const start = decodeCursor(cursor);
  const size = limit ?? DEFAULT_PAGE;
  const page = items.slice(start, start + size);
  const next = start + page.length;
  return next < items.length ? { page, nextCursor: encodeCursor(next) } : { page };
}

function matches(search: string | undefined, ...fields: readonly string[]): boolean {
  if (!search?.trim()) return true;
  const wanted = search.trim().toLowerCase();
  return fields.some((f) => f.toLowerCase().includes(wanted));
}

function labelFor(session: SessionBase, accountId: string): string {
  if (session.mode === 'sandbox') return `Sandbox account ${accountId}`;
  if (session.mode === 'endpoint')
    return `Account ${accountId} at ${session.endpointUrl ?? 'a custom endpoint'}`;
  return `AWS account ${accountId}${session.profile ? ` (profile ${session.profile})` : ''}`;
}

const NOT_CONNECTED: ApiErrorInfo = {
  code: 'NotConnected',
  message: 'This server has no IAM connection configured.',
  hint: 'Restart with npm start -- --profile NAME (your AWS account) or npm start -- --sandbox (the built-in sandbox account).',
};

function errorInfo(error: unknown): ApiErrorInfo {
  if (error instanceof ApiError) return error.info;
  return { code: 'InternalError', message: error instanceof Error ? error.message : String(error) };
}


export function createHandlers(deps: HandlerDeps): Handlers {
  const listTtl = deps.cacheMs?.lists ?? 15_000;
  const sessionTtl = deps.cacheMs?.session ?? 60_000;

  const gateway = (): IamGateway => {
    if (!deps.gateway) throw new ApiError(503, NOT_CONNECTED);
    return deps.gateway;
  };

  // --- Caches of IAM answers (cleared by the operations that change them) -----------------------
  const principalLists: Record<PrincipalKind, Cached<PrincipalSummary[]>> = {
    user: new Cached(listTtl, () => gateway().listPrincipals('user')),
    group: new Cached(listTtl, () => gateway().listPrincipals('group')),
    role: new Cached(listTtl, () => gateway().listPrincipals('role')),
  };
  const localPolicies = new Cached(listTtl, () => gateway().listLocalPolicies());
  const attachedCounts = new Map<string, { at: number; count: number }>();
  const countKey = (kind: PrincipalKind, name: string): string => `${kind}:${name.toLowerCase()}`;

  async function attachedCount(
    kind: PrincipalKind,
    name: string,
    signal: AbortSignal | undefined,
  ): Promise<number | undefined> {
    const key = countKey(kind, name);
    const cached = attachedCounts.get(key);
    if (cached && Date.now() - cached.at < listTtl) return cached.count;
    try {
      const count = (await gateway().listAttachedPolicies(kind, name, signal)).length;
      attachedCounts.set(key, { at: Date.now(), count });
      return count;
    } catch {
      return undefined; // e.g. no iam:ListAttachedRolePolicies: show the principal without a count
    }
  }

  // The identity check, cached; stale as soon as an IAM call failed for a reason that concerns the
  // connection or the credentials (or succeeded again after such a failure): see IamGateway.epoch.
  let sessionCache: { at: number; ttl: number; epoch: number; value: SessionInfo } | undefined;

  async function session(refresh: boolean, signal: AbortSignal | undefined): Promise<SessionInfo> {
    const now = Date.now();
    if (
      !refresh &&
      sessionCache &&
      now - sessionCache.at < sessionCache.ttl &&
      sessionCache.epoch === deps.gateway?.epoch
    ) {
      return sessionCache.value;
    }
    const base = {
      app: deps.app,
      version: deps.version,
      mode: deps.session.mode,
      ...(deps.session.profile ? { profile: deps.session.profile } : {}),
      ...(deps.session.region ? { region: deps.session.region } : {}),
      ...(deps.session.endpointUrl ? { endpointUrl: deps.session.endpointUrl } : {}),
    };
    if (!deps.gateway) {
      return { ...base, connected: false, label: 'Not connected', error: NOT_CONNECTED };
    }
    let value: SessionInfo;
    let ttl = sessionTtl;
    try {
      const identity = await deps.gateway.callerIdentity(signal);
      value = {
        ...base,
        connected: true,
        label: labelFor(deps.session, identity.accountId),
        accountId: identity.accountId,
        arn: identity.arn,
        userId: identity.userId,
        checkedAt: new Date().toISOString(),
      };
    } catch (error) {
      if (error instanceof ApiError && error.code === 'Cancelled') throw error; // nobody to answer
      ttl = SESSION_FAILURE_CACHE_MS;
      value = {
        ...base,
        connected: false,
        label: 'Not connected',
        error: errorInfo(error),
        checkedAt: new Date().toISOString(),
      };
    }
    // The epoch after this check: its own failure must not make its answer stale at once.
    sessionCache = { at: now, ttl, epoch: deps.gateway.epoch, value };
    return value;
  }

  let catalog: Promise<CatalogLoader> | undefined;
  function catalogLoader(): Promise<CatalogLoader> {
    catalog ??= CatalogLoader.create(nodeFetchJson(deps.catalogDir ?? DEFAULT_CATALOG_DIR));
    catalog.catch(() => {
      catalog = undefined;
    });
    return catalog;
  }

  /** Checks a trust policy with our validator: refuses syntax errors, error findings, and the 2,048 quota. */
  async function checkTrustPolicy(text: string): Promise<void> {
    const parsed = parse(text);
    const loader = await catalogLoader();
    await loader.loadServices(servicesOf(parsed.model));
    const analysis = analyze(text, loader.view, { kind: 'trust', parsed });
    const size = analysis.size.size;
    const findings: FindingInfo[] = analysis.findings
      .filter((f) => f.severity === 'error')
      .map((f) => ({ code: f.code, severity: f.severity, message: f.message, pointer: f.pointer }));
    const quota = SIZE_QUOTAS.trust;
    if (findings.length > 0 || size > quota) {
      const first = findings[0];
      throw new ApiError(400, {
        code: 'InvalidTrustPolicy',
        message:
          size > quota
            ? `The trust policy has ${size} characters (whitespace not counted); IAM allows ${quota}.`
            : `The trust policy has ${findings.length} error${findings.length === 1 ? '' : 's'}${first ? `, first at ${first.pointer || 'the top'}: ${first.message}` : ''}`,
        hint: 'Fix the trust policy (each finding says how) and create the role again.',
        findings,
      });
    }
  }

  function trustDocument(services: readonly string[]): string {
    const unique = [...new Set(services)];
    return JSON.stringify(
      {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: unique.length === 1 ? unique[0] : unique },
            Action: 'sts:AssumeRole',
          },
        ],
      },
      null,
      2,
    );
  }

  async function attachOne(
    policyArn: string,
    kind: PrincipalKind,
    name: string,
    signal: AbortSignal | undefined,
  ): Promise<AttachResult> {
    const iam = gateway();
    const isAttached = async (): Promise<boolean> =>
      (await iam.listAttachedPolicies(kind, name, signal)).some(
        (p) => p.arn.toLowerCase() === policyArn.toLowerCase(), // policy names are case-insensitive in IAM
      );
    // Already attached? (IAM would accept the attach again; asking first lets us say so.)
    try {
      if (await isAttached()) return { kind, name, status: 'already-attached' };
    } catch (error) {
      if (error instanceof ApiError && error.code === 'NoSuchEntity') {
        return {
          kind,
          name,
          status: 'no-such-entity',
          code: error.code,
          message: error.info.message,
          hint: error.info.hint,
        };
      }
      // No answer or no connection: attaching would meet the same trouble; say so for this target.
      if (error instanceof ApiError && AMBIGUOUS.has(error.code)) return failed(kind, name, error);
      // Listing is not allowed or failed otherwise: attaching is still safe (IAM never attaches twice).
    }
    try {
      await iam.attachPolicy(kind, name, policyArn, signal);
      attachedCounts.delete(countKey(kind, name));
      return { kind, name, status: 'attached' };
    } catch (error) {
      attachedCounts.delete(countKey(kind, name));
      // No answer, or the connection dropped: the attach may have been made. Look once.
      if (error instanceof ApiError && AMBIGUOUS.has(error.code) && !signal?.aborted) {
        try {
          if (await isAttached()) return { kind, name, status: 'attached' };
        } catch {
          // still unreachable: report the first failure
        }
      }
      return failed(kind, name, error);
    }
  }

  function failed(kind: PrincipalKind, name: string, error: unknown): AttachResult {
    const info = errorInfo(error);
    const status =
      info.code === 'LimitExceeded'
        ? 'quota-reached'
        : info.code === 'NoSuchEntity'
          ? 'no-such-entity'
          : info.code === 'AccessDenied'
            ? 'access-denied'
            : 'error';
    return {
      kind,
      name,
      status,
      code: info.code,
      message: info.message,
      ...(info.hint ? { hint: info.hint } : {}),
    };
  }

  return {
    session: async (input, ctx) => session(input.refresh ?? false, ctx?.signal),

    listPrincipals: async (input, ctx) => {
      const kinds = [...new Set(input.kinds ?? (['user', 'group', 'role'] as const))];
      const lists = await untilSettled(
        Promise.all(kinds.map((kind) => principalLists[kind].get())),
        ctx?.signal,
      );
      const all = lists
        .flat()
        .filter((p) => matches(input.search, p.name, p.path))
        .sort(
          (a, b) =>
            kinds.indexOf(a.kind) - kinds.indexOf(b.kind) ||
            a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }),
        );
      const { page, nextCursor } = pageOf(all, input.cursor, input.limit);
      const principals = await mapLimit(page, CONCURRENCY, async (p): Promise<PrincipalInfo> => {
        const count = await attachedCount(p.kind, p.name, ctx?.signal);
        return {
          ...p,
          ...(count !== undefined ? { attachedPolicyCount: count } : {}),
          attachedPolicyQuota: ATTACHED_POLICY_QUOTA,
          atQuota: count !== undefined && count >= ATTACHED_POLICY_QUOTA,
        };
      });
      return { principals, total: all.length, ...(nextCursor ? { nextCursor } : {}) };
    },

    listPolicies: async (input, ctx) => {
      const policies = input.onlyAttached
        ? await gateway().listLocalPolicies(true, ctx?.signal)
        : await untilSettled(localPolicies.get(), ctx?.signal);
      const filtered = policies
        .filter((p) => matches(input.search, p.name, p.path))
        .sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' }));
      const { page, nextCursor } = pageOf(filtered, input.cursor, input.limit);
      return { policies: page, total: filtered.length, ...(nextCursor ? { nextCursor } : {}) };
    },

    getPolicyDocument: async (input, ctx) => {
      const iam = gateway();
      const signal = ctx?.signal;
      const versionId = input.versionId ?? (await iam.getPolicy(input.policyArn, signal)).defaultVersionId;
      const version = await iam.getPolicyVersion(input.policyArn, versionId, signal);
      return {
        policyArn: input.policyArn,
        versionId: version.versionId || versionId,
        isDefaultVersion: version.isDefaultVersion,
        ...(version.createDate ? { createDate: version.createDate } : {}),
        document: version.document,
      };
    },

    checkPolicyName: async ({ name }, ctx) => {
      let problem: string | undefined;
      if (name.length === 0) problem = 'Enter a name.';
      else if (name.length > 128) problem = `The name has ${name.length} characters; IAM allows at most 128.`;
      else if (!NAME_RE.test(name)) {
        const bad = [...new Set(name.replace(/[\w+=,.@-]/g, ''))]
          .map((c) => (c === ' ' ? 'space' : /\s/.test(c) ? 'whitespace' : `"${c}"`))
          .join(', ');
        problem = `The name contains characters IAM does not allow (${bad}): use letters, digits and + = , . @ _ -.`;
      }
      if (problem) return { name, valid: false, available: false, problem };
      const lower = name.toLowerCase();
      const existing = (await untilSettled(localPolicies.get(), ctx?.signal)).find(
        (p) => p.name.toLowerCase() === lower,
      );
      if (existing) {
        return {
          name,
          valid: true,
          available: false,
          problem:
            existing.name === name
              ? `A policy named ${existing.name} already exists in this account.`
              : `A policy named ${existing.name} already exists; IAM policy names are case-insensitive.`,
          conflict: { name: existing.name, arn: existing.arn },
        };
      }
      return { name, valid: true, available: true };
    },

    createPolicy: async (input, ctx) => {
      try {
        const policy: PolicyInfo = await gateway().createPolicy(input, ctx?.signal);
        return { policy };
      } finally {
        // also after a failure or a cancel: IAM may have made it (the next list asks IAM again)
        localPolicies.clear();
      }
    },

    attachPolicy: async ({ policyArn, targets }, ctx) => {
      gateway();
      const seen = new Set<string>();
      const distinct = targets.filter((t) => {
        const key = countKey(t.kind, t.name);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      });
      const results = await mapLimit(distinct, CONCURRENCY, (t) =>
        attachOne(policyArn, t.kind, t.name, ctx?.signal),
      ).finally(() => localPolicies.clear()); // a cancelled attach may have been made too
      const succeeded = results.filter(
        (r) => r.status === 'attached' || r.status === 'already-attached',
      ).length;
      return { policyArn, results, succeeded, failed: results.length - succeeded };
    },

    createRole: async (input, ctx) => {
      const iam = gateway();
      const trustPolicy =
        input.trust.kind === 'services' ? trustDocument(input.trust.services) : input.trust.document;
      await checkTrustPolicy(trustPolicy);
      const role = await iam
        .createRole(
          {
            name: input.name,
            trustPolicy,
            path: input.path,
            description: input.description,
            maxSessionDuration: input.maxSessionDuration,
            tags: input.tags,
          },
          ctx?.signal,
        )
        .finally(() => principalLists.role.clear()); // a cancelled create may have been made too
      return { role };
    },

    createPolicyVersion: async ({ policyArn, document, setAsDefault }, ctx) => {
      const iam = gateway();
      const signal = ctx?.signal;
      try {
        const version = await iam.createPolicyVersion(policyArn, document, setAsDefault ?? true, signal);
        return { version, versions: await iam.listPolicyVersions(policyArn, signal) };
      } catch (error) {
        if (
          error instanceof ApiError &&
          error.code === 'LimitExceeded' &&
          /version/i.test(error.info.message)
        ) {
          const versions = sortVersions(await iam.listPolicyVersions(policyArn, signal));
          const oldest = [...versions].reverse().find((v) => !v.isDefaultVersion);
          throw new ApiError(409, {
            ...error.info,
            hint: oldest
              ? `Delete a non-default version first, for example the oldest, ${oldest.versionId}, then save again.`
              : error.info.hint,
            versions,
          });
        }
        throw error;
      }
    },

    deletePolicyVersion: async ({ policyArn, versionId }, ctx) => {
      const iam = gateway();
      await iam.deletePolicyVersion(policyArn, versionId, ctx?.signal);
      return { versions: await iam.listPolicyVersions(policyArn, ctx?.signal) };
    },

    listPolicyVersions: async ({ policyArn }, ctx) => ({
      policyArn,
      versions: await gateway().listPolicyVersions(policyArn, ctx?.signal),
      quota: POLICY_VERSION_QUOTA,
    }),

    listPolicySets: async ({ search }, ctx) => {
      const iam = gateway();
      const signal = ctx?.signal;
      // ListPolicies answers no tags: ask each customer managed policy for its own (4 at a time).
      const policies = (await untilSettled(localPolicies.get(), signal)).filter((p) => matches(search, p.name, p.path));
      const tagged = await mapLimit(policies, CONCURRENCY, async (policy) => ({
        policy,
        tags: await iam.listPolicyTags(policy.arn, signal),
      }));
      const bySet = new Map<string, typeof tagged>();
      for (const entry of tagged) {
        const set = entry.tags.find((t) => t.key.toLowerCase() === POLICY_SET_TAG)?.value;
        if (set === undefined) continue;
        bySet.set(set, [...(bySet.get(set) ?? []), entry]);
      }
      const byName = (a: { policy: PolicyInfo }, b: { policy: PolicyInfo }) =>
        a.policy.name.localeCompare(b.policy.name, 'en', { numeric: true, sensitivity: 'base' });
      const sets = await mapLimit([...bySet.entries()], CONCURRENCY, async ([name, parts]): Promise<PolicySetInfo> => ({
        name,
        // GetPolicy for each part: ListPolicies leaves out the description.
        parts: await mapLimit([...parts].sort(byName), CONCURRENCY, async (part) => ({
          ...part,
          policy: await iam.getPolicy(part.policy.arn, signal),
          attachedTo: part.policy.attachmentCount > 0 ? await iam.listEntitiesForPolicy(part.policy.arn, signal) : [],
        })),
      }));
      return { sets: sets.sort((a, b) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' })) };
    },

    deletePolicy: async ({ policyArn, detach }, ctx) => {
      const iam = gateway();
      const signal = ctx?.signal;
      const detached: { kind: PrincipalKind; name: string }[] = [];
      const deletedVersions: string[] = [];
      try {
        if (detach) {
          for (const target of await iam.listEntitiesForPolicy(policyArn, signal)) {
            await iam.detachPolicy(target.kind, target.name, policyArn, signal);
            attachedCounts.delete(countKey(target.kind, target.name));
            detached.push(target);
          }
          for (const version of await iam.listPolicyVersions(policyArn, signal)) {
            if (version.isDefaultVersion) continue;
            await iam.deletePolicyVersion(policyArn, version.versionId, signal);
            deletedVersions.push(version.versionId);
          }
        }
        await iam.deletePolicy(policyArn, signal);
      } catch (error) {
        // No answer to the delete: it may have been made. A policy that is gone was deleted.
        const gone =
          isAmbiguous(error) &&
          !signal?.aborted &&
          (await iam.getPolicy(policyArn, signal).then(
            () => false,
            (e: unknown) => e instanceof ApiError && e.code === 'NoSuchEntity',
          ));
        if (!gone) throw error;
      } finally {
        localPolicies.clear();
      }
      return { policyArn, detached, deletedVersions };
    },

    putInlinePolicy: async ({ kind, name, policyName, document }, ctx) => {
      await gateway().putInlinePolicy(kind, name, policyName, document, ctx?.signal);
      return { kind, name, policyName };
    },

    tagPolicy: async ({ policyArn, tags }, ctx) => {
      await gateway().tagPolicy(policyArn, tags, ctx?.signal);
      return { policyArn };
    },

    simulateCustomPolicy: async (input, ctx) => ({
      results: await gateway().simulateCustomPolicy(input, ctx?.signal),
    }),
  };
}
