import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogView } from '../catalog/catalog';
import { CatalogLoader } from '../catalog/load';
import { DEFAULT_CATALOG_DIR, nodeFetchJson } from '../catalog/node';
import { documentSize } from './compact';
import { actionKey, actionsAllowed, expandActions } from './expand';
import { actionElement, grantsByContext, statementContext, statementObjects } from './grants';
import type { JsonObject, JsonValue } from './model';
import { SIZE_QUOTAS } from './model';
import { buildModel } from './parse';
import { policySize } from './size';
import { serializeDocument } from './serialize';
import { splitPolicy } from './split';
import type { SplitResult, SplitSuccess } from './split';
import { fakeCatalog } from './testing/fakeCatalog';

function success(result: SplitResult): SplitSuccess {
  if (!result.ok) throw new Error(`split failed: ${result.reason}: ${result.message}`);
  return result;
}

/** Checks, independently of splitPolicy's own proof, that the parts together equal the original. */
function expectExactSplit(
  original: JsonValue,
  result: SplitSuccess,
  quota: number,
  catalog: CatalogView,
): void {
  result.documents.forEach((document, i) => {
    const size = policySize(serializeDocument(document));
    expect(size).toBe(result.sizes[i]);
    expect(size).toBeLessThanOrEqual(quota);
  });
  const union = result.documents.flatMap(statementObjects);
  expect([...actionsAllowed(buildModel({ Statement: union }), catalog)].sort()).toEqual(
    [...actionsAllowed(buildModel(original), catalog)].sort(),
  );
  // Statement level: every action an original statement names is named under the same context
  // (Effect, Resource, Condition, ...) in some part, and nothing more is.
  const parts = grantsByContext(union, catalog);
  for (const statement of statementObjects(original)) {
    const element = actionElement(statement);
    if (!element || element.key !== 'Action') continue;
    const grant = parts.get(statementContext(statement));
    expect(grant).toBeDefined();
    for (const action of expandActions(element.values, catalog))
      expect(grant?.actions.has(actionKey(action))).toBe(true);
  }
  const originals = grantsByContext(statementObjects(original), catalog);
  expect([...parts.keys()].sort()).toEqual([...originals.keys()].sort());
  for (const [context, grant] of parts)
    expect([...grant.actions].sort()).toEqual([...(originals.get(context)?.actions ?? [])].sort());
  expect(result.proof).toMatchObject({ allowedEqual: true, grantsEqual: true, partsWithinQuota: true });
}

const allS3 = fakeCatalog.allActions.filter((a) => a.service === 's3').map((a) => `s3:${a.name}`);

describe('splitPolicy (test catalog)', () => {
  it('returns the document itself when it is within the quota', () => {
    const document = {
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' },
    };
    const result = success(splitPolicy(document, fakeCatalog, { quota: SIZE_QUOTAS.managed }));
    expect(result.documents).toEqual([document]);
    expect(result.sizes).toEqual([documentSize(document)]);
  });

  it('distributes statements over parts, each within the quota, together the same', () => {
    const statements = allS3.map((action, i) => ({
      Sid: `S${i}`,
      Effect: 'Allow',
      Action: action,
      Resource: `arn:aws:s3:::bucket${i}/*`,
    }));
    const document = { Version: '2012-10-17', Statement: statements };
    const quota = 400;
    const result = success(splitPolicy(document, fakeCatalog, { quota }));
    expect(result.documents.length).toBeGreaterThan(1);
    // first fit decreasing: no two parts could have been one
    const total = documentSize(document);
    expect(result.documents.length).toBeLessThanOrEqual(Math.ceil(total / (quota - 40)) + 1);
    expect(result.documents.every((part) => Object.keys(part)[0] === 'Version')).toBe(true);
    expectExactSplit(document, result, quota, fakeCatalog);
  });

  it('divides a statement over the quota by its Action list, with unique Sids', () => {
    const statement = {
      Sid: 'Big',
      Effect: 'Allow',
      Action: allS3,
      Resource: ['arn:aws:s3:::b', 'arn:aws:s3:::b/*'],
      Condition: { Bool: { 'aws:SecureTransport': 'true' } },
    };
    const document = {
      Version: '2012-10-17',
      Statement: [statement, { Sid: 'BigPart2', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }],
    };
    const quota = 300;
    const result = success(splitPolicy(document, fakeCatalog, { quota }));
    expect(result.documents.length).toBeGreaterThan(2);
    const chunks = result.documents.flatMap(statementObjects).filter((s) => s.Resource !== '*');
    expect(chunks.length).toBeGreaterThan(2);
    // "BigPart2" is taken by the other statement.
    expect(chunks.map((s) => s.Sid)).toEqual([
      'Big',
      'BigPart2x2',
      ...chunks.slice(2).map((_, i) => `BigPart${i + 3}`),
    ]);
    for (const chunk of chunks) {
      expect(chunk.Resource).toEqual(statement.Resource);
      expect(chunk.Condition).toEqual(statement.Condition);
    }
    expectExactSplit(document, result, quota, fakeCatalog);
  });

  it('places each Deny once by default, or in every part when asked', () => {
    const document: JsonObject = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: allS3, Resource: '*' },
        { Sid: 'NoIam', Effect: 'Deny', Action: 'iam:*', Resource: '*' },
      ],
    };
    const quota = 280;
    const once = success(splitPolicy(document, fakeCatalog, { quota }));
    const denies = (r: SplitSuccess) =>
      r.documents.map((d) => statementObjects(d).filter((s) => s.Effect === 'Deny').length);
    expect(denies(once).reduce((a, b) => a + b, 0)).toBe(1);
    expectExactSplit(document, once, quota, fakeCatalog);
    const every = success(splitPolicy(document, fakeCatalog, { quota, denyInEveryPart: true }));
    expect(denies(every).every((n) => n === 1)).toBe(true);
    expect(every.documents.length).toBeGreaterThanOrEqual(once.documents.length);
    expectExactSplit(document, every, quota, fakeCatalog);
  });

  it('compacts first when asked', () => {
    const document = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: allS3, Resource: '*' }],
    };
    const plain = success(splitPolicy(document, fakeCatalog, { quota: 250 }));
    const compacted = success(splitPolicy(document, fakeCatalog, { quota: 250, compact: true }));
    expect(compacted.documents).toEqual([
      { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] },
    ]);
    expect(compacted.compaction?.after).toBe(compacted.sizes[0]);
    expect(plain.documents.length).toBeGreaterThan(1);
    expectExactSplit(document, compacted, 250, fakeCatalog);
  });

  it('refuses what cannot be split soundly', () => {
    const notAction: JsonObject = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', NotAction: allS3, Resource: '*' },
        { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' },
      ],
    };
    const refused = splitPolicy(notAction, fakeCatalog, { quota: 200 });
    expect(refused).toMatchObject({ ok: false, reason: 'statement-too-large', statementIndex: 0 });
    expect(refused.ok ? '' : refused.message).toMatch(/NotAction/);

    const one = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'x'.repeat(300) }],
    };
    expect(splitPolicy(one, fakeCatalog, { quota: 200 })).toMatchObject({
      ok: false,
      reason: 'statement-too-large',
    });
    expect(
      splitPolicy(
        { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: allS3, Resource: '*' }] },
        fakeCatalog,
        { quota: 30 },
      ),
    ).toMatchObject({
      ok: false,
      reason: 'quota-too-small',
    });
    expect(
      splitPolicy(
        { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: allS3, Resource: '*' }] },
        fakeCatalog,
        { quota: 200, maxParts: 1 },
      ),
    ).toMatchObject({
      ok: false,
      reason: 'too-many-parts',
    });
    expect(splitPolicy(one, fakeCatalog, { quota: Number.NaN })).toMatchObject({
      ok: false,
      reason: 'quota-too-small',
    });
    expect(splitPolicy('nope', fakeCatalog, { quota: 200 })).toMatchObject({
      ok: false,
      reason: 'not-a-policy',
    });
    expect(splitPolicy({ Statement: [1] }, fakeCatalog, { quota: 200 })).toMatchObject({
      ok: false,
      reason: 'not-a-policy',
    });
  });
});

// ---------------------------------------------------------------------------------------------

const built = existsSync(join(DEFAULT_CATALOG_DIR, 'index.json'));

describe.skipIf(!built)('splitPolicy on AWS managed policies (real catalog)', () => {
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
  const quota = SIZE_QUOTAS.managed;

  it('ReadOnlyAccess: compacted, into a few parts of at most 6,144, together exactly the same', async () => {
    const document = await managed('ReadOnlyAccess');
    const start = performance.now();
    const result = success(splitPolicy(document, catalog, { quota, compact: true }));
    expect(performance.now() - start).toBeLessThan(20_000);
    // 5 parts with the catalog of 2026-09 (8 before compaction found shorter wildcards); never more than the compacted size allows plus one.
    const after = result.compaction?.after ?? Infinity;
    expect(result.documents.length).toBeGreaterThanOrEqual(Math.ceil(after / quota));
    expect(result.documents.length).toBeLessThanOrEqual(Math.ceil(after / quota) + 1);
    expect(result.documents.length).toBeLessThanOrEqual(10);
    expectExactSplit(document, result, quota, catalog);

    const plain = success(splitPolicy(document, catalog, { quota }));
    expect(plain.documents.length).toBeGreaterThan(result.documents.length);
    expectExactSplit(document, plain, quota, catalog);
  });

  it('AWSSupportServiceRolePolicy (the largest) and AmazonECS_FullAccess', async () => {
    const support = await managed('AWSSupportServiceRolePolicy');
    const result = success(splitPolicy(support, catalog, { quota, compact: true }));
    expect(result.documents.length).toBeLessThanOrEqual(
      Math.ceil((result.compaction?.after ?? 0) / quota) + 1,
    );
    expectExactSplit(support, result, quota, catalog);

    const ecs = await managed('AmazonECS_FullAccess');
    const whole = success(splitPolicy(ecs, catalog, { quota }));
    expect(whole.documents).toEqual([ecs]);
    const inline = success(splitPolicy(ecs, catalog, { quota: SIZE_QUOTAS['inline-user'], compact: true }));
    expect(inline.documents.length).toBeGreaterThan(1);
    expectExactSplit(ecs, inline, SIZE_QUOTAS['inline-user'], catalog);
  });
});
