import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLines, diffStats } from './lineDiff';

function apply(lines: ReturnType<typeof diffLines>): { old: string[]; next: string[] } {
  return {
    old: lines.filter((l) => l.kind !== 'added').map((l) => l.text),
    next: lines.filter((l) => l.kind !== 'removed').map((l) => l.text),
  };
}

describe('diffLines', () => {
  it('marks added and removed lines with their line numbers', () => {
    const lines = diffLines('a\nb\nc\n', 'a\nB\nc\nd');
    expect(lines).toEqual([
      { kind: 'same', text: 'a', oldLine: 1, newLine: 1 },
      { kind: 'removed', text: 'b', oldLine: 2 },
      { kind: 'added', text: 'B', newLine: 2 },
      { kind: 'same', text: 'c', oldLine: 3, newLine: 3 },
      { kind: 'added', text: 'd', newLine: 4 },
    ]);
    expect(diffStats(lines)).toEqual({ added: 2, removed: 1 });
  });

  it('says nothing changed for equal texts, and handles empty ones', () => {
    expect(diffStats(diffLines('x\ny', 'x\ny'))).toEqual({ added: 0, removed: 0 });
    expect(diffLines('', 'a')).toEqual([{ kind: 'added', text: 'a', newLine: 1 }]);
    expect(diffLines('a', '')).toEqual([{ kind: 'removed', text: 'a', oldLine: 1 }]);
  });

  it('always reproduces both texts and finds a minimal diff', () => {
    const line = fc.constantFrom('{', '}', '"a": 1,', '"b": 2,', '"Action": "s3:*"', ']');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), fc.array(line, { maxLength: 30 }), (a, b) => {
        const lines = diffLines(a.join('\n'), b.join('\n'));
        const { old, next } = apply(lines);
        expect(old).toEqual(a);
        expect(next).toEqual(b);
        const same = lines.filter((l) => l.kind === 'same').length;
        // an LCS is at least as long as any common subsequence, e.g. the common prefix
        let prefix = 0;
        while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
        expect(same).toBeGreaterThanOrEqual(prefix);
      }),
    );
  });
});
