import { describe, expect, it } from 'vitest';
import { fitTarget, mergedAway } from './fitTarget';

describe('fitTarget', () => {
  it('splits managed policies by their own quota, inline ones into managed parts, never trust policies', () => {
    expect(fitTarget('managed')).toEqual({ quota: 6144, partQuota: 6144 });
    expect(fitTarget('inline-role')).toMatchObject({ quota: 10240, partQuota: 6144 });
    expect(fitTarget('inline-user').note).toMatch(/inline policies of one user share a single quota/);
    expect(fitTarget('trust')).toMatchObject({ quota: 2048, partQuota: undefined });
  });
});

describe('mergedAway', () => {
  it('collects the merged statements', () => {
    expect([
      ...mergedAway([
        { kind: 'merge', statementIndex: 0, merged: [2, 4] },
        { kind: 'actions', statementIndex: 1, key: 'Action', before: [], after: [] },
        { kind: 'merge', statementIndex: 1, merged: [3] },
      ]),
    ]).toEqual([2, 4, 3]);
  });
});
