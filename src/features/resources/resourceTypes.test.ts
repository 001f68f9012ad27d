import { describe, expect, it } from 'vitest';
import { accountsIn, applicableResourceTypes, chosenActions, classifyResources, wildcardOnlyActions, withoutActions } from './resourceTypes';
import { S3_DETAIL, s3Catalog } from './testFixtures';

const view = s3Catalog();
const list = (...values: string[]) => ({ values, single: false });

describe('chosenActions', () => {
  it('expands patterns within the service, each action once', () => {
    const chosen = chosenActions({ action: list('s3:List*', 's3:listbucket', 'ec2:RunInstances') }, 's3', view);
    expect(chosen.actions.map((a) => a.name)).toEqual(['ListAllMyBuckets', 'ListBucket']);
    expect(chosen.notAction).toBe(false);
  });

  it('with NotAction takes every action it leaves out', () => {
    const chosen = chosenActions({ notAction: list('s3:Get*') }, 's3', view);
    expect(chosen.actions.map((a) => a.name)).toEqual(['CreateAccessPoint', 'ListAllMyBuckets', 'ListBucket']);
    expect(chosen.notAction).toBe(true);
  });
});

describe('applicableResourceTypes', () => {
  it('is the union of the actions’ types, required first', () => {
    const chosen = chosenActions({ action: list('s3:ListBucket', 's3:CreateAccessPoint', 's3:GetObject') }, 's3', view);
    const types = applicableResourceTypes(S3_DETAIL, chosen);
    expect(types.map((t) => t.name)).toEqual(['accesspoint', 'accesspointobject', 'bucket', 'object']);
    expect(types[0]?.requiredBy).toEqual(['CreateAccessPoint']);
    expect(types[0]?.actions).toEqual(['ListBucket', 'CreateAccessPoint']);
    expect(types[2]?.requiredBy).toEqual([]);
  });

  it('offers every type of the service for NotAction', () => {
    const types = applicableResourceTypes(S3_DETAIL, chosenActions({ notAction: list('s3:GetObject') }, 's3', view));
    expect(types.map((t) => t.name)).toContain('job');
  });
});

describe('wildcardOnlyActions', () => {
  it('names the actions that take only "*"', () => {
    const chosen = chosenActions({ action: list('s3:ListAllMyBuckets', 's3:ListBucket') }, 's3', view);
    expect(wildcardOnlyActions(chosen).map((a) => a.name)).toEqual(['ListAllMyBuckets']);
  });
});

describe('classifyResources', () => {
  const chosen = chosenActions({ action: list('s3:ListBucket', 's3:GetObject') }, 's3', view);
  const types = applicableResourceTypes(S3_DETAIL, chosen);

  it('puts each ARN under the most specific type that fits', () => {
    const result = classifyResources(
      ['arn:aws:s3:::my-bucket', 'arn:aws:s3:::my-bucket/*', '*', 'arn:aws:s3:us-east-1:123456789012:job/1', 'arn:aws:iam::123456789012:role/x'],
      types,
      S3_DETAIL.resourceTypes,
    );
    expect(result.all).toBe(true);
    expect(result.rows.get('bucket')).toEqual([{ index: 0, arn: 'arn:aws:s3:::my-bucket', values: { Partition: 'aws', BucketName: 'my-bucket' } }]);
    expect(result.rows.get('object')?.map((r) => r.index)).toEqual([1]);
    expect(result.other).toEqual([
      { index: 3, arn: 'arn:aws:s3:us-east-1:123456789012:job/1', serviceType: 'job' },
      { index: 4, arn: 'arn:aws:iam::123456789012:role/x' },
    ]);
  });

  it('keeps a row under its sticky type while it still fits', () => {
    const arn = 'arn:aws:s3:::a/b';
    expect(classifyResources([arn], types).rows.get('object')?.length).toBe(1);
    const stuck = classifyResources([arn], types, [], new Map([[0, 'bucket']]));
    expect(stuck.rows.get('bucket')?.[0]?.values).toEqual({ Partition: 'aws', BucketName: 'a/b' });
  });
});

describe('withoutActions', () => {
  it('takes exact names out', () => {
    expect(withoutActions(['s3:ListBucket', 's3:listallmybuckets'], 's3', ['ListAllMyBuckets'])).toEqual({
      remaining: ['s3:ListBucket'],
      moved: ['s3:listallmybuckets'],
    });
  });

  it('refuses when a pattern still names them', () => {
    expect(withoutActions(['s3:List*', 's3:ListAllMyBuckets'], 's3', ['ListAllMyBuckets'])).toBeUndefined();
    expect(withoutActions(['s3:List*'], 's3', ['ListAllMyBuckets'])).toBeUndefined();
  });
});

describe('accountsIn', () => {
  it('lists account IDs, most used first', () => {
    expect(accountsIn(['arn:aws:s3:::b', 'arn:aws:s3:us-east-1:111111111111:job/1', 'arn:aws:s3:us-east-1:222222222222:job/1', 'arn:aws:s3:us-east-1:222222222222:job/2'])).toEqual([
      '222222222222',
      '111111111111',
    ]);
  });
});
