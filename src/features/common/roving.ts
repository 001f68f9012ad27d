/**
 * Roving tab stop over a list of rows (WAI-ARIA's "roving tabindex"): the list is one Tab stop,
 * and the arrow keys, Home, End, Page Up and Page Down move between its rows. Rows that cannot
 * take focus (every control disabled) are skipped. Pure: rows are indexes; works for virtualized
 * lists, where most rows are not in the page.
 */

/** The keys that move between rows. */
export const ROVING_KEYS: ReadonlySet<string> = new Set(['ArrowDown', 'ArrowUp', 'Home', 'End', 'PageDown', 'PageUp']);

function scan(from: number, step: 1 | -1, count: number, canFocus: (i: number) => boolean): number | undefined {
  for (let i = from; i >= 0 && i < count; i += step) if (canFocus(i)) return i;
  return undefined;
}

/**
 * The row that holds the tab stop: `active` when it can take focus, else the nearest one after
 * it, else before it; undefined when no row can.
 */
export function resolveStop(active: number, count: number, canFocus: (i: number) => boolean): number | undefined {
  if (count === 0) return undefined;
  const start = Math.max(0, Math.min(count - 1, active));
  return scan(start, 1, count, canFocus) ?? scan(start, -1, count, canFocus);
}

/**
 * Where `key` moves the focus from row `from`; undefined for a key that does not move it, or
 * when there is nowhere to go (the first row and ArrowUp: the focus stays).
 */
export function nextStop(
  from: number,
  key: string,
  count: number,
  canFocus: (i: number) => boolean,
  pageSize = 10,
): number | undefined {
  switch (key) {
    case 'ArrowDown':
      return scan(from + 1, 1, count, canFocus);
    case 'ArrowUp':
      return scan(from - 1, -1, count, canFocus);
    case 'Home':
      return scan(0, 1, count, canFocus);
    case 'End':
      return scan(count - 1, -1, count, canFocus);
    case 'PageDown': {
      const target = Math.min(count - 1, from + pageSize);
      return scan(target, 1, count, canFocus) ?? scan(target, -1, count, (i) => i > from && canFocus(i));
    }
    case 'PageUp': {
      const target = Math.max(0, from - pageSize);
      return scan(target, -1, count, canFocus) ?? scan(target, 1, count, (i) => i < from && canFocus(i));
    }
    default:
      return undefined;
  }
}
