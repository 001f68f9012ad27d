import { describe, expect, it } from 'vitest';
import { toPolicyJson } from './json';
import { ECS_INPUT, TRICKY_INPUT } from './testing/policies';

describe('toPolicyJson', () => {
  it('writes the ECS seed policy pretty, with 4 spaces, as the console does', () => {
    const out = toPolicyJson(ECS_INPUT);
    expect(out.text).toBe(JSON.stringify(ECS_INPUT.document, null, 4) + '\n');
    expect(out.filename).toBe('EcsReadOnlyWithMfa.json');
    expect(out.mediaType).toBe('application/json');
    expect(out.notes).toEqual([]);
  });

  it('writes minified JSON with no whitespace outside strings', () => {
    const out = toPolicyJson(ECS_INPUT, { format: 'minified' });
    expect(out.text).toBe(JSON.stringify(ECS_INPUT.document) + '\n');
  });

  it('keeps key order, value types and escapes in the tricky policy', () => {
    for (const format of ['pretty', 'minified'] as const) {
      const text = toPolicyJson(TRICKY_INPUT, { format }).text;
      const back: unknown = JSON.parse(text);
      expect(back).toStrictEqual(TRICKY_INPUT.document);
      expect(JSON.stringify(back)).toBe(JSON.stringify(TRICKY_INPUT.document));
    }
  });

  it('makes a safe file name from any policy name', () => {
    expect(toPolicyJson({ ...ECS_INPUT, name: 'Tricky.Policy_v2' }).filename).toBe('Tricky.Policy_v2.json');
    expect(toPolicyJson({ ...ECS_INPUT, name: '../a b/c' }).filename).toBe('a-b-c.json');
    expect(toPolicyJson({ ...ECS_INPUT, name: '' }).filename).toBe('policy.json');
  });
});
