import { describe, expect, it } from 'vitest';
import { AA_TEXT, contrastRatio } from '../features/common/contrast';
import { makeTheme } from './theme';

describe('makeTheme', () => {
  for (const mode of ['light', 'dark'] as const) {
    const { palette } = makeTheme(mode);
    it(`${mode}: filled chips and buttons have readable text (the sandbox badge is a filled warning chip)`, () => {
      for (const color of [palette.primary, palette.secondary, palette.warning, palette.error, palette.success, palette.info])
        expect(contrastRatio(color.contrastText, color.main)).toBeGreaterThanOrEqual(AA_TEXT);
    });
    it(`${mode}: text and primary text on both backgrounds`, () => {
      for (const bg of [palette.background.default, palette.background.paper]) {
        expect(contrastRatio(palette.text.primary, bg)).toBeGreaterThanOrEqual(AA_TEXT);
        expect(contrastRatio(palette.text.secondary, bg)).toBeGreaterThanOrEqual(AA_TEXT);
        expect(contrastRatio(palette.primary.main, bg)).toBeGreaterThanOrEqual(AA_TEXT);
      }
    });
    it(`${mode}: keyboard focus draws a ring on every button-like control`, () => {
      const overrides = makeTheme(mode).components?.MuiButtonBase?.styleOverrides?.root;
      expect(JSON.stringify(overrides)).toContain('Mui-focusVisible');
      expect(JSON.stringify(overrides)).toContain(`2px solid ${palette.primary.main}`);
    });
  }
});
