import { describe, expect, it } from 'vitest';
import { blockIndexOfPointer, blockRegionLabel } from './revealTarget';

describe('blockIndexOfPointer', () => {
  it('reads the statement index', () => {
    expect(blockIndexOfPointer('/Statement/2/Action/0')).toBe(2);
    expect(blockIndexOfPointer('/Statement/0')).toBe(0);
  });
  it('is the first block for a single statement object', () => {
    expect(blockIndexOfPointer('/Statement/Effect')).toBe(0);
  });
  it('is undefined outside statements', () => {
    expect(blockIndexOfPointer('')).toBeUndefined();
    expect(blockIndexOfPointer('/Version')).toBeUndefined();
    expect(blockIndexOfPointer('/Statement')).toBeUndefined();
  });
  it('names the block region as Block.tsx does', () => {
    expect(blockRegionLabel(2)).toBe('Permission block 3');
  });
});
