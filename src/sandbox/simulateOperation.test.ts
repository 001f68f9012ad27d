/**
 * SimulateCustomPolicy through the unmodified AWS SDK: the SDK writes the request and parses the
 * sandbox's answer, so the wire shape is IAM's.
 */
import {
  InvalidInputException,
  MalformedPolicyDocumentException,
  SimulateCustomPolicyCommand,
  paginateSimulateCustomPolicy,
} from '@aws-sdk/client-iam';
import type { EvaluationResult } from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { sandboxForTests } from './testing';

const env = sandboxForTests({ seed: false });

const DEV = 'arn:aws:ecs:us-east-1:111122223333:task-definition/dev-app:1';
const PROD = 'arn:aws:ecs:us-east-1:111122223333:task-definition/prod-app:1';
const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'RunTasks', Effect: 'Allow', Action: 'ecs:RunTask', Resource: '*' },
    { Sid: 'DenyProd', Effect: 'Deny', Action: 'ecs:*', Resource: 'arn:aws:ecs:us-east-1:111122223333:task-definition/prod-*' },
    {
      Sid: 'StopWithMfa',
      Effect: 'Allow',
      Action: 'ecs:StopTask',
      Resource: '*',
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    },
  ],
});

const decisions = (results: readonly EvaluationResult[] | undefined) =>
  (results ?? []).map((r) => `${r.EvalActionName} ${r.EvalResourceName} ${r.EvalDecision}`);

describe('SimulateCustomPolicy', () => {
  it('answers one EvaluationResult per action and resource that the SDK parses', async () => {
    const out = await env.iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [POLICY],
        ActionNames: ['ecs:RunTask', 'ecs:StopTask'],
        ResourceArns: [DEV, PROD],
      }),
    );
    expect(decisions(out.EvaluationResults)).toEqual([
      `ecs:RunTask ${DEV} allowed`,
      `ecs:RunTask ${PROD} explicitDeny`,
      `ecs:StopTask ${DEV} implicitDeny`,
      `ecs:StopTask ${PROD} explicitDeny`,
    ]);
    expect(out.IsTruncated).toBe(false);
    const [allowed, denied, stop] = out.EvaluationResults ?? [];
    expect(allowed?.MatchedStatements).toEqual([{ SourcePolicyId: 'PolicyInputList.1', SourcePolicyType: 'none' }]);
    expect(denied?.MatchedStatements?.[0]?.SourcePolicyId).toBe('PolicyInputList.1');
    expect(stop?.MatchedStatements).toEqual([]);
    expect(stop?.MissingContextValues).toEqual(['aws:MultiFactorAuthPresent']);
  });

  it('types context entries, and takes a boundary, SCP levels and a resource policy', async () => {
    const out = await env.iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [POLICY],
        PermissionsBoundaryPolicyInputList: [
          JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ecs:StopTask', Resource: '*' }] }),
        ],
        OrderedOrganizationPolicyInputList: [
          { ServiceControlPolicyInputList: [JSON.stringify({ Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] })] },
        ],
        ActionNames: ['ecs:StopTask', 'ecs:RunTask'],
        ResourceArns: [DEV],
        CallerArn: 'arn:aws:iam::111122223333:user/Ana',
        ContextEntries: [
          { ContextKeyName: 'aws:MultiFactorAuthPresent', ContextKeyType: 'boolean', ContextKeyValues: ['true'] },
          { ContextKeyName: 'aws:TagKeys', ContextKeyType: 'stringList', ContextKeyValues: ['a', 'b'] },
        ],
      }),
    );
    expect(decisions(out.EvaluationResults)).toEqual([`ecs:StopTask ${DEV} allowed`, `ecs:RunTask ${DEV} implicitDeny`]);
    expect(out.EvaluationResults?.[0]?.PermissionsBoundaryDecisionDetail).toEqual({ AllowedByPermissionsBoundary: true });
    expect(out.EvaluationResults?.[1]?.PermissionsBoundaryDecisionDetail).toEqual({ AllowedByPermissionsBoundary: false });
    expect(out.EvaluationResults?.[0]?.OrganizationsDecisionDetail).toEqual({ AllowedByOrganizations: true });

    const shared = await env.iam.send(
      new SimulateCustomPolicyCommand({
        PolicyInputList: [],
        ResourcePolicy: JSON.stringify({
          Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:user/Ana' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared/*' }],
        }),
        ActionNames: ['s3:GetObject'],
        ResourceArns: ['arn:aws:s3:::shared/report.csv'],
        CallerArn: 'arn:aws:iam::111122223333:user/Ana',
      }),
    );
    expect(decisions(shared.EvaluationResults)).toEqual(['s3:GetObject arn:aws:s3:::shared/report.csv allowed']);
    expect(shared.EvaluationResults?.[0]?.MatchedStatements).toEqual([{ SourcePolicyId: 'ResourcePolicy', SourcePolicyType: 'resource' }]);
  });

  it('pages with MaxItems and Marker', async () => {
    const pages = paginateSimulateCustomPolicy(
      { client: env.iam, pageSize: 3 },
      { PolicyInputList: [POLICY], ActionNames: ['ecs:RunTask', 'ecs:StopTask', 'ecs:ListTasks'], ResourceArns: [DEV, PROD] },
    );
    const sizes: number[] = [];
    const all: EvaluationResult[] = [];
    for await (const page of pages) {
      sizes.push(page.EvaluationResults?.length ?? 0);
      all.push(...(page.EvaluationResults ?? []));
    }
    expect(sizes).toEqual([3, 3]);
    expect(all.map((r) => r.EvalActionName)).toEqual(['ecs:RunTask', 'ecs:RunTask', 'ecs:StopTask', 'ecs:StopTask', 'ecs:ListTasks', 'ecs:ListTasks']);
  });

  it('refuses what IAM refuses: wildcard actions, a role session as caller, bad context values, broken policies', async () => {
    const base = { PolicyInputList: [POLICY], ActionNames: ['ecs:RunTask'] };
    await expect(env.iam.send(new SimulateCustomPolicyCommand({ ...base, ActionNames: ['ecs:Run*'] }))).rejects.toBeInstanceOf(
      InvalidInputException,
    );
    await expect(
      env.iam.send(new SimulateCustomPolicyCommand({ ...base, CallerArn: 'arn:aws:sts::111122223333:assumed-role/Dev/ana' })),
    ).rejects.toBeInstanceOf(InvalidInputException);
    await expect(
      env.iam.send(
        new SimulateCustomPolicyCommand({
          ...base,
          ContextEntries: [{ ContextKeyName: 'aws:SourceIp', ContextKeyType: 'ip', ContextKeyValues: ['not-an-ip'] }],
        }),
      ),
    ).rejects.toBeInstanceOf(InvalidInputException);
    await expect(
      env.iam.send(new SimulateCustomPolicyCommand({ ...base, PolicyInputList: ['{"Statement": ['] })),
    ).rejects.toBeInstanceOf(MalformedPolicyDocumentException);
    await expect(
      env.iam.send(new SimulateCustomPolicyCommand({ ...base, ResourcePolicy: POLICY })),
    ).rejects.toBeInstanceOf(InvalidInputException);
  });
});
