import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogView } from '../catalog/catalog';
import { CatalogLoader } from '../catalog/load';
import { DEFAULT_CATALOG_DIR, nodeFetchJson } from '../catalog/node';
import { compactActionList, compactActionSet, compactPolicy, documentSize, sameActions } from './compact';
import type { CompactResult } from './compact';
import { actionsAllowed, expandActions } from './expand';
import { actionElement, sameGrants, statementObjects, unmatchedEntries } from './grants';
import type { JsonObject, JsonValue } from './model';
import { buildModel } from './parse';
import { policySize } from './size';
import { serializeDocument } from './serialize';
import { fakeCatalog, makeFakeCatalog } from './testing/fakeCatalog';

/**
 * Compaction must keep, context by context (statements with the same Effect, Resource, Condition...
 * are one pool, as IAM unions them), exactly the actions and the unknown entries; and the policy
 * must allow exactly the same actions.
 */
function expectEquivalent(before: JsonValue, after: JsonValue, catalog: CatalogView): void {
  const a = statementObjects(before);
  const b = statementObjects(after);
  expect(sameGrants(a, b, catalog)).toBe(true);
  expect([...actionsAllowed(buildModel(after), catalog)].sort()).toEqual(
    [...actionsAllowed(buildModel(before), catalog)].sort(),
  );
  expect(b.length).toBeLessThanOrEqual(a.length);
}

/** Every wildcard the compaction wrote, checked against the catalog: what it matches today, one level when level-safe. */
function expectNotes(result: CompactResult, catalog: CatalogView, levelSafe: boolean): void {
  const statements = statementObjects(result.document);
  for (const note of result.wildcards) {
    const matched = expandActions([note.pattern], catalog);
    expect(note.matches).toBe(matched.length);
    expect(new Set(note.levels)).toEqual(new Set(matched.map((action) => action.accessLevel)));
    expect(note.levelSafe).toBe(note.levels.length <= 1);
    if (levelSafe) expect(note.levelSafe, note.pattern).toBe(true);
  }
  // Every written wildcard is listed.
  const written = statements.flatMap((statement) =>
    (actionElement(statement)?.values ?? []).filter((value) => value.includes('*') || value.includes('?')),
  );
  expect(result.wildcards.length).toBeLessThanOrEqual(written.length);
}

describe('compactActionList (test catalog)', () => {
  const compact = (values: string[]) => compactActionList(values, fakeCatalog);

  it('replaces a complete group by its prefix pattern', () => {
    expect(compact(['s3:GetBucketTagging', 's3:GetObject', 's3:GetObjectTagging', 's3:PutObject'])).toEqual([
      's3:Get*',
      's3:PutObject',
    ]);
    expect(compact(['s3:GetObject', 's3:GetObjectTagging'])).toEqual(['s3:GetObject*']);
    expect(compact(['sts:AssumeRole', 'sts:GetCallerIdentity', 'sts:TagSession'])).toEqual(['sts:*']);
  });

  it('never writes a pattern that matches an action not in the list', () => {
    // PutObject* would also match PutObjectTagging.
    expect(compact(['s3:PutObject', 's3:PutObjectAcl'])).toEqual(['s3:PutObject', 's3:PutObjectAcl']);
    // Get* would also match GetBucketTagging.
    expect(compact(['s3:GetObject', 's3:GetObjectTagging', 's3:ListBucket'])).toEqual([
      's3:GetObject*',
      's3:ListBucket',
    ]);
  });

  it('keeps existing patterns and drops the names they cover', () => {
    expect(compact(['s3:Get*', 's3:GetObject', 'iam:GetRole', 'iam:GetUser'])).toEqual([
      's3:Get*',
      'iam:Get*',
    ]);
    expect(compact(['*:Get*', 'iam:GetRole', 's3:GetObject'])).toEqual(['*:Get*']);
    // GetBucketTagging alone is left: a pattern is only written for two names or more.
    expect(compact(['s3:GetObject*', 's3:GetBucketTagging'])).toEqual([
      's3:GetObject*',
      's3:GetBucketTagging',
    ]);
  });

  it('keeps unknown names verbatim and drops repeats, case-insensitively', () => {
    expect(
      compact([
        'S3:getobject',
        's3:NoSuchAction',
        's3:GetObject',
        'foo:Bar',
        's3:GETOBJECTTAGGING',
        'FOO:bar',
      ]),
    ).toEqual(['s3:GetObject*', 's3:NoSuchAction', 'foo:Bar']);
    expect(compact(['s3:GetObject'])).toEqual(['s3:GetObject']);
    expect(compact([])).toEqual([]);
  });

  it('places wildcards after any character by default, or only between words', () => {
    const catalog = makeFakeCatalog([
      {
        prefix: 'x',
        name: 'X',
        actions: [
          ['GetAccount', 'Read'],
          ['GetAnalyzedResource', 'Read'],
          ['GetAnalyzer', 'Read'],
          ['List', 'List'],
        ],
      },
    ]);
    const values = ['x:GetAnalyzer', 'x:GetAnalyzedResource'];
    expect(compactActionList(values, catalog)).toEqual(['x:GetAnalyze*']);
    expect(compactActionList(values, catalog, 'words')).toEqual(values);
    expect(compactActionList([...values, 'x:GetAccount'], catalog, 'words')).toEqual(['x:Get*']);
  });

  it('compactActionSet covers a set of catalog actions exactly', () => {
    const gets = expandActions(['*:Get*'], fakeCatalog);
    expect(compactActionSet(gets, fakeCatalog)).toEqual(['iam:Get*', 's3:Get*', 'sts:GetCallerIdentity']);
  });

  it('property: same actions, same unknown entries, never longer, idempotent', () => {
    const pool = [
      ...fakeCatalog.allActions.map((a) => `${a.service}:${a.name}`),
      's3:Get*',
      '*:List*',
      'iam:*',
      's3:Put*Tagging',
      'ec2:Describe?mages',
      'S3:GETOBJECT',
      'foo:Bar',
      's3:Retired',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 30 }), (values) => {
        const result = compactActionList(values, fakeCatalog);
        expect(sameActions(values, result, fakeCatalog)).toBe(true);
        expect([...unmatchedEntries(result, fakeCatalog)].sort()).toEqual(
          [...unmatchedEntries(values, fakeCatalog)].sort(),
        );
        expect(JSON.stringify(result).length).toBeLessThanOrEqual(JSON.stringify(values).length);
        expect(compactActionList(result, fakeCatalog)).toEqual(result);
      }),
      { seed: 20240601, numRuns: 300 },
    );
  });
});

describe('compactPolicy (test catalog)', () => {
  it('rewrites Action and NotAction lists with the fewest characters, keeps everything else', () => {
    const document: JsonObject = {
      Version: '2012-10-17',
      Id: 'keep',
      Statement: [
        {
          Sid: 'Read',
          Effect: 'Allow',
          Action: ['s3:GetBucketTagging', 's3:GetObject', 's3:GetObjectTagging'],
          Resource: '*',
          Extra: { kept: true },
        },
        {
          Effect: 'Allow',
          NotAction: [
            'iam:AttachRolePolicy',
            'iam:CreateRole',
            'iam:DeleteRole',
            'iam:GetRole',
            'iam:GetUser',
            'iam:ListRoles',
            'iam:ListUsers',
            'iam:PassRole',
            'iam:TagRole',
          ],
          Resource: '*',
        },
        { Effect: 'Deny', Action: 'ec2:RunInstances', Resource: '*' },
      ],
    };
    const result = compactPolicy(document, fakeCatalog);
    expect(result.document).toEqual({
      Version: '2012-10-17',
      Id: 'keep',
      Statement: [
        // the only s3 actions starting with G are the three Get... ones
        { Sid: 'Read', Effect: 'Allow', Action: 's3:G*', Resource: '*', Extra: { kept: true } },
        { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
        // a single action gets a shorter pattern too, when one matches it alone
        { Effect: 'Deny', Action: 'ec2:R*', Resource: '*' },
      ],
    });
    expect(Object.keys(statementObjects(result.document)[0] as JsonObject)).toEqual([
      'Sid',
      'Effect',
      'Action',
      'Resource',
      'Extra',
    ]);
    expect(result.before).toBe(policySize(JSON.stringify(document, null, 4)));
    expect(result.after).toBe(policySize(serializeDocument(result.document)));
    expect(result.after).toBeLessThan(result.before);
    expect(result.changes.map((c) => c.kind === 'actions' && [c.statementIndex, c.key])).toEqual([
      [0, 'Action'],
      [1, 'NotAction'],
      [2, 'Action'],
    ]);
    // Written wildcards, what they match today, and whether a later action could widen the grant.
    expect(result.wildcards).toMatchObject([
      { statementIndex: 0, key: 'Action', pattern: 's3:G*', matches: 3, levels: ['Read'], levelSafe: true, futureRisk: true },
      // an Allow's NotAction: a later iam action would be excluded, not granted
      { statementIndex: 1, key: 'NotAction', pattern: 'iam:*', matches: 9, levelSafe: false, futureRisk: false },
      // a Deny's Action: a later ec2:R... action would be refused, not granted
      { statementIndex: 2, key: 'Action', pattern: 'ec2:R*', matches: 1, levels: ['Write'], levelSafe: true, futureRisk: false },
    ]);
    expectEquivalent(document, result.document, fakeCatalog);
    expectNotes(result, fakeCatalog, false);
    // The input is not changed.
    expect((statementObjects(document)[0] as JsonObject).Action).toHaveLength(3);
  });

  it('uses suffix and infix wildcards, between words or anywhere', () => {
    const statement = (Action: string[]) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action, Resource: '*' }] });
    const tagging = statement(['s3:PutBucketTagging', 's3:PutObjectTagging', 's3:GetObject']);
    expect(compactPolicy(tagging, fakeCatalog, { wildcards: 'words' }).document).toEqual(
      statement(['s3:Put*Tagging', 's3:GetObject']),
    );
    const any = compactPolicy(tagging, fakeCatalog);
    expect(JSON.stringify(any.document).length).toBeLessThan(JSON.stringify(tagging).length);
    expectEquivalent(tagging, any.document, fakeCatalog);
    const reads = statement(['ec2:DescribeImages', 'ec2:DescribeInstances', 'iam:GetRole', 'iam:GetUser', 'iam:ListRoles', 'iam:ListUsers']);
    expect(compactPolicy(reads, fakeCatalog, { wildcards: 'words' }).document).toEqual(
      statement(['ec2:Describe*', 'iam:Get*', 'iam:List*']),
    );
  });

  it('level-safe: no wildcard covers actions of two access levels', () => {
    const document = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['s3:PutObject', 's3:PutObjectAcl', 's3:PutObjectTagging', 's3:PutBucketPolicy', 's3:PutBucketTagging'],
          Resource: '*',
        },
      ],
    };
    const fast = compactPolicy(document, fakeCatalog, { wildcards: 'words' });
    expect(statementObjects(fast.document)[0]?.Action).toBe('s3:Put*');
    expect(fast.wildcards[0]).toMatchObject({ pattern: 's3:Put*', levelSafe: false, futureRisk: true });
    for (const wildcards of ['words', 'any'] as const) {
      const safe = compactPolicy(document, fakeCatalog, { wildcards, levelSafe: true });
      expectEquivalent(document, safe.document, fakeCatalog);
      expectNotes(safe, fakeCatalog, true);
      expect(safe.wildcards.length).toBeGreaterThan(0);
    }
    expect(statementObjects(compactPolicy(document, fakeCatalog, { wildcards: 'words', levelSafe: true }).document)[0]?.Action).toEqual([
      's3:PutObject',
      's3:*Acl',
      's3:Put*Tagging',
      's3:Put*Policy',
    ]);
  });

  it('returns the same document when nothing can be compacted', () => {
    const document = {
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Action: 's3:*', Resource: '*' },
    };
    const result = compactPolicy(document, fakeCatalog);
    expect(result.document).toBe(document);
    expect(result.changes).toEqual([]);
    expect(result.wildcards).toEqual([]);
    expect(compactPolicy('not a policy', fakeCatalog).document).toBe('not a policy');
    expect(compactPolicy({ Statement: 3 }, fakeCatalog).changes).toEqual([]);
  });

  it('treats statements of one context as one pool, and merges them only when asked', () => {
    const document: JsonObject = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'A',
          Effect: 'Allow',
          Action: ['s3:GetObject'],
          Resource: ['arn:aws:s3:::b/*', 'arn:aws:s3:::a/*'],
        },
        {
          Effect: 'Allow',
          Action: 's3:GetObjectTagging',
          Resource: ['arn:aws:s3:::a/*', 'arn:aws:s3:::b/*'],
        },
        {
          Sid: 'B',
          Effect: 'Allow',
          Action: 's3:GetBucketTagging',
          Resource: ['arn:aws:s3:::a/*', 'arn:aws:s3:::b/*'],
        },
        { Effect: 'Allow', Action: 's3:PutObject', Resource: 'arn:aws:s3:::a/*' },
        {
          Effect: 'Allow',
          Action: 's3:PutObjectAcl',
          Resource: 'arn:aws:s3:::a/*',
          Condition: { Bool: { 'aws:SecureTransport': 'true' } },
        },
        { Effect: 'Allow', NotAction: 'iam:*', Resource: 'arn:aws:s3:::a/*' },
        { Effect: 'Deny', Action: 'iam:PassRole', Resource: '*' },
        { Effect: 'Deny', Action: 'iam:CreateRole', Resource: '*' },
      ],
    };
    const pooled = compactPolicy(document, fakeCatalog, { wildcards: 'words' });
    expect(pooled.changes.some((c) => c.kind === 'merge')).toBe(false);
    // Each of the three names alone reaches the other two: s3:Get* is exact for the pool.
    expect(statementObjects(pooled.document).slice(0, 3).map((s) => s.Action)).toEqual(['s3:Get*', 's3:Get*', 's3:Get*']);
    expectEquivalent(document, pooled.document, fakeCatalog);

    const result = compactPolicy(document, fakeCatalog, { mergeStatements: true, wildcards: 'words' });
    expect(result.changes.filter((c) => c.kind === 'merge')).toEqual([
      { kind: 'merge', statementIndex: 0, merged: [1] },
      { kind: 'merge', statementIndex: 6, merged: [7] },
    ]);
    const statements = statementObjects(result.document);
    expect(statements).toHaveLength(6);
    expect(statements[0]).toEqual({
      Sid: 'A',
      Effect: 'Allow',
      Action: 's3:Get*',
      Resource: ['arn:aws:s3:::b/*', 'arn:aws:s3:::a/*'],
    });
    expect(statements[1]?.Sid).toBe('B'); // conflicting Sid: not merged
    expect(statements[5]).toEqual({
      Effect: 'Deny',
      Action: ['iam:Pass*', 'iam:Create*'],
      Resource: '*',
    });
    expectEquivalent(document, result.document, fakeCatalog);
  });

  it('property: random lists over shared contexts stay exact, never longer, in every mode', () => {
    const pool = [
      ...fakeCatalog.allActions.map((a) => `${a.service}:${a.name}`),
      's3:Get*',
      '*:List*',
      's3:Put*Tagging',
      'ec2:Describe?mages',
      'S3:GETOBJECT',
      'foo:Bar',
    ];
    const statement = fc.record({
      Effect: fc.constantFrom('Allow', 'Deny'),
      Action: fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 12 }),
      Resource: fc.constantFrom('*', 'arn:aws:s3:::a/*'),
    });
    fc.assert(
      fc.property(
        fc.array(statement, { minLength: 1, maxLength: 4 }),
        fc.constantFrom('words', 'any'),
        fc.boolean(),
        fc.boolean(),
        (statements, wildcards, levelSafe, mergeStatements) => {
          const document = { Version: '2012-10-17', Statement: statements };
          const result = compactPolicy(document, fakeCatalog, { wildcards, levelSafe, mergeStatements });
          expect(result.changes.some((c) => c.kind === 'kept')).toBe(false);
          expectEquivalent(document, result.document, fakeCatalog);
          expectNotes(result, fakeCatalog, levelSafe);
          expect(result.after).toBeLessThanOrEqual(result.before);
        },
      ),
      { seed: 20240602, numRuns: 200 },
    );
  });
});

// ---------------------------------------------------------------------------------------------

const built = existsSync(join(DEFAULT_CATALOG_DIR, 'index.json'));

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe.skipIf(!built)('compactPolicy on AWS managed policies (real catalog)', () => {
  let loader: CatalogLoader;
  let catalog: CatalogView;
  beforeAll(async () => {
    loader = await CatalogLoader.create(nodeFetchJson());
    catalog = loader.view;
  });
  const managed = async (name: string): Promise<JsonValue> => {
    const file = await loader.managedPolicy(name);
    if (!file) throw new Error(`no managed policy ${name}`);
    return file.document as JsonValue;
  };

  it('ReadOnlyAccess: below iam-shrink (45,506 at its most aggressive), exactly the same actions', async () => {
    const document = await managed('ReadOnlyAccess');
    compactPolicy(document, catalog); // warm the per-service tables
    const start = performance.now();
    const result = compactPolicy(document, catalog);
    const elapsed = performance.now() - start;
    expect(result.before).toBe(documentSize(document));
    expect(result.before).toBeGreaterThan(80_000);
    // 91,266 → 29,125 with the catalog of 2026-09; iam-shrink: 45,506 (aggressive), 52,682 (default).
    expect(result.after).toBeLessThan(45_506);
    expect(result.changes.some((c) => c.kind === 'kept')).toBe(false);
    expectEquivalent(document, result.document, catalog);
    expectNotes(result, catalog, false);
    expect(result.wildcards.every((note) => note.futureRisk)).toBe(true);
    expect(elapsed).toBeLessThan(15_000); // about 0.4 s warm on a busy 2-core machine (see npm run bench)

    // Wildcards only between words (41,052) and level-safe (32,140; 46,065 with words): still exact.
    const words = compactPolicy(document, catalog, { wildcards: 'words' });
    expect(words.after).toBeGreaterThan(result.after);
    expect(words.after).toBeLessThan(45_506);
    expectEquivalent(document, words.document, catalog);
    for (const options of [{ levelSafe: true }, { levelSafe: true, wildcards: 'words' as const }]) {
      const safe = compactPolicy(document, catalog, options);
      expect(safe.after).toBeLessThan(result.before * 0.55);
      expectEquivalent(document, safe.document, catalog);
      expectNotes(safe, catalog, true);
    }
  });

  it('AWSSupportServiceRolePolicy (the largest) and AmazonECS_FullAccess', async () => {
    for (const name of ['AWSSupportServiceRolePolicy', 'AmazonECS_FullAccess']) {
      const document = await managed(name);
      for (const mergeStatements of [false, true]) {
        const result = compactPolicy(document, catalog, { mergeStatements });
        expect(result.after).toBeLessThan(result.before);
        expect(result.changes.some((c) => c.kind === 'kept')).toBe(false);
        expectEquivalent(document, result.document, catalog);
      }
    }
  });

  it('property: 50 random managed policies (seeded) keep exactly their actions', async () => {
    const index = (await loader.managedPolicies()).map((p) => p.name).sort();
    const next = random(0x1a2b3c);
    const names = new Set(['PowerUserAccess', 'AdministratorAccess', 'AmazonEC2ReadOnlyAccess']);
    while (names.size < 53) names.add(index[Math.floor(next() * index.length)] as string);
    let before = 0;
    let after = 0;
    for (const name of names) {
      const document = await managed(name);
      const result = compactPolicy(document, catalog, { mergeStatements: next() < 0.5 });
      expect(result.after, name).toBeLessThanOrEqual(result.before);
      expect(
        result.changes.some((c) => c.kind === 'kept'),
        name,
      ).toBe(false);
      expect(sameGrants(statementObjects(document), statementObjects(result.document), catalog), name).toBe(
        true,
      );
      expect([...actionsAllowed(buildModel(result.document), catalog)].sort(), name).toEqual(
        [...actionsAllowed(buildModel(document), catalog)].sort(),
      );
      before += result.before;
      after += result.after;
    }
    expect(after).toBeLessThan(before);
  });
});
