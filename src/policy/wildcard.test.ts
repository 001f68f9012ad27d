import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldCase, wildcardIncludes, wildcardMatch, wildcardsIntersect } from './wildcard';

/** A reference matcher: plain recursion with memo, obviously right and fine for short strings. */
function reference(pattern: string, text: string): boolean {
  const memo = new Map<string, boolean>();
  const go = (i: number, j: number): boolean => {
    const key = `${i},${j}`;
    const cached = memo.get(key);
    if (cached !== undefined) return cached;
    let result: boolean;
    if (i === pattern.length) result = j === text.length;
    else if (pattern[i] === '*') result = go(i + 1, j) || (j < text.length && go(i, j + 1));
    else result = j < text.length && (pattern[i] === '?' || pattern[i] === text[j]) && go(i + 1, j + 1);
    memo.set(key, result);
    return result;
  };
  return go(0, 0);
}

describe('wildcardMatch', () => {
  it('matches IAM wildcards over the whole string', () => {
    expect(wildcardMatch('s3:Get*', 's3:GetObject')).toBe(true);
    expect(wildcardMatch('s3:Get*', 'xs3:GetObject')).toBe(false);
    expect(wildcardMatch('s3:?etObject', 's3:GetObject')).toBe(true);
    expect(wildcardMatch('s3:?etObject', 's3:etObject')).toBe(false);
    expect(wildcardMatch('*', '')).toBe(true);
    expect(wildcardMatch('a*b*c', 'abc')).toBe(true);
    expect(wildcardMatch('a*b*c', 'acb')).toBe(false);
    expect(wildcardMatch('a*?b', 'ab')).toBe(false);
    expect(wildcardMatch('a*?b', 'axb')).toBe(true);
  });

  it('folds case only when asked', () => {
    expect(wildcardMatch('S3:get*', 's3:GetObject')).toBe(false);
    expect(wildcardMatch('S3:get*', 's3:GetObject', true)).toBe(true);
    expect(foldCase('İa')).toHaveLength(2);
  });

  it('agrees with a reference matcher on random input', () => {
    const unit = fc.constantFrom('a', 'b', '*', '?');
    const textUnit = fc.constantFrom('a', 'b', 'c');
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 12 }), fc.array(textUnit, { maxLength: 14 }), (p, t) => {
        const pattern = p.join('');
        const text = t.join('');
        expect(wildcardMatch(pattern, text)).toBe(reference(pattern, text));
      }),
      { numRuns: 20_000 },
    );
  });

  it('agrees with the reference on long segments holding ?', () => {
    const unit = fc.constantFrom('a', 'b', '?', '?', 'a');
    fc.assert(
      fc.property(fc.array(unit, { minLength: 30, maxLength: 80 }), fc.array(fc.constantFrom('a', 'b'), { maxLength: 200 }), (p, t) => {
        const pattern = `*${p.join('')}*`;
        const text = t.join('');
        expect(wildcardMatch(pattern, text)).toBe(reference(pattern, text));
      }),
      { numRuns: 2_000 },
    );
  });

  it('never backtracks: adversarial patterns finish at once', () => {
    const started = performance.now();
    expect(wildcardMatch(`s3:${'*?'.repeat(5000)}_`, `s3:${'a'.repeat(20_000)}`)).toBe(false);
    expect(wildcardMatch(`*${'a?'.repeat(2000)}b*`, 'a'.repeat(50_000))).toBe(false);
    expect(wildcardMatch(`*${'a'.repeat(40_000)}b`, 'a'.repeat(100_000))).toBe(false);
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe('wildcardIncludes', () => {
  it('covers literal and wildcard inner patterns', () => {
    expect(wildcardIncludes('s3:*', 's3:Get*')).toBe(true);
    expect(wildcardIncludes('s3:Get*', 's3:*')).toBe(false);
    expect(wildcardIncludes('s3:Get?bject', 's3:Get*')).toBe(false);
    expect(wildcardIncludes('s3:Get?bject', 's3:Get?bject')).toBe(true);
    expect(wildcardIncludes('s3:Get*', 's3:Get?bject')).toBe(true);
    expect(wildcardIncludes('arn:aws:s3:::b/*', 'arn:aws:s3:::b/x/*')).toBe(true);
    expect(wildcardIncludes('arn:aws:s3:::b/?', 'arn:aws:s3:::b/*')).toBe(false);
  });

  it('is sound: an included pattern never matches a text the outer does not', () => {
    const unit = fc.constantFrom('a', 'b', '*', '?');
    fc.assert(
      fc.property(
        fc.array(unit, { maxLength: 8 }),
        fc.array(unit, { maxLength: 8 }),
        fc.array(fc.constantFrom('a', 'b'), { maxLength: 10 }),
        (o, i, t) => {
          const outer = o.join('');
          const inner = i.join('');
          const text = t.join('');
          if (wildcardIncludes(outer, inner) && reference(inner, text)) expect(reference(outer, text)).toBe(true);
        },
      ),
      { numRuns: 20_000 },
    );
  });
});

describe('wildcardsIntersect', () => {
  it('finds a common text when there is one', () => {
    expect(wildcardsIntersect('a*', '*b')).toBe(true);
    expect(wildcardsIntersect('a?', 'b*')).toBe(false);
    expect(wildcardsIntersect('arn:aws:s3:::*/*', 'arn:aws:s3:::bucket')).toBe(false);
  });
});
