import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { badContextValue, simulate } from './simulation';
import type { ContextKeyType, SimPolicies, SimPolicy, SimRequest } from './simulation';

const USER = 'arn:aws:iam::111122223333:user/Ana';
const OTHER_USER = 'arn:aws:iam::444455556666:user/Bo';

function policy(id: string, ...statements: Record<string, unknown>[]): SimPolicy {
  return { id, type: 'none', document: { Version: '2012-10-17', Statement: statements } };
}

function identity(...statements: Record<string, unknown>[]): SimPolicies {
  return { identity: [policy('PolicyInputList.1', ...statements)], boundaries: [], scpLevels: [] };
}

function request(
  action: string,
  resource = '*',
  context: Record<string, [ContextKeyType, ...string[]] | [ContextKeyType]> = {},
  callerArn: string | undefined = USER,
): SimRequest {
  const map = new Map(
    Object.entries(context).map(([k, [type, ...values]]) => [k.toLowerCase(), { type, values }] as const),
  );
  return { action, resource, context: map, ...(callerArn ? { callerArn } : {}) };
}

const decide = (policies: SimPolicies, req: SimRequest) => simulate(policies, req).decision;

describe('the sandbox evaluator', () => {
  it('imports nothing of src/policy (it must stay independent of the app’s evaluator)', () => {
    const source = readFileSync(new URL('./simulation.ts', import.meta.url), 'utf8');
    expect(source).not.toMatch(/from '\.\.\/policy/);
    expect(source).not.toMatch(/^import (?!type)/m);
  });

  it('allows by an Allow, denies by a Deny that wins, and denies implicitly otherwise', () => {
    const p = identity(
      { Sid: 'Run', Effect: 'Allow', Action: 'ecs:RunTask', Resource: '*' },
      { Sid: 'DenyProd', Effect: 'Deny', Action: 'ecs:*', Resource: 'arn:aws:ecs:us-east-1:111122223333:task-definition/prod-*' },
    );
    const allowed = simulate(p, request('ecs:RunTask', 'arn:aws:ecs:us-east-1:111122223333:task-definition/dev:1'));
    expect(allowed).toMatchObject({ decision: 'allowed', matched: [{ policyId: 'PolicyInputList.1', index: 0 }] });
    const denied = simulate(p, request('ecs:RunTask', 'arn:aws:ecs:us-east-1:111122223333:task-definition/prod-app:1'));
    expect(denied).toMatchObject({ decision: 'explicitDeny', matched: [{ index: 1 }] });
    expect(decide(p, request('ecs:StopTask'))).toBe('implicitDeny');
  });

  it('matches actions case-insensitively and resources case-sensitively, with * and ?', () => {
    const p = identity({ Effect: 'Allow', Action: 'S3:get*', Resource: 'arn:aws:s3:::bucket-?/Reports/*' });
    expect(decide(p, request('s3:GetObject', 'arn:aws:s3:::bucket-a/Reports/x.csv'))).toBe('allowed');
    expect(decide(p, request('s3:GetObject', 'arn:aws:s3:::bucket-a/reports/x.csv'))).toBe('implicitDeny');
    expect(decide(p, request('s3:GetObject', 'arn:aws:s3:::bucket-ab/Reports/x.csv'))).toBe('implicitDeny');
    expect(decide(p, request('s3:PutObject', 'arn:aws:s3:::bucket-a/Reports/x.csv'))).toBe('implicitDeny');
  });

  it('NotAction and NotResource apply to everything they do not list', () => {
    const p = identity({ Effect: 'Allow', NotAction: 'iam:*', NotResource: 'arn:aws:s3:::secret/*' });
    expect(decide(p, request('s3:GetObject', 'arn:aws:s3:::public/a'))).toBe('allowed');
    expect(decide(p, request('s3:GetObject', 'arn:aws:s3:::secret/a'))).toBe('implicitDeny');
    expect(decide(p, request('iam:ListUsers'))).toBe('implicitDeny');
  });

  it('String, Numeric, Date, Bool, IP and ARN conditions; keys ANDed, values ORed', () => {
    const p = identity({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: '*',
      Condition: {
        StringEquals: { 'aws:RequestedRegion': ['eu-west-1', 'eu-central-1'] },
        NumericLessThan: { 's3:max-keys': '10' },
        DateGreaterThan: { 'aws:CurrentTime': '2026-01-01T00:00:00Z' },
        Bool: { 'aws:SecureTransport': 'true' },
        IpAddress: { 'aws:SourceIp': ['203.0.113.0/24', '2001:db8::/32'] },
        ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:111122223333:*' },
      },
    });
    const good = {
      'aws:RequestedRegion': ['string', 'eu-central-1'],
      's3:max-keys': ['numeric', '5'],
      'aws:CurrentTime': ['date', '2026-06-01T12:00:00Z'],
      'aws:SecureTransport': ['boolean', 'TRUE'],
      'aws:SourceIp': ['ip', '2001:db8:0:1::7'],
      'aws:SourceArn': ['string', 'arn:aws:sns:us-east-1:111122223333:topic'],
    } as const satisfies Record<string, [ContextKeyType, string]>;
    const ctx = (change: Record<string, [ContextKeyType, string]>) => ({ ...good, ...change });
    expect(decide(p, request('s3:GetObject', '*', good))).toBe('allowed');
    expect(decide(p, request('s3:GetObject', '*', ctx({ 'aws:RequestedRegion': ['string', 'us-east-1'] })))).toBe('implicitDeny');
    expect(decide(p, request('s3:GetObject', '*', ctx({ 's3:max-keys': ['numeric', '10'] })))).toBe('implicitDeny');
    expect(decide(p, request('s3:GetObject', '*', ctx({ 'aws:CurrentTime': ['date', '2025-12-31T23:59:59Z'] })))).toBe('implicitDeny');
    expect(decide(p, request('s3:GetObject', '*', ctx({ 'aws:SecureTransport': ['boolean', 'false'] })))).toBe('implicitDeny');
    expect(decide(p, request('s3:GetObject', '*', ctx({ 'aws:SourceIp': ['ip', '203.0.113.77'] })))).toBe('allowed');
    expect(decide(p, request('s3:GetObject', '*', ctx({ 'aws:SourceIp': ['ip', '198.51.100.1'] })))).toBe('implicitDeny');
    expect(decide(p, request('s3:GetObject', '*', ctx({ 'aws:SourceArn': ['string', 'arn:aws:sns:us-east-1:999999999999:t'] })))).toBe('implicitDeny');
  });

  it('an absent key: positive operators fail, negated ones hold, IfExists holds, Null tells', () => {
    const one = (operator: string, value: string | string[] = 'x') =>
      identity({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*', Condition: { [operator]: { 'aws:PrincipalTag/team': value } } });
    expect(decide(one('StringEquals'), request('sqs:SendMessage'))).toBe('implicitDeny');
    expect(decide(one('StringNotEquals'), request('sqs:SendMessage'))).toBe('allowed');
    expect(decide(one('StringEqualsIfExists'), request('sqs:SendMessage'))).toBe('allowed');
    expect(decide(one('Null', 'true'), request('sqs:SendMessage'))).toBe('allowed');
    expect(decide(one('Null', 'false'), request('sqs:SendMessage'))).toBe('implicitDeny');
    expect(decide(one('Null', 'false'), request('sqs:SendMessage', '*', { 'aws:PrincipalTag/team': ['string', 'x'] }))).toBe('allowed');
    expect(simulate(one('StringEquals'), request('sqs:SendMessage')).missingContextValues).toEqual(['aws:PrincipalTag/team']);
  });

  it('ForAnyValue and ForAllValues over multivalued keys, empty and absent sets included', () => {
    const with_ = (operator: string) =>
      identity({ Effect: 'Allow', Action: 'ec2:CreateTags', Resource: '*', Condition: { [operator]: { 'aws:TagKeys': ['env', 'team'] } } });
    const keys = (...values: string[]) => request('ec2:CreateTags', '*', { 'aws:TagKeys': ['stringList', ...values] });
    expect(decide(with_('ForAllValues:StringEquals'), keys('env'))).toBe('allowed');
    expect(decide(with_('ForAllValues:StringEquals'), keys('env', 'cost'))).toBe('implicitDeny');
    expect(decide(with_('ForAllValues:StringEquals'), keys())).toBe('allowed');
    expect(decide(with_('ForAllValues:StringEquals'), request('ec2:CreateTags'))).toBe('allowed');
    expect(decide(with_('ForAnyValue:StringEquals'), keys('cost', 'team'))).toBe('allowed');
    expect(decide(with_('ForAnyValue:StringEquals'), keys('cost'))).toBe('implicitDeny');
    expect(decide(with_('ForAnyValue:StringEquals'), keys())).toBe('implicitDeny');
    expect(decide(with_('ForAnyValue:StringEquals'), request('ec2:CreateTags'))).toBe('implicitDeny');
    expect(decide(with_('ForAnyValue:StringNotEquals'), keys('env', 'cost'))).toBe('allowed');
    expect(decide(with_('ForAllValues:StringNotEquals'), keys('env', 'cost'))).toBe('implicitDeny');
    expect(decide(with_('ForAllValues:StringLike'), keys('env', 'team'))).toBe('allowed');
  });

  it('policy variables in Resource and in condition values, with defaults and ${*}', () => {
    const p = identity(
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::home/${aws:username}/*' },
      { Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::drop/${aws:PrincipalTag/team, \'shared\'}/${*}' },
    );
    const ctx = { 'aws:username': ['string', 'Ana'] } as Record<string, [ContextKeyType, string]>;
    expect(decide(p, request('s3:GetObject', 'arn:aws:s3:::home/Ana/notes', ctx))).toBe('allowed');
    expect(decide(p, request('s3:GetObject', 'arn:aws:s3:::home/Bo/notes', ctx))).toBe('implicitDeny');
    expect(simulate(p, request('s3:GetObject', 'arn:aws:s3:::home/Ana/notes')).decision).toBe('implicitDeny');
    expect(decide(p, request('s3:PutObject', 'arn:aws:s3:::drop/shared/*'))).toBe('allowed');
    expect(decide(p, request('s3:PutObject', 'arn:aws:s3:::drop/shared/file'))).toBe('implicitDeny');
  });

  it('a permissions boundary caps identity policies', () => {
    const p: SimPolicies = {
      identity: [policy('PolicyInputList.1', { Effect: 'Allow', Action: 'ecs:*', Resource: '*' })],
      boundaries: [policy('PermissionsBoundaryPolicyInputList.1', { Effect: 'Allow', Action: 'ecs:Describe*', Resource: '*' })],
      scpLevels: [],
    };
    expect(simulate(p, request('ecs:RunTask'))).toMatchObject({ decision: 'implicitDeny', allowedByBoundary: false });
    const described = simulate(p, request('ecs:DescribeTasks'));
    expect(described).toMatchObject({ decision: 'allowed', allowedByBoundary: true });
    expect(described.matched.map((m) => m.policyId)).toEqual(['PolicyInputList.1', 'PermissionsBoundaryPolicyInputList.1']);
  });

  it('every SCP level must allow', () => {
    const p: SimPolicies = {
      identity: [policy('PolicyInputList.1', { Effect: 'Allow', Action: '*', Resource: '*' })],
      boundaries: [],
      scpLevels: [
        [policy('root', { Effect: 'Allow', Action: '*', Resource: '*' })],
        [policy('ou', { Effect: 'Allow', Action: 's3:*', Resource: '*' })],
      ],
    };
    expect(simulate(p, request('s3:GetObject'))).toMatchObject({ decision: 'allowed', allowedByOrganizations: true });
    expect(simulate(p, request('ec2:RunInstances'))).toMatchObject({ decision: 'implicitDeny', allowedByOrganizations: false });
  });

  it('a resource-based policy allows on its own in the same account, and needs the identity side across accounts', () => {
    const bucketPolicy = policy('ResourcePolicy', {
      Effect: 'Allow',
      Principal: { AWS: [USER, OTHER_USER] },
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::shared/*',
    });
    const none: SimPolicies = { identity: [], boundaries: [], scpLevels: [], resourcePolicy: bucketPolicy };
    expect(decide(none, request('s3:GetObject', 'arn:aws:s3:::shared/a'))).toBe('allowed');
    const foreign = { ...request('s3:GetObject', 'arn:aws:s3:::shared/a', {}, OTHER_USER), resourceOwnerAccount: '111122223333' };
    expect(decide(none, foreign)).toBe('implicitDeny');
    const withIdentity = { ...none, identity: [policy('PolicyInputList.1', { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' })] };
    expect(decide(withIdentity, foreign)).toBe('allowed');
    // a principal it does not name gets nothing from it
    expect(decide(none, request('s3:GetObject', 'arn:aws:s3:::shared/a', {}, 'arn:aws:iam::111122223333:user/Cy'))).toBe('implicitDeny');
    // naming only the account delegates to the identity policies
    const account: SimPolicies = {
      ...none,
      resourcePolicy: policy('ResourcePolicy', { Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 's3:*', Resource: '*' }),
    };
    expect(decide(account, request('s3:GetObject', 'arn:aws:s3:::shared/a'))).toBe('implicitDeny');
  });

  it('checks context values against their declared type', () => {
    expect(badContextValue('numeric', ['1', 'x'])).toBe('x');
    expect(badContextValue('ipList', ['10.0.0.1', '2001:db8::1'])).toBeUndefined();
    expect(badContextValue('boolean', ['maybe'])).toBe('maybe');
    expect(badContextValue('date', ['2026-01-31T12:00:00Z', '1767225600'])).toBeUndefined();
    expect(badContextValue('string', ['anything'])).toBeUndefined();
  });
});
