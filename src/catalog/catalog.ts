import type {
  AccessLevel,
  ActionDetail,
  GlobalConditionKey,
  RetiredServices,
  ServiceDetailFile,
} from './types';

/** One action as the search index knows it. */
export interface ActionSummary {
  /** service prefix, lower case, e.g. "s3" */
  readonly service: string;
  /** canonical case, e.g. "GetObject" */
  readonly name: string;
  readonly accessLevel: AccessLevel;
}

export interface ServiceSummary {
  readonly prefix: string;
  readonly name: string;
  readonly actions: readonly ActionSummary[];
}

/**
 * A synchronous view of whatever catalog data has been loaded so far.
 * The index and the global condition keys are always there; service details only
 * once loaded (see CatalogLoader). Lookups are case-insensitive, as IAM's are.
 */
export interface CatalogView {
  readonly dataDate: string;
  readonly packages: Readonly<Record<string, string>>;
  readonly services: readonly ServiceSummary[];
  /** every action of every service, in service then action order */
  readonly allActions: readonly ActionSummary[];
  service(prefix: string): ServiceSummary | undefined;
  /** undefined when the service is unknown or its detail file is not loaded yet */
  detail(prefix: string): ServiceDetailFile | undefined;
  actionDetail(prefix: string, action: string): ActionDetail | undefined;
  readonly globalConditionKeys: readonly GlobalConditionKey[];
  /** prefixes of services AWS has retired, with their former names */
  readonly retiredServices: RetiredServices;
}
