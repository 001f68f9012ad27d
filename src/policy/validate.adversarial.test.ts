/**
 * No document freezes the validator: every adversarial case (validate/adversarial.ts) validates
 * without an internal error and within a generous bound (the real budget, 50 ms, is measured by
 * `npm run bench`; CI machines are too noisy to assert it).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogView } from '../catalog/catalog';
import { loadCatalogFromDisk } from '../catalog/node';
import { parseValue } from './parse';
import { validate } from './validate';
import { ADVERSARIAL_MAX_CHARS, adversarialCases } from './validate/adversarial';

let catalog: CatalogView;
beforeAll(async () => {
  const loader = await loadCatalogFromDisk();
  await loader.loadAllServices();
  catalog = loader.view;
}, 60_000);

describe('adversarial documents', () => {
  it.each(adversarialCases().map((testCase) => [testCase.name, testCase] as const))(
    '%s',
    (_name, testCase) => {
      expect(JSON.stringify(testCase.document).length).toBeLessThanOrEqual(ADVERSARIAL_MAX_CHARS);
      const model = parseValue(testCase.document);
      const start = performance.now();
      const findings = validate(model, catalog, { kind: 'managed' });
      const elapsed = performance.now() - start;
      expect(findings.filter((finding) => finding.code === 'validator-internal-error')).toEqual([]);
      expect(elapsed).toBeLessThan(2_000);
    },
    20_000,
  );

  it('still finds the problems in them', () => {
    const byName = new Map(adversarialCases().map((testCase) => [testCase.name, testCase]));
    const run = (name: string) => {
      const testCase = byName.get(name);
      if (!testCase) throw new Error(name);
      return validate(parseValue(testCase.document), catalog, { kind: 'managed' }).map(
        (finding) => finding.code,
      );
    };
    expect(run('action s3:*?*?…_ (40,000 pairs)')).toContain('wildcard-matches-nothing');
    expect(run('thousands of identical statements (redundancy)')).toContain('redundant-statement');
    expect(run('iam:PassRole with thousands of wildcard resources')).toContain(
      'pass-role-with-star-in-resource',
    );
  });
});
