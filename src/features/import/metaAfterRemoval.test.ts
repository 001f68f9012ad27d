import { describe, expect, it } from 'vitest';
import { metaAfterRemoval } from './metaAfterRemoval';

describe('metaAfterRemoval', () => {
  it('drops the removed statements notes and pads appended ones', () => {
    const a = { source: { policyName: 'A' } };
    const c = { collapsed: true };
    expect(metaAfterRemoval([a, undefined, c], new Set([1]))).toEqual([a, c]);
    expect(metaAfterRemoval([a, undefined, c], new Set([0]), 1)).toEqual([{}, c, {}]);
    expect(metaAfterRemoval([], new Set())).toEqual([]);
  });
});
