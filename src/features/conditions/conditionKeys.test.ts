import { describe, expect, it } from 'vitest';
import { applicableResourceTypes, chosenActions } from '../resources/resourceTypes';
import { GLOBAL_KEYS, S3_DETAIL, s3Catalog } from '../resources/testFixtures';
import { conditionKeyOptions, fillKeyVariable, findKeyOption, keyVariable } from './conditionKeys';

const view = s3Catalog();

function optionsFor(...actions: string[]) {
  const chosen = chosenActions({ action: { values: actions, single: false } }, 's3', view);
  return conditionKeyOptions(S3_DETAIL, chosen, applicableResourceTypes(S3_DETAIL, chosen), GLOBAL_KEYS);
}

describe('conditionKeyOptions', () => {
  it('puts the keys of the chosen actions and their resource types first, then other service keys, then global keys', () => {
    const options = optionsFor('s3:ListBucket');
    const service = options.filter((o) => o.group === 'Service keys');
    expect(service.filter((o) => o.applies).map((o) => o.key)).toEqual([
      's3:BucketTag/${TagKey}',
      's3:DataAccessPointArn',
      's3:TlsVersion',
      's3:max-keys',
      's3:prefix',
    ]);
    expect(service.filter((o) => !o.applies).map((o) => o.key)).toEqual(['s3:ExistingObjectTag/${TagKey}', 's3:x-amz-acl']);
    const groups = options.map((o) => o.group);
    expect(groups.indexOf('Global keys')).toBeGreaterThan(groups.lastIndexOf('Service keys'));
  });

  it('lists each global key once, with its type', () => {
    const options = optionsFor('s3:GetObject');
    expect(options.filter((o) => o.key === 'aws:ResourceTag/${TagKey}')).toHaveLength(1);
    expect(options.find((o) => o.key === 'aws:SourceIp')).toMatchObject({ type: 'IPAddress', group: 'Global keys' });
    expect(options.find((o) => o.key === 'aws:RequestTag/${TagKey}')).toMatchObject({ group: 'Global keys', variable: 'TagKey' });
  });

  it('treats every service key as applying when no action is chosen', () => {
    expect(optionsFor().every((o) => o.applies)).toBe(true);
  });
});

describe('key variables', () => {
  it('finds and fills the variable', () => {
    expect(keyVariable('aws:ResourceTag/${TagKey}')).toBe('TagKey');
    expect(keyVariable('aws:SourceIp')).toBeUndefined();
    expect(fillKeyVariable('aws:ResourceTag/${TagKey}', 'team')).toBe('aws:ResourceTag/team');
  });

  it('matches written keys to their options, ignoring case', () => {
    const options = optionsFor('s3:GetObject');
    expect(findKeyOption(options, 'AWS:SOURCEIP')?.option.key).toBe('aws:SourceIp');
    expect(findKeyOption(options, 'aws:ResourceTag/cost-center')).toMatchObject({
      option: { key: 'aws:ResourceTag/${TagKey}' },
      variableValue: 'cost-center',
    });
    expect(findKeyOption(options, 'ec2:Region')).toBeUndefined();
  });
});
