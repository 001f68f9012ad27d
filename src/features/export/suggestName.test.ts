import { describe, expect, it } from 'vitest';
import { parseValue } from '../../policy/parse';
import { summarize } from '../../policy/summary';
import { fakeCatalog } from '../../policy/testing/fakeCatalog';
import { FALLBACK_POLICY_NAME, suggestPolicyName } from './suggestName';

function suggest(statements: readonly Record<string, unknown>[]): string {
  const model = parseValue({ Version: '2012-10-17', Statement: statements });
  return suggestPolicyName(model, summarize(model, fakeCatalog));
}

describe('suggestPolicyName', () => {
  it('names the first service and read-only access', () => {
    expect(suggest([{ Effect: 'Allow', Action: ['s3:Get*', 's3:List*'], Resource: '*' }])).toBe('S3ReadOnly');
    expect(suggest([{ Effect: 'Allow', Action: ['ec2:DescribeInstances'], Resource: '*' }])).toBe('Ec2ListOnly');
  });

  it('says full access, or just access for writes', () => {
    expect(suggest([{ Effect: 'Allow', Action: 'sts:*', Resource: '*' }])).toBe('StsFullAccess');
    expect(suggest([{ Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject'], Resource: '*' }])).toBe('S3Access');
  });

  it('names two services, or the first two and more', () => {
    expect(
      suggest([
        { Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*' },
        { Effect: 'Allow', Action: ['ec2:DescribeInstances'], Resource: '*' },
      ]),
    ).toBe('S3AndEc2ReadOnly');
    expect(suggest([{ Effect: 'Allow', Action: ['iam:GetRole', 's3:GetObject', 'sts:GetCallerIdentity'], Resource: '*' }])).toBe(
      'IamS3AndMoreReadOnly',
    );
  });

  it('adds WithMfa when every Allow statement needs MFA', () => {
    const mfa = { Bool: { 'aws:MultiFactorAuthPresent': 'true' } };
    expect(suggest([{ Effect: 'Allow', Action: ['ecs:Describe*', 'ecs:List*'], Resource: '*', Condition: mfa }])).toBe(
      'EcsAccessWithMfa',
    );
    expect(
      suggest([
        { Effect: 'Allow', Action: ['s3:GetObject'], Resource: '*', Condition: mfa },
        { Effect: 'Allow', Action: ['s3:ListBucket'], Resource: '*' },
      ]),
    ).toBe('S3ReadOnly');
  });

  it('handles deny-only, everything and empty policies', () => {
    expect(suggest([{ Effect: 'Deny', Action: 'iam:*', Resource: '*' }])).toBe('DenyIam');
    expect(suggest([{ Effect: 'Allow', Action: '*', Resource: '*' }])).toBe('AdministratorAccess');
    expect(suggest([{ Effect: 'Allow', Action: [], Resource: [] }])).toBe(FALLBACK_POLICY_NAME);
    expect(suggestPolicyName(null, null)).toBe(FALLBACK_POLICY_NAME);
  });
});
