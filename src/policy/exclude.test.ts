import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogView } from '../catalog/catalog';
import { CatalogLoader } from '../catalog/load';
import { DEFAULT_CATALOG_DIR, nodeFetchJson } from '../catalog/node';
import { addDenyForService, excludeService, expandCrossServiceWildcards } from './exclude';
import { actionsAllowed } from './expand';
import { statementObjects } from './grants';
import type { JsonValue } from './model';
import { buildModel } from './parse';
import { fakeCatalog } from './testing/fakeCatalog';

const allowed = (document: JsonValue, catalog: CatalogView) => actionsAllowed(buildModel(document), catalog);

/** After excluding `service`: none of its actions allowed, every other action as before. */
function expectExcluded(before: JsonValue, after: JsonValue, service: string, catalog: CatalogView): void {
  const was = allowed(before, catalog);
  const now = allowed(after, catalog);
  expect([...now].filter((key) => key.startsWith(`${service}:`))).toEqual([]);
  expect([...now].sort()).toEqual([...was].filter((key) => !key.startsWith(`${service}:`)).sort());
}

describe('excludeService (test catalog)', () => {
  it('removes the entries of the service, and statements left empty', () => {
    const document = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'Mixed',
          Effect: 'Allow',
          Action: ['s3:GetObject', 'iam:GetRole', 'S3:Put*', 's3:Retired'],
          Resource: '*',
        },
        { Sid: 'OnlyS3', Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b/*' },
        { Sid: 'Only3', Effect: 'Allow', Action: '?3:List*', Resource: '*' },
        { Sid: 'KeepDeny', Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' },
      ],
    };
    const result = excludeService(document, 's3', fakeCatalog);
    expect(result.document).toEqual({
      Version: '2012-10-17',
      Statement: [
        { Sid: 'Mixed', Effect: 'Allow', Action: ['iam:GetRole'], Resource: '*' },
        { Sid: 'KeepDeny', Effect: 'Deny', Action: 's3:DeleteObject', Resource: '*' },
      ],
    });
    expect(result.notes).toEqual([
      { kind: 'entries-removed', statementIndex: 0, entries: ['s3:GetObject', 'S3:Put*', 's3:Retired'] },
      { kind: 'entries-removed', statementIndex: 1, entries: ['s3:*'] },
      { kind: 'statement-removed', statementIndex: 1 },
      { kind: 'entries-removed', statementIndex: 2, entries: ['?3:List*'] },
      { kind: 'statement-removed', statementIndex: 2 },
    ]);
    expectExcluded(document, result.document, 's3', fakeCatalog);
  });

  it('adds the service to NotAction, unless it is already there', () => {
    const document = {
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
    };
    const result = excludeService(document, 'S3', fakeCatalog);
    expect(result.document).toEqual({
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', NotAction: ['iam:*', 's3:*'], Resource: '*' },
    });
    expect(result.notes).toEqual([{ kind: 'not-action-extended', statementIndex: 0, added: 's3:*' }]);
    expectExcluded(document, result.document, 's3', fakeCatalog);
    for (const notAction of ['s3:*', '*', 's*', ['iam:*', 'S3:*']]) {
      const covered = { Statement: [{ Effect: 'Allow', NotAction: notAction, Resource: '*' }] };
      expect(excludeService(covered, 's3', fakeCatalog).document).toBe(covered);
    }
  });

  it('reports a pattern that spans services instead of keeping or dropping it silently', () => {
    const document = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['*:Get*', 's3:ListBucket'], Resource: '*' }],
    };
    const result = excludeService(document, 's3', fakeCatalog);
    expect(result.notes).toEqual([
      {
        kind: 'cross-service-pattern',
        statementIndex: 0,
        pattern: '*:Get*',
        matchedActions: 3,
        otherActions: 3,
      },
      { kind: 'entries-removed', statementIndex: 0, entries: ['s3:ListBucket'] },
    ]);
    expect(statementObjects(result.document)[0]?.Action).toEqual(['*:Get*']);
    // Still allowed through the pattern: the remedies below deal with it.
    expect(allowed(result.document, fakeCatalog).has('s3:getobject')).toBe(true);
    expect(allowed(result.document, fakeCatalog).has('s3:listbucket')).toBe(false);
  });
});

describe('remedies for cross-service patterns (test catalog)', () => {
  const document = {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: ['*:Get*', 'ec2:DescribeImages'], Resource: '*' },
      { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::b' },
      { Effect: 'Allow', Action: '*Tag*', Resource: '*' },
    ],
  };

  it('expandCrossServiceWildcards writes the pattern out per other service', () => {
    const result = expandCrossServiceWildcards(document, 's3', fakeCatalog);
    expect(statementObjects(result.document).map((s) => s.Action)).toEqual([
      ['iam:Get*', 'sts:Get*', 'ec2:DescribeImages'],
      ['ec2:*', 'iam:*', 'sts:*'],
      ['ec2:CreateTags', 'iam:TagRole', 'sts:TagSession'],
    ]);
    expect(result.notes.filter((n) => n.kind === 'pattern-expanded').map((n) => n.statementIndex)).toEqual([
      0, 1, 2,
    ]);
    expectExcluded(document, result.document, 's3', fakeCatalog);
  });

  it('addDenyForService appends an explicit Deny with a unique Sid', () => {
    const excluded = excludeService(document, 's3', fakeCatalog).document;
    const denied = addDenyForService(excluded, 's3');
    expect(statementObjects(denied).at(-1)).toEqual({
      Sid: 'DenyS3',
      Effect: 'Deny',
      Action: 's3:*',
      Resource: '*',
    });
    expectExcluded(document, denied, 's3', fakeCatalog);
    const twice = addDenyForService(denied, 's3');
    expect(statementObjects(twice).at(-1)?.Sid).toBe('DenyS32');
    expect(statementObjects(addDenyForService({ Statement: [] }, 'access-analyzer'))[0]?.Sid).toBe(
      'DenyAccessAnalyzer',
    );
  });
});

// ---------------------------------------------------------------------------------------------

const built = existsSync(join(DEFAULT_CATALOG_DIR, 'index.json'));

describe.skipIf(!built)('excludeService with the real catalog', () => {
  let loader: CatalogLoader;
  let catalog: CatalogView;
  beforeAll(async () => {
    loader = await CatalogLoader.create(nodeFetchJson());
    catalog = loader.view;
  });

  it('ReadOnlyAccess without S3: no s3 action allowed, every other action still allowed', async () => {
    const document = (await loader.managedPolicy('ReadOnlyAccess'))?.document as JsonValue;
    const result = excludeService(document, 's3', catalog);
    expect(result.notes.some((n) => n.kind === 'cross-service-pattern')).toBe(false);
    expect(allowed(document, catalog).has('s3:getobject')).toBe(true);
    expectExcluded(document, result.document, 's3', catalog);
    // s3express and s3-object-lambda are other services.
    expect([...allowed(result.document, catalog)].some((key) => key.startsWith('s3express:'))).toBe(true);
  });

  it('"*:Get*": a note, and both remedies work', () => {
    const document = {
      Version: '2012-10-17',
      Statement: [{ Sid: 'Reads', Effect: 'Allow', Action: ['*:Get*', 's3:List*'], Resource: '*' }],
    };
    const result = excludeService(document, 's3', catalog);
    const note = result.notes.find((n) => n.kind === 'cross-service-pattern');
    expect(note).toMatchObject({ statementIndex: 0, pattern: '*:Get*' });
    expect(note?.kind === 'cross-service-pattern' && note.matchedActions).toBeGreaterThan(50);
    expect([...allowed(result.document, catalog)].some((key) => key.startsWith('s3:get'))).toBe(true);

    const expanded = expandCrossServiceWildcards(document, 's3', catalog);
    const actions = statementObjects(expanded.document)[0]?.Action as string[];
    expect(actions).toContain('access-analyzer:Get*');
    expect(actions).toContain('ec2:Get*');
    expect(actions.some((a) => a.toLowerCase().startsWith('s3:'))).toBe(false);
    expectExcluded(document, expanded.document, 's3', catalog);

    const denied = addDenyForService(result.document, 's3');
    expectExcluded(document, denied, 's3', catalog);
  });
});
