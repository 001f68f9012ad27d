import { describe, expect, it } from 'vitest';
import { compileTemplate, LITERAL_STAR, patternMatch, resolveTemplate } from './variables';

const lookup = (context: Record<string, string | string[]>) => {
  const folded = new Map(
    Object.entries(context).map(([k, v]) => [k.toLowerCase(), typeof v === 'string' ? [v] : v]),
  );
  return (key: string) => folded.get(key);
};

describe('policy variables', () => {
  it('keeps text without variables constant', () => {
    expect(compileTemplate('arn:aws:s3:::b/*', true).constant).toBe('arn:aws:s3:::b/*');
    expect(compileTemplate('b/${aws:username}', false).constant).toBe('b/${aws:username}');
  });

  it('substitutes values, case-insensitive keys, and defaults', () => {
    const t = compileTemplate("home/${AWS:UserName}/${aws:PrincipalTag/team, 'shared'}", true);
    expect(resolveTemplate(t, lookup({ 'aws:username': 'ana' }), false)).toBe('home/ana/shared');
    expect(resolveTemplate(t, lookup({ 'aws:username': 'ana', 'aws:principaltag/team': 'dev' }), false)).toBe(
      'home/ana/dev',
    );
    expect(resolveTemplate(t, lookup({}), false)).toBeNull();
  });

  it('gives a multivalued key no value', () => {
    expect(
      resolveTemplate(compileTemplate('${aws:TagKeys}', true), lookup({ 'aws:TagKeys': ['a', 'b'] }), false),
    ).toBeNull();
  });

  it('writes escapes as literal characters, which patterns match literally', () => {
    const t = compileTemplate('a${*}b${?}c${$}', true);
    expect(resolveTemplate(t, lookup({}), false)).toBe('a*b?c$');
    const pattern = resolveTemplate(t, lookup({}), true) ?? '';
    expect(pattern.startsWith(`a${LITERAL_STAR}`)).toBe(true);
    expect(patternMatch(pattern, 'a*b?c$')).toBe(true);
    expect(patternMatch(pattern, 'axbyc$')).toBe(false);
  });

  it('makes substituted values literal in patterns while the policy wildcards stay', () => {
    const pattern =
      resolveTemplate(
        compileTemplate('${aws:PrincipalTag/p}/*', true),
        lookup({ 'aws:PrincipalTag/p': 'a*' }),
        true,
      ) ?? '';
    expect(patternMatch(pattern, 'a*/x/y')).toBe(true);
    expect(patternMatch(pattern, 'abc/x')).toBe(false);
  });

  it('leaves malformed variables as text', () => {
    expect(compileTemplate('${}', true).constant).toBe('${}');
    expect(compileTemplate('${aws:username, none}', true).constant).toBe('${aws:username, none}');
    expect(compileTemplate('${aws:username', true).constant).toBe('${aws:username');
  });

  it('matches in linear time on adversarial patterns', () => {
    const pattern = `${'*a'.repeat(200)}b`;
    const t0 = performance.now();
    expect(patternMatch(pattern, 'a'.repeat(20_000))).toBe(false);
    expect(performance.now() - t0).toBeLessThan(2_000);
  });
});
