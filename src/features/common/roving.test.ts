import { describe, expect, it } from 'vitest';
import { nextStop, resolveStop, ROVING_KEYS } from './roving';

const all = () => true;
/** rows 2 and 3 cannot take focus */
const gaps = (i: number) => i !== 2 && i !== 3;

describe('nextStop', () => {
  it('moves one row with the arrows and stops at the ends', () => {
    expect(nextStop(0, 'ArrowDown', 5, all)).toBe(1);
    expect(nextStop(4, 'ArrowDown', 5, all)).toBeUndefined();
    expect(nextStop(1, 'ArrowUp', 5, all)).toBe(0);
    expect(nextStop(0, 'ArrowUp', 5, all)).toBeUndefined();
  });
  it('skips rows that cannot take focus', () => {
    expect(nextStop(1, 'ArrowDown', 6, gaps)).toBe(4);
    expect(nextStop(4, 'ArrowUp', 6, gaps)).toBe(1);
  });
  it('Home and End go to the first and last rows that can take focus', () => {
    expect(nextStop(3, 'Home', 6, (i) => i > 0)).toBe(1);
    expect(nextStop(0, 'End', 6, (i) => i < 5)).toBe(4);
  });
  it('Page Down and Page Up move by a page, to the nearest row that can take focus', () => {
    expect(nextStop(0, 'PageDown', 100, all)).toBe(10);
    expect(nextStop(95, 'PageDown', 100, all)).toBe(99);
    expect(nextStop(0, 'PageDown', 100, (i) => i === 0 || i === 12)).toBe(12);
    // nothing after the page: the last one before it, but never backwards past the start
    expect(nextStop(0, 'PageDown', 100, (i) => i === 0 || i === 4)).toBe(4);
    expect(nextStop(50, 'PageUp', 100, all)).toBe(40);
    expect(nextStop(3, 'PageUp', 100, all)).toBe(0);
    expect(nextStop(0, 'PageDown', 100, (i) => i === 0)).toBeUndefined();
  });
  it('ignores other keys', () => {
    expect(nextStop(0, 'Tab', 5, all)).toBeUndefined();
    expect(nextStop(0, 'a', 5, all)).toBeUndefined();
    expect([...ROVING_KEYS].every((k) => nextStop(2, k, 5, all) !== undefined)).toBe(true);
  });
});

describe('resolveStop', () => {
  it('keeps the active row when it can take focus', () => {
    expect(resolveStop(3, 5, all)).toBe(3);
  });
  it('moves to the nearest row after, else before, and clamps to the list', () => {
    expect(resolveStop(2, 6, gaps)).toBe(4);
    expect(resolveStop(4, 5, (i) => i < 2)).toBe(1);
    expect(resolveStop(99, 5, all)).toBe(4);
  });
  it('is undefined for an empty list or one where nothing can take focus', () => {
    expect(resolveStop(0, 0, all)).toBeUndefined();
    expect(resolveStop(0, 5, () => false)).toBeUndefined();
  });
});
