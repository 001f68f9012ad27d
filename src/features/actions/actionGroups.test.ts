import { describe, expect, it } from 'vitest';
import { fakeCatalog } from '../../policy/testing/fakeCatalog';
import { readEntries } from './actionEntries';
import {
  actionFilter,
  countIncluded,
  groupActions,
  groupSelection,
  groupToggle,
  listRows,
} from './actionGroups';

const s3 = fakeCatalog.service('s3')?.actions ?? [];

describe('groupActions', () => {
  it('groups by access level in the console order, names sorted', () => {
    const groups = groupActions(s3);
    expect(groups.map((g) => g.level)).toEqual([
      'List',
      'Read',
      'Write',
      'Permissions management',
      'Tagging',
    ]);
    expect(groups[1]?.actions.map((a) => a.name)).toEqual([
      'GetBucketTagging',
      'GetObject',
      'GetObjectTagging',
    ]);
  });
  it('leaves out levels without actions', () => {
    const sts = fakeCatalog.service('sts')?.actions ?? [];
    expect(groupActions(sts).map((g) => g.level)).toEqual(['Read', 'Write', 'Tagging']);
  });
  it('filters what is shown, not what is counted', () => {
    const read = groupActions(s3, 'tagging').find((g) => g.level === 'Read');
    expect(read?.actions).toHaveLength(3);
    expect(read?.shown.map((a) => a.name)).toEqual(['GetBucketTagging', 'GetObjectTagging']);
  });
});

describe('actionFilter', () => {
  it('matches every word, any case', () => {
    const f = actionFilter('object get');
    expect(f('GetObjectTagging')).toBe(true);
    expect(f('PutObject')).toBe(false);
  });
  it('matches a wildcard pattern against the whole name, with or without the service', () => {
    expect(actionFilter('Get*Tagging')('GetObjectTagging')).toBe(true);
    expect(actionFilter('Get*Tagging')('GetObject')).toBe(false);
    expect(actionFilter('s3:Put*')('PutObject')).toBe(true);
  });
  it('an empty filter lets everything through', () => {
    expect(actionFilter('  ')('Anything')).toBe(true);
  });
});

describe('select all of a level', () => {
  const read = groupActions(s3).find((g) => g.level === 'Read');
  if (!read) throw new Error('no Read group');
  it('selects what is not yet included', () => {
    const entries = readEntries(['s3:GetObject'], 's3', s3);
    expect(groupSelection(read.actions, entries)).toBe('some');
    expect(groupToggle(read.actions, entries)).toEqual({
      names: ['GetBucketTagging', 'GetObjectTagging'],
      selected: true,
    });
  });
  it('clears the named ones when all are included; covered ones stay covered', () => {
    const entries = readEntries(['s3:GetObject*', 's3:GetBucketTagging'], 's3', s3);
    expect(groupSelection(read.actions, entries)).toBe('all');
    expect(countIncluded(read.actions, entries)).toBe(3);
    expect(groupToggle(read.actions, entries)).toEqual({ names: ['GetBucketTagging'], selected: false });
  });
  it('is "none" for an empty list', () => {
    expect(groupSelection([], readEntries([], 's3', s3))).toBe('none');
  });
});

describe('listRows', () => {
  const groups = groupActions(s3);
  it('a header per level, then its actions; collapsed levels show the header only', () => {
    const rows = listRows(groups, new Set(['Read', 'Write', 'Permissions management', 'Tagging']), false);
    expect(rows.map((r) => (r.kind === 'group' ? r.group.level : r.action.name))).toEqual([
      'List',
      'ListAllMyBuckets',
      'ListBucket',
      'Read',
      'Write',
      'Permissions management',
      'Tagging',
    ]);
  });
  it('while filtering: only levels with matches, all open', () => {
    const rows = listRows(groupActions(s3, 'policy'), new Set(['Permissions management']), true);
    expect(rows.map((r) => (r.kind === 'group' ? r.group.level : r.action.name))).toEqual([
      'Permissions management',
      'DeleteBucketPolicy',
      'PutBucketPolicy',
    ]);
  });
});
