/**
 * The simulateCustomPolicy operation: its schema, the SDK request it builds, and the handler
 * through the gateway against the sandbox's SimulateCustomPolicy (paging, errors, aborts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../sandbox/sandbox';
import type { Sandbox } from '../sandbox/sandbox';
import { ApiError } from './apiError';
import { operations } from './contract';
import type { SimulateCustomPolicyInput } from './contract';
import { createHandlers, type Handlers } from './handlers';
import { IamGateway } from './iam';
import { simulateCommandInput, simulationResults } from './simulation';

const DEV = 'arn:aws:ecs:us-east-1:111122223333:task-definition/dev-app:1';
const PROD = 'arn:aws:ecs:us-east-1:111122223333:task-definition/prod-app:1';
const USER = 'arn:aws:iam::111122223333:user/Ana';
const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'RunTasks', Effect: 'Allow', Action: 'ecs:RunTask', Resource: '*' },
    { Sid: 'DenyProd', Effect: 'Deny', Action: 'ecs:*', Resource: 'arn:aws:ecs:us-east-1:111122223333:task-definition/prod-*' },
  ],
});

describe('the simulateCustomPolicy schema', () => {
  const schema = operations.simulateCustomPolicy.input;

  it('takes policies, actions, resources, a caller and typed context entries', () => {
    const input: SimulateCustomPolicyInput = {
      policies: [POLICY],
      actions: ['ecs:RunTask'],
      resources: [DEV, '*'],
      callerArn: USER,
      context: [{ key: 'aws:SourceIp', type: 'ip', values: ['203.0.113.5'] }],
    };
    expect(schema.safeParse(input).success).toBe(true);
  });

  it('refuses wildcard actions, role sessions as caller, a resource policy without a caller, unknown types', () => {
    const base = { policies: [POLICY], actions: ['ecs:RunTask'] };
    expect(schema.safeParse({ ...base, actions: ['ecs:Run*'] }).success).toBe(false);
    expect(schema.safeParse({ ...base, callerArn: 'arn:aws:sts::111122223333:assumed-role/Dev/ana' }).success).toBe(false);
    expect(schema.safeParse({ ...base, resourcePolicy: POLICY }).success).toBe(false);
    expect(schema.safeParse({ ...base, context: [{ key: 'k:x', type: 'text', values: [] }] }).success).toBe(false);
    expect(schema.safeParse({ ...base, resources: ['my-bucket'] }).success).toBe(false);
  });
});

describe('the SDK request and the results read back', () => {
  it('maps every part of the input to SimulateCustomPolicy’s parameters', () => {
    const request = simulateCommandInput(
      {
        policies: [POLICY],
        boundary: '{"Statement":[]}',
        scps: [['{"Statement":[]}'], ['{"Statement":[]}', '{"Statement":[]}']],
        resourcePolicy: '{"Statement":[]}',
        actions: ['s3:GetObject'],
        resources: ['arn:aws:s3:::b/k'],
        callerArn: 'arn:aws-cn:iam::111122223333:user/Ana',
        resourceOwner: '444455556666',
        context: [
          { key: 'aws:MultiFactorAuthPresent', type: 'boolean', values: ['true'] },
          { key: 'aws:TagKeys', type: 'stringList', values: [] },
        ],
      },
      'next',
    );
    expect(request).toEqual({
      PolicyInputList: [POLICY],
      PermissionsBoundaryPolicyInputList: ['{"Statement":[]}'],
      OrderedOrganizationPolicyInputList: [
        { ServiceControlPolicyInputList: ['{"Statement":[]}'] },
        { ServiceControlPolicyInputList: ['{"Statement":[]}', '{"Statement":[]}'] },
      ],
      ResourcePolicy: '{"Statement":[]}',
      ActionNames: ['s3:GetObject'],
      ResourceArns: ['arn:aws:s3:::b/k'],
      CallerArn: 'arn:aws-cn:iam::111122223333:user/Ana',
      ResourceOwner: 'arn:aws-cn:iam::444455556666:root',
      ContextEntries: [
        { ContextKeyName: 'aws:MultiFactorAuthPresent', ContextKeyType: 'boolean', ContextKeyValues: ['true'] },
        { ContextKeyName: 'aws:TagKeys', ContextKeyType: 'stringList', ContextKeyValues: [] },
      ],
      MaxItems: 1000,
      Marker: 'next',
    });
  });

  it('reads decisions, and one result per resource from ResourceSpecificResults', () => {
    const results = simulationResults(
      [
        { EvalActionName: 's3:GetObject', EvalResourceName: 'arn:aws:s3:::b/k', EvalDecision: 'explicitDeny', MatchedStatements: [{ SourcePolicyId: 'PolicyInputList.1', SourcePolicyType: 'none' }] },
        {
          EvalActionName: 's3:PutObject',
          EvalDecision: 'implicitDeny',
          ResourceSpecificResults: [
            { EvalResourceName: 'arn:aws:s3:::b/1', EvalResourceDecision: 'allowed', MissingContextValues: ['aws:SourceIp'] },
            { EvalResourceName: 'arn:aws:s3:::b/2', EvalResourceDecision: 'implicitDeny', PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: false } },
          ],
        },
      ],
      'IAM',
    );
    expect(results).toEqual([
      { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', decision: 'explicit-deny', matched: [{ policyId: 'PolicyInputList.1', policyType: 'none' }], missingContextValues: [] },
      { action: 's3:PutObject', resource: 'arn:aws:s3:::b/1', decision: 'allowed', matched: [], missingContextValues: ['aws:SourceIp'] },
      { action: 's3:PutObject', resource: 'arn:aws:s3:::b/2', decision: 'implicit-deny', matched: [], missingContextValues: [], allowedByBoundary: false },
    ]);
    expect(() => simulationResults([{ EvalActionName: 'a:b', EvalDecision: 'maybe' as never }], 'IAM')).toThrow(ApiError);
  });
});

describe('the simulateCustomPolicy handler against the sandbox', () => {
  let sandbox: Sandbox;
  let gateway: IamGateway;
  let api: Handlers;

  beforeAll(async () => {
    sandbox = await startSandbox({ seed: false });
    gateway = new IamGateway({ mode: 'sandbox', endpointUrl: sandbox.url, maxAttempts: 1 });
    api = createHandlers({ app: 'test', version: '0', session: { mode: 'sandbox' }, gateway });
  });

  afterAll(async () => {
    gateway.destroy();
    await sandbox.close();
  });

  it('answers IAM’s decision for every action on every resource', async () => {
    const out = await api.simulateCustomPolicy({ policies: [POLICY], actions: ['ecs:RunTask', 'ecs:StopTask'], resources: [DEV, PROD], callerArn: USER });
    expect(out.results.map((r) => [r.action, r.resource, r.decision])).toEqual([
      ['ecs:RunTask', DEV, 'allowed'],
      ['ecs:RunTask', PROD, 'explicit-deny'],
      ['ecs:StopTask', DEV, 'implicit-deny'],
      ['ecs:StopTask', PROD, 'explicit-deny'],
    ]);
    expect(out.results[0]?.matched).toEqual([{ policyId: 'PolicyInputList.1', policyType: 'none' }]);
  });

  it('follows Marker over every page', async () => {
    const actions = Array.from({ length: 60 }, (_, i) => `ecs:Action${i}`);
    const resources = Array.from({ length: 20 }, (_, i) => `arn:aws:ecs:us-east-1:111122223333:task-definition/app-${i}:1`);
    const before = sandbox.state.requests.filter((a) => a === 'SimulateCustomPolicy').length;
    const out = await api.simulateCustomPolicy({ policies: [POLICY], actions, resources });
    expect(out.results).toHaveLength(1200);
    expect(out.results[1199]).toMatchObject({ action: 'ecs:Action59', resource: resources[19], decision: 'implicit-deny' });
    expect(sandbox.state.requests.filter((a) => a === 'SimulateCustomPolicy').length - before).toBe(2);
  });

  it('maps IAM’s errors: a malformed policy, no permission, throttling', async () => {
    await expect(api.simulateCustomPolicy({ policies: ['{"Statement": ['], actions: ['ecs:RunTask'] })).rejects.toMatchObject({
      status: 400,
      info: { code: 'MalformedPolicyDocument' },
    });
    sandbox.state.deny('iam:SimulateCustomPolicy');
    try {
      const error = await api.simulateCustomPolicy({ policies: [POLICY], actions: ['ecs:RunTask'] }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).info).toMatchObject({ code: 'AccessDenied' });
      expect((error as ApiError).info.message).toContain('iam:SimulateCustomPolicy');
    } finally {
      sandbox.state.allowAll();
    }
    sandbox.state.failNext('SimulateCustomPolicy', 'Throttling', 'Rate exceeded');
    await expect(api.simulateCustomPolicy({ policies: [POLICY], actions: ['ecs:RunTask'] })).rejects.toMatchObject({
      status: 429,
      info: { code: 'Throttling' },
    });
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      api.simulateCustomPolicy({ policies: [POLICY], actions: ['ecs:RunTask'] }, { signal: controller.signal }),
    ).rejects.toMatchObject({ info: { code: 'Cancelled' } });
  });

  it('says so when there is no IAM connection', async () => {
    const offline = createHandlers({ app: 'test', version: '0', session: { mode: 'aws' } });
    await expect(offline.simulateCustomPolicy({ policies: [POLICY], actions: ['ecs:RunTask'] })).rejects.toMatchObject({
      status: 503,
      info: { code: 'NotConnected' },
    });
  });
});
