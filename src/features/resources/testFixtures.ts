/**
 * A small, real subset of the S3 service detail and of the global condition keys, as a
 * CatalogView, for the unit tests of the resources and conditions features.
 */
import type { ActionSummary, CatalogView } from '../../catalog/catalog';
import type { GlobalConditionKey, ServiceDetailFile } from '../../catalog/types';

export const S3_DETAIL: ServiceDetailFile = {
  prefix: 's3',
  name: 'Amazon S3',
  actions: [
    {
      name: 'CreateAccessPoint',
      description: 'Grants permission to create a new access point',
      accessLevel: 'Write',
      wildcardOnly: false,
      resourceTypes: [{ name: 'accesspoint', required: true }],
      conditionKeys: ['aws:RequestTag/${TagKey}', 'aws:TagKeys', 's3:x-amz-acl'],
      dependentActions: [],
    },
    {
      name: 'GetObject',
      description: 'Grants permission to retrieve objects from Amazon S3',
      accessLevel: 'Read',
      wildcardOnly: false,
      resourceTypes: [
        { name: 'accesspointobject', required: false },
        { name: 'object', required: false },
      ],
      conditionKeys: ['s3:ExistingObjectTag/${TagKey}', 's3:TlsVersion'],
      dependentActions: [],
    },
    {
      name: 'ListAllMyBuckets',
      description: 'Grants permission to list all buckets owned by the authenticated sender of the request',
      accessLevel: 'List',
      wildcardOnly: true,
      resourceTypes: [],
      conditionKeys: ['s3:TlsVersion'],
      dependentActions: [],
    },
    {
      name: 'ListBucket',
      description: 'Grants permission to list some or all of the objects in an Amazon S3 bucket (up to 1000)',
      accessLevel: 'List',
      wildcardOnly: false,
      resourceTypes: [
        { name: 'accesspoint', required: false },
        { name: 'bucket', required: false },
      ],
      conditionKeys: ['s3:TlsVersion', 's3:max-keys', 's3:prefix'],
      dependentActions: [],
    },
  ],
  resourceTypes: [
    {
      name: 'accesspoint',
      arn: 'arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}',
      conditionKeys: ['aws:ResourceTag/${TagKey}', 's3:DataAccessPointArn'],
    },
    {
      name: 'accesspointobject',
      arn: 'arn:${Partition}:s3:${Region}:${Account}:accesspoint/${AccessPointName}/object/${ObjectName}',
      conditionKeys: [],
    },
    { name: 'bucket', arn: 'arn:${Partition}:s3:::${BucketName}', conditionKeys: ['aws:ResourceTag/${TagKey}', 's3:BucketTag/${TagKey}'] },
    { name: 'job', arn: 'arn:${Partition}:s3:${Region}:${Account}:job/${JobId}', conditionKeys: [] },
    { name: 'object', arn: 'arn:${Partition}:s3:::${BucketName}/${ObjectName}', conditionKeys: [] },
  ],
  conditionKeys: [
    { key: 'aws:RequestTag/${TagKey}', type: 'String', description: 'Filters access by the tags that are passed in the request' },
    { key: 'aws:ResourceTag/${TagKey}', type: 'String', description: 'Filters access by the tags associated with the resource' },
    { key: 'aws:TagKeys', type: 'ArrayOfString', description: 'Filters access by the tag keys that are passed in the request' },
    { key: 's3:BucketTag/${TagKey}', type: 'String', description: 'Filters access by tag key-value pairs attached to the bucket' },
    { key: 's3:DataAccessPointArn', type: 'ARN', description: 'Filters access by an access point Amazon Resource Name (ARN)' },
    { key: 's3:ExistingObjectTag/${TagKey}', type: 'String', description: 'Filters access by existing object tag key and value' },
    { key: 's3:TlsVersion', type: 'Numeric', description: 'Filters access by the TLS version used by the client' },
    { key: 's3:max-keys', type: 'Numeric', description: 'Filters access by maximum number of keys returned in a ListBucket request' },
    { key: 's3:prefix', type: 'String', description: 'Filters access by key name prefix' },
    { key: 's3:x-amz-acl', type: 'String', description: "Filters access by canned ACL in the request's x-amz-acl header" },
  ],
};

export const GLOBAL_KEYS: readonly GlobalConditionKey[] = [
  { key: 'aws:CurrentTime', type: 'Date', description: 'The date and time of the request.', category: 'request' },
  { key: 'aws:MultiFactorAuthPresent', type: 'Bool', description: 'Whether the request was authenticated with MFA.', category: 'session' },
  { key: 'aws:PrincipalTag/${TagKey}', type: 'String', description: 'A tag attached to the principal.', category: 'principal' },
  { key: 'aws:ResourceTag/${TagKey}', type: 'String', description: 'A tag attached to the resource.', category: 'resource' },
  { key: 'aws:SourceArn', type: 'ARN', description: 'The ARN of the source resource.', category: 'request' },
  { key: 'aws:SourceIp', type: 'IPAddress', description: 'The IP address the request came from.', category: 'network' },
  { key: 'aws:TagKeys', type: 'ArrayOfString', description: 'The tag keys passed in the request.', category: 'request' },
];

/** A CatalogView holding only S3_DETAIL (loaded) and GLOBAL_KEYS. */
export function s3Catalog(): CatalogView {
  const actions: ActionSummary[] = S3_DETAIL.actions.map((a) => ({ service: 's3', name: a.name, accessLevel: a.accessLevel }));
  const service = { prefix: 's3', name: 'Amazon S3', actions };
  return {
    dataDate: '2026-01-01',
    packages: {},
    services: [service],
    allActions: actions,
    service: (prefix) => (prefix.toLowerCase() === 's3' ? service : undefined),
    detail: (prefix) => (prefix.toLowerCase() === 's3' ? S3_DETAIL : undefined),
    actionDetail: (prefix, name) =>
      prefix.toLowerCase() === 's3' ? S3_DETAIL.actions.find((a) => a.name.toLowerCase() === name.toLowerCase()) : undefined,
    globalConditionKeys: GLOBAL_KEYS,
    retiredServices: {},
  };
}
