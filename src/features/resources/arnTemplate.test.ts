import { describe, expect, it } from 'vitest';
import { anyInAccount, buildArn, checkPart, checkParts, emptyValues, humanizePartName, matchArn, parseArnTemplate } from './arnTemplate';

const bucket = parseArnTemplate('arn:${Partition}:s3:::${BucketName}');
const object = parseArnTemplate('arn:${Partition}:s3:::${BucketName}/${ObjectName}');
const accessPoint = parseArnTemplate('arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}');
const logStream = parseArnTemplate(
  'arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:log-stream:${LogStreamName}',
);
const fixedRegion = parseArnTemplate('arn:${Partition}:s3:us-west-2:${Account}:async-request/mrap/${Operation}/${Token}');

describe('parseArnTemplate', () => {
  it('finds the parts and their kinds from the ARN field they sit in', () => {
    expect(bucket.parts).toEqual([
      { name: 'Partition', kind: 'partition' },
      { name: 'BucketName', kind: 'resource' },
    ]);
    expect(bucket.hasRegion).toBe(false);
    expect(bucket.hasAccount).toBe(false);
    expect(accessPoint.parts.map((p) => p.kind)).toEqual(['partition', 'region', 'account', 'resource']);
    expect(parseArnTemplate('arn:${Partition}:sso::${AccountId}:application/${InstanceId}').parts[1]).toEqual({
      name: 'AccountId',
      kind: 'account',
    });
    expect(fixedRegion.hasRegion).toBe(false);
  });

  it('counts literal characters, so more specific templates win ties', () => {
    expect(object.literalLength).toBe(bucket.literalLength + 1);
  });
});

describe('buildArn', () => {
  it('fills the template', () => {
    expect(buildArn(bucket, { Partition: 'aws', BucketName: 'my-bucket' })).toBe('arn:aws:s3:::my-bucket');
    expect(buildArn(object, { Partition: 'aws-cn', BucketName: 'b', ObjectName: '*' })).toBe('arn:aws-cn:s3:::b/*');
    expect(buildArn(accessPoint, { Partition: 'aws', Region: 'eu-west-1', Account: '123456789012', AccessPointName: 'ap' })).toBe(
      'arn:aws:s3:eu-west-1:123456789012:accesspoint/ap',
    );
  });

  it('leaves missing values empty', () => {
    expect(buildArn(object, emptyValues(object))).toBe('arn:aws:s3:::/');
  });
});

describe('matchArn', () => {
  it('splits an ARN into the template parts', () => {
    expect(matchArn(bucket, 'arn:aws:s3:::my-bucket')).toEqual({ Partition: 'aws', BucketName: 'my-bucket' });
    expect(matchArn(object, 'arn:aws:s3:::my-bucket/photos/2026/*')).toEqual({
      Partition: 'aws',
      BucketName: 'my-bucket',
      ObjectName: 'photos/2026/*',
    });
    expect(matchArn(logStream, 'arn:aws:logs:us-east-1:123456789012:log-group:app:log-stream:web-1')).toEqual({
      Partition: 'aws',
      Region: 'us-east-1',
      Account: '123456789012',
      LogGroupName: 'app',
      LogStreamName: 'web-1',
    });
  });

  it('keeps policy variables with colons in resource parts', () => {
    expect(matchArn(object, 'arn:aws:s3:::home/${aws:username}/*')).toEqual({
      Partition: 'aws',
      BucketName: 'home',
      ObjectName: '${aws:username}/*',
    });
  });

  it('refuses ARNs of another shape', () => {
    expect(matchArn(bucket, 'arn:aws:s3:us-east-1::my-bucket')).toBeUndefined();
    expect(matchArn(object, 'arn:aws:s3:::my-bucket')).toBeUndefined();
    expect(matchArn(accessPoint, 'arn:aws:s3:::my-bucket')).toBeUndefined();
    expect(matchArn(bucket, 'arn:aws:ec2:::my-bucket')).toBeUndefined();
    expect(matchArn(fixedRegion, 'arn:aws:s3:us-east-1:123456789012:async-request/mrap/x/y')).toBeUndefined();
    expect(matchArn(bucket, 'not an arn')).toBeUndefined();
  });

  it('accepts empty parts (an ARN being filled in) and round-trips with buildArn', () => {
    expect(matchArn(object, 'arn:aws:s3:::/')).toEqual({ Partition: 'aws', BucketName: '', ObjectName: '' });
    const values = { Partition: 'aws', Region: '*', Account: '123456789012', AccessPointName: 'a/b' };
    expect(matchArn(accessPoint, buildArn(accessPoint, values))).toEqual(values);
  });

  it('treats regex characters in templates literally', () => {
    const t = parseArnTemplate('arn:${Partition}:x:::a.b/${Name}');
    expect(matchArn(t, 'arn:aws:x:::a.b/n')).toEqual({ Partition: 'aws', Name: 'n' });
    expect(matchArn(t, 'arn:aws:x:::aXb/n')).toBeUndefined();
  });
});

describe('checkPart', () => {
  const region = { name: 'Region', kind: 'region' } as const;
  const account = { name: 'Account', kind: 'account' } as const;
  const name = { name: 'BucketName', kind: 'resource' } as const;
  const partition = { name: 'Partition', kind: 'partition' } as const;

  it('accepts good values and Any', () => {
    expect(checkPart(region, 'us-east-1')).toBeUndefined();
    expect(checkPart(region, 'us-gov-west-1')).toBeUndefined();
    expect(checkPart(region, '*')).toBeUndefined();
    expect(checkPart(region, 'eu-*')).toBeUndefined();
    expect(checkPart(account, '123456789012')).toBeUndefined();
    expect(checkPart(account, '${aws:PrincipalAccount}')).toBeUndefined();
    expect(checkPart(name, 'my-bucket')).toBeUndefined();
    expect(checkPart(partition, 'aws-cn')).toBeUndefined();
  });

  it('explains bad values', () => {
    expect(checkPart(region, 'US East')).toBe('No spaces allowed');
    expect(checkPart(region, 'useast1')).toMatch(/Not a Region/);
    expect(checkPart(account, '12345')).toBe('An account ID is 12 digits');
    expect(checkPart(account, '')).toMatch(/12-digit/);
    expect(checkPart(name, '')).toBe('Enter the BucketName, or choose Any');
    expect(checkPart(name, 'my bucket')).toBe('No spaces allowed');
    expect(checkPart(partition, 'amazon')).toMatch(/Not a partition/);
    expect(checkPart(region, 'us-*:x')).toMatch(/colons/);
  });

  it('checks all parts at once', () => {
    expect(checkParts(accessPoint, { Partition: 'aws', Region: 'nowhere', Account: '1', AccessPointName: 'ap' })).toEqual({
      Region: 'Not a Region: use the form us-east-1',
      Account: 'An account ID is 12 digits',
    });
  });
});

describe('anyInAccount', () => {
  it('keeps partition and account, and makes everything else Any', () => {
    expect(anyInAccount(accessPoint, { Partition: 'aws-cn', Region: 'x', Account: '', AccessPointName: 'y' }, '123456789012')).toEqual({
      Partition: 'aws-cn',
      Region: '*',
      Account: '123456789012',
      AccessPointName: '*',
    });
  });
});

describe('humanizePartName', () => {
  it('turns template names into words', () => {
    expect(humanizePartName('BucketName')).toBe('bucket name');
    expect(humanizePartName('AccessPointName')).toBe('access point name');
    expect(humanizePartName('ARN')).toBe('ARN');
  });
});
