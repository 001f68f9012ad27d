/**
 * The JSON view's Monaco theme, made from the MUI palette so the editor follows the app's light and
 * dark modes. Pure: palette colors in (any CSS hex or rgb()/rgba() form MUI uses), Monaco theme
 * data out (Monaco wants #rrggbb or #rrggbbaa).
 */
import type { Theme } from '@mui/material/styles';
import type { editor } from 'monaco-editor/editor';

export interface PaletteColors {
  readonly mode: 'light' | 'dark';
  readonly background: string;
  readonly text: string;
  readonly secondaryText: string;
  readonly divider: string;
  readonly primary: string;
  readonly keyColor: string;
  readonly stringColor: string;
  readonly numberColor: string;
  readonly keywordColor: string;
  readonly error: string;
  readonly warning: string;
  readonly info: string;
}

/** "#abc", "#aabbcc", "#aabbccdd", "rgb(1, 2, 3)", "rgba(1, 2, 3, 0.5)" → "#rrggbb" or "#rrggbbaa"; undefined otherwise. */
export function toHexColor(css: string, alpha?: number): string | undefined {
  const value = css.trim().toLowerCase();
  let r: number, g: number, b: number;
  let a = 1;
  let m = /^#([0-9a-f]{3,4})$/.exec(value);
  if (m) {
    const digits = m[1] as string;
    [r, g, b] = [0, 1, 2].map((i) => parseInt(digits.charAt(i).repeat(2), 16)) as [number, number, number];
    if (digits.length === 4) a = parseInt(digits.charAt(3).repeat(2), 16) / 255;
  } else if ((m = /^#([0-9a-f]{6}|[0-9a-f]{8})$/.exec(value))) {
    const digits = m[1] as string;
    [r, g, b] = [0, 2, 4].map((i) => parseInt(digits.slice(i, i + 2), 16)) as [number, number, number];
    if (digits.length === 8) a = parseInt(digits.slice(6, 8), 16) / 255;
  } else if (
    (m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(value))
  ) {
    [r, g, b] = [m[1], m[2], m[3]].map((v) => Math.round(Math.min(255, Number(v)))) as [
      number,
      number,
      number,
    ];
    if (m[4] !== undefined) a = m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
  } else {
    return undefined;
  }
  if (alpha !== undefined) a *= alpha;
  const hex = (n: number) =>
    Math.round(Math.max(0, Math.min(255, n)))
      .toString(16)
      .padStart(2, '0');
  return `#${hex(r)}${hex(g)}${hex(b)}${a < 1 ? hex(a * 255) : ''}`;
}

function hex(css: string, alpha?: number): string {
  return toHexColor(css, alpha) ?? (alpha === undefined ? '#808080' : '#80808040');
}

/** Without "#", for token rules. */
function tokenColor(css: string): string {
  return hex(css).slice(1, 7);
}

/** The MUI theme's colours the editor uses. */
export function paletteColors(theme: Theme): PaletteColors {
  const p = theme.palette;
  const dark = p.mode === 'dark';
  return {
    mode: p.mode,
    background: p.background.paper,
    text: p.text.primary,
    secondaryText: p.text.secondary,
    divider: p.divider,
    primary: p.primary.main,
    keyColor: p.primary.main,
    stringColor: dark ? p.success.light : p.success.dark,
    numberColor: p.secondary.main,
    keywordColor: dark ? p.info.light : p.info.dark,
    error: p.error.main,
    warning: p.warning.main,
    info: p.info.main,
  };
}

export function themeName(mode: 'light' | 'dark'): string {
  return `workbench-${mode}`;
}

export function editorThemeData(p: PaletteColors): editor.IStandaloneThemeData {
  return {
    base: p.mode === 'dark' ? 'vs-dark' : 'vs',
    inherit: true,
    rules: [
      { token: 'string.key.json', foreground: tokenColor(p.keyColor) },
      { token: 'string.value.json', foreground: tokenColor(p.stringColor) },
      { token: 'number.json', foreground: tokenColor(p.numberColor) },
      { token: 'keyword.json', foreground: tokenColor(p.keywordColor) },
      { token: 'delimiter', foreground: tokenColor(p.secondaryText) },
    ],
    colors: {
      'editor.background': hex(p.background),
      'editor.foreground': hex(p.text),
      // the secondary text colour as it is (4.5:1 or more); faded further it fell to 3.03:1
      'editorLineNumber.foreground': hex(p.secondaryText),
      'editorLineNumber.activeForeground': hex(p.text),
      'editorCursor.foreground': hex(p.primary),
      'editor.selectionBackground': hex(p.primary, p.mode === 'dark' ? 0.35 : 0.22),
      'editor.inactiveSelectionBackground': hex(p.primary, 0.12),
      'editor.lineHighlightBackground': hex(p.text, 0.04),
      'editor.lineHighlightBorder': hex(p.text, 0),
      'editorIndentGuide.background1': hex(p.divider),
      'editorWidget.background': hex(p.background),
      'editorWidget.border': hex(p.divider),
      'editorHoverWidget.background': hex(p.background),
      'editorHoverWidget.border': hex(p.divider),
      'editorSuggestWidget.background': hex(p.background),
      'editorSuggestWidget.border': hex(p.divider),
      'editorSuggestWidget.foreground': hex(p.text),
      'editorSuggestWidget.selectedBackground': hex(p.primary, 0.16),
      'editorSuggestWidget.selectedForeground': hex(p.text),
      'editorSuggestWidget.selectedIconForeground': hex(p.text),
      'editorSuggestWidget.highlightForeground': hex(p.primary),
      'editorSuggestWidget.focusHighlightForeground': hex(p.primary),
      'list.activeSelectionBackground': hex(p.primary, 0.16),
      'list.activeSelectionForeground': hex(p.text),
      'list.inactiveSelectionBackground': hex(p.primary, 0.1),
      'list.hoverBackground': hex(p.text, 0.06),
      'list.highlightForeground': hex(p.primary),
      'list.focusHighlightForeground': hex(p.primary),
      'editorError.foreground': hex(p.error),
      'editorWarning.foreground': hex(p.warning),
      'editorInfo.foreground': hex(p.info),
      'editorGutter.background': hex(p.background),
      focusBorder: hex(p.primary, 0.6),
      'scrollbarSlider.background': hex(p.secondaryText, 0.2),
      'scrollbarSlider.hoverBackground': hex(p.secondaryText, 0.35),
      'scrollbarSlider.activeBackground': hex(p.secondaryText, 0.5),
    },
  };
}

/**
 * The line under an editable editor: what Tab does now and the key that switches it (Monaco's
 * "Toggle Tab Key Moves Focus": Ctrl+M, and Ctrl+Shift+M on macOS, where Cmd+M minimizes).
 */
export function tabHintText(tabMovesFocus: boolean, mac: boolean): string {
  const key = mac ? 'Ctrl+Shift+M' : 'Ctrl+M';
  const other = mac ? 'Ctrl+M elsewhere' : 'Ctrl+Shift+M on macOS';
  return tabMovesFocus
    ? `Tab moves focus out of the editor; press ${key} (${other}) to insert tabs again.`
    : `Tab inserts a tab; press ${key} (${other}) to move focus with Tab.`;
}
