import { describe, expect, it } from 'vitest';
import type { Finding } from '../../policy/model';
import { findingMarkers } from './findingMarkers';

const range = { offset: 0, length: 3, line: 2, column: 5, endLine: 2, endColumn: 8 };

describe('findingMarkers', () => {
  it('maps the four severities in order and keeps message, code and range', () => {
    const findings: Finding[] = (['error', 'security', 'warning', 'suggestion'] as const).map((severity) => ({
      severity,
      code: `c-${severity}`,
      message: `m ${severity}`,
      pointer: '/Statement/0',
      range,
    }));
    const markers = findingMarkers(findings);
    expect(markers.map((m) => m.level)).toEqual(['error', 'warning', 'info', 'hint']);
    expect(markers[0]).toEqual({
      level: 'error',
      code: 'c-error',
      message: 'm error',
      startLineNumber: 2,
      startColumn: 5,
      endLineNumber: 2,
      endColumn: 8,
    });
  });
  it('leaves out findings without a place in the text', () => {
    expect(findingMarkers([{ severity: 'error', code: 'x', message: 'x', pointer: '' }])).toEqual([]);
  });
  it('marks a finding about the whole document (over the size quota) on its first character only', () => {
    const whole = { offset: 0, length: 900, line: 1, column: 1, endLine: 40, endColumn: 2 };
    const [marker] = findingMarkers([
      { severity: 'error', code: 'policy-size-exceeds-identity-policy-quota', message: 'over', pointer: '', range: whole },
    ]);
    expect(marker).toMatchObject({ startLineNumber: 1, startColumn: 1, endLineNumber: 1, endColumn: 2 });
  });
});
