/**
 * WCAG 2 contrast between two colours, for checking the app's palettes in unit tests and for
 * choosing a readable text colour. Pure: "#rgb", "#rrggbb", "#rrggbbaa", "rgb()" and "rgba()" in.
 */

interface Rgba {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly a: number;
}

/** Parses the CSS colour forms MUI palettes and Monaco themes use; undefined for anything else. */
export function parseColor(css: string): Rgba | undefined {
  const value = css.trim().toLowerCase();
  const short = /^#([0-9a-f]{3,4})$/.exec(value);
  if (short) {
    const d = short[1] ?? '';
    const at = (i: number) => parseInt(d.charAt(i).repeat(2), 16);
    return { r: at(0), g: at(1), b: at(2), a: d.length === 4 ? at(3) / 255 : 1 };
  }
  const long = /^#([0-9a-f]{6}|[0-9a-f]{8})$/.exec(value);
  if (long) {
    const d = long[1] ?? '';
    const at = (i: number) => parseInt(d.slice(i, i + 2), 16);
    return { r: at(0), g: at(2), b: at(4), a: d.length === 8 ? at(6) / 255 : 1 };
  }
  const fn = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+%?))?\s*\)$/.exec(value);
  if (fn) {
    const alpha = fn[4];
    return {
      r: Number(fn[1]),
      g: Number(fn[2]),
      b: Number(fn[3]),
      a: alpha === undefined ? 1 : alpha.endsWith('%') ? Number(alpha.slice(0, -1)) / 100 : Number(alpha),
    };
  }
  return undefined;
}

function channel(c: number): number {
  const s = c / 255;
  return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
}

function luminance({ r, g, b }: Rgba): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** `top` drawn over the opaque `bottom`. */
function over(top: Rgba, bottom: Rgba): Rgba {
  return {
    r: top.r * top.a + bottom.r * (1 - top.a),
    g: top.g * top.a + bottom.g * (1 - top.a),
    b: top.b * top.a + bottom.b * (1 - top.a),
    a: 1,
  };
}

/**
 * The contrast ratio (1 to 21) of text in `foreground` on an opaque `background`; a translucent
 * foreground is blended over the background first, as the browser paints it.
 */
export function contrastRatio(foreground: string, background: string): number {
  const bg = parseColor(background);
  const fg = parseColor(foreground);
  if (!bg || !fg) throw new Error(`not a colour: ${bg ? foreground : background}`);
  if (bg.a < 1) throw new Error(`the background must be opaque: ${background}`);
  const a = luminance(over(fg, bg));
  const b = luminance(bg);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** WCAG AA for normal text. */
export const AA_TEXT = 4.5;
