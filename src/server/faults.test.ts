/**
 * The API when IAM misbehaves: stalled and dropped connections, lost answers, cancelled requests,
 * endpoints that answer plain JSON; over HTTP, with the gateway in endpoint mode pointed at the
 * test endpoints of ./testing/faultyEndpoint (alone, or in front of the sandbox).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../sandbox/sandbox';
import type { Sandbox } from '../sandbox/sandbox';
import type {
  ApiErrorBody,
  AttachPolicyOutput,
  CreatePolicyOutput,
  CreatePolicyVersionOutput,
  CreateRoleOutput,
  ListPoliciesOutput,
  ListPolicyVersionsOutput,
  OperationName,
  PolicyDocumentOutput,
  SessionInfo,
} from './contract';
import { IamGateway } from './iam';
import type { IamGatewayOptions, IamTimeouts } from './iam';
import { startAppServer } from './server';
import type { AppServer } from './server';
import { iamAnswer, startFaultyEndpoint, startSilentServer, xmlText } from './testing/faultyEndpoint';
import type { FaultyEndpoint, SilentServer } from './testing/faultyEndpoint';

const KEYS = { accessKeyId: 'AKIATESTTESTTESTTEST', secretAccessKey: 'test-secret' };
const QUICK: IamTimeouts = { connectMs: 300, attemptMs: 400, callMs: 2_000, operationMs: 4_000 };
const V = '2012-10-17';
const ACCOUNT = '123456789012';

interface Reply<T> {
  readonly status: number;
  readonly json: T;
  readonly ms: number;
}

/** POSTs an operation; `abortAfterMs` destroys the request that long after sending it (as a closed tab would). */
function call<T>(
  server: AppServer,
  op: OperationName,
  body: unknown,
  abortAfterMs?: number,
): Promise<Reply<T>> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: 'POST',
        path: `/api/${op}`,
        headers: {
          host: `127.0.0.1:${server.port}`,
          'content-type': 'application/json',
          'x-workbench-token': server.token,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            json: JSON.parse(Buffer.concat(chunks).toString()) as T,
            ms: Date.now() - started,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
    if (abortAfterMs !== undefined) setTimeout(() => req.destroy(), abortAfterMs);
  });
}

function errorOf(reply: Reply<unknown>): ApiErrorBody['error'] {
  return (reply.json as ApiErrorBody).error;
}

async function until(check: () => boolean, withinMs: number): Promise<number> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > withinMs) throw new Error(`not within ${withinMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
  return Date.now() - started;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** An app server whose gateway talks to `url` in endpoint mode. */
async function appFor(
  url: string,
  options: Partial<IamGatewayOptions> = {},
  operationTimeoutMs?: number,
): Promise<{ server: AppServer; gateway: IamGateway; target: string }> {
  const gateway = new IamGateway({
    mode: 'endpoint',
    endpointUrl: url,
    credentials: KEYS,
    maxAttempts: 2,
    timeouts: QUICK,
    ...options,
  });
  const dir = mkdtempSync(path.join(tmpdir(), 'wb-faults-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Workbench</title>');
  const server = await startAppServer({
    host: '127.0.0.1',
    port: 0,
    staticDir: dir,
    version: '0.0.0-test',
    session: { mode: 'endpoint', endpointUrl: url },
    gateway,
    ...(operationTimeoutMs !== undefined ? { operationTimeoutMs } : {}),
  });
  cleanups.push(
    () => gateway.destroy(),
    () => server.close(),
  );
  return { server, gateway, target: url.slice(0, -1) };
}

async function silent(): Promise<SilentServer> {
  const s = await startSilentServer();
  cleanups.push(() => s.close());
  return s;
}

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

/** A faulty endpoint in front of the sandbox. */
async function faulty(plan?: FaultyEndpoint['plan']): Promise<FaultyEndpoint> {
  const endpoint = await startFaultyEndpoint({ upstream: sandbox.url, ...(plan ? { plan } : {}) });
  cleanups.push(() => endpoint.close());
  return endpoint;
}

let counter = 0;
const unique = (base: string): string => `${base}${Date.now() % 100000}x${++counter}`;
const policyDoc = (resource: string): string =>
  JSON.stringify(
    { Version: V, Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: resource }] },
    null,
    2,
  );
const READ = policyDoc('arn:aws:s3:::example/*');

describe('every call ends', () => {
  it('a stalled endpoint (accepts, never answers): Timeout within the bound, naming the endpoint', async () => {
    const stalled = await silent();
    const { server, target } = await appFor(stalled.url);
    const reply = await call(server, 'createPolicy', { name: 'P', document: READ });
    expect(reply.status).toBe(504);
    expect(errorOf(reply)).toMatchObject({
      code: 'Timeout',
      message: `The IAM endpoint ${target} did not answer iam:CreatePolicy within 400 ms (2 attempts).`,
    });
    expect(errorOf(reply).hint).toContain(`Check that the endpoint ${target} is running`);
    expect(errorOf(reply).hint).toContain('iam:CreatePolicy may have been carried out anyway');
    expect(reply.ms).toBeLessThan(QUICK.callMs);
    expect(stalled.connections.opened).toBe(2); // each attempt on a fresh connection
  });

  it('bounds a call as a whole, retries and backoff included', async () => {
    const stalled = await silent();
    const { server, target } = await appFor(stalled.url, {
      maxAttempts: 5,
      timeouts: { ...QUICK, attemptMs: 300, callMs: 700 },
    });
    const reply = await call(server, 'listPolicyVersions', {
      policyArn: `arn:aws:iam::${ACCOUNT}:policy/P`,
    });
    expect(reply.status).toBe(504);
    expect(errorOf(reply).message).toBe(
      `The IAM endpoint ${target} did not answer iam:ListPolicyVersions within 700 ms (retries included).`,
    );
    expect(errorOf(reply).hint).not.toContain('carried out'); // a read changes nothing
    expect(reply.ms).toBeGreaterThanOrEqual(650);
    expect(reply.ms).toBeLessThan(1_500);
  });

  it('bounds an operation as a whole, and aborts the call in flight', async () => {
    const stalled = await silent();
    const { server } = await appFor(
      stalled.url,
      { timeouts: { ...QUICK, attemptMs: 5_000, callMs: 10_000 } },
      500,
    );
    const reply = await call(server, 'getPolicyDocument', { policyArn: `arn:aws:iam::${ACCOUNT}:policy/P` });
    expect(reply.status).toBe(504);
    expect(errorOf(reply)).toMatchObject({ code: 'Timeout' });
    expect(errorOf(reply).message).toContain('getPolicyDocument did not finish within 500 ms');
    expect(errorOf(reply).message).toContain(`The IAM endpoint ${stalled.url.slice(0, -1)}`);
    expect(reply.ms).toBeLessThan(1_500);
    await until(() => stalled.connections.closed === stalled.connections.opened, 1_000);
  });

  it('a socket reused after a good answer that then stalls: Timeout, not a hang', async () => {
    const endpoint = await faulty(({ action, nth }) =>
      action === 'ListPolicies' && nth > 1 ? 'stall' : 'pass',
    );
    const { server, target } = await appFor(endpoint.url);
    const first = await call<ListPoliciesOutput>(server, 'listPolicies', { onlyAttached: true });
    expect(first.status).toBe(200);
    const second = await call(server, 'listPolicies', { onlyAttached: true });
    expect(second.status).toBe(504);
    expect(errorOf(second).message).toBe(
      `The IAM endpoint ${target} did not answer iam:ListPolicies within 400 ms (2 attempts).`,
    );
    const lists = endpoint.requests.filter((r) => r.action === 'ListPolicies');
    expect(lists[1]?.connection).toBe(lists[0]?.connection); // the kept-alive socket was reused
  });

  it('a dropped connection: ConnectionFailed naming the endpoint, retried once first', async () => {
    const endpoint = await faulty(({ action }) => (action === 'ListPolicyVersions' ? 'drop' : 'pass'));
    const { server, target } = await appFor(endpoint.url);
    const reply = await call(server, 'listPolicyVersions', { policyArn: `arn:aws:iam::${ACCOUNT}:policy/P` });
    expect(reply.status).toBe(502);
    expect(errorOf(reply)).toMatchObject({
      code: 'ConnectionFailed',
      message: `The IAM endpoint ${target} could not be reached: the connection was dropped before the answer came (ECONNRESET).`,
    });
    expect(errorOf(reply).hint).toContain('--endpoint-url');
    expect(endpoint.requests.filter((r) => r.action === 'ListPolicyVersions')).toHaveLength(2);
  });

  it('a refused connection names the endpoint, not AWS', async () => {
    const stalled = await silent();
    const url = stalled.url;
    await stalled.close(); // nothing listens there now
    const { server, target } = await appFor(url);
    const reply = await call(server, 'listPolicies', {});
    expect(reply.status).toBe(502);
    expect(errorOf(reply).message).toBe(
      `The IAM endpoint ${target} could not be reached: the connection was refused (ECONNREFUSED).`,
    );
    expect(JSON.stringify(reply.json)).not.toContain('AWS');
  });

  it('when the page cancels its request, the IAM call is aborted', async () => {
    const stalled = await silent();
    const { server } = await appFor(stalled.url, {
      maxAttempts: 1,
      timeouts: { ...QUICK, attemptMs: 10_000, callMs: 20_000, operationMs: 30_000 },
    });
    await expect(call(server, 'createPolicy', { name: 'P', document: READ }, 200)).rejects.toThrow();
    await until(() => stalled.connections.opened === 1, 1_000);
    const ms = await until(() => stalled.connections.closed === 1, 1_000);
    expect(ms).toBeLessThan(1_000); // long before the 10 s attempt bound
  });
});

describe('the session check after a failed call', () => {
  it('re-checks instead of serving a stale "connected", and recovers', async () => {
    const endpoint = await faulty();
    const { server, target } = await appFor(endpoint.url);
    const identityChecks = (): number =>
      endpoint.requests.filter((r) => r.action === 'GetCallerIdentity').length;
    const connected = await call<SessionInfo>(server, 'session', {});
    expect(connected.json).toMatchObject({ connected: true, label: `Account ${ACCOUNT} at ${endpoint.url}` });
    await call<SessionInfo>(server, 'session', {});
    expect(identityChecks()).toBe(1); // cached

    endpoint.plan = () => 'stall';
    expect(
      (await call(server, 'listPolicyVersions', { policyArn: `arn:aws:iam::${ACCOUNT}:policy/P` })).status,
    ).toBe(504);
    const down = await call<SessionInfo>(server, 'session', {});
    expect(identityChecks()).toBe(3); // re-checked (2 attempts)
    expect(down.json.connected).toBe(false);
    expect(down.json.error).toMatchObject({
      code: 'Timeout',
      message: `The IAM endpoint ${target} did not answer sts:GetCallerIdentity within 400 ms (2 attempts).`,
    });
    await call<SessionInfo>(server, 'session', {});
    expect(identityChecks()).toBe(3); // the failed check itself is cached briefly (5 s)

    endpoint.plan = () => 'pass';
    expect((await call(server, 'listPolicies', { onlyAttached: true })).status).toBe(200);
    const up = await call<SessionInfo>(server, 'session', {});
    expect(up.json.connected).toBe(true); // a success after the failure makes the failed answer stale
  });
});

describe('documents round-trip exactly', () => {
  const plain = JSON.stringify(
    {
      Version: V,
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/home/%7Buser%7D/*' }],
    },
    null,
    2,
  );

  it('keeps a plain-JSON document from an endpoint as sent, and saves it back unchanged', async () => {
    const arn = `arn:aws:iam::${ACCOUNT}:policy/Plain`;
    const saved: string[] = [];
    const date = '2024-01-02T03:04:05Z';
    const endpoint = await startFaultyEndpoint({
      plan: ({ action, form }) => {
        if (action === 'GetPolicy') {
          return iamAnswer(
            action,
            `<Policy><PolicyName>Plain</PolicyName><Arn>${arn}</Arn><Path>/</Path><PolicyId>ANPAPLAIN</PolicyId>` +
              `<DefaultVersionId>v1</DefaultVersionId><AttachmentCount>0</AttachmentCount><IsAttachable>true</IsAttachable>` +
              `<CreateDate>${date}</CreateDate><UpdateDate>${date}</UpdateDate></Policy>`,
          );
        }
        if (action === 'GetPolicyVersion') {
          return iamAnswer(
            action,
            `<PolicyVersion><Document>${xmlText(plain)}</Document><VersionId>${form.get('VersionId') ?? ''}</VersionId>` +
              `<IsDefaultVersion>true</IsDefaultVersion><CreateDate>${date}</CreateDate></PolicyVersion>`,
          );
        }
        if (action === 'CreatePolicyVersion') {
          saved.push(form.get('PolicyDocument') ?? '');
          return iamAnswer(
            action,
            `<PolicyVersion><VersionId>v2</VersionId><IsDefaultVersion>true</IsDefaultVersion><CreateDate>${date}</CreateDate></PolicyVersion>`,
          );
        }
        if (action === 'ListPolicyVersions') {
          return iamAnswer(
            action,
            `<Versions><member><VersionId>v2</VersionId><IsDefaultVersion>true</IsDefaultVersion></member>` +
              `<member><VersionId>v1</VersionId><IsDefaultVersion>false</IsDefaultVersion></member></Versions><IsTruncated>false</IsTruncated>`,
          );
        }
        return { status: 400, body: 'unexpected' };
      },
    });
    cleanups.push(() => endpoint.close());
    const { server } = await appFor(endpoint.url);
    const read = await call<PolicyDocumentOutput>(server, 'getPolicyDocument', { policyArn: arn });
    expect(read.status).toBe(200);
    expect(read.json.document).toBe(plain);
    expect(read.json.document).toContain('%7Buser%7D');
    const save = await call<CreatePolicyVersionOutput>(server, 'createPolicyVersion', {
      policyArn: arn,
      document: read.json.document,
    });
    expect(save.status).toBe(200);
    expect(saved).toEqual([plain]);
  });

  it('decodes the sandbox (which encodes, as AWS does) exactly once, through read and save', async () => {
    const { server } = await appFor(sandbox.url, { mode: 'sandbox' });
    const created = await call<CreatePolicyOutput>(server, 'createPolicy', {
      name: unique('Home'),
      document: plain,
    });
    expect(created.status).toBe(200);
    const read = await call<PolicyDocumentOutput>(server, 'getPolicyDocument', {
      policyArn: created.json.policy.arn,
    });
    expect(read.json.document).toBe(plain);
    const save = await call<CreatePolicyVersionOutput>(server, 'createPolicyVersion', {
      policyArn: created.json.policy.arn,
      document: read.json.document,
    });
    expect(save.json.version.versionId).toBe('v2');
    const again = await call<PolicyDocumentOutput>(server, 'getPolicyDocument', {
      policyArn: created.json.policy.arn,
      versionId: 'v2',
    });
    expect(again.json.document).toBe(plain);
  });
});

describe('retries are safe', () => {
  it('a CreatePolicy whose answer was lost, retried by the SDK, is reported as created (once)', async () => {
    const endpoint = await faulty(({ action, nth }) =>
      action === 'CreatePolicy' && nth === 1 ? 'lose-answer' : 'pass',
    );
    const { server } = await appFor(endpoint.url);
    const name = unique('Lost');
    const created = await call<CreatePolicyOutput>(server, 'createPolicy', {
      name,
      description: 'made on the first attempt',
      document: READ,
    });
    expect(created.status, JSON.stringify(created.json)).toBe(200);
    expect(created.json.policy).toMatchObject({
      name,
      arn: `arn:aws:iam::${ACCOUNT}:policy/${name}`,
      defaultVersionId: 'v1',
      description: 'made on the first attempt',
    });
    expect(endpoint.requests.filter((r) => r.action === 'CreatePolicy')).toHaveLength(2);
    expect(sandbox.state.listPolicies('Local', false, '/').filter((p) => p.name === name)).toHaveLength(1);
  });

  it('a lost answer reported as ConnectionFailed; the page retrying it gets the policy', async () => {
    const endpoint = await faulty(({ action, nth }) =>
      action === 'CreatePolicy' && nth === 1 ? 'lose-answer' : 'pass',
    );
    const { server } = await appFor(endpoint.url, { maxAttempts: 1 });
    const name = unique('LostOnce');
    const document = policyDoc('arn:aws:s3:::b/home/%7Buser%7D/*');
    const first = await call(server, 'createPolicy', { name, path: '/team/', document });
    expect(first.status).toBe(502);
    expect(errorOf(first).code).toBe('ConnectionFailed');
    expect(errorOf(first).hint).toContain('iam:CreatePolicy may have been carried out anyway');
    const retry = await call<CreatePolicyOutput>(server, 'createPolicy', { name, path: '/team/', document });
    expect(retry.status, JSON.stringify(retry.json)).toBe(200);
    expect(retry.json.policy.arn).toBe(`arn:aws:iam::${ACCOUNT}:policy/team/${name}`);
  });

  it('a real clash stays a clash: another document, description or path', async () => {
    const { server } = await appFor(sandbox.url, { mode: 'sandbox' });
    const name = unique('Clash');
    expect((await call(server, 'createPolicy', { name, description: 'd', document: READ })).status).toBe(200);
    const variants = [
      { name, description: 'd', document: policyDoc('arn:aws:s3:::other/*') },
      { name, description: 'e', document: READ },
      { name, description: 'd', document: READ, path: '/elsewhere/' },
      { name: name.toUpperCase(), description: 'd', document: READ },
      { name, description: 'd', document: JSON.stringify(JSON.parse(READ)) }, // same JSON, other text
    ];
    for (const variant of variants) {
      const reply = await call(server, 'createPolicy', variant);
      expect(reply.status, JSON.stringify(variant)).toBe(409);
      expect(errorOf(reply).code).toBe('EntityAlreadyExists');
    }
  });

  it('a CreateRole whose answer was lost is reported as created', async () => {
    const endpoint = await faulty(({ action, nth }) =>
      action === 'CreateRole' && nth === 1 ? 'lose-answer' : 'pass',
    );
    const { server } = await appFor(endpoint.url);
    const name = unique('LostRole');
    const created = await call<CreateRoleOutput>(server, 'createRole', {
      name,
      trust: { kind: 'services', services: ['lambda.amazonaws.com'] },
    });
    expect(created.status, JSON.stringify(created.json)).toBe(200);
    expect(created.json.role.name).toBe(name);
    expect(endpoint.requests.filter((r) => r.action === 'CreateRole')).toHaveLength(2);
  });

  it('an attach whose answer was lost is reported attached, and attached once', async () => {
    const endpoint = await faulty(({ action, nth }) =>
      action === 'AttachUserPolicy' && nth === 1 ? 'lose-answer' : 'pass',
    );
    const { server } = await appFor(endpoint.url, { maxAttempts: 1 });
    const created = await call<CreatePolicyOutput>(server, 'createPolicy', {
      name: unique('Att'),
      document: READ,
    });
    const policyArn = created.json.policy.arn;
    const targets = [{ kind: 'user', name: 'alice' }];
    const first = await call<AttachPolicyOutput>(server, 'attachPolicy', { policyArn, targets });
    expect(first.json.results).toEqual([{ kind: 'user', name: 'alice', status: 'attached' }]);
    const retry = await call<AttachPolicyOutput>(server, 'attachPolicy', { policyArn, targets });
    expect(retry.json.results).toEqual([{ kind: 'user', name: 'alice', status: 'already-attached' }]);
    expect(endpoint.requests.filter((r) => r.action === 'AttachUserPolicy')).toHaveLength(1);
    expect(sandbox.state.attachedPolicies('user', 'alice').filter((p) => p.arn === policyArn)).toHaveLength(
      1,
    );
  });

  it('an attach that timed out reports Timeout for that target only', async () => {
    const endpoint = await faulty(({ action }) => (action === 'AttachGroupPolicy' ? 'stall' : 'pass'));
    const { server } = await appFor(endpoint.url, { maxAttempts: 1 });
    const created = await call<CreatePolicyOutput>(server, 'createPolicy', {
      name: unique('Slow'),
      document: READ,
    });
    const reply = await call<AttachPolicyOutput>(server, 'attachPolicy', {
      policyArn: created.json.policy.arn,
      targets: [
        { kind: 'group', name: 'Developers' },
        { kind: 'user', name: 'bob' },
      ],
    });
    expect(reply.status).toBe(200);
    expect(reply.json.results.map((r) => [r.name, r.status, r.code])).toEqual([
      ['Developers', 'error', 'Timeout'],
      ['bob', 'attached', undefined],
    ]);
    expect(reply.json.results[0]?.hint).toContain('retrying is safe');
  });

  it('a CreatePolicyVersion whose answer was lost is not sent twice; the version made answers', async () => {
    const endpoint = await faulty(({ action }) =>
      action === 'CreatePolicyVersion' ? 'lose-answer' : 'pass',
    );
    const { server } = await appFor(endpoint.url); // 2 attempts allowed, yet not used for this
    const created = await call<CreatePolicyOutput>(server, 'createPolicy', {
      name: unique('Ver'),
      document: READ,
    });
    const policyArn = created.json.policy.arn;
    const next = policyDoc('arn:aws:s3:::b/home/%7Buser%7D/*');
    const saved = await call<CreatePolicyVersionOutput>(server, 'createPolicyVersion', {
      policyArn,
      document: next,
    });
    expect(saved.status, JSON.stringify(saved.json)).toBe(200);
    expect(saved.json.version).toMatchObject({ versionId: 'v2', isDefaultVersion: true });
    expect(endpoint.requests.filter((r) => r.action === 'CreatePolicyVersion')).toHaveLength(1);
    const list = await call<ListPolicyVersionsOutput>(server, 'listPolicyVersions', { policyArn });
    expect(list.json.versions.map((v) => v.versionId)).toEqual(['v2', 'v1']);
  });

  it('a CreatePolicyVersion that got no answer and made nothing: Timeout, saying to refresh first', async () => {
    const endpoint = await faulty(({ action }) => (action === 'CreatePolicyVersion' ? 'stall' : 'pass'));
    const { server, target } = await appFor(endpoint.url);
    const created = await call<CreatePolicyOutput>(server, 'createPolicy', {
      name: unique('Ver'),
      document: READ,
    });
    const reply = await call(server, 'createPolicyVersion', {
      policyArn: created.json.policy.arn,
      document: policyDoc('arn:aws:s3:::other/*'),
    });
    expect(reply.status).toBe(504);
    expect(errorOf(reply).message).toBe(
      `The IAM endpoint ${target} did not answer iam:CreatePolicyVersion within 400 ms.`,
    );
    expect(errorOf(reply).hint).toContain('refresh the versions before trying again');
    expect(endpoint.requests.filter((r) => r.action === 'CreatePolicyVersion')).toHaveLength(1); // not retried
  });

  it('a DeletePolicyVersion whose answer was lost counts as deleted', async () => {
    const endpoint = await faulty(({ action }) =>
      action === 'DeletePolicyVersion' ? 'lose-answer' : 'pass',
    );
    const { server } = await appFor(endpoint.url);
    const created = await call<CreatePolicyOutput>(server, 'createPolicy', {
      name: unique('Del'),
      document: READ,
    });
    const policyArn = created.json.policy.arn;
    await call(server, 'createPolicyVersion', { policyArn, document: policyDoc('arn:aws:s3:::b/*') });
    const deleted = await call<ListPolicyVersionsOutput>(server, 'deletePolicyVersion', {
      policyArn,
      versionId: 'v1',
    });
    expect(deleted.status, JSON.stringify(deleted.json)).toBe(200);
    expect(deleted.json.versions.map((v) => v.versionId)).toEqual(['v2']);
    expect(endpoint.requests.filter((r) => r.action === 'DeletePolicyVersion')).toHaveLength(1);
  });

  it('does not attach through a connection that cannot even list', async () => {
    const endpoint = await faulty(({ action }) => (action === 'ListAttachedRolePolicies' ? 'drop' : 'pass'));
    const { server, target } = await appFor(endpoint.url, { maxAttempts: 1 });
    const reply = await call<AttachPolicyOutput>(server, 'attachPolicy', {
      policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
      targets: [{ kind: 'role', name: 'lambda-basic-execution' }],
    });
    expect(reply.json.results[0]).toMatchObject({ status: 'error', code: 'ConnectionFailed' });
    expect(reply.json.results[0]?.message).toContain(`The IAM endpoint ${target} could not be reached`);
    expect(endpoint.requests.some((r) => r.action === 'AttachRolePolicy')).toBe(false);
  });
});

describe('listing after the fixes still works through the endpoint', () => {
  it('lists policy versions through a passing endpoint', async () => {
    const endpoint = await faulty();
    const { server } = await appFor(endpoint.url);
    const created = await call<CreatePolicyOutput>(server, 'createPolicy', {
      name: unique('Ok'),
      document: READ,
    });
    const list = await call<ListPolicyVersionsOutput>(server, 'listPolicyVersions', {
      policyArn: created.json.policy.arn,
    });
    expect(list.json.versions.map((v) => v.versionId)).toEqual(['v1']);
  });
});
