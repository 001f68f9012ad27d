import { describe, expect, it } from 'vitest';
import { contrastRatio, parseColor } from './contrast';

describe('parseColor', () => {
  it('reads hex and rgb forms', () => {
    expect(parseColor('#fff')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseColor('#00000080')?.a).toBeCloseTo(128 / 255);
    expect(parseColor('rgba(0, 0, 0, 0.6)')).toEqual({ r: 0, g: 0, b: 0, a: 0.6 });
    expect(parseColor('rgb(1 2 3 / 50%)')).toEqual({ r: 1, g: 2, b: 3, a: 0.5 });
    expect(parseColor('red')).toBeUndefined();
  });
});

describe('contrastRatio', () => {
  it('is 21 for black on white and 1 for a colour on itself', () => {
    expect(contrastRatio('#000', '#fff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#0b5cad', '#0b5cad')).toBeCloseTo(1, 5);
  });
  it('matches the figures axe-core reported (white on MUI warning, Monaco line numbers)', () => {
    expect(contrastRatio('#ffffff', '#ed6c02')).toBeCloseTo(3.11, 2);
    expect(contrastRatio('#949494', '#ffffff')).toBeCloseTo(3.03, 2);
  });
  it('blends a translucent foreground over the background', () => {
    // rgba(0,0,0,0.6) over white paints #666666
    expect(contrastRatio('rgba(0, 0, 0, 0.6)', '#ffffff')).toBeCloseTo(contrastRatio('#666666', '#ffffff'), 2);
  });
  it('refuses what it cannot read, and a translucent background', () => {
    expect(() => contrastRatio('red', '#fff')).toThrow(/not a colour/);
    expect(() => contrastRatio('#000', '#ffffff80')).toThrow(/opaque/);
  });
});
