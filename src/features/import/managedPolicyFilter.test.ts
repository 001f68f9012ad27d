import { describe, expect, it } from 'vitest';
import type { ManagedPolicyEntry } from '../../catalog/types';
import { filterManagedPolicies, formatCount, formatDay, isNewerVersion, versionNumber } from './managedPolicyFilter';

const entry = (name: string, path = ''): ManagedPolicyEntry => ({
  name,
  arn: `arn:aws:iam::aws:policy/${path}${name}`,
  version: 'v1',
  updated: '2026-07-21T18:42:30.000Z',
  size: 100,
});

const policies = [
  entry('AmazonS3FullAccess'),
  entry('AmazonS3ReadOnlyAccess'),
  entry('ReadOnlyAccess'),
  entry('AWSLambdaRole', 'service-role/'),
  entry('ReadOnlyAccessForSomething'),
];

describe('filterManagedPolicies', () => {
  it('keeps everything for an empty query', () => {
    expect(filterManagedPolicies(policies, '  ')).toBe(policies);
  });
  it('matches every word, case-insensitive, exact name first, then prefixes', () => {
    expect(filterManagedPolicies(policies, 'readonlyaccess').map((p) => p.name)).toEqual([
      'ReadOnlyAccess',
      'ReadOnlyAccessForSomething',
      'AmazonS3ReadOnlyAccess',
    ]);
    expect(filterManagedPolicies(policies, 's3 read').map((p) => p.name)).toEqual(['AmazonS3ReadOnlyAccess']);
  });
  it('matches the ARN path', () => {
    expect(filterManagedPolicies(policies, 'service-role').map((p) => p.name)).toEqual(['AWSLambdaRole']);
  });
});

describe('formatting', () => {
  it('formats counts, days and versions', () => {
    expect(formatCount(91266)).toBe('91,266');
    expect(formatDay('2026-07-21T18:42:30.000Z')).toBe('2026-07-21');
    expect(versionNumber('v188')).toBe(188);
    expect(versionNumber('x')).toBeUndefined();
    expect(isNewerVersion('v13', 'v12')).toBe(true);
    expect(isNewerVersion('v12', 'v12')).toBe(false);
    expect(isNewerVersion('v9', 'v12')).toBe(false);
    expect(isNewerVersion('v13', undefined)).toBe(false);
  });
});
