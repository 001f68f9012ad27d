import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonEqual, objectFromEntries } from './json';
import type { JsonValue } from './model';

describe('jsonEqual', () => {
  it('compares by content, member order included', () => {
    expect(jsonEqual({ Action: ['s3:GetObject'], Effect: 'Allow' }, { Action: ['s3:GetObject'], Effect: 'Allow' })).toBe(true);
    expect(jsonEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(jsonEqual(['a'], { 0: 'a' })).toBe(false);
    expect(jsonEqual(null, {})).toBe(false);
    expect(jsonEqual(undefined, undefined)).toBe(true);
    expect(jsonEqual(undefined, null)).toBe(false);
    expect(jsonEqual(objectFromEntries([['__proto__', 1]]), objectFromEntries([['__proto__', 1]]))).toBe(true);
    expect(jsonEqual(objectFromEntries([['__proto__', 1]]), {})).toBe(false);
  });

  it('agrees with comparing JSON.stringify texts (2,000 random pairs)', () => {
    const value = fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<JsonValue>;
    fc.assert(
      fc.property(value, value, fc.boolean(), (a, b, same) => {
        const other = same ? (JSON.parse(JSON.stringify(a)) as JsonValue) : b;
        expect(jsonEqual(a, other)).toBe(JSON.stringify(a) === JSON.stringify(other));
      }),
      { numRuns: 2000 },
    );
  });
});
