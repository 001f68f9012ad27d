/**
 * A tiny hand-made CatalogView for tests that need a catalog without the built files.
 * Action names and access levels are real (a small subset of s3, iam, ec2 and sts).
 */
import type { ActionSummary, CatalogView, ServiceSummary } from '../../catalog/catalog';
import type { AccessLevel, ActionDetail, RetiredServices, ServiceDetailFile } from '../../catalog/types';

export interface FakeServiceSpec {
  readonly prefix: string;
  readonly name: string;
  /** [action name, access level] in catalog order */
  readonly actions: readonly (readonly [string, AccessLevel])[];
}

export const FAKE_SERVICES: readonly FakeServiceSpec[] = [
  {
    prefix: 'ec2',
    name: 'Amazon EC2',
    actions: [
      ['CreateTags', 'Tagging'],
      ['DescribeImages', 'List'],
      ['DescribeInstances', 'List'],
      ['RunInstances', 'Write'],
      ['TerminateInstances', 'Write'],
    ],
  },
  {
    prefix: 'iam',
    name: 'AWS Identity and Access Management (IAM)',
    actions: [
      ['AttachRolePolicy', 'Permissions management'],
      ['CreateRole', 'Write'],
      ['DeleteRole', 'Write'],
      ['GetRole', 'Read'],
      ['GetUser', 'Read'],
      ['ListRoles', 'List'],
      ['ListUsers', 'List'],
      ['PassRole', 'Write'],
      ['TagRole', 'Tagging'],
    ],
  },
  {
    prefix: 's3',
    name: 'Amazon S3',
    actions: [
      ['CreateBucket', 'Write'],
      ['DeleteBucketPolicy', 'Permissions management'],
      ['DeleteObject', 'Write'],
      ['DeleteObjectTagging', 'Tagging'],
      ['GetBucketTagging', 'Read'],
      ['GetObject', 'Read'],
      ['GetObjectTagging', 'Read'],
      ['ListAllMyBuckets', 'List'],
      ['ListBucket', 'List'],
      ['PutBucketPolicy', 'Permissions management'],
      ['PutBucketTagging', 'Tagging'],
      ['PutObject', 'Write'],
      ['PutObjectAcl', 'Permissions management'],
      ['PutObjectTagging', 'Tagging'],
    ],
  },
  {
    prefix: 'sts',
    name: 'AWS Security Token Service',
    actions: [
      ['AssumeRole', 'Write'],
      ['GetCallerIdentity', 'Read'],
      ['TagSession', 'Tagging'],
    ],
  },
];

export const FAKE_RETIRED_SERVICES: RetiredServices = {
  'aws-portal': 'AWS Billing Console (legacy permissions)',
};

function detailOf(service: ServiceSummary): ServiceDetailFile {
  return {
    prefix: service.prefix,
    name: service.name,
    actions: service.actions.map((action): ActionDetail => ({
      name: action.name,
      description: `${action.name} (test catalog)`,
      accessLevel: action.accessLevel,
      wildcardOnly: true,
      resourceTypes: [],
      conditionKeys: [],
      dependentActions: [],
    })),
    resourceTypes: [],
    conditionKeys: [],
  };
}

/** Builds a CatalogView over the given services (default: FAKE_SERVICES), all details loaded. */
export function makeFakeCatalog(specs: readonly FakeServiceSpec[] = FAKE_SERVICES): CatalogView {
  const services: ServiceSummary[] = specs.map((spec) => ({
    prefix: spec.prefix,
    name: spec.name,
    actions: spec.actions.map(([name, accessLevel]): ActionSummary => ({
      service: spec.prefix,
      name,
      accessLevel,
    })),
  }));
  const byPrefix = new Map(services.map((service) => [service.prefix.toLowerCase(), service]));
  const details = new Map(services.map((service) => [service.prefix.toLowerCase(), detailOf(service)]));
  return {
    dataDate: '2025-01-01',
    packages: { 'test-catalog': '0.0.0' },
    services,
    allActions: services.flatMap((service) => service.actions),
    service: (prefix) => byPrefix.get(prefix.toLowerCase()),
    detail: (prefix) => details.get(prefix.toLowerCase()),
    actionDetail: (prefix, action) =>
      details
        .get(prefix.toLowerCase())
        ?.actions.find((detail) => detail.name.toLowerCase() === action.toLowerCase()),
    globalConditionKeys: [],
    retiredServices: FAKE_RETIRED_SERVICES,
  };
}

/** The default fake catalog. */
export const fakeCatalog: CatalogView = makeFakeCatalog();
