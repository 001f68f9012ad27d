import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { globIncludes, globMatches, globsIntersect, variablesAsWildcards } from './glob';

describe('globMatches', () => {
  it.each([
    ['s3:Get*', 's3:GetObject', true],
    ['s3:Get*', 's3:PutObject', false],
    ['s3:Get?bject', 's3:GetObject', true],
    ['*', 'anything', true],
    ['a.b', 'axb', false],
    ['arn:aws:s3:::b/*', 'arn:aws:s3:::b/x/y', true],
  ])('%s ~ %s = %s', (pattern, text, expected) => {
    expect(globMatches(pattern, text)).toBe(expected);
  });

  it('can ignore case', () => {
    expect(globMatches('S3:get*', 's3:GetObject', true)).toBe(true);
    expect(globMatches('S3:get*', 's3:GetObject')).toBe(false);
  });
});

describe('globsIntersect', () => {
  it.each([
    ['a*', '*b', true],
    ['a*c', 'ab*', true],
    ['a?c', 'a*d', false],
    ['log-group:?*:log-stream:?*', '*', true],
    ['log-group:?*:log-stream:?*', 'log-group:x', false],
    ['?*/?*', 'bucket/*', true],
    ['key/?*', ':*', false],
    ['', '*', true],
    ['', '?', false],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(globsIntersect(a, b)).toBe(expected);
    expect(globsIntersect(b, a)).toBe(expected);
  });

  it('agrees with matching when one side is literal', () => {
    const pattern = fc.stringMatching(/^[ab*?]{0,6}$/);
    const literal = fc.stringMatching(/^[ab]{0,6}$/);
    fc.assert(fc.property(pattern, literal, (p, text) => globsIntersect(p, text) === globMatches(p, text)));
  });

  it('finds a witness whenever it says yes', () => {
    // Replace each pattern's wildcards by every short literal and look for a common text.
    const texts = ['', 'a', 'b', 'aa', 'ab', 'ba', 'bb', 'aab', 'abb', 'bab', 'aaa', 'bbb', 'abab'];
    const pattern = fc.stringMatching(/^[ab*?]{0,4}$/);
    fc.assert(
      fc.property(pattern, pattern, (a, b) => {
        const witness = texts.some((text) => globMatches(a, text) && globMatches(b, text));
        if (witness) expect(globsIntersect(a, b)).toBe(true);
      }),
    );
  });
});

describe('globIncludes', () => {
  it.each([
    ['arn:aws:iam::1:role/jane*', 'arn:aws:iam::1:role/jane-admin', true],
    ['arn:aws:iam::1:role/jane*', 'arn:aws:iam::1:role/jane-*', true],
    ['arn:aws:iam::1:role/jane-*', 'arn:aws:iam::1:role/jane*', false],
    ['a?c', 'a*c', false],
    ['a*c', 'a?c', true],
    ['abc', 'abc', true],
    ['*', 'a*', true],
  ])('%s includes %s: %s', (outer, inner, expected) => {
    expect(globIncludes(outer, inner)).toBe(expected);
  });

  it('is sound: inclusion implies every sample of the inner pattern matches the outer', () => {
    const pattern = fc.stringMatching(/^[ab*?]{0,4}$/);
    const fill = fc.stringMatching(/^[ab]{0,3}$/);
    fc.assert(
      fc.property(pattern, pattern, fill, (outer, inner, filler) => {
        if (!globIncludes(outer, inner)) return;
        const sample = inner.replace(/\*/g, filler).replace(/\?/g, 'a');
        expect(globMatches(outer, sample)).toBe(true);
      }),
    );
  });
});

describe('variablesAsWildcards', () => {
  it('turns policy variables into wildcards', () => {
    expect(variablesAsWildcards('arn:aws:s3:::b/${aws:username}/*')).toBe('arn:aws:s3:::b/*/*');
    expect(variablesAsWildcards('no variables')).toBe('no variables');
  });
});
