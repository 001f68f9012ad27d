import { describe, expect, it } from 'vitest';
import { accessLevelCode, normaliseAccessLevel, normaliseConditionKey } from './normalise';
import { ACCESS_LEVEL_CODES, ACCESS_LEVELS } from './types';

describe('normaliseAccessLevel', () => {
  it('keeps the five console levels', () => {
    for (const level of ACCESS_LEVELS) expect(normaliseAccessLevel(level)).toBe(level);
  });

  it('lets the more specific level win in combined values', () => {
    expect(normaliseAccessLevel('Permissions management, Write')).toBe('Permissions management');
    expect(normaliseAccessLevel('Write, Permissions management')).toBe('Permissions management');
    expect(normaliseAccessLevel('Tagging, Write')).toBe('Tagging');
    expect(normaliseAccessLevel('Tagging, Permissions management')).toBe('Permissions management');
    expect(normaliseAccessLevel('Read, List')).toBe('Read');
  });

  it('ignores case and spacing, and rejects unknown values', () => {
    expect(normaliseAccessLevel('  permissions MANAGEMENT ,write ')).toBe('Permissions management');
    expect(normaliseAccessLevel('Admin')).toBeUndefined();
    expect(normaliseAccessLevel('')).toBeUndefined();
  });
});

describe('accessLevelCode', () => {
  it('is the inverse of ACCESS_LEVEL_CODES', () => {
    for (const level of ACCESS_LEVELS) expect(ACCESS_LEVEL_CODES[accessLevelCode(level)]).toBe(level);
  });
});

describe('normaliseConditionKey', () => {
  it('writes tag-key variables as ${TagKey}', () => {
    expect(normaliseConditionKey('aws:PrincipalTag/tag-key')).toBe('aws:PrincipalTag/${TagKey}');
    expect(normaliseConditionKey('aws:ResourceTag/tag-key')).toBe('aws:ResourceTag/${TagKey}');
    expect(normaliseConditionKey('s3:ExistingObjectTag/<key>')).toBe('s3:ExistingObjectTag/${TagKey}');
  });

  it('leaves other keys alone', () => {
    for (const key of [
      'aws:RequestTag/${TagKey}',
      'aws:SourceIp',
      'codebuild:environment.environmentVariables/${name}.value',
      'elasticloadbalancing:ResourceTag/',
      'ssm:resourceTag/aws:ssmmessages:session-id',
    ]) {
      expect(normaliseConditionKey(key)).toBe(key);
    }
  });
});
