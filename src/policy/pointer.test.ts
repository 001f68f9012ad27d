import { describe, expect, it } from 'vitest';
import {
  arrayIndexOf,
  escapePointerSegment,
  joinPointer,
  parentPointer,
  parsePointer,
  toPointer,
  unescapePointerSegment,
} from './pointer';

describe('pointer', () => {
  it('escapes ~ before /', () => {
    expect(escapePointerSegment('a/b~c')).toBe('a~1b~0c');
    expect(escapePointerSegment('~1')).toBe('~01');
    expect(escapePointerSegment(3)).toBe('3');
    expect(escapePointerSegment('')).toBe('');
  });

  it('unescapes ~1 before ~0 (RFC 6901 order)', () => {
    expect(unescapePointerSegment('a~1b~0c')).toBe('a/b~c');
    expect(unescapePointerSegment('~01')).toBe('~1');
    expect(unescapePointerSegment('~2')).toBeUndefined();
    expect(unescapePointerSegment('a~')).toBeUndefined();
  });

  it('round-trips any segment', () => {
    for (const segment of ['', '/', '~', '~0', '~1', 'aws:SourceIp', 'arn:aws:s3:::b/*', '__proto__']) {
      expect(unescapePointerSegment(escapePointerSegment(segment))).toBe(segment);
    }
  });

  it('joins and parses', () => {
    expect(joinPointer('/Statement', 0, 'Condition', 'StringLike', 's3:prefix/x')).toBe(
      '/Statement/0/Condition/StringLike/s3:prefix~1x',
    );
    expect(toPointer([])).toBe('');
    expect(toPointer(['', 'a'])).toBe('//a');
    expect(parsePointer('')).toEqual([]);
    expect(parsePointer('/')).toEqual(['']);
    expect(parsePointer('/Statement/0/a~1b')).toEqual(['Statement', '0', 'a/b']);
    expect(parsePointer('Statement')).toBeUndefined();
    expect(parsePointer('/a~x')).toBeUndefined();
  });

  it('reads array indexes strictly', () => {
    expect(arrayIndexOf('0')).toBe(0);
    expect(arrayIndexOf('12')).toBe(12);
    for (const bad of ['01', '-1', '1.5', '-', '', ' 1', '1e3']) expect(arrayIndexOf(bad)).toBeUndefined();
  });

  it('finds the parent', () => {
    expect(parentPointer('/Statement/0/Action')).toBe('/Statement/0');
    expect(parentPointer('/Statement')).toBe('');
    expect(parentPointer('')).toBeUndefined();
  });
});
