/**
 * Lookup structures over a CatalogView, built once per view (WeakMap) and per loaded service
 * detail file (WeakMap keyed by the file object, so details loaded later are picked up).
 * Everything here is case-insensitive, as IAM is for actions and condition key names.
 */
import type { CatalogView } from '../../catalog/catalog';
import type {
  ActionDetail,
  ConditionKeyDetail,
  ConditionKeyType,
  GlobalConditionKey,
  ResourceTypeDetail,
  ServiceDetailFile,
} from '../../catalog/types';
import { hasWildcard, wildcardMatch } from '../wildcard';
import { compileTemplateField, separatorRules } from './arnMatch';
import type { SeparatorRules, TemplatePattern } from './arnMatch';

/** One action of the catalog. */
export interface ActionRef {
  /** service prefix as the catalog writes it (lower case) */
  readonly service: string;
  /** canonical case, e.g. "GetObject" */
  readonly name: string;
  /** "s3:getobject" */
  readonly id: string;
}

interface ServiceEntry {
  readonly prefix: string;
  readonly name: string;
  readonly actions: readonly ActionRef[];
  readonly lowerNames: readonly string[];
  readonly byLowerName: ReadonlyMap<string, ActionRef>;
  /** "\n" + every lower-cased name + "\n", to find the names that hold a pattern's literal part */
  readonly joined: string;
  /** where each name starts in `joined` (ascending) */
  readonly starts: readonly number[];
}

/** A condition key as the catalog defines it, with the service that lists it. */
export interface KnownConditionKey {
  /** canonical text, e.g. "s3:RequestObjectTag/${TagKey}" or "aws:SourceIp" */
  readonly key: string;
  /** lower-cased canonical text: the identity used to compare keys */
  readonly id: string;
  readonly type: ConditionKeyType;
  readonly global: boolean;
}

/** partition, service, region, account, resource of one ARN template, compiled (see arnMatch.ts) */
export type TemplateFields = readonly [
  TemplatePattern,
  TemplatePattern,
  TemplatePattern,
  TemplatePattern,
  TemplatePattern,
];

/** A resource type's ARN template(s), split into the ARN fields. */
export interface CompiledResourceType {
  readonly service: string;
  readonly name: string;
  readonly arn: string;
  /** one entry per template (a few types list two, separated by ", ") */
  readonly templates: readonly TemplateFields[];
  readonly conditionKeys: readonly string[];
}

interface KeyPattern {
  /** the key template, lower-cased, with each ${Variable} as "?*" (one or more characters) */
  readonly pattern: string;
  readonly known: KnownConditionKey;
  /** lower-cased text before "/${", for "missing tag key" diagnostics */
  readonly base: string;
}

export interface ServiceDetailIndex {
  readonly detail: ServiceDetailFile;
  readonly actions: ReadonlyMap<string, ActionDetail>;
  readonly resourceTypes: ReadonlyMap<string, CompiledResourceType>;
  readonly exactKeys: ReadonlyMap<string, KnownConditionKey>;
  readonly keyPatterns: readonly KeyPattern[];
  /** lower-cased condition keys (canonical) an action supports, including its resource types' keys */
  actionKeys(actionLower: string): ReadonlySet<string>;
  /** every lower-cased condition key any action or resource type of the service lists */
  readonly referencedKeys: ReadonlySet<string>;
  /** condition key id (lower) -> actions of this service that support it */
  actionsSupportingKey(keyId: string): readonly string[];
}

const detailIndexes = new WeakMap<ServiceDetailFile, ServiceDetailIndex>();

/** "s3:RequestObjectTag/${TagKey}" -> "s3:requestobjecttag/?*" (matched against lower-cased keys) */
function keyTemplatePattern(lowerKey: string): string {
  let out = '';
  let rest = lowerKey;
  for (;;) {
    const start = rest.indexOf('${');
    if (start < 0) break;
    const end = rest.indexOf('}', start);
    if (end < 0) break;
    out += `${rest.slice(0, start)}?*`;
    rest = rest.slice(end + 1);
  }
  return out + rest;
}

/** Does a lower-cased key (literal text, as written in a policy) fit a key template? */
function keyFits(pattern: KeyPattern, lowerKey: string): boolean {
  return wildcardMatch(pattern.pattern, lowerKey);
}

/**
 * Resource types of AWS-owned resources whose ARNs leave the account empty even though the
 * template names one: public SSM documents ("arn:aws:ssm:*::document/AWS-RunShellScript") and
 * AWS's public SSM parameters ("arn:aws:ssm:*::parameter/aws/service/..."). For these an empty
 * account is accepted; everywhere else a template's ${Account} needs an account (or a wildcard).
 */
const ACCOUNT_MAY_BE_EMPTY = new Set([
  'ssm document',
  'ssm parameter',
  'ssm automation-definition',
  'resource-explorer-2 view',
]);
/** Services whose AWS-owned resources (e.g. the "AWS" partner catalog) leave the account empty. */
const ACCOUNT_MAY_BE_EMPTY_SERVICES = new Set(['partnercentral']);

/**
 * ARN forms AWS documents beside a type's template: CloudWatch Logs writes a log group's ARN with
 * a trailing ":*" ("arn:aws:logs:us-east-1:123456789012:log-group:my-group:*"), and its own API
 * returns log group ARNs that way.
 */
const EXTRA_TEMPLATES: Readonly<Record<string, readonly string[]>> = {
  'logs log-group': ['arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}:*'],
};

function templatesOf(arn: string): string[] {
  return arn.split(/,\s+(?=arn:)/).map((text) => text.trim());
}

export function compileResourceType(
  service: string,
  detail: ResourceTypeDetail,
  rules?: SeparatorRules,
): CompiledResourceType | undefined {
  const templates: TemplateFields[] = [];
  const emptyAccount =
    ACCOUNT_MAY_BE_EMPTY.has(`${service} ${detail.name}`) || ACCOUNT_MAY_BE_EMPTY_SERVICES.has(service);
  for (const arn of [...templatesOf(detail.arn), ...(EXTRA_TEMPLATES[`${service} ${detail.name}`] ?? [])]) {
    const parts = arn.trim().split(':');
    if (parts.length < 6 || parts[0] !== 'arn') continue;
    templates.push([
      compileTemplateField(parts[1] ?? ''),
      compileTemplateField(parts[2] ?? ''),
      compileTemplateField(parts[3] ?? ''),
      compileTemplateField(parts[4] ?? '', emptyAccount),
      compileTemplateField(parts.slice(5).join(':'), false, rules),
    ]);
  }
  if (templates.length === 0) return undefined;
  return {
    service,
    name: detail.name,
    arn: detail.arn,
    templates,
    conditionKeys: detail.conditionKeys,
  };
}

export function serviceDetailIndex(detail: ServiceDetailFile): ServiceDetailIndex {
  const cached = detailIndexes.get(detail);
  if (cached) return cached;
  const prefix = detail.prefix.toLowerCase();
  const actions = new Map<string, ActionDetail>();
  for (const action of detail.actions) actions.set(action.name.toLowerCase(), action);
  const resourceTypes = new Map<string, CompiledResourceType>();
  const rules = separatorRules(
    detail.resourceTypes.flatMap((resourceType) =>
      templatesOf(resourceType.arn).map((arn) => arn.split(':').slice(5).join(':')),
    ),
  );
  for (const resourceType of detail.resourceTypes) {
    const compiled = compileResourceType(prefix, resourceType, rules);
    if (compiled) resourceTypes.set(resourceType.name, compiled);
  }
  const exactKeys = new Map<string, KnownConditionKey>();
  const keyPatterns: KeyPattern[] = [];
  for (const key of detail.conditionKeys)
    addKnownKey(key, exactKeys, keyPatterns, key.key.toLowerCase().startsWith('aws:'));

  const typeKeys = new Map<string, readonly string[]>();
  for (const resourceType of detail.resourceTypes)
    typeKeys.set(resourceType.name, resourceType.conditionKeys);

  const actionKeyCache = new Map<string, ReadonlySet<string>>();
  const actionKeys = (actionLower: string): ReadonlySet<string> => {
    let keys = actionKeyCache.get(actionLower);
    if (keys) return keys;
    const set = new Set<string>();
    const action = actions.get(actionLower);
    if (action) {
      for (const key of action.conditionKeys) set.add(key.toLowerCase());
      const typeNames = new Set<string>();
      for (const ref of action.resourceTypes) {
        typeNames.add(ref.name);
        for (const key of ref.conditionKeys ?? []) set.add(key.toLowerCase());
      }
      for (const scenario of action.scenarios ?? [])
        for (const ref of scenario.resourceTypes) typeNames.add(ref.name);
      for (const name of typeNames) for (const key of typeKeys.get(name) ?? []) set.add(key.toLowerCase());
    }
    keys = set;
    actionKeyCache.set(actionLower, keys);
    return keys;
  };

  // Built from the raw lists (not through actionKeys) so that it stays cheap for every service.
  const referencedKeys = new Set<string>();
  for (const action of detail.actions) {
    for (const key of action.conditionKeys) referencedKeys.add(key.toLowerCase());
    for (const ref of action.resourceTypes)
      for (const key of ref.conditionKeys ?? []) referencedKeys.add(key.toLowerCase());
  }
  for (const resourceType of detail.resourceTypes)
    for (const key of resourceType.conditionKeys) referencedKeys.add(key.toLowerCase());

  let supporters: Map<string, string[]> | undefined;
  const actionsSupportingKey = (keyId: string): readonly string[] => {
    if (!supporters) {
      supporters = new Map();
      for (const action of detail.actions) {
        for (const key of actionKeys(action.name.toLowerCase())) {
          let list = supporters.get(key);
          if (!list) supporters.set(key, (list = []));
          list.push(`${prefix}:${action.name}`);
        }
      }
    }
    return supporters.get(keyId) ?? [];
  };

  const index: ServiceDetailIndex = {
    detail,
    actions,
    resourceTypes,
    exactKeys,
    keyPatterns,
    actionKeys,
    referencedKeys,
    actionsSupportingKey,
  };
  detailIndexes.set(detail, index);
  return index;
}

function addKnownKey(
  key: ConditionKeyDetail,
  exact: Map<string, KnownConditionKey>,
  patterns: KeyPattern[],
  global: boolean,
): void {
  const id = key.key.toLowerCase();
  const known: KnownConditionKey = { key: key.key, id, type: key.type, global };
  if (id.includes('${')) {
    const start = id.indexOf('${');
    let base = id.slice(0, start);
    if (base.endsWith('/')) base = base.slice(0, -1);
    patterns.push({ pattern: keyTemplatePattern(id), known, base });
  } else if (!exact.has(id)) {
    exact.set(id, known);
  }
}

/** How a condition key resolved against the catalog. */
export type KeyLookup =
  | { readonly kind: 'known'; readonly known: KnownConditionKey; readonly service?: string }
  /** the key's base names a templated key but the variable part is missing ("aws:ResourceTag") */
  | { readonly kind: 'missing-variable'; readonly known: KnownConditionKey }
  | { readonly kind: 'unknown-global' }
  | { readonly kind: 'unknown-in-service'; readonly service: string }
  | { readonly kind: 'retired-service'; readonly service: string; readonly serviceName: string }
  | { readonly kind: 'unknown-service'; readonly service: string }
  /** a federation provider's claim ("accounts.google.com:aud", "oidc.eks...:sub"): not in the catalog */
  | { readonly kind: 'provider-claim'; readonly provider: string; readonly claim: string }
  /** the service is known but its detail is not loaded: cannot decide */
  | { readonly kind: 'not-loaded'; readonly service: string };

/** Per-CatalogView lookups. */
export class CatalogIndex {
  private readonly services = new Map<string, ServiceEntry>();
  private allActionsCache: readonly ActionRef[] | undefined;
  private readonly patternCache = new Map<string, readonly ActionRef[]>();
  private readonly globalExact = new Map<string, KnownConditionKey>();
  private readonly globalPatterns: KeyPattern[] = [];
  private foreign:
    | { loaded: number; exact: Map<string, KnownConditionKey>; patterns: KeyPattern[]; prefixes: Set<string> }
    | undefined;

  constructor(readonly view: CatalogView) {
    for (const key of view.globalConditionKeys) addGlobal(key, this.globalExact, this.globalPatterns);
  }

  /** The service's actions, built on first use (most policies touch few services). */
  private entry(prefix: string): ServiceEntry | undefined {
    const lower = prefix.toLowerCase();
    const cached = this.services.get(lower);
    if (cached) return cached;
    const service = this.view.service(lower);
    if (!service) return undefined;
    const actions = service.actions.map((action): ActionRef => ({
      service: lower,
      name: action.name,
      id: `${lower}:${action.name.toLowerCase()}`,
    }));
    const entry: ServiceEntry = {
      prefix: lower,
      name: service.name,
      actions,
      lowerNames: actions.map((action) => action.name.toLowerCase()),
      ...joinNames(actions.map((action) => action.name.toLowerCase())),
      byLowerName: new Map(actions.map((action) => [action.name.toLowerCase(), action])),
    };
    this.services.set(lower, entry);
    return entry;
  }

  hasService(prefix: string): boolean {
    return this.view.service(prefix.toLowerCase()) !== undefined;
  }

  serviceName(prefix: string): string | undefined {
    return this.view.service(prefix.toLowerCase())?.name;
  }

  retiredServiceName(prefix: string): string | undefined {
    const retired = this.view.retiredServices;
    const lower = prefix.toLowerCase();
    return Object.prototype.hasOwnProperty.call(retired, lower) ? retired[lower] : undefined;
  }

  servicePrefixes(): string[] {
    return this.view.services.map((service) => service.prefix.toLowerCase());
  }

  action(prefix: string, name: string): ActionRef | undefined {
    return this.entry(prefix)?.byLowerName.get(name.toLowerCase());
  }

  serviceActions(prefix: string): readonly ActionRef[] {
    return this.entry(prefix)?.actions ?? [];
  }

  allActions(): readonly ActionRef[] {
    if (!this.allActionsCache) {
      this.allActionsCache = this.servicePrefixes().flatMap((prefix) => this.entry(prefix)?.actions ?? []);
    }
    return this.allActionsCache;
  }

  /**
   * Catalog actions an action pattern matches ("s3:Get*", "*", "*:List*", "iam:PassRole").
   * The pattern must be syntactically an action (checked by the caller). Cached.
   */
  matchActions(pattern: string): readonly ActionRef[] {
    const lower = pattern.toLowerCase();
    const cached = this.patternCache.get(lower);
    if (cached) return cached;
    let result: readonly ActionRef[];
    if (lower === '*') {
      result = this.allActions();
    } else {
      const colon = lower.indexOf(':');
      const servicePart = colon < 0 ? lower : lower.slice(0, colon);
      const actionPart = colon < 0 ? '' : lower.slice(colon + 1);
      const matched: ActionRef[] = [];
      let prefixes = [servicePart];
      if (hasWildcard(servicePart)) {
        const pattern = namePattern(servicePart);
        prefixes = this.servicePrefixes().filter((prefix) => nameMatches(pattern, prefix));
      }
      const services = prefixes
        .map((prefix) => this.entry(prefix))
        .filter((service): service is ServiceEntry => service !== undefined);
      for (const service of services) collectMatches(service, actionPart, matched);
      result = matched;
    }
    if (this.patternCache.size > 50_000) this.patternCache.clear();
    this.patternCache.set(lower, result);
    return result;
  }

  /**
   * Some catalog action the pattern matches, or undefined: the first one found (for NotAction,
   * where only "matches nothing" matters). Cached with matchActions' results when known.
   */
  anyAction(pattern: string): ActionRef | undefined {
    const lower = pattern.toLowerCase();
    const cached = this.patternCache.get(lower);
    if (cached) return cached[0];
    const colon = lower.indexOf(':');
    if (colon < 0) return undefined;
    const servicePart = lower.slice(0, colon);
    const name = namePattern(lower.slice(colon + 1));
    const service = namePattern(servicePart);
    if (name.minLength === Infinity) return undefined;
    const literal = longestLiteral(name.text);
    for (const prefix of hasWildcard(servicePart) ? this.servicePrefixes() : [servicePart]) {
      if (!nameMatches(service, prefix)) continue;
      const entry = this.entry(prefix);
      if (!entry || !entry.joined.includes(literal)) continue;
      for (const i of candidateNames(entry, name))
        if (nameMatches(name, entry.lowerNames[i] as string)) return entry.actions[i];
    }
    return undefined;
  }

  detailIndex(prefix: string): ServiceDetailIndex | undefined {
    const detail = this.view.detail(prefix);
    return detail ? serviceDetailIndex(detail) : undefined;
  }

  /** Resolves a condition key (any case) to the catalog's definition. */
  lookupConditionKey(key: string): KeyLookup {
    const lower = key.toLowerCase();
    const colon = lower.indexOf(':');
    const prefix = lower.slice(0, colon);
    // Global keys: "aws:..." and a few service-named session keys ("ec2:SourceInstanceArn").
    const exactGlobal = this.globalExact.get(lower);
    if (exactGlobal) return { kind: 'known', known: exactGlobal };
    for (const pattern of this.globalPatterns)
      if (keyFits(pattern, lower)) return { kind: 'known', known: pattern.known };
    if (prefix === 'aws') {
      const missing = missingVariable(lower, this.globalPatterns);
      if (missing) return { kind: 'missing-variable', known: missing };
      const foreign = this.foreignKeys();
      const viaService =
        foreign.exact.get(lower) ?? foreign.patterns.find((pattern) => keyFits(pattern, lower))?.known;
      if (viaService) return { kind: 'known', known: { ...viaService, global: true } };
      const foreignMissing = missingVariable(lower, foreign.patterns);
      if (foreignMissing) return { kind: 'missing-variable', known: foreignMissing };
      return { kind: 'unknown-global' };
    }
    if (this.hasService(prefix)) {
      const index = this.detailIndex(prefix);
      if (!index) return { kind: 'not-loaded', service: prefix };
      const exact = index.exactKeys.get(lower);
      if (exact) return { kind: 'known', known: exact, service: prefix };
      for (const pattern of index.keyPatterns)
        if (keyFits(pattern, lower)) return { kind: 'known', known: pattern.known, service: prefix };
      const foreign = this.foreignKeys();
      const viaOther =
        foreign.exact.get(lower) ?? foreign.patterns.find((pattern) => keyFits(pattern, lower))?.known;
      if (viaOther) return { kind: 'known', known: viaOther, service: prefix };
      const missing = missingVariable(lower, index.keyPatterns) ?? missingVariable(lower, foreign.patterns);
      if (missing) return { kind: 'missing-variable', known: missing };
      return { kind: 'unknown-in-service', service: prefix };
    }
    const foreign = this.foreignKeys();
    const viaOther =
      foreign.exact.get(lower) ?? foreign.patterns.find((pattern) => keyFits(pattern, lower))?.known;
    if (viaOther) return { kind: 'known', known: viaOther };
    const retired = this.retiredServiceName(prefix);
    if (retired !== undefined) return { kind: 'retired-service', service: prefix, serviceName: retired };
    if (prefix.includes('.') || prefix.includes('/')) {
      return { kind: 'provider-claim', provider: key.slice(0, colon), claim: key.slice(colon + 1) };
    }
    if (foreign.prefixes.has(prefix) || !this.allLoaded()) {
      // A prefix some service defines keys under (e.g. "saml"), or details not all loaded yet.
      return foreign.prefixes.has(prefix)
        ? { kind: 'unknown-in-service', service: prefix }
        : { kind: 'not-loaded', service: prefix };
    }
    return { kind: 'unknown-service', service: prefix };
  }

  private runLoadedCount: number | undefined;

  /** Call at the start of each validation: details may have loaded since the last one. */
  beginRun(): void {
    this.runLoadedCount = undefined;
  }

  private loadedCount(): number {
    if (this.runLoadedCount !== undefined) return this.runLoadedCount;
    let count = 0;
    for (const service of this.view.services) if (this.view.detail(service.prefix)) count++;
    this.runLoadedCount = count;
    return count;
  }

  private allLoaded(): boolean {
    return this.foreignKeys().loaded === this.view.services.length;
  }

  /** Keys that services list under a prefix other than their own (sts lists "saml:aud", ...). */
  private foreignKeys(): {
    loaded: number;
    exact: Map<string, KnownConditionKey>;
    patterns: KeyPattern[];
    prefixes: Set<string>;
  } {
    const loaded = this.loadedCount();
    if (this.foreign && this.foreign.loaded === loaded) return this.foreign;
    const exact = new Map<string, KnownConditionKey>();
    const patterns: KeyPattern[] = [];
    const prefixes = new Set<string>();
    for (const service of this.view.services) {
      const prefix = service.prefix.toLowerCase();
      const detail = this.view.detail(prefix);
      if (!detail) continue;
      for (const key of detail.conditionKeys) {
        const keyPrefix = key.key.slice(0, key.key.indexOf(':')).toLowerCase();
        if (keyPrefix === prefix) continue;
        prefixes.add(keyPrefix);
        addKnownKey(key, exact, patterns, keyPrefix === 'aws');
      }
    }
    this.foreign = { loaded, exact, patterns, prefixes };
    return this.foreign;
  }
}

function addGlobal(
  key: GlobalConditionKey,
  exact: Map<string, KnownConditionKey>,
  patterns: KeyPattern[],
): void {
  // The IAM data writes some variable parts as "/tag-key"; the catalog normalises them to ${TagKey}.
  const text = key.key.replace(/\/(?:tag-key|<key>)$/i, '/${TagKey}');
  addKnownKey({ key: text, type: key.type, description: key.description }, exact, patterns, true);
}

function missingVariable(lowerKey: string, patterns: readonly KeyPattern[]): KnownConditionKey | undefined {
  const trimmed = lowerKey.endsWith('/') ? lowerKey.slice(0, -1) : lowerKey;
  return patterns.find((pattern) => pattern.base === trimmed)?.known;
}

/**
 * An action-name pattern prepared for matching many short names: runs of "*" collapsed (they
 * match what one star matches), and the number of characters a match needs at least. A pattern
 * longer than every name (the adversarial "*?*?*?…") is rejected by its length alone.
 */
interface NamePattern {
  readonly text: string;
  readonly minLength: number;
  /** the text before the first star and after the last one (the whole text without stars) */
  readonly head: string;
  readonly tail: string;
  readonly star: boolean;
}

function joinNames(names: readonly string[]): { joined: string; starts: number[] } {
  const starts: number[] = [];
  let offset = 1;
  for (const name of names) {
    starts.push(offset);
    offset += name.length + 1;
  }
  return { joined: `\n${names.join('\n')}\n`, starts };
}

/** The index of the name that holds offset `at` of `joined`. */
function nameAt(starts: readonly number[], at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if ((starts[middle] as number) <= at) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * Indexes of the names that may match: those holding the pattern's longest literal run, found
 * by searching the joined names (each name tested once), in name order.
 */
function candidateNames(service: ServiceEntry, pattern: NamePattern): number[] {
  const literal = longestLiteral(pattern.text);
  if (literal === '') return service.lowerNames.map((_, i) => i);
  const found: number[] = [];
  let from = 0;
  for (;;) {
    const at = service.joined.indexOf(literal, from);
    if (at < 0) return found;
    const index = nameAt(service.starts, at);
    found.push(index);
    from = (service.starts[index] as number) + (service.lowerNames[index] as string).length + 1;
  }
}

/** The longest run of a pattern without "*" or "?" (every match holds it). */
function longestLiteral(pattern: string): string {
  let best = '';
  let start = 0;
  for (let i = 0; i <= pattern.length; i++) {
    const c = pattern.charCodeAt(i);
    if (i === pattern.length || c === 42 || c === 63) {
      if (i - start > best.length) best = pattern.slice(start, i);
      start = i + 1;
    }
  }
  return best;
}

/** Does `part` (with "?") meet `name` at `at`? */
function partAt(part: string, name: string, at: number): boolean {
  for (let k = 0; k < part.length; k++) {
    const c = part.charCodeAt(k);
    if (c !== 63 && c !== name.charCodeAt(at + k)) return false;
  }
  return true;
}

/** Longer than any service prefix or action name: such a pattern matches nothing. */
const MAX_NAME_LENGTH = 256;
const NEVER: NamePattern = { text: '', minLength: Infinity, head: '', tail: '', star: false };

function namePattern(pattern: string): NamePattern {
  let nonStar = 0;
  for (let i = 0; i < pattern.length; i++) if (pattern.charCodeAt(i) !== 42) nonStar++;
  if (nonStar > MAX_NAME_LENGTH) return NEVER;
  let text = '';
  let minLength = 0;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '*') {
      if (!text.endsWith('*')) text += c;
    } else {
      text += c;
      minLength++;
    }
  }
  const first = text.indexOf('*');
  const star = first >= 0;
  return {
    text,
    minLength,
    star,
    head: star ? text.slice(0, first) : text,
    tail: star ? text.slice(text.lastIndexOf('*') + 1) : '',
  };
}

/**
 * Does the prepared pattern match the whole (short, lower-cased) name? Two pointers with the
 * last star as the only resume point: exact for IAM wildcards, O(|pattern| × |name|) at worst,
 * and both are short here (the pattern is at most twice as long as the name once collapsed).
 */
function nameMatches(pattern: NamePattern, name: string): boolean {
  if (name.length < pattern.minLength) return false;
  if (!pattern.star) return name.length === pattern.text.length && partAt(pattern.text, name, 0);
  // Anchored ends first: most names fail here in a few steps.
  if (!partAt(pattern.head, name, 0) || !partAt(pattern.tail, name, name.length - pattern.tail.length))
    return false;
  const p = pattern.text;
  let i = 0;
  let j = 0;
  let star = -1;
  let resume = 0;
  while (j < name.length) {
    const c = p.charCodeAt(i);
    if (i < p.length && (c === 63 /* ? */ || c === name.charCodeAt(j))) {
      i++;
      j++;
    } else if (i < p.length && c === 42 /* * */) {
      star = i++;
      resume = j;
    } else if (star >= 0) {
      i = star + 1;
      j = ++resume;
    } else {
      return false;
    }
  }
  while (i < p.length && p.charCodeAt(i) === 42) i++;
  return i === p.length;
}

function collectMatches(service: ServiceEntry, actionPart: string, into: ActionRef[]): void {
  const names = service.lowerNames;
  if (actionPart === '*') {
    into.push(...service.actions);
    return;
  }
  if (!hasWildcard(actionPart)) {
    const found = service.byLowerName.get(actionPart);
    if (found) into.push(found);
    return;
  }
  const star = actionPart.indexOf('*');
  if (star === actionPart.length - 1 && !actionPart.includes('?')) {
    const head = actionPart.slice(0, -1);
    for (let i = 0; i < names.length; i++)
      if ((names[i] as string).startsWith(head)) into.push(service.actions[i] as ActionRef);
    return;
  }
  const pattern = namePattern(actionPart);
  if (pattern.minLength === Infinity) return;
  for (const i of candidateNames(service, pattern))
    if (nameMatches(pattern, names[i] as string)) into.push(service.actions[i] as ActionRef);
}

const indexes = new WeakMap<CatalogView, CatalogIndex>();

/** The CatalogIndex of a view (built on first use). */
export function catalogIndex(view: CatalogView): CatalogIndex {
  let index = indexes.get(view);
  if (!index) {
    index = new CatalogIndex(view);
    indexes.set(view, index);
  }
  return index;
}
