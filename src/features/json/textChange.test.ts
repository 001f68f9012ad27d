import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textChange } from './textChange';

function apply(before: string, change: ReturnType<typeof textChange>): string {
  if (!change) return before;
  return before.slice(0, change.start) + change.text + before.slice(change.end);
}

describe('textChange', () => {
  it('is undefined for equal texts', () => {
    expect(textChange('abc', 'abc')).toBeUndefined();
  });
  it('replaces only the middle that differs', () => {
    expect(textChange('"Effect": "Allow"', '"Effect": "Deny"')).toEqual({ start: 11, end: 16, text: 'Deny' });
    expect(textChange('ab', 'abc')).toEqual({ start: 2, end: 2, text: 'c' });
    expect(textChange('abc', 'ac')).toEqual({ start: 1, end: 2, text: '' });
  });
  it('keeps surrogate pairs whole', () => {
    const change = textChange('x\u{1F600}y', 'x\u{1F601}y');
    expect(change).toEqual({ start: 1, end: 3, text: '\u{1F601}' });
  });
  it('turns any text into any other', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(apply(a, textChange(a, b))).toBe(b);
      }),
    );
  });
});
