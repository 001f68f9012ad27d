/**
 * Lazy loading of the built catalog (public/catalog/, see types.ts for the files).
 *
 * A CatalogLoader reads files through an injected `fetchJson(path)`, where `path` is relative
 * to the catalog root ("index.json", "services/s3.json") and URL-encoded. In the browser that is
 * `fetch('/catalog/' + path)`; in Node, src/catalog/node.ts reads the files from disk.
 * The index and the global condition keys are loaded up front; service details and managed
 * policies on demand. Each file is fetched at most once: concurrent requests share one promise,
 * and a failed fetch is forgotten so that it can be retried.
 */
import type { ActionSummary, CatalogView, ServiceSummary } from './catalog';
import { RETIRED_SERVICES } from './retiredServices';
import { ACCESS_LEVEL_CODES } from './types';
import type {
  ActionDetail,
  CatalogIndexFile,
  GlobalConditionKey,
  GlobalConditionKeysFile,
  ManagedPolicyDocumentFile,
  ManagedPolicyEntry,
  ManagedPolicyIndexFile,
  RetiredServices,
  ServiceDetailFile,
} from './types';

export type FetchJson = (path: string) => Promise<unknown>;

/** Paths of the catalog's files, relative to the catalog root. */
export const CATALOG_PATHS = {
  index: 'index.json',
  meta: 'meta.json',
  globalConditionKeys: 'global-condition-keys.json',
  service: (prefix: string): string => `services/${encodeURIComponent(prefix.toLowerCase())}.json`,
  managedPolicyIndex: 'managed-policies/index.json',
  managedPolicy: (name: string): string => `managed-policies/${encodeURIComponent(name)}.json`,
} as const;

export class CatalogFormatError extends Error {
  constructor(
    readonly path: string,
    detail: string,
  ) {
    super(`catalog file ${path}: ${detail}`);
    this.name = 'CatalogFormatError';
  }
}

type JsonRecord = Readonly<Record<string, unknown>>;

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A light check of a file's shape (the builder wrote it; this catches a wrong or stale file). */
function checked<T>(value: unknown, path: string, what: string, ok: (o: JsonRecord) => boolean): T {
  if (!isRecord(value) || !ok(value)) throw new CatalogFormatError(path, `not ${what}`);
  return value as T;
}

/** A CatalogView with a few lookups beyond the interface. */
export interface LoadedCatalogView extends CatalogView {
  /** the action as the index knows it (no detail needed), case-insensitive */
  action(prefix: string, action: string): ActionSummary | undefined;
  /** true once the service's detail file is loaded */
  isLoaded(prefix: string): boolean;
}

/**
 * A service of the index. Its actions are parsed from the index's compact string when first asked
 * for: the first screen (the search) needs none of the 22,000 action objects.
 */
class IndexedService implements ServiceSummary {
  private list: readonly ActionSummary[] | undefined;
  private byName: ReadonlyMap<string, ActionSummary> | undefined;

  constructor(
    readonly prefix: string,
    readonly name: string,
    /** the index's compact action list, e.g. "RGetObject,WPutObject" (see CatalogIndexFile) */
    readonly compactActions: string,
  ) {}

  get actions(): readonly ActionSummary[] {
    return (this.list ??= parseCompactActions(this.prefix, this.compactActions));
  }

  action(lowerName: string): ActionSummary | undefined {
    this.byName ??= new Map(this.actions.map((a) => [a.name.toLowerCase(), a]));
    return this.byName.get(lowerName);
  }
}

function parseCompactActions(service: string, compact: string): ActionSummary[] {
  if (compact === '') return [];
  return compact.split(',').map((item) => {
    const accessLevel = ACCESS_LEVEL_CODES[item.charAt(0)];
    if (accessLevel === undefined) {
      throw new CatalogFormatError(CATALOG_PATHS.index, `unknown access level code in ${service}:${item}`);
    }
    return { service, name: item.slice(1), accessLevel };
  });
}

/** Checks every access level code of a compact action list without parsing it. */
function checkCompactActions(service: string, compact: string): void {
  if (compact === '') return;
  for (let at = 0; ;) {
    const end = compact.indexOf(',', at);
    if (ACCESS_LEVEL_CODES[compact.charAt(at)] === undefined) {
      const item = compact.slice(at, end < 0 ? undefined : end);
      throw new CatalogFormatError(CATALOG_PATHS.index, `unknown access level code in ${service}:${item}`);
    }
    if (end < 0) return;
    at = end + 1;
  }
}

class View implements LoadedCatalogView {
  readonly dataDate: string;
  readonly packages: Readonly<Record<string, string>>;
  readonly services: readonly IndexedService[];
  readonly globalConditionKeys: readonly GlobalConditionKey[];
  readonly retiredServices: RetiredServices = RETIRED_SERVICES;

  private readonly byPrefix = new Map<string, IndexedService>();
  private readonly details = new Map<string, ServiceDetailFile>();
  private readonly actionDetails = new Map<string, ReadonlyMap<string, ActionDetail>>();
  private everyAction: readonly ActionSummary[] | undefined;

  constructor(index: CatalogIndexFile, globalKeys: GlobalConditionKeysFile) {
    this.dataDate = index.dataDate;
    this.packages = index.packages;
    this.globalConditionKeys = globalKeys.keys;
    this.services = index.services.map((entry) => {
      checkCompactActions(entry.p, entry.a);
      const summary = new IndexedService(entry.p, entry.n, entry.a);
      this.byPrefix.set(entry.p.toLowerCase(), summary);
      return summary;
    });
  }

  /** every action of every service, made on first use (one array for the view's life) */
  get allActions(): readonly ActionSummary[] {
    return (this.everyAction ??= this.services.flatMap((s) => s.actions));
  }

  service(prefix: string): ServiceSummary | undefined {
    return this.byPrefix.get(prefix.toLowerCase());
  }

  action(prefix: string, action: string): ActionSummary | undefined {
    return this.byPrefix.get(prefix.toLowerCase())?.action(action.toLowerCase());
  }

  detail(prefix: string): ServiceDetailFile | undefined {
    return this.details.get(prefix.toLowerCase());
  }

  actionDetail(prefix: string, action: string): ActionDetail | undefined {
    return this.actionDetails.get(prefix.toLowerCase())?.get(action.toLowerCase());
  }

  isLoaded(prefix: string): boolean {
    return this.details.has(prefix.toLowerCase());
  }

  /** @internal used by the loader */
  addDetail(detail: ServiceDetailFile): void {
    const key = detail.prefix.toLowerCase();
    this.details.set(key, detail);
    this.actionDetails.set(key, new Map(detail.actions.map((a) => [a.name.toLowerCase(), a])));
  }
}

function checkIndex(value: unknown): CatalogIndexFile {
  return checked<CatalogIndexFile>(
    value,
    CATALOG_PATHS.index,
    'a catalog index (format 1)',
    (o) =>
      o.format === 1 &&
      typeof o.dataDate === 'string' &&
      isRecord(o.packages) &&
      Array.isArray(o.services) &&
      o.services.every(
        (s) => isRecord(s) && typeof s.p === 'string' && typeof s.n === 'string' && typeof s.a === 'string',
      ),
  );
}

function checkGlobalKeys(value: unknown): GlobalConditionKeysFile {
  return checked<GlobalConditionKeysFile>(
    value,
    CATALOG_PATHS.globalConditionKeys,
    'a list of global condition keys',
    (o) => Array.isArray(o.keys) && o.keys.every((k) => isRecord(k) && typeof k.key === 'string'),
  );
}

/**
 * A synchronous view over catalog files already in hand (for tests and tools):
 * the index, the global condition keys, and any service details.
 */
export function catalogViewFromFiles(
  index: unknown,
  globalConditionKeys: unknown,
  details: readonly ServiceDetailFile[] = [],
): LoadedCatalogView {
  const view = new View(checkIndex(index), checkGlobalKeys(globalConditionKeys));
  for (const detail of details) view.addDetail(detail);
  return view;
}

export class CatalogLoader {
  /** Loads the index and the global condition keys, and returns a loader over them. */
  static async create(fetchJson: FetchJson): Promise<CatalogLoader> {
    const loader = new CatalogLoader(fetchJson);
    const [index, globalKeys] = await Promise.all([
      loader.fetchOnce(CATALOG_PATHS.index),
      loader.fetchOnce(CATALOG_PATHS.globalConditionKeys),
    ]);
    loader.currentView = new View(checkIndex(index), checkGlobalKeys(globalKeys));
    return loader;
  }

  private readonly cache = new Map<string, Promise<unknown>>();
  private readonly listeners = new Set<() => void>();
  private currentView: View | undefined;
  private loadedVersion = 0;

  private constructor(private readonly fetchJson: FetchJson) {}

  /** What is loaded so far; service details appear as they load. */
  get view(): LoadedCatalogView {
    if (this.currentView === undefined) throw new Error('CatalogLoader used before create() resolved');
    return this.currentView;
  }

  /** Goes up by one each time a service detail is loaded (a snapshot for useSyncExternalStore). */
  get version(): number {
    return this.loadedVersion;
  }

  /** Calls `listener` after each service detail is loaded. Returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** The service's detail, loading it if need be; undefined for a prefix the catalog does not know. */
  async loadService(prefix: string): Promise<ServiceDetailFile | undefined> {
    const view = this.view;
    const summary = view.service(prefix);
    if (summary === undefined) return undefined;
    const loaded = view.detail(summary.prefix);
    if (loaded !== undefined) return loaded;
    const path = CATALOG_PATHS.service(summary.prefix);
    const detail = checked<ServiceDetailFile>(
      await this.fetchOnce(path),
      path,
      `the detail of service ${summary.prefix}`,
      (o) => o.prefix === summary.prefix && Array.isArray(o.actions) && Array.isArray(o.conditionKeys),
    );
    if (!view.isLoaded(summary.prefix)) {
      this.currentView?.addDetail(detail);
      this.loadedVersion += 1;
      for (const listener of this.listeners) listener();
    }
    return view.detail(summary.prefix);
  }

  /** Loads the details of the known services among `prefixes` (unknown ones are skipped). */
  async loadServices(prefixes: Iterable<string>): Promise<ServiceDetailFile[]> {
    const unique = [...new Set([...prefixes].map((p) => p.toLowerCase()))];
    const details = await Promise.all(unique.map((prefix) => this.loadService(prefix)));
    return details.filter((detail): detail is ServiceDetailFile => detail !== undefined);
  }

  async loadAllServices(): Promise<ServiceDetailFile[]> {
    return this.loadServices(this.view.services.map((s) => s.prefix));
  }

  /** The managed policy index: every AWS managed policy, current version. */
  async managedPolicies(): Promise<readonly ManagedPolicyEntry[]> {
    const file = checked<ManagedPolicyIndexFile>(
      await this.fetchOnce(CATALOG_PATHS.managedPolicyIndex),
      CATALOG_PATHS.managedPolicyIndex,
      'a managed policy index',
      (o) => Array.isArray(o.policies),
    );
    return file.policies;
  }

  /**
   * The current document of an AWS managed policy, by name or ARN (case-insensitive);
   * undefined when there is no such policy.
   */
  async managedPolicy(nameOrArn: string): Promise<ManagedPolicyDocumentFile | undefined> {
    const wanted = nameOrArn.trim().toLowerCase();
    const field = wanted.startsWith('arn:') ? 'arn' : 'name';
    const entry = (await this.managedPolicies()).find((p) => p[field].toLowerCase() === wanted);
    if (entry === undefined) return undefined;
    const path = CATALOG_PATHS.managedPolicy(entry.name);
    return checked<ManagedPolicyDocumentFile>(
      await this.fetchOnce(path),
      path,
      `the managed policy ${entry.name}`,
      (o) => o.name === entry.name && 'document' in o,
    );
  }

  private fetchOnce(path: string): Promise<unknown> {
    let pending = this.cache.get(path);
    if (pending === undefined) {
      pending = this.fetchJson(path);
      this.cache.set(path, pending);
      pending.catch(() => {
        if (this.cache.get(path) === pending) this.cache.delete(path);
      });
    }
    return pending;
  }
}

/** Loads the index and the global condition keys through `fetchJson`. */
export function createCatalogLoader(fetchJson: FetchJson): Promise<CatalogLoader> {
  return CatalogLoader.create(fetchJson);
}

/** The browser's fetchJson: the catalog is served from `base` (default "/catalog/"). */
export function browserFetchJson(base = '/catalog/'): FetchJson {
  return async (path) => {
    const response = await fetch(base + path);
    if (!response.ok) throw new Error(`GET ${base}${path}: ${response.status} ${response.statusText}`);
    return response.json() as Promise<unknown>;
  };
}
