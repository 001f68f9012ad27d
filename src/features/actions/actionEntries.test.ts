import { describe, expect, it } from 'vitest';
import { fakeCatalog } from '../../policy/testing/fakeCatalog';
import {
  addPattern,
  compareEntries,
  isIncluded,
  readEntries,
  readPatternInput,
  removeEntry,
  setActionsSelected,
} from './actionEntries';

const s3 = fakeCatalog.service('s3')?.actions ?? [];

describe('readEntries', () => {
  it('sorts entries into named actions, patterns and others', () => {
    const entries = readEntries(['S3:getobject', 's3:Put*', 's3:NoSuchAction', 's3:*'], 's3', s3);
    expect([...entries.explicit]).toEqual(['getobject']);
    expect(entries.patterns).toEqual(['s3:Put*', 's3:*']);
    expect(entries.others).toEqual(['s3:NoSuchAction']);
    expect(entries.allPattern).toBe('s3:*');
  });
  it('knows which actions a pattern covers (first pattern wins)', () => {
    const entries = readEntries(['s3:Put*', 's3:*Object'], 's3', s3);
    expect(entries.coveredBy.get('putobject')).toBe('s3:Put*');
    expect(entries.coveredBy.get('getobject')).toBe('s3:*Object');
    expect(entries.coveredBy.has('listbucket')).toBe(false);
    expect(isIncluded(entries, 'PutBucketPolicy')).toBe(true);
    expect(isIncluded(entries, 'ListBucket')).toBe(false);
  });
  it('supports "?" and is case-insensitive', () => {
    const entries = readEntries(['S3:get?bject'], 's3', s3);
    expect(isIncluded(entries, 'GetObject')).toBe(true);
  });
});

describe('setActionsSelected', () => {
  it('adds in canonical case and sorts', () => {
    expect(setActionsSelected([], 's3', s3, ['putobject', 'GETOBJECT'], true)).toEqual([
      's3:GetObject',
      's3:PutObject',
    ]);
  });
  it('removes, keeping patterns and unknown entries as written', () => {
    const values = ['s3:List*', 's3:GetObject', 's3:Typo', 's3:PutObject'];
    expect(setActionsSelected(values, 's3', s3, ['GetObject'], false)).toEqual([
      's3:List*',
      's3:PutObject',
      's3:Typo',
    ]);
  });
  it('rewrites other spellings of a named action once', () => {
    expect(setActionsSelected(['S3:getObject', 's3:GetObject'], 's3', s3, ['ListBucket'], true)).toEqual([
      's3:GetObject',
      's3:ListBucket',
    ]);
  });
  it('ignores names the catalog does not know', () => {
    expect(setActionsSelected([], 's3', s3, ['Nope'], true)).toEqual([]);
  });
});

describe('addPattern', () => {
  it('adds a pattern and drops the actions it makes redundant', () => {
    expect(addPattern(['s3:GetObject', 's3:PutObject'], 's3', s3, 's3:Get*')).toEqual([
      's3:Get*',
      's3:PutObject',
    ]);
  });
  it('"<prefix>:*" replaces everything', () => {
    expect(addPattern(['s3:GetObject', 's3:List*', 's3:Typo'], 's3', s3, 's3:*')).toEqual(['s3:*']);
    // a statement of several services keeps the other services' entries
    expect(addPattern(['ec2:DescribeInstances', 's3:GetObject', 'sts:GetCallerIdentity'], 's3', s3, 's3:*')).toEqual([
      'ec2:DescribeInstances',
      's3:*',
      'sts:GetCallerIdentity',
    ]);
  });
  it('does nothing when the pattern is there already', () => {
    expect(addPattern(['s3:get*', 's3:GetObject'], 's3', s3, 's3:Get*')).toEqual(['s3:get*', 's3:GetObject']);
  });
});

describe('removeEntry', () => {
  it('removes exactly that entry', () => {
    expect(removeEntry(['s3:Get*', 's3:List*'], 's3:Get*')).toEqual(['s3:List*']);
  });
});

describe('readPatternInput', () => {
  it('prefixes the service and counts matches', () => {
    const input = readPatternInput(' Get* ', 's3', s3);
    expect(input).toMatchObject({ ok: true, entry: 's3:Get*', wildcard: true });
    expect(input?.ok && input.matches.map((a) => a.name)).toEqual([
      'GetBucketTagging',
      'GetObject',
      'GetObjectTagging',
    ]);
  });
  it('takes a service prefix in any case', () => {
    expect(readPatternInput('S3:Put*', 's3', s3)).toMatchObject({ ok: true, entry: 's3:Put*' });
  });
  it('a plain name becomes that action in canonical case', () => {
    expect(readPatternInput('getobject', 's3', s3)).toMatchObject({
      ok: true,
      entry: 's3:GetObject',
      wildcard: false,
    });
  });
  it('says why it cannot add', () => {
    expect(readPatternInput('', 's3', s3)).toBeUndefined();
    expect(readPatternInput('ec2:Describe*', 's3', s3)).toMatchObject({ ok: false });
    expect(readPatternInput('s3:', 's3', s3)).toMatchObject({ ok: false });
    expect(readPatternInput('Get-*', 's3', s3)).toMatchObject({ ok: false });
    expect(readPatternInput('Zap*', 's3', s3)).toMatchObject({ ok: false, message: 'Matches no s3 action.' });
  });
});

describe('compareEntries', () => {
  it('orders without regard to case', () => {
    expect(['s3:getObject', 's3:DeleteObject', 's3:Get*'].sort(compareEntries)).toEqual([
      's3:DeleteObject',
      's3:Get*',
      's3:getObject',
    ]);
  });
});
