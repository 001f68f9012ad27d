/**
 * Findings as editor markers: the validator's and the parser's findings (each located by a 1-based
 * range in the text) become squiggles in the JSON view. Pure; the Monaco glue maps the severity
 * names to MarkerSeverity.
 */
import type { Finding, Severity } from '../../policy/model';

export type MarkerLevel = 'error' | 'warning' | 'info' | 'hint';

/** The four finding severities onto Monaco's four marker severities, in the same order. */
export const MARKER_LEVELS: Readonly<Record<Severity, MarkerLevel>> = {
  error: 'error',
  security: 'warning',
  warning: 'info',
  suggestion: 'hint',
};

export interface FindingMarker {
  readonly level: MarkerLevel;
  readonly message: string;
  readonly code: string;
  readonly startLineNumber: number;
  readonly startColumn: number;
  readonly endLineNumber: number;
  readonly endColumn: number;
}

/**
 * Markers for the findings that have a place in the text; the others are only in the Findings tab.
 * A finding about the whole document (pointer "", e.g. the policy is over its size quota) marks the
 * document's first character only, not every line of it (the size meter shows it too).
 */
export function findingMarkers(findings: readonly Finding[]): FindingMarker[] {
  const markers: FindingMarker[] = [];
  for (const f of findings) {
    const r = f.range;
    if (!r) continue;
    const wholeDocument = f.pointer === '' && r.endLine > r.line;
    markers.push({
      level: MARKER_LEVELS[f.severity],
      message: f.message,
      code: f.code,
      startLineNumber: r.line,
      startColumn: r.column,
      endLineNumber: wholeDocument ? r.line : r.endLine,
      endColumn: wholeDocument ? r.column + 1 : r.endColumn,
    });
  }
  return markers;
}
