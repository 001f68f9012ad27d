import { describe, expect, it } from 'vitest';
import { AA_TEXT, contrastRatio } from '../common/contrast';
import { makeTheme } from '../../app/theme';
import { editorThemeData, paletteColors, tabHintText, toHexColor } from './editorTheme';

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

describe('editor text contrast', () => {
  for (const mode of ['light', 'dark'] as const) {
    it(`${mode}: line numbers and text are readable on the editor background (WCAG AA)`, () => {
      const data = editorThemeData(paletteColors(makeTheme(mode)));
      const bg = data.colors['editor.background'] ?? '';
      for (const key of ['editorLineNumber.foreground', 'editorLineNumber.activeForeground', 'editor.foreground'])
        expect(contrastRatio(data.colors[key] ?? '', bg), key).toBeGreaterThanOrEqual(AA_TEXT);
    });
  }
});

describe('tabHintText', () => {
  it("names Monaco's key for Tab focus mode on each platform", () => {
    expect(tabHintText(false, false)).toBe('Tab inserts a tab; press Ctrl+M (Ctrl+Shift+M on macOS) to move focus with Tab.');
    expect(tabHintText(false, true)).toBe('Tab inserts a tab; press Ctrl+Shift+M (Ctrl+M elsewhere) to move focus with Tab.');
    expect(tabHintText(true, false)).toBe(
      'Tab moves focus out of the editor; press Ctrl+M (Ctrl+Shift+M on macOS) to insert tabs again.',
    );
  });
});
