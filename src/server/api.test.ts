/**
 * The API over HTTP, with the gateway pointed at the IAM sandbox (token, Host and Origin checks
 * are in server.test.ts).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../sandbox/sandbox';
import type { Sandbox } from '../sandbox/sandbox';
import type {
  ApiErrorBody,
  AttachPolicyOutput,
  CheckPolicyNameOutput,
  CreatePolicyOutput,
  CreatePolicyVersionOutput,
  CreateRoleOutput,
  DeletePolicyVersionOutput,
  ListPoliciesOutput,
  ListPolicyVersionsOutput,
  ListPrincipalsOutput,
  OperationName,
  PolicyDocumentOutput,
  SessionInfo,
} from './contract';
import { IamGateway } from './iam';
import { startAppServer } from './server';
import type { AppServer } from './server';

interface Reply<T = unknown> {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly json: T;
}

function send(
  server: AppServer,
  method: string,
  urlPath: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path: urlPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        let json: unknown = text;
        try {
          json = JSON.parse(text);
        } catch {
          // not JSON
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

let sandbox: Sandbox;
let gateway: IamGateway;
let server: AppServer;
let counter = 0;
const unique = (base: string): string => `${base}${Date.now() % 100000}x${++counter}`;

function call<T>(op: OperationName, body: unknown, target: AppServer = server): Promise<Reply<T>> {
  return send(
    target,
    'POST',
    `/api/${op}`,
    {
      host: `127.0.0.1:${target.port}`,
      'content-type': 'application/json',
      'x-workbench-token': target.token,
    },
    JSON.stringify(body),
  ) as Promise<Reply<T>>;
}

async function ok<T>(op: OperationName, body: unknown): Promise<T> {
  const reply = await call<T>(op, body);
  expect(reply.status, JSON.stringify(reply.json)).toBe(200);
  return reply.json;
}

async function fails(
  op: OperationName,
  body: unknown,
  status: number,
  code: string,
): Promise<ApiErrorBody['error']> {
  const reply = await call<ApiErrorBody>(op, body);
  expect(reply.status, JSON.stringify(reply.json)).toBe(status);
  expect(reply.json.error.code).toBe(code);
  expect(reply.json.error.message.length).toBeGreaterThan(10);
  return reply.json.error;
}

const V = '2012-10-17';
const READ = JSON.stringify(
  {
    Version: V,
    Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::example/*' }],
  },
  null,
  2,
);

beforeAll(async () => {
  sandbox = await startSandbox();
  gateway = new IamGateway({ mode: 'sandbox', endpointUrl: sandbox.url });
  const dir = mkdtempSync(path.join(tmpdir(), 'wb-api-'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Workbench</title>');
  server = await startAppServer({
    host: '127.0.0.1',
    port: 0,
    staticDir: dir,
    version: '0.0.0-test',
    session: { mode: 'sandbox', endpointUrl: sandbox.url },
    gateway,
  });
});

afterAll(async () => {
  await server.close();
  gateway.destroy();
  await sandbox.close();
});

describe('API: input validation', () => {
  const cases: [OperationName, unknown, string][] = [
    ['session', { refresh: 'yes' }, 'refresh'],
    ['listPrincipals', { kinds: ['robot'] }, 'kinds.0'],
    ['listPrincipals', { limit: 0 }, 'limit'],
    ['listPolicies', { search: 'x'.repeat(200) }, 'search'],
    ['getPolicyDocument', { policyArn: 'not-an-arn' }, 'policyArn'],
    ['getPolicyDocument', { policyArn: 'arn:aws:iam::123456789012:policy/P', versionId: '3' }, 'versionId'],
    ['checkPolicyName', {}, 'name'],
    ['createPolicy', { name: 'bad name', document: READ }, 'name'],
    ['createPolicy', { name: 'P', document: READ, path: 'team' }, 'path'],
    ['createPolicy', { name: 'P', document: READ, description: 'd'.repeat(1001) }, 'description'],
    [
      'createPolicy',
      {
        name: 'P',
        document: READ,
        tags: [
          { key: 'a', value: 'b' },
          { key: 'A', value: 'c' },
        ],
      },
      'tags.1.key',
    ],
    ['createPolicy', { name: 'P', document: '' }, 'document'],
    ['createPolicy', { name: 'P', document: READ, extra: true }, '(root)'],
    ['attachPolicy', { policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', targets: [] }, 'targets'],
    [
      'attachPolicy',
      { policyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', targets: [{ kind: 'computer', name: 'x' }] },
      'targets.0.kind',
    ],
    [
      'createRole',
      { name: 'r'.repeat(65), trust: { kind: 'services', services: ['lambda.amazonaws.com'] } },
      'name',
    ],
    [
      'createRole',
      { name: 'r', maxSessionDuration: 100, trust: { kind: 'services', services: ['lambda.amazonaws.com'] } },
      'maxSessionDuration',
    ],
    ['createRole', { name: 'r', trust: { kind: 'services', services: ['lambda'] } }, 'trust.services.0'],
    ['createRole', { name: 'r', trust: { kind: 'magic' } }, 'trust.kind'],
    [
      'createPolicyVersion',
      { policyArn: 'arn:aws:iam::123456789012:policy/P', document: READ, setAsDefault: 'true' },
      'setAsDefault',
    ],
    ['deletePolicyVersion', { policyArn: 'arn:aws:iam::123456789012:policy/P' }, 'versionId'],
    ['listPolicyVersions', { policyArn: 42 }, 'policyArn'],
  ];

  it.each(cases)('%s refuses %j (400 at %s)', async (op, body, field) => {
    const error = await fails(op, body, 400, 'ValidationError');
    expect(error.message).toContain(`Invalid input for ${op} at ${field}`);
    expect(error.hint).toBeTruthy();
  });
});

describe('API: session', () => {
  it('reports the sandbox account from STS GetCallerIdentity', async () => {
    const session = await ok<SessionInfo>('session', {});
    expect(session).toMatchObject({
      app: 'iam-policy-workbench',
      mode: 'sandbox',
      connected: true,
      label: 'Sandbox account 123456789012',
      accountId: '123456789012',
      arn: 'arn:aws:iam::123456789012:user/sandbox-admin',
    });
    const before = sandbox.state.requests.filter((a) => a === 'GetCallerIdentity').length;
    await ok<SessionInfo>('session', {});
    expect(sandbox.state.requests.filter((a) => a === 'GetCallerIdentity').length).toBe(before); // cached
    await ok<SessionInfo>('session', { refresh: true });
    expect(sandbox.state.requests.filter((a) => a === 'GetCallerIdentity').length).toBe(before + 1);
  });

  it('says why it is not connected, and what to do', async () => {
    sandbox.state.failNext(
      'GetCallerIdentity',
      'ExpiredToken',
      'The security token included in the request is expired',
    );
    const session = await ok<SessionInfo>('session', { refresh: true });
    expect(session.connected).toBe(false);
    expect(session.error).toMatchObject({
      code: 'CredentialsExpired',
      message: expect.stringContaining('expired'),
    });
    expect(session.error?.hint).toContain('aws sso login');
    expect((await ok<SessionInfo>('session', { refresh: true })).connected).toBe(true);
  });
});

describe('API: policies', () => {
  it('checks policy names: pattern and case-insensitive uniqueness', async () => {
    const bad = await ok<CheckPolicyNameOutput>('checkPolicyName', { name: 'my policy!' });
    expect(bad).toMatchObject({ valid: false, available: false });
    expect(bad.problem).toContain('(space, "!")');
    expect((await ok<CheckPolicyNameOutput>('checkPolicyName', { name: 'x'.repeat(129) })).valid).toBe(false);
    const taken = await ok<CheckPolicyNameOutput>('checkPolicyName', { name: 'readreportsbucket' });
    expect(taken).toMatchObject({
      valid: true,
      available: false,
      conflict: { name: 'ReadReportsBucket', arn: 'arn:aws:iam::123456789012:policy/ReadReportsBucket' },
    });
    expect(taken.problem).toContain('case-insensitive');
    const name = unique('Fresh');
    expect(await ok<CheckPolicyNameOutput>('checkPolicyName', { name })).toEqual({
      name,
      valid: true,
      available: true,
    });
    await ok<CreatePolicyOutput>('createPolicy', { name, document: READ });
    expect((await ok<CheckPolicyNameOutput>('checkPolicyName', { name: name.toUpperCase() })).available).toBe(
      false,
    );
  });

  it('creates a policy, lists it and reads its document back decoded exactly once', async () => {
    const name = unique('Percent');
    const document = JSON.stringify(
      {
        Version: V,
        Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/50%25-off/%41/*' }],
      },
      null,
      4,
    );
    const created = await ok<CreatePolicyOutput>('createPolicy', {
      name,
      description: 'Sale bucket',
      path: '/shop/',
      tags: [{ key: 'team', value: 'web' }],
      document,
    });
    expect(created.policy).toMatchObject({
      name,
      path: '/shop/',
      defaultVersionId: 'v1',
      arn: `arn:aws:iam::123456789012:policy/shop/${name}`,
    });
    const listed = await ok<ListPoliciesOutput>('listPolicies', { search: name.toLowerCase() });
    expect(listed.policies.map((p) => p.arn)).toEqual([created.policy.arn]);
    expect(listed.policies.every((p) => p.arn.startsWith('arn:aws:iam::123456789012:'))).toBe(true);
    const read = await ok<PolicyDocumentOutput>('getPolicyDocument', { policyArn: created.policy.arn });
    expect(read).toMatchObject({ versionId: 'v1', isDefaultVersion: true });
    expect(read.document).toBe(document);
  });

  it('maps IAM errors to a code, a message and a hint', async () => {
    const dup = await fails(
      'createPolicy',
      { name: 'READREPORTSBUCKET', document: READ },
      409,
      'EntityAlreadyExists',
    );
    expect(dup.message).toContain('already exists');
    expect(dup.hint).toContain('case-insensitively');
    const malformed = await fails(
      'createPolicy',
      {
        name: unique('Bad'),
        document: JSON.stringify({ Version: V, Statement: [{ Action: '*', Resource: '*' }] }),
      },
      400,
      'MalformedPolicyDocument',
    );
    expect(malformed.message).toBe('IAM rejected the policy document: Missing required field Effect');
    const big = JSON.stringify({
      Version: V,
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${'x'.repeat(6100)}` }],
    });
    const size = await fails('createPolicy', { name: unique('Big'), document: big }, 409, 'LimitExceeded');
    expect(size.message).toBe('Cannot exceed quota for PolicySize: 6144');
    expect(size.hint).toContain('whitespace');
    sandbox.state.deny('iam:CreatePolicy');
    try {
      const denied = await fails(
        'createPolicy',
        { name: unique('Denied'), document: READ },
        403,
        'AccessDenied',
      );
      expect(denied.message).toContain('not allowed to perform iam:CreatePolicy');
      expect(denied.hint).toContain('iam:CreatePolicy');
    } finally {
      sandbox.state.allowAll();
    }
    await fails(
      'getPolicyDocument',
      { policyArn: 'arn:aws:iam::123456789012:policy/Nope' },
      404,
      'NoSuchEntity',
    );
  });

  it('manages versions: 5 at most, with the list to choose one to delete', async () => {
    const { policy } = await ok<CreatePolicyOutput>('createPolicy', {
      name: unique('Versions'),
      document: READ,
    });
    for (let i = 2; i <= 5; i++) {
      const out = await ok<CreatePolicyVersionOutput>('createPolicyVersion', {
        policyArn: policy.arn,
        document: READ,
      });
      expect(out.version).toMatchObject({ versionId: `v${i}`, isDefaultVersion: true });
      expect(out.versions[0]?.versionId).toBe(`v${i}`);
    }
    const before = sandbox.state.requests.filter((a) => a === 'CreatePolicyVersion').length;
    const full = await fails(
      'createPolicyVersion',
      { policyArn: policy.arn, document: READ },
      409,
      'LimitExceeded',
    );
    expect(sandbox.state.requests.filter((a) => a === 'CreatePolicyVersion').length).toBe(before + 1); // not retried
    expect(full.message).toContain('up to 5 versions');
    expect(full.versions?.map((v) => v.versionId)).toEqual(['v5', 'v4', 'v3', 'v2', 'v1']);
    expect(full.hint).toContain('v1');
    const afterDelete = await ok<DeletePolicyVersionOutput>('deletePolicyVersion', {
      policyArn: policy.arn,
      versionId: 'v1',
    });
    expect(afterDelete.versions.map((v) => v.versionId)).toEqual(['v5', 'v4', 'v3', 'v2']);
    await fails('deletePolicyVersion', { policyArn: policy.arn, versionId: 'v5' }, 409, 'DeleteConflict');
    const kept = await ok<CreatePolicyVersionOutput>('createPolicyVersion', {
      policyArn: policy.arn,
      document: READ,
      setAsDefault: false,
    });
    expect(kept.version).toMatchObject({ versionId: 'v6', isDefaultVersion: false });
    const list = await ok<ListPolicyVersionsOutput>('listPolicyVersions', { policyArn: policy.arn });
    expect(list.quota).toBe(5);
    expect(list.versions.map((v) => [v.versionId, v.isDefaultVersion])).toEqual([
      ['v6', false],
      ['v5', true],
      ['v4', false],
      ['v3', false],
      ['v2', false],
    ]);
    const old = await ok<PolicyDocumentOutput>('getPolicyDocument', {
      policyArn: policy.arn,
      versionId: 'v2',
    });
    expect(old).toMatchObject({ versionId: 'v2', isDefaultVersion: false, document: READ });
  });
});

describe('API: principals and attaching', () => {
  it('lists principals with attached-policy counts against the quota, paginated and searchable', async () => {
    const first = await ok<ListPrincipalsOutput>('listPrincipals', { limit: 3 });
    expect(first.principals).toHaveLength(3);
    expect(first.nextCursor).toBeTruthy();
    expect(first.principals.map((p) => p.kind)).toEqual(['user', 'user', 'user']);
    const rest = await ok<ListPrincipalsOutput>('listPrincipals', { limit: 200, cursor: first.nextCursor });
    expect(rest.nextCursor).toBeUndefined();
    expect(first.total).toBe(first.principals.length + rest.principals.length);
    const pipeline = await ok<ListPrincipalsOutput>('listPrincipals', {
      kinds: ['role'],
      search: 'PIPELINE',
    });
    expect(pipeline.principals).toEqual([
      expect.objectContaining({
        kind: 'role',
        name: 'data-pipeline-role',
        attachedPolicyCount: 10,
        attachedPolicyQuota: 10,
        atQuota: true,
      }),
    ]);
    const devs = await ok<ListPrincipalsOutput>('listPrincipals', { kinds: ['group'], search: 'dev' });
    expect(devs.principals[0]).toMatchObject({
      name: 'Developers',
      arn: 'arn:aws:iam::123456789012:group/Developers',
      atQuota: false,
    });
    await fails('listPrincipals', { cursor: 'bogus' }, 400, 'ValidationError');
  });

  it('reports each target of a partial failure, and a retry attaches only what failed', async () => {
    const { policy } = await ok<CreatePolicyOutput>('createPolicy', {
      name: unique('Attach'),
      document: READ,
    });
    const targets = [
      { kind: 'user', name: 'alice' },
      { kind: 'role', name: 'data-pipeline-role' },
      { kind: 'role', name: 'no-such-role' },
      { kind: 'group', name: 'Developers' },
      { kind: 'user', name: 'ALICE' }, // the same user: attached once, reported once
    ];
    sandbox.state.deny('iam:AttachGroupPolicy', 'Developers');
    const first = await ok<AttachPolicyOutput>('attachPolicy', { policyArn: policy.arn, targets });
    sandbox.state.allowAll();
    expect(first.results.map((r) => [r.kind, r.name, r.status])).toEqual([
      ['user', 'alice', 'attached'],
      ['role', 'data-pipeline-role', 'quota-reached'],
      ['role', 'no-such-role', 'no-such-entity'],
      ['group', 'Developers', 'access-denied'],
    ]);
    expect(first).toMatchObject({ succeeded: 1, failed: 3 });
    expect(first.results[1]).toMatchObject({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for PoliciesPerRole: 10',
    });
    expect(first.results[1]?.hint).toContain('Detach');
    expect(first.results[2]?.message).toContain('no-such-role');
    expect(first.results[3]?.message).toContain('iam:AttachGroupPolicy');

    // Make room on the role, then retry the same request.
    const attached = sandbox.state.attachedPolicies('role', 'data-pipeline-role');
    sandbox.state.detach('role', 'data-pipeline-role', attached[attached.length - 1]?.arn);
    const userAttachesBefore = sandbox.state.requests.filter((a) => a === 'AttachUserPolicy').length;
    const retry = await ok<AttachPolicyOutput>('attachPolicy', { policyArn: policy.arn, targets });
    expect(retry.results.map((r) => [r.name, r.status])).toEqual([
      ['alice', 'already-attached'],
      ['data-pipeline-role', 'attached'],
      ['no-such-role', 'no-such-entity'],
      ['Developers', 'attached'],
    ]);
    expect(sandbox.state.requests.filter((a) => a === 'AttachUserPolicy').length).toBe(userAttachesBefore);
    expect(sandbox.state.attachedPolicies('user', 'alice').filter((p) => p.arn === policy.arn)).toHaveLength(
      1,
    );
    const again = await ok<AttachPolicyOutput>('attachPolicy', {
      policyArn: policy.arn,
      targets: targets.slice(0, 2),
    });
    expect(again.results.map((r) => r.status)).toEqual(['already-attached', 'already-attached']);
  });

  it('creates a role for API Gateway and attaches AmazonAPIGatewayPushToCloudWatchLogs', async () => {
    const name = unique('ApiGatewayCloudWatchLogs');
    const created = await ok<CreateRoleOutput>('createRole', {
      name,
      description: 'API Gateway pushes logs to CloudWatch',
      maxSessionDuration: 7200,
      trust: { kind: 'services', services: ['apigateway.amazonaws.com'] },
    });
    expect(created.role).toMatchObject({
      name,
      arn: `arn:aws:iam::123456789012:role/${name}`,
      maxSessionDuration: 7200,
    });
    expect(JSON.parse(created.role.trustPolicy)).toEqual({
      Version: V,
      Statement: [
        { Effect: 'Allow', Principal: { Service: 'apigateway.amazonaws.com' }, Action: 'sts:AssumeRole' },
      ],
    });
    const policyArn = 'arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs';
    const attach = await ok<AttachPolicyOutput>('attachPolicy', {
      policyArn,
      targets: [{ kind: 'role', name }],
    });
    expect(attach.results).toEqual([{ kind: 'role', name, status: 'attached' }]);
    const listed = await ok<ListPrincipalsOutput>('listPrincipals', { kinds: ['role'], search: name });
    expect(listed.principals).toEqual([
      expect.objectContaining({ name, attachedPolicyCount: 1, atQuota: false }),
    ]);
    const managed = await ok<PolicyDocumentOutput>('getPolicyDocument', { policyArn });
    expect(managed.document).toContain('logs:PutLogEvents');
    await fails(
      'createRole',
      { name, trust: { kind: 'services', services: ['apigateway.amazonaws.com'] } },
      409,
      'EntityAlreadyExists',
    );
  });

  it('validates a custom trust policy with the core before creating the role', async () => {
    const missing = await fails(
      'createRole',
      {
        name: unique('Bad'),
        trust: {
          kind: 'custom',
          document: JSON.stringify({
            Version: V,
            Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole' }],
          }),
        },
      },
      400,
      'InvalidTrustPolicy',
    );
    expect(missing.findings?.map((f) => [f.code, f.pointer])).toEqual([
      ['missing-principal', '/Statement/0'],
    ]);
    const principals = Array.from(
      { length: 60 },
      (_, i) => `arn:aws:iam::1234567890${String(i).padStart(2, '0')}:root`,
    );
    const large = await fails(
      'createRole',
      {
        name: unique('Big'),
        trust: {
          kind: 'custom',
          document: JSON.stringify({
            Version: V,
            Statement: [{ Effect: 'Allow', Principal: { AWS: principals }, Action: 'sts:AssumeRole' }],
          }),
        },
      },
      400,
      'InvalidTrustPolicy',
    );
    expect(large.message).toContain('2048');
    const name = unique('Custom');
    const trust = JSON.stringify({
      Version: V,
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::123456789012:root' },
          Action: 'sts:AssumeRole',
          Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
        },
      ],
    });
    const created = await ok<CreateRoleOutput>('createRole', {
      name,
      trust: { kind: 'custom', document: trust },
    });
    expect(created.role.trustPolicy).toBe(trust);
  });
});

describe('API: cross-origin pages', () => {
  it('gives a page from another origin nothing to read: 403 and no CORS header', async () => {
    const headers = {
      host: `127.0.0.1:${server.port}`,
      origin: 'http://evil.example',
      'content-type': 'application/json',
      'x-workbench-token': server.token,
    };
    for (const op of ['session', 'listPrincipals', 'createPolicy'] as const) {
      const reply = await send(server, 'POST', `/api/${op}`, headers, '{}');
      expect(reply.status).toBe(403);
      expect(reply.headers['access-control-allow-origin']).toBeUndefined();
      expect(reply.headers['access-control-allow-credentials']).toBeUndefined();
    }
    const preflight = await send(server, 'OPTIONS', '/api/createPolicy', {
      host: `127.0.0.1:${server.port}`,
      origin: 'http://evil.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, x-workbench-token',
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
    expect(preflight.headers['access-control-allow-headers']).toBeUndefined();
  });
});

describe('API: without an IAM connection', () => {
  it('answers NotConnected with what to do', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wb-api-'));
    const bare = await startAppServer({
      host: '127.0.0.1',
      port: 0,
      staticDir: dir,
      version: '0',
      session: { mode: 'aws' },
    });
    try {
      const session = await call<SessionInfo>('session', {}, bare);
      expect(session.json).toMatchObject({
        connected: false,
        label: 'Not connected',
        error: { code: 'NotConnected' },
      });
      const list = await call<ApiErrorBody>('listPolicies', {}, bare);
      expect(list.status).toBe(503);
      expect(list.json.error.hint).toContain('--sandbox');
    } finally {
      await bare.close();
    }
  });
});
