import { describe, expect, it } from 'vitest';
import { composeOperator, defaultOperator, describeCondition, isMultiValued, operatorsForType, splitOperator, valueKindOf } from './conditionOperators';

describe('operatorsForType', () => {
  it('offers the operators of the key type, Null last', () => {
    expect(operatorsForType('String')).toEqual([
      'StringEquals',
      'StringNotEquals',
      'StringEqualsIgnoreCase',
      'StringNotEqualsIgnoreCase',
      'StringLike',
      'StringNotLike',
      'Null',
    ]);
    expect(operatorsForType('Bool')).toEqual(['Bool', 'Null']);
    expect(operatorsForType('IPAddress')).toEqual(['IpAddress', 'NotIpAddress', 'Null']);
    expect(operatorsForType('Numeric')).toContain('NumericLessThanEquals');
    expect(operatorsForType('Date')).toEqual([
      'DateEquals',
      'DateNotEquals',
      'DateLessThan',
      'DateLessThanEquals',
      'DateGreaterThan',
      'DateGreaterThanEquals',
      'Null',
    ]);
  });

  it('lets ARN keys use the String operators too', () => {
    const arn = operatorsForType('ARN');
    expect(arn.slice(0, 4)).toEqual(['ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike']);
    expect(arn).toContain('StringLike');
    expect(operatorsForType('ArrayOfARN')).toEqual(arn);
  });

  it('offers everything for an unknown key', () => {
    expect(operatorsForType(undefined)).toHaveLength(6 + 6 + 6 + 1 + 2 + 4 + 1);
    expect(defaultOperator(undefined)).toBe('StringEquals');
    expect(defaultOperator('IPAddress')).toBe('IpAddress');
  });
});

describe('qualifiers', () => {
  it('only multi-valued keys take them', () => {
    expect(isMultiValued('ArrayOfString')).toBe(true);
    expect(isMultiValued('String')).toBe(false);
    expect(isMultiValued(undefined)).toBe(false);
  });
});

describe('composeOperator / splitOperator', () => {
  it('builds operator text', () => {
    expect(composeOperator({ base: 'StringEquals', ifExists: false })).toBe('StringEquals');
    expect(composeOperator({ qualifier: 'ForAnyValue', base: 'StringLike', ifExists: true })).toBe('ForAnyValue:StringLikeIfExists');
    expect(composeOperator({ base: 'Null', ifExists: true })).toBe('Null');
  });

  it('splits operator text', () => {
    expect(splitOperator('ForAllValues:StringEqualsIfExists')).toEqual({ qualifier: 'ForAllValues', base: 'StringEquals', ifExists: true });
    expect(splitOperator('Bool')).toEqual({ base: 'Bool', ifExists: false });
    expect(splitOperator('NullIfExists')).toBeUndefined();
    expect(splitOperator('StringEqual')).toBeUndefined();
  });

  it('knows what each operator compares', () => {
    expect(valueKindOf('IpAddress')).toBe('ip');
    expect(valueKindOf('ArnLike')).toBe('arn');
    expect(valueKindOf('toString')).toBeUndefined();
  });
});

describe('describeCondition', () => {
  it('says what a condition means', () => {
    expect(describeCondition('IpAddress', 'aws:SourceIp', ['203.0.113.0/24', '198.51.100.0/24'])).toBe(
      'aws:SourceIp is in one of 203.0.113.0/24, 198.51.100.0/24',
    );
    expect(describeCondition('NotIpAddress', 'aws:SourceIp', ['10.0.0.0/8', '192.168.0.0/16'])).toBe(
      'aws:SourceIp is in none of 10.0.0.0/8, 192.168.0.0/16',
    );
    expect(describeCondition('StringNotEquals', 'aws:RequestedRegion', ['eu-west-1'])).toBe('aws:RequestedRegion is not eu-west-1');
    expect(describeCondition('Bool', 'aws:MultiFactorAuthPresent', ['true'])).toBe('aws:MultiFactorAuthPresent is true');
    expect(describeCondition('DateGreaterThan', 'aws:CurrentTime', ['2026-12-01T00:00:00Z'])).toBe(
      'aws:CurrentTime is after 2026-12-01T00:00:00Z',
    );
    expect(describeCondition('ForAllValues:StringLikeIfExists', 'aws:TagKeys', ['team', 'env'])).toBe(
      'Every value of aws:TagKeys matches one of team, env (when the key is present)',
    );
    expect(describeCondition('Null', 'aws:TokenIssueTime', ['true'])).toBe('aws:TokenIssueTime is absent from the request');
    expect(describeCondition('StringNotLike', 's3:prefix', ['a/*', 'b/*'])).toBe('s3:prefix matches none of a/*, b/*');
    expect(describeCondition('Weird', 'k', ['v'])).toBe('k: Weird v');
  });
});
