/**
 * The location fragment as `&`-separated parameters (`#token=…&draft=…`).
 */

/** The fragment without the parameter `name` ("" when nothing is left, otherwise with its "#"). */
export function withoutHashParam(hash: string, name: string): string {
  const parts = hash
    .replace(/^#/, '')
    .split('&')
    .filter((part) => part.length > 0 && part !== name && !part.startsWith(`${name}=`));
  return parts.length > 0 ? `#${parts.join('&')}` : '';
}
