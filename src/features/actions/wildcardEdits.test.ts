import { beforeAll, describe, expect, it } from 'vitest';
import type { ActionSummary, CatalogView } from '../../catalog/catalog';
import { loadCatalogFromDisk } from '../../catalog/node';
import { expandActions } from '../../policy/expand';
import {
  allBut,
  exactEntries,
  levelChoice,
  listSize,
  patternMatches,
  replaceByActions,
  writeLevelWildcards,
} from './wildcardEdits';

let catalog: CatalogView;
let medialive: readonly ActionSummary[];
let ecs: readonly ActionSummary[];
beforeAll(async () => {
  catalog = (await loadCatalogFromDisk()).view;
  medialive = catalog.service('medialive')?.actions ?? [];
  ecs = catalog.service('ecs')?.actions ?? [];
});

/** The catalog actions a list grants, as sorted lower-case keys. */
function granted(values: readonly string[]): string[] {
  return expandActions(values, catalog)
    .map((a) => `${a.service}:${a.name}`.toLowerCase())
    .sort();
}

describe('patternMatches and replaceByActions', () => {
  it('lists what a wildcard matches today and names them one by one', () => {
    const matches = patternMatches('medialive:List*', 'medialive', medialive).map((a) => a.name);
    expect(matches).toContain('ListAlerts');
    expect(matches.every((name) => name.startsWith('List'))).toBe(true);
    const next = replaceByActions(
      ['medialive:List*', 'medialive:DescribeChannel'],
      'medialive',
      medialive,
      'medialive:List*',
    );
    expect(next).toHaveLength(matches.length + 1);
    expect(next.some((v) => v.includes('*'))).toBe(false);
    expect(granted(next)).toEqual(granted(['medialive:List*', 'medialive:DescribeChannel']));
  });
  it('does not repeat names another entry already includes', () => {
    const next = replaceByActions(['ecs:List*', 'ecs:ListC*'], 'ecs', ecs, 'ecs:List*');
    expect(next.filter((v) => v.toLowerCase().startsWith('ecs:listc') && !v.includes('*'))).toEqual([]);
    expect(granted(next)).toEqual(granted(['ecs:List*']));
  });
});

describe('allBut', () => {
  it('removes one action from a wildcard and grants exactly the others', () => {
    const before = ['medialive:DescribeChannel', 'medialive:List*'];
    const result = allBut(before, 'medialive', medialive, 'medialive:List*', 'ListAlerts', catalog);
    expect(result.stillIncludedBy).toBeUndefined();
    const expected = granted(before).filter((key) => key !== 'medialive:listalerts');
    expect(granted(result.values)).toEqual(expected);
    expect(result.values).not.toContain('medialive:List*');
    expect(result.values).toContain('medialive:DescribeChannel');
    // shorter than naming every other List action
    const others = patternMatches('medialive:List*', 'medialive', medialive).length - 1;
    expect(result.replacement.length).toBeLessThan(others);
    expect(result.replacement.every((entry) => entry.startsWith('medialive:List'))).toBe(true);
  });
  it('says so when another entry still includes the action', () => {
    const result = allBut(
      ['s3:Get*', 's3:GetObject*'],
      's3',
      catalog.service('s3')?.actions ?? [],
      's3:Get*',
      'GetObject',
      catalog,
    );
    expect(result.stillIncludedBy).toBe('s3:GetObject*');
  });
  it('leaves a single remaining action as its name', () => {
    const two = ecs.filter((a) => a.name === 'RunTask' || a.name === 'RegisterTaskDefinition').length;
    expect(two).toBe(2);
    const result = allBut(['ecs:R*'], 'ecs', ecs, 'ecs:R*', 'RunTask', catalog);
    expect(granted(result.values)).toEqual(granted(['ecs:R*']).filter((key) => key !== 'ecs:runtask'));
  });
});

describe('exactEntries', () => {
  it('never reaches an action outside the names', () => {
    const names = patternMatches('medialive:List*', 'medialive', medialive)
      .filter((a) => a.name !== 'ListChannels')
      .map((a) => `medialive:${a.name}`);
    const entries = exactEntries(names, catalog);
    expect(granted(entries)).toEqual(granted(names));
    expect(listSize(entries)).toBeLessThan(listSize(names));
  });
});

describe('levelChoice', () => {
  it('offers the explicit list and a shorter level-safe wildcard set, with their sizes', () => {
    const choice = levelChoice('List', 'ecs', ecs, catalog);
    expect(choice).toBeDefined();
    if (!choice) return;
    const list = ecs.filter((a) => a.accessLevel === 'List').map((a) => `ecs:${a.name}`);
    expect(choice.explicit).toHaveLength(list.length);
    expect(choice.explicitSize).toBe(JSON.stringify(choice.explicit).length);
    expect(choice.wildcardSize).toBe(JSON.stringify(choice.wildcards).length);
    expect(choice.wildcardSize).toBeLessThan(choice.explicitSize);
    // exact today, and each wildcard matches List actions only
    expect(granted(choice.wildcards)).toEqual(granted(list));
    for (const wildcard of choice.wildcards) {
      const levels = new Set(expandActions([wildcard], catalog).map((a) => a.accessLevel));
      expect([...levels]).toEqual(['List']);
    }
  });
  it('writes the level as its wildcards and keeps the other entries', () => {
    const choice = levelChoice('List', 'ecs', ecs, catalog);
    if (!choice) throw new Error('no choice');
    const values = [...choice.explicit, 'ecs:RunTask'];
    const next = writeLevelWildcards(values, 'ecs', ecs, choice);
    expect(next).toContain('ecs:RunTask');
    expect(next.filter((v) => v !== 'ecs:RunTask').sort()).toEqual([...choice.wildcards].sort());
    expect(granted(next)).toEqual(granted(values));
  });
});
