import { describe, expect, it } from 'vitest';
import { parse } from './parse';
import { FAKE_SERVICES, makeFakeCatalog } from './testing/fakeCatalog';
import { nextFreeName, serviceWord, suggestPolicyName } from './suggestName';

const catalog = makeFakeCatalog([
  ...FAKE_SERVICES,
  {
    prefix: 'ecs',
    name: 'Amazon Elastic Container Service',
    actions: [
      ['DescribeClusters', 'Read'],
      ['DescribeServices', 'Read'],
      ['ListClusters', 'List'],
      ['UpdateService', 'Write'],
    ],
  },
  {
    prefix: 'dynamodb',
    name: 'Amazon DynamoDB',
    actions: [
      ['GetItem', 'Read'],
      ['PutItem', 'Write'],
    ],
  },
]);

function name(document: unknown): string {
  const model = parse(JSON.stringify(document)).model;
  return suggestPolicyName(model, catalog);
}

function allow(actions: string[], condition?: unknown): unknown {
  return {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: actions, Resource: '*', ...(condition ? { Condition: condition } : {}) },
    ],
  };
}

describe('suggestPolicyName', () => {
  it('names a read-only policy by its first service and access, and MFA when required', () => {
    expect(name(allow(['ecs:Describe*', 'ecs:ListClusters']))).toBe('ECS-ReadOnly');
    expect(name(allow(['ecs:DescribeClusters'], { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }))).toBe(
      'ECS-ReadOnly-MFA',
    );
    expect(name(allow(['ecs:ListClusters']))).toBe('ECS-ListOnly');
  });

  it('says FullAccess, ReadWrite, WriteOnly or Manage', () => {
    expect(name(allow(['ecs:*']))).toBe('ECS-FullAccess');
    expect(name(allow(['ecs:DescribeClusters', 'ecs:UpdateService']))).toBe('ECS-ReadWrite');
    expect(name(allow(['ecs:UpdateService']))).toBe('ECS-WriteOnly');
    expect(name(allow(['s3:GetObject', 's3:PutBucketPolicy']))).toBe('S3-Manage');
  });

  it('names up to two services in the order written, then how many more', () => {
    expect(name(allow(['s3:GetObject', 'ecs:ListClusters']))).toBe('S3-ECS-ReadOnly');
    expect(name(allow(['s3:GetObject', 'ecs:ListClusters', 'dynamodb:GetItem', 'iam:GetRole']))).toBe(
      'S3-ECS-Plus2-ReadOnly',
    );
    expect(name(allow(['dynamodb:GetItem']))).toBe('DynamoDB-ReadOnly');
    expect(name(allow(['*']))).toBe('AllServices-FullAccess');
  });

  it('names a deny-only policy and an empty one', () => {
    expect(
      name({ Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: 'iam:*', Resource: '*' }] }),
    ).toBe('IAM-Deny');
    expect(name({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: [], Resource: [] }] })).toBe(
      'CustomPolicy',
    );
    expect(suggestPolicyName(null, catalog)).toBe('CustomPolicy');
  });

  it('keeps unknown services by their prefix', () => {
    expect(serviceWord('medialive')).toBe('MediaLive');
    expect(serviceWord('kafka-cluster')).toBe('KafkaCluster');
    expect(serviceWord('sqs')).toBe('SQS');
  });
});

describe('nextFreeName', () => {
  it('adds the first free number, comparing case-insensitively', () => {
    expect(nextFreeName('ECS-ReadOnly', [])).toBe('ECS-ReadOnly');
    expect(nextFreeName('ECS-ReadOnly', ['ecs-readonly'])).toBe('ECS-ReadOnly-2');
    expect(nextFreeName('ECS-ReadOnly', ['ECS-ReadOnly', 'ECS-ReadOnly-2'])).toBe('ECS-ReadOnly-3');
    expect(nextFreeName('x'.repeat(128), ['x'.repeat(128)])).toHaveLength(128);
  });
});
