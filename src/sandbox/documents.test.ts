/**
 * The sandbox's document checks against the validator's own fixtures (src/policy/fixtures/):
 * a fixture with an error finding IAM enforces is rejected, with that finding; every other
 * fixture (valid ones, and those with only findings IAM accepts) is accepted. And every AWS
 * managed policy, which IAM did accept, passes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogView } from '../catalog/catalog';
import { CatalogLoader } from '../catalog/load';
import type { ManagedPolicyDocumentFile } from '../catalog/types';
import { CHECKS, isCheckCode } from '../policy/checks';
import { INVALID_CASES, VALID_CASES } from '../policy/fixtures/validateCases';
import type { ValidateCase } from '../policy/fixtures/validateCases';
import { PARSE_CODES } from '../policy/parse';
import { DEFAULT_CATALOG_DIR, nodeFetchJson } from '../catalog/node';
import { IAM_ENFORCED, checkDocument, isEnforced } from './documents';
import type { DocumentKind } from './documents';

let catalog: CatalogView;
let loader: CatalogLoader;

beforeAll(async () => {
  loader = await CatalogLoader.create(nodeFetchJson());
  catalog = loader.view;
});

function kindOf(testCase: ValidateCase): DocumentKind {
  return testCase.kind === 'trust' ? 'trust' : 'managed';
}

function textOf(testCase: ValidateCase): string {
  return testCase.text ?? JSON.stringify(testCase.policy, null, 2);
}

describe('IAM_ENFORCED', () => {
  it('lists only error findings of the validator and the parser', () => {
    const parseCodes = new Set<string>(Object.values(PARSE_CODES));
    for (const code of Object.keys(IAM_ENFORCED)) {
      if (parseCodes.has(code)) continue;
      expect(isCheckCode(code), code).toBe(true);
      if (isCheckCode(code)) expect(CHECKS[code].severity, code).toBe('error');
    }
  });
});

describe('sandbox document checks agree with the validator fixtures', () => {
  const cases = [...INVALID_CASES, ...VALID_CASES].map((testCase) => [testCase.name, testCase] as const);

  it.each(cases)('%s', (_name, testCase) => {
    const kind = kindOf(testCase);
    const enforced = testCase.expect.filter(([code]) => isEnforced(code, kind));
    const rejection = checkDocument(textOf(testCase), kind, catalog);
    if (enforced.length === 0) {
      // Valid, or only findings IAM accepts (unknown actions, ARN details, conditions, warnings...).
      // Fixtures with `sizeChars` pretend to be large; their real text is small, so IAM takes it.
      expect(rejection?.error.message ?? null).toBeNull();
    } else {
      expect(rejection, 'IAM rejects this document').not.toBeNull();
      expect(rejection?.error.code).toBe('MalformedPolicyDocument');
      expect(enforced.map(([code, pointer]) => `${code} ${pointer}`)).toContain(
        `${rejection?.finding?.code ?? ''} ${rejection?.finding?.pointer ?? ''}`,
      );
      expect(rejection?.error.message.length).toBeGreaterThan(10);
    }
  });

  it('covers every enforced code with at least one fixture', () => {
    const seen = new Set(INVALID_CASES.flatMap((testCase) => testCase.expect.map(([code]) => code)));
    const uncovered = Object.keys(IAM_ENFORCED).filter((code) => !seen.has(code));
    // json-too-deep needs a 1,000-level document; it is checked below.
    expect(uncovered).toEqual(['json-too-deep']);
    const deep = `${'['.repeat(1500)}${']'.repeat(1500)}`;
    expect(checkDocument(deep, 'managed', catalog)?.error.message).toBe('Syntax errors in policy.');
  });
});

describe('sandbox document checks accept what IAM accepted', () => {
  it('accepts every AWS managed policy of the catalog', async () => {
    const entries = await loader.managedPolicies();
    expect(entries.length).toBeGreaterThan(1000);
    const refused: string[] = [];
    for (const entry of entries) {
      const file = JSON.parse(
        readFileSync(path.join(DEFAULT_CATALOG_DIR, 'managed-policies', `${entry.name}.json`), 'utf8'),
      ) as ManagedPolicyDocumentFile;
      // AWS managed policies may exceed the customer quotas (AWS sets its own): check the grammar.
      const text = JSON.stringify(file.document);
      const rejection = checkDocument(text, 'managed', catalog);
      if (rejection?.error.code === 'MalformedPolicyDocument') {
        refused.push(
          `${entry.name}: ${rejection.error.message} (${rejection.finding?.code ?? ''} ${rejection.finding?.pointer ?? ''})`,
        );
      }
    }
    expect(refused).toEqual([]);
  });
});
