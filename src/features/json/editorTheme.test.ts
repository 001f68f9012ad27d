import { describe, expect, it } from 'vitest';
import { editorThemeData, toHexColor } from './editorTheme';

describe('toHexColor', () => {
  it('reads the forms MUI palettes use', () => {
    expect(toHexColor('#0b5cad')).toBe('#0b5cad');
    expect(toHexColor('#FFF')).toBe('#ffffff');
    expect(toHexColor('rgba(0, 0, 0, 0.87)')).toBe('#000000de');
    expect(toHexColor('rgb(255, 255, 255)')).toBe('#ffffff');
    expect(toHexColor('#11223380')).toBe('#11223380');
  });
  it('applies an extra alpha', () => {
    expect(toHexColor('#0b5cad', 0.5)).toBe('#0b5cad80');
  });
  it('is undefined for what it does not know', () => {
    expect(toHexColor('hsl(0, 0%, 0%)')).toBeUndefined();
    expect(toHexColor('red')).toBeUndefined();
  });
});

describe('editorThemeData', () => {
  it('builds a light or dark theme with hex colors only', () => {
    const palette = {
      background: '#ffffff',
      text: 'rgba(0, 0, 0, 0.87)',
      secondaryText: 'rgba(0, 0, 0, 0.6)',
      divider: 'rgba(0, 0, 0, 0.12)',
      primary: '#0b5cad',
      keyColor: '#0b5cad',
      stringColor: '#1b5e20',
      numberColor: '#b45309',
      keywordColor: '#01579b',
      error: '#d32f2f',
      warning: '#ed6c02',
      info: '#0288d1',
    };
    const light = editorThemeData({ mode: 'light', ...palette });
    expect(light.base).toBe('vs');
    expect(editorThemeData({ mode: 'dark', ...palette }).base).toBe('vs-dark');
    for (const value of Object.values(light.colors)) expect(value).toMatch(/^#[0-9a-f]{6}([0-9a-f]{2})?$/);
    for (const rule of light.rules) expect(rule.foreground).toMatch(/^[0-9a-f]{6}$/);
  });
});
