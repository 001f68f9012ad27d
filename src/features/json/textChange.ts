/**
 * The smallest single replacement that turns one text into another: the common prefix and suffix
 * stay, the middle is replaced. Applying a visual edit or an undo this way keeps the JSON view's
 * cursor, selection and scroll where they were outside the changed part.
 */
export interface TextChange {
  /** offset in the old text where the replaced part starts */
  readonly start: number;
  /** offset in the old text where it ends (exclusive) */
  readonly end: number;
  /** what replaces it */
  readonly text: string;
}

/** undefined when the texts are equal. */
export function textChange(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  const max = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < max && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  // keep surrogate pairs whole
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;
  let suffix = 0;
  const maxSuffix = max - prefix;
  while (
    suffix < maxSuffix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;
  return { start: prefix, end: before.length - suffix, text: after.slice(prefix, after.length - suffix) };
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}
