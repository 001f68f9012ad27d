/**
 * RFC 6901 JSON pointers: "" is the whole document, "/Statement/0/Action" a value inside it.
 * Inside a segment "~" is written "~0" and "/" is written "~1".
 */

export type PointerSegment = string | number;

/** Escapes one segment: "~" → "~0", "/" → "~1". */
export function escapePointerSegment(segment: PointerSegment): string {
  const text = String(segment);
  if (!text.includes('~') && !text.includes('/')) return text;
  return text.replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * Unescapes one segment: "~1" → "/", "~0" → "~".
 * Returns undefined when the segment holds a "~" not followed by "0" or "1" (invalid per RFC 6901).
 */
export function unescapePointerSegment(segment: string): string | undefined {
  if (!segment.includes('~')) return segment;
  if (/~(?![01])/.test(segment)) return undefined;
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Appends segments to a pointer: joinPointer("/Statement", 0, "Action") → "/Statement/0/Action". */
export function joinPointer(base: string, ...segments: readonly PointerSegment[]): string {
  let result = base;
  for (const segment of segments) result += '/' + escapePointerSegment(segment);
  return result;
}

/** Builds a pointer from unescaped segments: toPointer(["Statement", 0]) → "/Statement/0". */
export function toPointer(segments: readonly PointerSegment[]): string {
  return joinPointer('', ...segments);
}

/**
 * Splits a pointer into unescaped segments: "/a~1b/0" → ["a/b", "0"]; "" → [].
 * Returns undefined for text that is not a JSON pointer (does not start with "/", or has a bad "~" escape).
 */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) return undefined;
  const result: string[] = [];
  for (const raw of pointer.slice(1).split('/')) {
    const segment = unescapePointerSegment(raw);
    if (segment === undefined) return undefined;
    result.push(segment);
  }
  return result;
}

/** The array index a segment names, or undefined ("0", "12"; not "01", "-1", "1.5", "-"). */
export function arrayIndexOf(segment: string): number | undefined {
  if (!/^(0|[1-9][0-9]*)$/.test(segment)) return undefined;
  const index = Number(segment);
  return Number.isSafeInteger(index) ? index : undefined;
}

/** The parent of a pointer ("/Statement/0/Action" → "/Statement/0"); undefined for "". */
export function parentPointer(pointer: string): string | undefined {
  if (pointer === '') return undefined;
  const slash = pointer.lastIndexOf('/');
  return slash < 0 ? undefined : pointer.slice(0, slash);
}
