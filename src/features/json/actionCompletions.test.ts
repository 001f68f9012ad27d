import { describe, expect, it } from 'vitest';
import { fakeCatalog } from '../../policy/testing/fakeCatalog';
import { actionCompletions, actionHover, escapeMarkdown, servicePrefixOf } from './actionCompletions';

describe('servicePrefixOf', () => {
  it('is the part before the colon', () => {
    expect(servicePrefixOf('s3:Get')).toBe('s3');
    expect(servicePrefixOf('s3')).toBeUndefined();
    expect(servicePrefixOf(':x')).toBeUndefined();
  });
});

describe('actionCompletions', () => {
  it('offers service prefixes until there is a colon, asking for actions after inserting one', () => {
    const items = actionCompletions('s', fakeCatalog);
    expect(items.map((i) => i.label)).toEqual(fakeCatalog.services.map((s) => `${s.prefix}:`));
    expect(items.every((i) => i.kind === 'service' && i.retrigger)).toBe(true);
    expect(items.find((i) => i.label === 's3:')?.detail).toBe('Amazon S3');
  });
  it("offers the service's actions with access level and description, then the wildcard", () => {
    const items = actionCompletions('S3:get', fakeCatalog);
    const get = items.find((i) => i.label === 's3:GetObject');
    expect(get).toMatchObject({
      kind: 'action',
      detail: 'Read',
      documentation: 'GetObject (test catalog)',
      retrigger: false,
    });
    expect(items.at(-1)).toMatchObject({ kind: 'wildcard', label: 's3:*' });
    expect(items).toHaveLength((fakeCatalog.service('s3')?.actions.length ?? 0) + 1);
  });
  it('offers nothing for an unknown service', () => {
    expect(actionCompletions('nope:Get', fakeCatalog)).toEqual([]);
  });
});

describe('actionHover', () => {
  it('describes an action', () => {
    const text = actionHover('s3:getobject', fakeCatalog);
    expect(text).toContain('**s3:GetObject** · Read');
    expect(text).toContain('GetObject \\(test catalog\\)');
  });
  it('sums up what a wildcard matches', () => {
    const text = actionHover('s3:Put*', fakeCatalog) ?? '';
    expect(text).toMatch(/matches 5 actions/);
    expect(text).toContain('Permissions management');
    expect(text).toContain('s3:PutObject');
    expect(actionHover('s3:Nope*', fakeCatalog)).toContain('matches no action');
  });
  it('says nothing about unknown actions', () => {
    expect(actionHover('s3:Nope', fakeCatalog)).toBeUndefined();
    expect(actionHover('nonsense', fakeCatalog)).toBeUndefined();
  });
});

describe('escapeMarkdown', () => {
  it('escapes Markdown syntax', () => {
    expect(escapeMarkdown('a *b* [c](d) `e`')).toBe('a \\*b\\* \\[c\\]\\(d\\) \\`e\\`');
  });
});
