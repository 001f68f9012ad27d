import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogView } from '../catalog/catalog';
import { CatalogLoader } from '../catalog/load';
import { DEFAULT_CATALOG_DIR, nodeFetchJson } from '../catalog/node';
import { documentSize } from './compact';
import { actionKey, actionsAllowed, expandActions } from './expand';
import { actionElement, grantsByContext, statementObjects } from './grants';
import type { JsonObject, JsonValue } from './model';
import { SIZE_QUOTAS } from './model';
import { buildModel } from './parse';
import { packPolicySet, partName } from './policySet';
import type { PolicySetResult, PolicySetSuccess } from './policySet';
import { policySize } from './size';
import { serializeDocument } from './serialize';
import { splitPolicy } from './split';
import { fakeCatalog } from './testing/fakeCatalog';

function success(result: PolicySetResult): PolicySetSuccess {
  if (!result.ok) throw new Error(`packing failed: ${result.reason}: ${result.message}`);
  return result;
}

/** Independently of packPolicySet's own proof: sizes, names, and the union of the parts equals the original by expansion. */
function expectExactSet(original: JsonValue, result: PolicySetSuccess, stem: string, catalog: CatalogView): void {
  result.parts.forEach((part, i) => {
    expect(part.name).toBe(i === 0 ? stem : `${stem}-${i + 1}`);
    const size = policySize(serializeDocument(part.document));
    expect(size).toBe(part.size);
    expect(size).toBeLessThanOrEqual(result.quota);
    // the part's share: the actions its Allow statements name
    const keys = new Set(
      statementObjects(part.document)
        .filter((s) => s.Effect === 'Allow')
        .flatMap((s) => {
          const element = actionElement(s);
          if (!element) return [];
          if (element.key === 'Action') return expandActions(element.values, catalog).map(actionKey);
          const excluded = new Set(expandActions(element.values, catalog).map(actionKey));
          return catalog.allActions.map(actionKey).filter((key) => !excluded.has(key));
        }),
    );
    expect(part.actions.count).toBe(keys.size);
    expect(Object.values(part.actions.byService).reduce((a, b) => a + b, 0)).toBe(keys.size);
  });
  const union = result.parts.flatMap((part) => statementObjects(part.document));
  expect([...actionsAllowed(buildModel({ Statement: union }), catalog)].sort()).toEqual(
    [...actionsAllowed(buildModel(original), catalog)].sort(),
  );
  const parts = grantsByContext(union, catalog);
  const originals = grantsByContext(statementObjects(original), catalog);
  expect([...parts.keys()].sort()).toEqual([...originals.keys()].sort());
  for (const [context, grant] of parts) {
    expect([...grant.actions].sort()).toEqual([...(originals.get(context)?.actions ?? [])].sort());
    expect([...grant.unknown].sort()).toEqual([...(originals.get(context)?.unknown ?? [])].sort());
  }
  // Conditional statements are never divided: each appears exactly once, whole.
  const conditional = statementObjects(result.compaction.document).filter((s) => s.Condition !== undefined);
  for (const statement of conditional) {
    expect(union.filter((s) => JSON.stringify(s) === JSON.stringify(statement))).toHaveLength(1);
  }
  expect(result.parts.length).toBeGreaterThanOrEqual(result.lowerBound);
  expect(result.proof).toMatchObject({ allowedEqual: true, grantsEqual: true, partsWithinQuota: true });
}

const allS3 = fakeCatalog.allActions.filter((a) => a.service === 's3').map((a) => `s3:${a.name}`);
const allIam = fakeCatalog.allActions.filter((a) => a.service === 'iam').map((a) => `iam:${a.name}`);

describe('packPolicySet (test catalog)', () => {
  it('names parts Stem, Stem-2, Stem-3...', () => {
    expect([1, 2, 3].map((n) => partName('ReadOnly', n))).toEqual(['ReadOnly', 'ReadOnly-2', 'ReadOnly-3']);
  });

  it('returns the compacted document as the only part when it fits', () => {
    const document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: allS3, Resource: '*' }] };
    const result = success(packPolicySet(document, fakeCatalog, { stem: 'S3All', kind: 'inline-user' }));
    expect(result.fits).toBe(true);
    expect(result.quota).toBe(SIZE_QUOTAS['inline-user']);
    expect(result.parts).toHaveLength(1);
    expect(result.parts[0]?.document).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
    });
    expect(result.parts[0]?.actions).toEqual({ count: allS3.length, byService: { s3: allS3.length } });
    expectExactSet(document, result, 'S3All', fakeCatalog);
  });

  it('divides statements without conditions by their actions, keeps conditional ones whole', () => {
    // No wildcards can shrink lists that mix resources this way: one statement per action and bucket.
    const statements: JsonObject[] = [];
    [...allS3, ...allIam].forEach((action, i) =>
      statements.push({ Sid: `S${i}`, Effect: 'Allow', Action: action, Resource: `arn:aws:s3:::bucket${i % 3}/*` }),
    );
    statements.push({
      Sid: 'Mfa',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject', 'iam:GetRole'],
      Resource: '*',
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    });
    statements.push({ Sid: 'NoPass', Effect: 'Deny', Action: 'iam:PassRole', Resource: '*' });
    const document = { Version: '2012-10-17', Statement: statements };
    const quota = 400;
    const result = success(packPolicySet(document, fakeCatalog, { quota, stem: 'Set', compact: { wildcards: 'words' } }));
    expect(result.fits).toBe(false);
    expect(result.parts.length).toBeGreaterThan(1);
    expectExactSet(document, result, 'Set', fakeCatalog);
    // Deny once.
    const denies = result.parts.flatMap((p) => statementObjects(p.document)).filter((s) => s.Effect === 'Deny');
    expect(denies).toHaveLength(1);
    // The same with no compaction merge, and at several quotas: always exact, never under the bound.
    for (const q of [300, 500, 900]) {
      const r = success(packPolicySet(document, fakeCatalog, { quota: q, stem: 'Set', compact: { mergeStatements: false } }));
      expectExactSet(document, r, 'Set', fakeCatalog);
    }
  });

  it('divides one long statement over parts with unique Sids', () => {
    const values = [...allS3, ...allIam, 'foo:Unknown', 's3:RetiredOne'];
    const document = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Big', Effect: 'Allow', Action: values, Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'] },
        { Sid: 'BigPart2', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' },
      ],
    };
    // levelSafe leaves several entries per service, so there is something to divide.
    const result = success(packPolicySet(document, fakeCatalog, { quota: 220, stem: 'P', compact: { levelSafe: true } }));
    const pieces = result.parts.flatMap((p) => statementObjects(p.document)).filter((s) => s.Resource !== '*');
    expect(pieces.length).toBeGreaterThan(2);
    const sids = pieces.map((s) => s.Sid);
    expect(new Set(sids).size).toBe(sids.length);
    expect(sids[0]).toBe('Big');
    expect(sids[1]).toBe('BigPart2x2'); // "BigPart2" is taken
    expectExactSet(document, result, 'P', fakeCatalog);
  });

  it('refuses what cannot be packed soundly', () => {
    const conditional = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: allS3, Resource: 'arn:aws:s3:::x/*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'x'.repeat(200) } } },
      ],
    };
    expect(packPolicySet(conditional, fakeCatalog, { quota: 200, compact: { levelSafe: true } })).toMatchObject({
      ok: false,
      reason: 'statement-too-large',
      statementIndex: 0,
    });
    const notAction = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', NotAction: ['s3:GetObject', 'iam:PassRole', 'ec2:RunInstances', 'x'.repeat(200)], Resource: '*' }],
    };
    const refused = packPolicySet(notAction, fakeCatalog, { quota: 150 });
    expect(refused).toMatchObject({ ok: false, reason: 'statement-too-large' });
    expect(refused.ok ? '' : refused.message).toMatch(/NotAction/);
    expect(packPolicySet(notAction, fakeCatalog, { quota: 20 })).toMatchObject({ ok: false, reason: 'quota-too-small' });
    expect(packPolicySet(notAction, fakeCatalog, { quota: -1 })).toMatchObject({ ok: false, reason: 'quota-too-small' });
    expect(packPolicySet('nope', fakeCatalog)).toMatchObject({ ok: false, reason: 'not-a-policy' });
    expect(packPolicySet({ Statement: [1] }, fakeCatalog)).toMatchObject({ ok: false, reason: 'not-a-policy' });
  });
});

// ---------------------------------------------------------------------------------------------

const built = existsSync(join(DEFAULT_CATALOG_DIR, 'index.json'));

describe.skipIf(!built)('packPolicySet on large AWS managed policies (real catalog)', () => {
  let loader: CatalogLoader;
  let catalog: CatalogView;
  beforeAll(async () => {
    loader = await CatalogLoader.create(nodeFetchJson());
    catalog = loader.view;
  });
  const managed = async (name: string): Promise<JsonObject> => {
    const file = await loader.managedPolicy(name);
    if (!file) throw new Error(`no managed policy ${name}`);
    return file.document as JsonObject;
  };

  it('ReadOnlyAccess at 6,144: the fewest parts the size allows, exactly the same access', async () => {
    const document = await managed('ReadOnlyAccess');
    const result = success(packPolicySet(document, catalog, { kind: 'managed', stem: 'ReadOnly' }));
    expect(result.fits).toBe(false);
    // 5 parts with the catalog of 2026-09 (split.ts made 8 before compaction got better).
    expect(result.parts.length).toBe(result.lowerBound);
    expect(result.parts.length).toBeLessThanOrEqual(6);
    expectExactSet(document, result, 'ReadOnly', catalog);
    const split = splitPolicy(document, catalog, { quota: SIZE_QUOTAS.managed, compact: true });
    expect(split.ok && result.parts.length <= split.documents.length).toBe(true);

    const safe = success(packPolicySet(document, catalog, { stem: 'ReadOnly', compact: { levelSafe: true, wildcards: 'words' } }));
    expect(safe.parts.length).toBeLessThanOrEqual(safe.lowerBound + 1);
    expectExactSet(document, safe, 'ReadOnly', catalog);
  });

  it('other large managed policies, at several quotas', async () => {
    const all = await loader.managedPolicies();
    const large = [...all].sort((a, b) => b.size - a.size).slice(0, 6).map((p) => p.name);
    for (const name of [...new Set([...large, 'AmazonECS_FullAccess', 'PowerUserAccess'])]) {
      const document = await managed(name);
      for (const kind of ['managed', 'inline-user'] as const) {
        const result = packPolicySet(document, catalog, { kind, stem: name });
        if (!result.ok) {
          // only a statement kept whole (a Condition or NotAction) over the quota may refuse
          expect(result.reason, `${name} ${kind}: ${result.message}`).toBe('statement-too-large');
          continue;
        }
        expect(documentSize(result.parts[0]?.document ?? {})).toBeLessThanOrEqual(SIZE_QUOTAS[kind]);
        expect(result.parts.length, name).toBeLessThanOrEqual(result.lowerBound + 1);
        expectExactSet(document, result, name, catalog);
      }
    }
  });
});
