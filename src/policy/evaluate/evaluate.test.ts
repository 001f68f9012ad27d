import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogView } from '../../catalog/catalog';
import { loadCatalogFromDisk } from '../../catalog/node';
import { compile, compilePolicy } from './compile';
import { evaluate, evaluateCompiled } from './evaluate';
import { conditionKeyType } from './keys';
import type { EvaluationRequest } from './types';

const USER = 'arn:aws:iam::111122223333:user/ana';
const request = (
  action: string,
  resource: string,
  context?: Record<string, string | string[]>,
): EvaluationRequest => ({
  principal: { arn: USER },
  action,
  resource,
  ...(context === undefined ? {} : { context }),
});
const doc = (...Statement: object[]) =>
  JSON.parse(JSON.stringify({ Version: '2012-10-17', Statement })) as never;

let catalog: CatalogView;
beforeAll(async () => {
  catalog = (await loadCatalogFromDisk()).view;
}, 60_000);

describe('evaluate', () => {
  it('reports a failed condition with its key, operator and both sides', () => {
    const result = evaluate({
      identityPolicies: [
        {
          name: 'p',
          document: doc({
            Sid: 'Tagged',
            Effect: 'Allow',
            Action: 's3:*',
            Resource: '*',
            Condition: { 'ForAnyValue:StringLike': { 'aws:TagKeys': ['team-*'] } },
          }),
        },
      ],
      request: request('s3:PutObject', 'arn:aws:s3:::b/k', { 'aws:TagKeys': ['env', 'owner'] }),
    });
    expect(result.decision).toBe('implicit-deny');
    expect(result.reasons[0]).toMatchObject({
      kind: 'condition',
      policy: 'p',
      index: 0,
      sid: 'Tagged',
      effect: 'Allow',
      operator: 'ForAnyValue:StringLike',
      key: 'aws:TagKeys',
      expected: ['team-*'],
      actual: ['env', 'owner'],
    });
    expect(result.reasons.at(-1)).toMatchObject({ kind: 'no-allow', scope: 'identity' });
  });

  it('reports an absent key as null and a variable with no value as null', () => {
    const result = evaluate({
      identityPolicies: [
        {
          name: 'p',
          document: doc({
            Effect: 'Allow',
            Action: 's3:*',
            Resource: '*',
            Condition: { StringEquals: { 'aws:PrincipalTag/owner': '${aws:username}' } },
          }),
        },
      ],
      request: request('s3:GetObject', 'arn:aws:s3:::b/k'),
    });
    expect(result.reasons[0]).toMatchObject({ expected: [null], actual: null });
    expect((result.reasons[0] as { message: string }).message).toContain('is not in the request');
  });

  it('evaluates a compiled set many times with the same answers as evaluate', () => {
    const policies = {
      identityPolicies: [
        {
          name: 'p',
          document: doc(
            { Effect: 'Allow', Action: ['s3:Get*', 'ec2:Describe*'], Resource: '*' },
            { Effect: 'Deny', Action: 's3:GetObject', Resource: 'arn:aws:s3:::secret/*' },
          ),
        },
      ],
    };
    const set = compile(policies);
    const requests = [
      request('s3:GetObject', 'arn:aws:s3:::b/k'),
      request('s3:GetObject', 'arn:aws:s3:::secret/k'),
      request('ec2:DescribeVpcs', '*'),
      request('ec2:RunInstances', '*'),
    ];
    for (let round = 0; round < 3; round++) {
      expect(requests.map((r) => evaluateCompiled(set, r).decision)).toEqual(
        requests.map((r) => evaluate({ ...policies, request: r }).decision),
      );
    }
    expect(requests.map((r) => evaluateCompiled(set, r).decision)).toEqual([
      'allowed',
      'explicit-deny',
      'allowed',
      'implicit-deny',
    ]);
  });

  it('skips statements IAM would refuse, and says why', () => {
    const compiled = compilePolicy(
      {
        name: 'p',
        document: doc(
          { Effect: 'allow', Action: '*', Resource: '*' },
          { Effect: 'Allow', Resource: '*' },
          { Effect: 'Allow', Action: '*' },
          { Effect: 'Allow', Action: '*', Resource: '*' },
        ),
      },
      'identity',
    );
    expect(compiled.statements.map((s) => s.index)).toEqual([3]);
    expect(compiled.skipped.map((s) => s.index)).toEqual([0, 1, 2]);
    expect(compiled.skipped[0]?.why).toContain('Effect');
  });

  it('evaluates AWS ReadOnlyAccess from the catalog', async () => {
    const loader = await loadCatalogFromDisk();
    const managed = await loader.managedPolicy('ReadOnlyAccess');
    const set = compile({
      identityPolicies: [{ name: 'ReadOnlyAccess', document: managed?.document as never }],
    });
    expect(evaluateCompiled(set, request('s3:GetObject', 'arn:aws:s3:::b/k')).decision).toBe('allowed');
    expect(evaluateCompiled(set, request('ec2:DescribeInstances', '*')).decision).toBe('allowed');
    expect(evaluateCompiled(set, request('s3:PutObject', 'arn:aws:s3:::b/k')).decision).toBe('implicit-deny');
    expect(evaluateCompiled(set, request('iam:CreateUser', '*')).decision).toBe('implicit-deny');
  }, 60_000);

  it('with a catalog, notes context values that do not fit their key type', () => {
    const result = evaluate(
      {
        identityPolicies: [],
        request: request('s3:GetObject', '*', {
          'aws:SecureTransport': 'maybe',
          'aws:SourceIp': ['1.2.3.4', '5.6.7.8'],
        }),
      },
      catalog,
    );
    const notes = result.reasons.filter((r) => r.kind === 'note').map((r) => r.message);
    expect(notes.some((m) => m.includes('aws:SecureTransport is of type Bool'))).toBe(true);
    expect(notes.some((m) => m.includes('aws:SourceIp is single-valued'))).toBe(true);
  });
});

describe('condition key types from the catalog', () => {
  it('types global and service keys, with variable parts, case-insensitively', () => {
    expect(conditionKeyType('aws:TagKeys', catalog)).toBe('ArrayOfString');
    expect(conditionKeyType('AWS:SourceIp', catalog)).toBe('IPAddress');
    expect(conditionKeyType('aws:PrincipalTag/team', catalog)).toBe('String');
    expect(conditionKeyType('aws:CurrentTime', catalog)).toBe('Date');
    expect(conditionKeyType('s3:max-keys', catalog)).toBe('Numeric');
    expect(conditionKeyType('custom:nothing', catalog)).toBeUndefined();
  });
});
