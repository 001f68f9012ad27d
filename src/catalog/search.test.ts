import { beforeAll, describe, expect, it } from 'vitest';
import { ensureCatalog } from '../../scripts/build-catalog';
import { nodeFetchJson } from './node';
import type { LoadedCatalogView } from './load';
import { CatalogLoader } from './load';
import { createSearchIndex } from './search';
import type { ActionHit, SearchHit, SearchIndex } from './search';

let view: LoadedCatalogView;
let index: SearchIndex;

beforeAll(async () => {
  const loader = await CatalogLoader.create(nodeFetchJson(ensureCatalog()));
  view = loader.view;
  index = createSearchIndex(view);
});

function label(hit: SearchHit): string {
  return hit.kind === 'service' ? `service ${hit.service}` : `${hit.service}:${hit.action}`;
}

function labels(query: string, limit = 10): string[] {
  return index.search(query, { limit }).hits.map(label);
}

describe('search', () => {
  it('puts the exact action first, popular services breaking ties ("GetObject")', () => {
    const hits = labels('GetObject');
    expect(hits[0]).toBe('s3:GetObject');
    // other services' GetObject follow, before the longer names
    expect(hits.slice(1, 4).every((h) => h.endsWith(':GetObject'))).toBe(true);
    const first = index.search('GetObject').hits[0];
    expect(first).toMatchObject({
      kind: 'action',
      service: 's3',
      serviceName: 'Amazon S3',
      accessLevel: 'Read',
    });
  });

  it('puts the service first for its prefix ("s3"), then other S3 services', () => {
    const hits = labels('s3');
    expect(hits[0]).toBe('service s3');
    expect(hits.slice(1, 4).every((h) => h.startsWith('service s3'))).toBe(true);
    expect(
      index.search('s3', { limit: 500 }).hits.some((h) => h.kind === 'action' && h.service === 's3'),
    ).toBe(true);
  });

  it('finds services by name and alias ("simple storage", "dynamo", "kubernetes")', () => {
    expect(labels('simple storage')[0]).toBe('service s3');
    expect(labels('Simple Storage Service')[0]).toBe('service s3');
    expect(labels('dynamo')[0]).toBe('service dynamodb');
    expect(labels('kubernetes')[0]).toBe('service eks');
    expect(labels('identity and access')[0]).toBe('service iam');
  });

  it('returns exactly the actions a wildcard pattern matches, with their count ("s3:Get*")', () => {
    const expected = view.service('s3')?.actions.filter((a) => a.name.startsWith('Get')) ?? [];
    expect(expected.length).toBeGreaterThan(40);
    const result = index.search('s3:Get*', { limit: 1000 });
    expect(result.pattern).toBe(true);
    expect(result.total).toBe(expected.length);
    expect(result.actionTotal).toBe(expected.length);
    expect(result.hits.map(label).sort()).toEqual(expected.map((a) => `s3:${a.name}`).sort());
    // the limit cuts the hits, not the count
    const limited = index.search('S3:GET*', { limit: 5 });
    expect(limited.hits).toHaveLength(5);
    expect(limited.total).toBe(expected.length);
  });

  it('matches patterns as IAM does: * and ? anywhere, any case, service patterns too', () => {
    expect(index.search('iam:*Policy?ersion').hits.map(label).sort()).toEqual([
      'iam:CreatePolicyVersion',
      'iam:DeletePolicyVersion',
      'iam:GetPolicyVersion',
      'iam:SetDefaultPolicyVersion',
    ]);
    const all = index.search('*', { limit: 0 });
    expect(all.actionTotal).toBe(view.allActions.length);
    const s3Services = index.search('s3*:*', { limit: 0 });
    const s3ActionCount = view.services
      .filter((s) => s.prefix.startsWith('s3'))
      .reduce((n, s) => n + s.actions.length, 0);
    expect(s3Services.actionTotal).toBe(s3ActionCount);
    expect(
      index.search('*Object').hits.every((h) => h.kind === 'action' && h.action.endsWith('Object')),
    ).toBe(true);
  });

  it('finds s3:GetObject in the top few for "getobj" and other partial queries', () => {
    for (const query of ['getobj', 'GetObj', 'gobj', 's3:getobj', 's3 getobject']) {
      expect(labels(query, 3), query).toContain('s3:GetObject');
    }
  });

  it('matches several words against the service and the name ("ec2 describe")', () => {
    const hits = index.search('ec2 describe', { limit: 20 }).hits;
    expect(hits.length).toBe(20);
    for (const hit of hits) {
      expect(hit.kind).toBe('action');
      expect(label(hit)).toMatch(/^ec2:Describe/);
    }
    expect(labels('describe instances', 3)).toContain('ec2:DescribeInstances');
    expect(labels('kms decrypt', 1)).toEqual(['kms:Decrypt']);
  });

  it('orders exact, then prefix, then substring, then fuzzy matches', () => {
    const scores = (query: string): Map<string, number> =>
      new Map(index.search(query, { limit: 5000 }).hits.map((h) => [label(h), h.score]));
    const passRole = scores('passrole');
    expect(passRole.get('iam:PassRole')).toBeGreaterThan(passRole.get('datazone:ValidatePassRole') ?? 0);
    const object = scores('getobject');
    expect(object.get('s3:GetObject')).toBeGreaterThan(object.get('s3:GetObjectAcl') ?? 0);
    const acl = scores('objectacl');
    expect(acl.get('s3:GetObjectAcl')).toBeGreaterThan(0);
    const fuzzy = scores('descinst');
    expect(fuzzy.get('ec2:DescribeInstances')).toBeGreaterThan(0);
    expect(fuzzy.get('ec2:DescribeInstances')).toBeLessThan(acl.get('s3:GetObjectAcl') ?? 0);
  });

  it('lists a service and its actions for "iam:"', () => {
    const result = index.search('iam:', { limit: 1000 });
    expect(label(result.hits[0] as SearchHit)).toBe('service iam');
    expect(result.actionTotal).toBe(view.service('iam')?.actions.length);
  });

  it('returns nothing for an empty query or an unknown word, and respects the limit', () => {
    expect(index.search('   ').hits).toEqual([]);
    expect(index.search('zzqqxxy').hits).toEqual([]);
    expect(index.search('get').hits).toHaveLength(50);
    expect(index.search('get', { limit: 7 }).hits).toHaveLength(7);
  });

  it('gives the UI what it shows', () => {
    const hit = index.search('s3:PutBucketPolicy').hits[0] as ActionHit;
    expect(hit).toEqual({
      kind: 'action',
      service: 's3',
      serviceName: 'Amazon S3',
      action: 'PutBucketPolicy',
      accessLevel: 'Permissions management',
      score: expect.any(Number),
    });
    expect(index.search('lambda').hits[0]).toMatchObject({
      kind: 'service',
      service: 'lambda',
      serviceName: 'AWS Lambda',
    });
  });

  it('is fast (reports timings; asserts nothing about time)', () => {
    const queries = [
      's3',
      'simple storage',
      'GetObject',
      'getobj',
      's3:Get*',
      'ec2 describe',
      'passrole',
      'lambda',
      'kms decrypt',
      'describeinstances',
      'put',
      'cr',
      '*Object',
      'gobj',
      'iam:',
    ];
    const started = performance.now();
    const fresh = createSearchIndex(view);
    const build = performance.now() - started;
    for (const query of queries) fresh.search(query); // warm up
    const times: number[] = [];
    for (let round = 0; round < 20; round++) {
      for (const query of queries) {
        const t = performance.now();
        fresh.search(query);
        times.push(performance.now() - t);
      }
    }
    times.sort((a, b) => a - b);
    const at = (q: number): string => (times[Math.floor(q * (times.length - 1))] ?? 0).toFixed(3);
    console.log(
      `search over ${view.allActions.length} actions: index built in ${build.toFixed(1)} ms; ` +
        `query median ${at(0.5)} ms, p90 ${at(0.9)} ms, max ${at(1)} ms`,
    );
    expect(times.length).toBe(queries.length * 20);
  });
});
