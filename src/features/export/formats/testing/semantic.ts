/**
 * Equality of policy documents as IAM reads them, for exporters whose targets normalize (CDK turns
 * one-element lists into strings, removes repeats and writes keys in its own order): key order is
 * ignored, a one-element list equals its element, lists of scalars are sets, and empty objects and
 * lists count as absent.
 */

function normalize(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(normalize);
    const scalars = items.every((item) => item === null || typeof item !== 'object');
    const list = scalars
      ? [...new Map(items.map((item) => [JSON.stringify(item), item])).entries()]
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([, item]) => item)
      : items;
    return list.length === 1 ? list[0] : list;
  }
  if (typeof value === 'object' && value !== null) {
    const result: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const child = normalize((value as Record<string, unknown>)[key]);
      const empty =
        child === undefined ||
        (Array.isArray(child) && child.length === 0) ||
        (typeof child === 'object' &&
          child !== null &&
          !Array.isArray(child) &&
          Object.keys(child).length === 0);
      if (!empty)
        Object.defineProperty(result, key, {
          value: child,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
    return result;
  }
  return value;
}

export function semanticallyEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(normalize(a)) === JSON.stringify(normalize(b));
}

export { normalize as normalizeForComparison };
