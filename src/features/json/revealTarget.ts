/**
 * Which permission block a finding belongs to, from its JSON pointer: "/Statement/2/Action/0" is
 * block 3 (0-based index 2); "/Statement/Effect" (a single statement object) is the first block.
 */
import { arrayIndexOf, parsePointer } from '../../policy/pointer';

export function blockIndexOfPointer(pointer: string): number | undefined {
  const segments = parsePointer(pointer);
  if (!segments || segments[0] !== 'Statement') return undefined;
  const second = segments[1];
  if (second === undefined) return undefined;
  return arrayIndexOf(second) ?? 0;
}

/** The accessible name of a block's region, as Block.tsx gives it. */
export function blockRegionLabel(index: number): string {
  return `Permission block ${index + 1}`;
}
