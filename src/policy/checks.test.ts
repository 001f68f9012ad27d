import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ACCESS_ANALYZER_CHECKS,
  CHECKS,
  FINDING_CHECKS,
  isFindingCode,
  PARSE_FINDING_CODES,
  UNMAPPED_CODES,
} from './checks';
import { LEAST_PRIVILEGE_CHECKS } from './leastPrivilege/checks';
import { INVALID_CASES } from './fixtures/validateCases';

/**
 * The names and severities of IAM Access Analyzer's policy checks, copied into the repository from
 * the public IAM User Guide's policy check reference ("Access Analyzer policy check reference").
 */
const TSV = resolve(fileURLToPath(new URL('.', import.meta.url)), 'fixtures', 'access-analyzer-checks.tsv');

function tsvRows(): { severity: string; name: string }[] {
  return readFileSync(TSV, 'utf8')
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => {
      const [severity = '', name = ''] = line.split('\t');
      return { severity: severity.trim(), name: name.trim() };
    });
}

/** Codes some fixture case expects. */
const fixtureCodes = new Set(INVALID_CASES.flatMap((testCase) => testCase.expect.map(([code]) => code)));

describe('Access Analyzer checks', () => {
  const rows = tsvRows();

  it('reads the reference list', () => {
    expect(rows.length).toBeGreaterThan(100);
  });

  it('maps every row of the TSV, in order, and nothing else', () => {
    expect(ACCESS_ANALYZER_CHECKS.map((check) => `${check.severity}\t${check.name}`)).toEqual(
      rows.map((row) => `${row.severity}\t${row.name}`),
    );
  });

  it.each(ACCESS_ANALYZER_CHECKS.map((check) => [check.name, check] as const))(
    '%s: covered or explained',
    (_name, check) => {
      const hasCodes = (check.codes?.length ?? 0) > 0;
      const explained = (check.notApplicable?.trim().length ?? 0) > 20;
      expect(hasCodes !== explained, 'either codes or a notApplicable reason, not both').toBe(true);
      for (const code of check.codes ?? []) {
        expect(
          code in CHECKS || (PARSE_FINDING_CODES as readonly string[]).includes(code),
          `${code} is a known code`,
        ).toBe(true);
        expect(fixtureCodes.has(code), `a fixture produces ${code}`).toBe(true);
      }
    },
  );

  it('gives every code the severity of the Access Analyzer checks it reports', () => {
    const severity = {
      Error: 'error',
      'General Warning': 'warning',
      'Security Warning': 'security',
      Suggestion: 'suggestion',
    } as const;
    const mapped = new Set<string>();
    for (const check of ACCESS_ANALYZER_CHECKS) {
      for (const code of check.codes ?? []) {
        if (!(code in CHECKS)) continue;
        mapped.add(code);
        expect(CHECKS[code as keyof typeof CHECKS].severity, `${code} (${check.name})`).toBe(
          severity[check.severity],
        );
      }
    }
    for (const code of Object.keys(CHECKS)) {
      if (mapped.has(code)) {
        expect(code in UNMAPPED_CODES, `${code} is mapped, so it needs no reason`).toBe(false);
      } else {
        const reason = UNMAPPED_CODES[code as keyof typeof UNMAPPED_CODES] ?? '';
        expect(reason.length, `${code} maps to no check: give the reason for its severity`).toBeGreaterThan(
          20,
        );
      }
    }
  });
});

describe('finding codes', () => {
  it('are kebab-case', () => {
    for (const code of [...Object.keys(CHECKS), ...PARSE_FINDING_CODES])
      expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
  });

  it('each has at least one fixture that produces it', () => {
    const missing = Object.keys(CHECKS).filter(
      (code) => code !== 'validator-internal-error' && !fixtureCodes.has(code),
    );
    expect(missing).toEqual([]);
  });
});

describe('the finding table', () => {
  it('lists the validator\'s codes and the least-privilege codes, which never share a code', () => {
    const leastPrivilege = Object.keys(LEAST_PRIVILEGE_CHECKS);
    expect(leastPrivilege).toEqual(
      expect.arrayContaining([
        'missing-pass-role',
        'missing-dependent-action',
        'condition-key-applies-to-some-actions',
        'tighten-resource-star',
        'tighten-read-only-grants-write',
        'tighten-star-action',
        'tighten-allow-not-action',
      ]),
    );
    for (const code of leastPrivilege) {
      expect(code in CHECKS, `${code} is not a validator code`).toBe(false);
      expect(code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(isFindingCode(code)).toBe(true);
      expect(FINDING_CHECKS[code as keyof typeof FINDING_CHECKS]).toEqual(
        LEAST_PRIVILEGE_CHECKS[code as keyof typeof LEAST_PRIVILEGE_CHECKS],
      );
    }
    expect(Object.keys(FINDING_CHECKS)).toHaveLength(Object.keys(CHECKS).length + leastPrivilege.length);
    expect(isFindingCode('redundant-action')).toBe(true);
    expect(isFindingCode('json-syntax')).toBe(false);
  });
});
