/**
 * The finding codes of the least-privilege checks (dependencies, condition applicability,
 * tighten suggestions), with their fixed severity. ../checks.ts lists them with the validator's
 * codes in FINDING_CHECKS (CHECKS itself holds the validator's codes, each mapped to Access
 * Analyzer). Codes are stable: never rename.
 */
import type { Severity } from '../model';

export interface LeastPrivilegeCheck {
  readonly severity: Severity;
  readonly title: string;
}

export const LEAST_PRIVILEGE_CHECKS = {
  'missing-pass-role': { severity: 'warning', title: 'Missing iam:PassRole for a dependent action' },
  'missing-dependent-action': { severity: 'suggestion', title: 'Missing dependent action' },
  'condition-key-applies-to-some-actions': {
    severity: 'warning',
    title: 'Condition key applies to only some actions',
  },
  'tighten-resource-star': { severity: 'suggestion', title: 'Resource "*" where actions take ARNs' },
  'tighten-read-only-grants-write': { severity: 'suggestion', title: 'Read-only statement grants changes' },
  'tighten-star-action': { severity: 'suggestion', title: 'Every action of a service' },
  'tighten-allow-not-action': { severity: 'suggestion', title: 'Allow with NotAction' },
} as const satisfies Readonly<Record<string, LeastPrivilegeCheck>>;

export type LeastPrivilegeCode = keyof typeof LEAST_PRIVILEGE_CHECKS;
