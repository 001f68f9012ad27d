import type { Severity } from '../../policy/model';

export const SEVERITY_ORDER: readonly Severity[] = ['error', 'security', 'warning', 'suggestion'];

export const SEVERITY_LABELS: Readonly<Record<Severity, { one: string; many: string; color: 'error' | 'warning' | 'info' | 'default' }>> = {
  error: { one: 'error', many: 'errors', color: 'error' },
  security: { one: 'security warning', many: 'security warnings', color: 'warning' },
  warning: { one: 'warning', many: 'warnings', color: 'info' },
  suggestion: { one: 'suggestion', many: 'suggestions', color: 'default' },
};

export function countBySeverity(findings: readonly { severity: Severity }[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, security: 0, warning: 0, suggestion: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}
