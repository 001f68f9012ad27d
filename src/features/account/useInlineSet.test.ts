import { describe, expect, it } from 'vitest';
import { inlineFits, inlineQuota } from './useInlineSet';

const part = (size: number) => ({ name: 'P', document: {}, size });

describe('the inline alternative for a set', () => {
  it('takes the quotas of inline policies from IAM: a user 2,048, a group 5,120, a role 10,240 characters', () => {
    expect(inlineQuota('user')).toBe(2048);
    expect(inlineQuota('group')).toBe(5120);
    expect(inlineQuota('role')).toBe(10240);
  });

  it('fits when the parts together are within the quota of every target', () => {
    const parts = [part(6000), part(4240)];
    expect(inlineFits(parts, [{ kind: 'role', name: 'cloudcraft' }])).toBe(true);
    expect(inlineFits([...parts, part(1)], [{ kind: 'role', name: 'cloudcraft' }])).toBe(false);
    expect(inlineFits(parts, [{ kind: 'role', name: 'cloudcraft' }, { kind: 'group', name: 'Developers' }])).toBe(false);
    expect(inlineFits([part(2048)], [{ kind: 'user', name: 'alice' }])).toBe(true);
    expect(inlineFits(parts, [])).toBe(false);
  });
});
