/**
 * One search over services and actions, for a search box.
 *
 * Queries:
 *   "s3", "simple storage"      services by prefix, name or a few well-known aliases
 *   "GetObject", "getobj"       actions by name: exact, then prefix, then substring, then fuzzy
 *   "ec2 describe"              several words: each must match the action's name or its service
 *   "s3:getobj", "iam:"         an action name search within one service ("iam:" lists the service)
 *   "s3:Get*", "*Object"        a wildcard pattern, as in a policy: every matching action, with a count
 *
 * Ranking: score (higher first), then a short list of popular services (only to break ties, so
 * "GetObject" puts s3:GetObject before mediastore:GetObject), then catalog order. All lower-case
 * strings are computed once in createSearchIndex, so a query scans typed arrays and one joined
 * string of action names.
 */
import type { CatalogView, ServiceSummary } from './catalog';
import { ACCESS_LEVEL_CODES, type AccessLevel } from './types';

/**
 * A service that also holds the catalog index's compact action list ("RGetObject,WPutObject", see
 * CatalogIndexFile), as the loader's services do: the index is then built from the strings,
 * without making the services' action objects.
 */
export interface CompactService extends ServiceSummary {
  readonly compactActions: string;
}

export interface ServiceHit {
  readonly kind: 'service';
  /** service prefix, e.g. "s3" */
  readonly service: string;
  readonly serviceName: string;
  readonly actionCount: number;
  readonly score: number;
}

export interface ActionHit {
  readonly kind: 'action';
  readonly service: string;
  readonly serviceName: string;
  /** canonical case, e.g. "GetObject" */
  readonly action: string;
  readonly accessLevel: AccessLevel;
  readonly score: number;
}

export type SearchHit = ServiceHit | ActionHit;

export interface SearchOptions {
  /** most hits to return (default 50) */
  readonly limit?: number;
}

export interface SearchResult {
  readonly query: string;
  /** true when the query was a wildcard pattern such as "s3:Get*" */
  readonly pattern: boolean;
  /** services and actions that matched, before the limit */
  readonly total: number;
  /** actions that matched, before the limit (for a pattern: how many actions it covers) */
  readonly actionTotal: number;
  readonly hits: readonly SearchHit[];
}

export interface SearchIndex {
  /** how many actions the index holds (every action of every service) */
  readonly actionCount: number;
  search(query: string, options?: SearchOptions): SearchResult;
}

export const DEFAULT_SEARCH_LIMIT = 50;

/** Most used first. Only breaks ties between equal scores. */
export const POPULAR_SERVICES: readonly string[] = [
  's3',
  'ec2',
  'iam',
  'lambda',
  'dynamodb',
  'sts',
  'logs',
  'cloudwatch',
  'sns',
  'sqs',
  'kms',
  'ecs',
  'rds',
  'cloudformation',
  'ecr',
  'eks',
  'secretsmanager',
  'ssm',
  'apigateway',
  'execute-api',
  'events',
  'states',
  'route53',
  'cloudfront',
  'elasticloadbalancing',
  'autoscaling',
  'elasticfilesystem',
  'elasticache',
  'kinesis',
  'firehose',
  'glue',
  'athena',
  'sagemaker',
  'bedrock',
  'organizations',
  'cloudtrail',
  'config',
  'acm',
  'cognito-idp',
  'codebuild',
  'codepipeline',
  'es',
  'ses',
  'backup',
];

/** Other names people search services by (lower case, space-separated words). */
export const SERVICE_ALIASES: Readonly<Record<string, string>> = {
  s3: 'simple storage service bucket',
  ec2: 'elastic compute cloud vpc',
  sqs: 'simple queue service',
  sns: 'simple notification service',
  ses: 'simple email service',
  swf: 'simple workflow service',
  rds: 'relational database service aurora',
  sts: 'assume role',
  kms: 'key management',
  elasticloadbalancing: 'elb alb nlb load balancer',
  elasticmapreduce: 'emr',
  elasticfilesystem: 'efs',
  es: 'elasticsearch',
  events: 'cloudwatch events',
  states: 'sfn state machine',
  route53: 'dns',
  ecr: 'docker registry',
  eks: 'kubernetes k8s',
  elasticache: 'redis memcached valkey',
  ssm: 'parameter store',
  'cognito-idp': 'user pool',
  cloudfront: 'cdn',
  autoscaling: 'asg',
  'execute-api': 'invoke api',
  kinesis: 'streams',
};

// Score tiers (per word). Services and actions share one scale; each tier loses up to 80 for
// the characters a match leaves over, so closer matches rank first within a tier.
const SERVICE_EXACT = 1100;
const ACTION_EXACT = 1000;
const ACTION_PREFIX = 800;
/** the word starts a CamelCase word of the name ("object" in GetObjectAcl) */
const ACTION_WORD = 600;
const ACTION_SUBSTRING = 400;
/** fuzzy, the word's letters as the beginnings of the name's words ("descinst": DescribeInstances) */
const ACTION_FUZZY_WORDS = 300;
/** fuzzy, the word's letters in order anywhere */
const ACTION_FUZZY = 180;
const FUZZY_MIN = 50;
/** an action of the service named exactly by a one-word query ("s3" lists s3's actions) */
const ACTION_OF_EXACT_SERVICE = 600;
/** a word that names the action's service, in a several-word query ("ec2 describe") */
const ACTION_SERVICE_WORD_EXACT = 700;
const ACTION_SERVICE_WORD = 400;
const PATTERN_SCORE = 100;

/** access level by the char code of its one-letter code in the index ("R" → Read) */
const LEVELS_BY_CODE: readonly (AccessLevel | undefined)[] = (() => {
  const table: (AccessLevel | undefined)[] = [];
  for (const [code, level] of Object.entries(ACCESS_LEVEL_CODES)) table[code.charCodeAt(0)] = level;
  return table;
})();
const LEVEL_CODES = Object.fromEntries(
  Object.entries(ACCESS_LEVEL_CODES).map(([code, level]) => [level, code]),
) as Readonly<Record<AccessLevel, string>>;

const NOT_POPULAR = 99;
const ORDER_RANGE = 1_000_000;
/** sort keys: score * SCORE_UNIT + popularity * ORDER_RANGE + order (all integers, exact in a double) */
const SCORE_UNIT = 100 * ORDER_RANGE;
const FUZZY_MIN_LENGTH = 3;
/** shorter words match only at the start of a name or of a word in it */
const SUBSTRING_MIN_LENGTH = 3;
/** above this many candidate actions a pattern is run once over the joined names */
const PATTERN_SCAN_THRESHOLD = 2000;

function lengthPenalty(extra: number): number {
  return 2 * Math.min(Math.max(extra, 0), 40);
}

function charBit(code: number): number {
  if (code >= 97 && code <= 122) return 1 << (code - 97);
  if (code >= 65 && code <= 90) return 1 << (code - 65);
  if (code >= 48 && code <= 57) return 1 << 26;
  return 1 << 27;
}

function charMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) mask |= charBit(text.charCodeAt(i));
  return mask >>> 0;
}

function isSubsequence(needle: string, haystack: string): boolean {
  let from = 0;
  for (let i = 0; i < needle.length; i++) {
    const at = haystack.indexOf(needle.charAt(i), from);
    if (at < 0) return false;
    from = at + 1;
  }
  return true;
}

function isUpperCode(code: number): boolean {
  return code >= 65 && code <= 90;
}

function isAlphanumericCode(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
}

/** Is `index` the start of a word in a CamelCase action name? */
function isWordStart(name: string, index: number): boolean {
  return (
    index === 0 || isUpperCode(name.charCodeAt(index)) || !isAlphanumericCode(name.charCodeAt(index - 1))
  );
}

/**
 * Fuzzy score of `token` against a name (0: no match). Best when the token is made of the
 * beginnings of the name's words in order ("descinst", "gobj"); otherwise a plain subsequence
 * scored by how tight it is.
 */
function fuzzyScore(token: string, lower: string, names: string, start: number): number {
  // the letters in order (native indexOf: rejects most names quickly)
  let from = 0;
  let first = -1;
  let last = 0;
  for (let c = 0; c < token.length; c++) {
    const at = lower.indexOf(token.charAt(c), from);
    if (at < 0) return 0;
    if (first < 0) first = at;
    last = at;
    from = at + 1;
  }
  const extra = lower.length - token.length;
  // the beginnings of words, in order (greedy)
  let t = 0;
  let skipped = 0;
  for (let w = 0; w < lower.length && t < token.length;) {
    let end = w + 1;
    while (end < lower.length && !isWordStart(names, start + end)) end++;
    let k = w;
    while (k < end && t < token.length && lower.charCodeAt(k) === token.charCodeAt(t)) {
      k++;
      t++;
    }
    if (k === w) skipped++;
    w = end;
  }
  if (t === token.length) return Math.max(ACTION_FUZZY + 1, ACTION_FUZZY_WORDS - 10 * skipped - extra);
  const gaps = last - first + 1 - token.length;
  const score = ACTION_FUZZY - 3 * gaps - 2 * first - extra;
  return Math.max(FUZZY_MIN, Math.min(ACTION_FUZZY, score));
}

/** The `limit` largest keys, largest first (without sorting them all). */
function topKeys(keys: readonly number[], limit: number): number[] {
  if (keys.length <= limit) return [...keys].sort((a, b) => b - a);
  const top: number[] = []; // ascending
  for (const key of keys) {
    if (top.length === limit) {
      if (limit === 0 || key <= (top[0] ?? 0)) continue;
      top.shift();
    }
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((top[mid] ?? 0) < key) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, key);
  }
  return top.reverse();
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+^${}()|[\]\\]/g, '\\$&');
}

/** An IAM wildcard pattern as an anchored regular expression body. */
function globBody(pattern: string): string {
  return escapeRegExp(pattern).replace(/\*/g, '.*').replace(/\?/g, '.');
}

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/** Scores of one query word against every action name: sparse, reused between queries. */
interface NameScores {
  /** score per action, 0 where `hits` does not list it */
  readonly score: Int32Array;
  /** actions with a non-zero score */
  readonly hits: number[];
}

export function createSearchIndex(view: Pick<CatalogView, 'services'>): SearchIndex {
  const services = view.services;
  const serviceCount = services.length;
  const sPrefix: string[] = [];
  const sText: string[] = [];
  const sWords: string[][] = [];
  const sPopular = new Int32Array(serviceCount);
  const sFirst = new Int32Array(serviceCount);
  const sEnd = new Int32Array(serviceCount);

  /** each service's actions as the index's compact list ("RGetObject,WPutObject") */
  const compacts: string[] = [];
  let actionCount = 0;

  services.forEach((service, i) => {
    const prefix = service.prefix.toLowerCase();
    const alias = SERVICE_ALIASES[prefix] ?? '';
    sPrefix.push(prefix);
    sText.push(`${words(service.name).join(' ')} ${alias}`.trim());
    sWords.push([...new Set([...words(service.name), ...words(alias), ...prefix.split('-')])]);
    const rank = POPULAR_SERVICES.indexOf(prefix);
    sPopular[i] = rank < 0 ? NOT_POPULAR : Math.min(rank, NOT_POPULAR);
    sFirst[i] = actionCount;
    // the loader's services hold the compact list: no action objects are made for the index
    const compact =
      (service as Partial<CompactService>).compactActions ??
      service.actions.map((a) => `${LEVEL_CODES[a.accessLevel]}${a.name}`).join(',');
    if (compact !== '') {
      compacts.push(compact);
      actionCount += 1;
      for (let at = compact.indexOf(','); at >= 0; at = compact.indexOf(',', at + 1)) actionCount += 1;
    }
    sEnd[i] = actionCount;
  });

  const aServiceIndex = new Int32Array(actionCount);
  for (let i = 0; i < serviceCount; i++) aServiceIndex.fill(i, sFirst[i], sEnd[i]);
  /** the compact lists joined: action j's access level code is at its name's offset + j - 1 */
  const joined = compacts.join(',');
  /** every action name in canonical case, each between newlines (one flat string) */
  const names = actionCount === 0 ? '\n' : `${`,${joined}`.replace(/,[^,]/g, '\n')}\n`;
  /** the same in lower case: one scan of it finds a token in every name */
  const blob = names.toLowerCase();
  const aLower = actionCount === 0 ? [] : blob.slice(1, -1).split('\n');
  const aLevel: AccessLevel[] = [];
  const aMask = new Uint32Array(actionCount);
  const aInitials = new Uint32Array(actionCount);
  /** where each name starts in `names` and `blob`, plus the end */
  const aOffset = new Int32Array(actionCount + 1);
  // masks and access levels of every name in one pass over the joined names
  let pos = 1;
  for (let j = 0; j < actionCount; j++) {
    aOffset[j] = pos;
    aLevel.push(LEVELS_BY_CODE[joined.charCodeAt(pos + j - 1)] ?? 'Read');
    let mask = 0;
    let initials = 0;
    for (let code = names.charCodeAt(pos); code !== 10; code = names.charCodeAt(++pos)) {
      const bit = charBit(code);
      mask |= bit;
      if (isWordStart(names, pos)) initials |= bit;
    }
    aMask[j] = mask >>> 0;
    aInitials[j] = initials >>> 0;
    pos += 1;
  }
  aOffset[actionCount] = pos;

  /** action j's name, canonical case */
  function nameOf(j: number): string {
    return names.slice(aOffset[j] ?? 0, (aOffset[j + 1] ?? 1) - 1);
  }

  const scorePool: NameScores[] = [];
  function nameScoresBuffer(t: number): NameScores {
    let buffer = scorePool[t];
    if (buffer === undefined) {
      buffer = { score: new Int32Array(actionCount), hits: [] };
      scorePool[t] = buffer;
    }
    return buffer;
  }
  function release(buffers: readonly NameScores[]): void {
    for (const { score, hits } of buffers) {
      for (const j of hits) score[j] = 0;
      hits.length = 0;
    }
  }

  function setScore(out: NameScores, j: number, score: number): void {
    const old = out.score[j] ?? 0;
    if (old === 0) out.hits.push(j);
    if (score > old) out.score[j] = score;
  }

  /** Scores `token` against every action name into `out`. */
  function scoreNames(token: string, out: NameScores): void {
    if (token.length < SUBSTRING_MIN_LENGTH) {
      // one or two letters: only names, or words of names, that start with them
      const bit = charBit(token.charCodeAt(0));
      for (let j = 0; j < actionCount; j++) {
        if (((aInitials[j] ?? 0) & bit) === 0) continue;
        const lower = aLower[j] ?? '';
        const start = aOffset[j] ?? 0;
        const extra = lower.length - token.length;
        for (let at = lower.indexOf(token); at >= 0; at = lower.indexOf(token, at + 1)) {
          if (at === 0) {
            setScore(out, j, extra === 0 ? ACTION_EXACT : ACTION_PREFIX - lengthPenalty(extra));
            break;
          }
          if (isWordStart(names, start + at)) {
            setScore(out, j, ACTION_WORD - lengthPenalty(extra));
            break;
          }
        }
      }
      return;
    }
    // exact, prefix and substring matches: one scan of the joined names
    let j = 0;
    for (let pos = blob.indexOf(token); pos >= 0; pos = blob.indexOf(token, pos + 1)) {
      while ((aOffset[j + 1] ?? Infinity) <= pos) j++;
      const start = aOffset[j] ?? 0;
      const at = pos - start;
      const extra = (aOffset[j + 1] ?? 0) - start - 1 - token.length;
      let score: number;
      if (at === 0) score = extra === 0 ? ACTION_EXACT : ACTION_PREFIX - lengthPenalty(extra);
      else if (isWordStart(names, pos)) score = ACTION_WORD - lengthPenalty(extra);
      else score = ACTION_SUBSTRING - lengthPenalty(extra);
      setScore(out, j, score);
    }
    if (token.length < FUZZY_MIN_LENGTH) return;
    // fuzzy: names that have all the token's letters and a word starting with its first
    const mask = charMask(token);
    const firstBit = charBit(token.charCodeAt(0));
    for (let k = 0; k < actionCount; k++) {
      if (((aInitials[k] ?? 0) & firstBit) === 0 || ((aMask[k] ?? 0) & mask) !== mask || out.score[k] !== 0)
        continue;
      const score = fuzzyScore(token, aLower[k] ?? '', names, aOffset[k] ?? 0);
      if (score > 0) setScore(out, k, score);
    }
  }

  function scoreService(i: number, token: string): number {
    const prefix = sPrefix[i] ?? '';
    if (prefix === token) return SERVICE_EXACT;
    if (prefix.startsWith(token)) return Math.max(750, 900 - 5 * (prefix.length - token.length));
    let best = 0;
    for (const word of sWords[i] ?? []) {
      if (word === token) best = Math.max(best, 700);
      else if (word.startsWith(token)) best = Math.max(best, 650);
    }
    if (best > 0) return best;
    const text = sText[i] ?? '';
    if (prefix.includes(token) || text.includes(token)) return 400;
    if (token.length >= FUZZY_MIN_LENGTH && isSubsequence(token, prefix)) return 150;
    if (token.length >= FUZZY_MIN_LENGTH && isSubsequence(token, text)) return 100;
    return 0;
  }

  /** Packs score, popularity and catalog order into one number (services before actions). */
  function sortKey(score: number, serviceIndex: number, order: number): number {
    const popularity = NOT_POPULAR - (sPopular[serviceIndex] ?? NOT_POPULAR);
    return score * SCORE_UNIT + popularity * ORDER_RANGE + (ORDER_RANGE - 1 - order);
  }

  function collect(query: string, pattern: boolean, keys: readonly number[], limit: number): SearchResult {
    let actionTotal = 0;
    for (const key of keys) if (ORDER_RANGE - 1 - (key % ORDER_RANGE) >= serviceCount) actionTotal++;
    const hits: SearchHit[] = [];
    for (const key of topKeys(keys, limit)) {
      const order = ORDER_RANGE - 1 - (key % ORDER_RANGE);
      const score = Math.floor(key / SCORE_UNIT);
      if (order < serviceCount) {
        const service = services[order];
        if (service === undefined) continue;
        hits.push({
          kind: 'service',
          service: service.prefix,
          serviceName: service.name,
          actionCount: service.actions.length,
          score,
        });
      } else {
        const j = order - serviceCount;
        const service = services[aServiceIndex[j] ?? 0];
        const accessLevel = aLevel[j];
        if (service === undefined || accessLevel === undefined) continue;
        hits.push({
          kind: 'action',
          service: service.prefix,
          serviceName: service.name,
          action: nameOf(j),
          accessLevel,
          score,
        });
      }
    }
    return { query, pattern, total: keys.length, actionTotal, hits };
  }

  function searchPattern(query: string, limit: number): SearchResult {
    const text = query.replace(/\s+/g, '').toLowerCase();
    const colon = text.indexOf(':');
    const actionPart = colon < 0 ? text : text.slice(colon + 1);
    const nameRegExp = new RegExp(`^${globBody(actionPart)}$`);
    const keys: number[] = [];
    let serviceSet: number[] | undefined;
    if (colon < 0) {
      // a pattern without a service part matches action names in every service, and service prefixes
      for (let i = 0; i < serviceCount; i++) {
        if (nameRegExp.test(sPrefix[i] ?? '')) keys.push(sortKey(PATTERN_SCORE, i, i));
      }
    } else {
      const serviceRegExp = new RegExp(`^${globBody(text.slice(0, colon))}$`);
      serviceSet = [];
      for (let i = 0; i < serviceCount; i++) if (serviceRegExp.test(sPrefix[i] ?? '')) serviceSet.push(i);
    }
    const addAction = (j: number): void => {
      keys.push(sortKey(PATTERN_SCORE, aServiceIndex[j] ?? 0, serviceCount + j));
    };
    const candidates =
      serviceSet === undefined
        ? actionCount
        : serviceSet.reduce((n, i) => n + (sEnd[i] ?? 0) - (sFirst[i] ?? 0), 0);
    if (serviceSet !== undefined && candidates <= PATTERN_SCAN_THRESHOLD) {
      for (const i of serviceSet) {
        for (let j = sFirst[i] ?? 0; j < (sEnd[i] ?? 0); j++)
          if (nameRegExp.test(aLower[j] ?? '')) addAction(j);
      }
    } else {
      const inSet = serviceSet === undefined ? undefined : new Set(serviceSet);
      let j = 0;
      for (const match of blob.matchAll(new RegExp(`^${globBody(actionPart)}$`, 'gm'))) {
        const pos = match.index;
        while (j < actionCount && (aOffset[j + 1] ?? Infinity) <= pos) j++;
        // (an empty match on the blob's first or last line is no name)
        if (j >= actionCount || aOffset[j] !== pos) continue;
        if (inSet === undefined || inSet.has(aServiceIndex[j] ?? -1)) addAction(j);
      }
    }
    return collect(query, true, keys, limit);
  }

  /** "service:action words" searches action names within the named service(s). */
  function searchInService(
    query: string,
    servicePart: string,
    tokens: readonly string[],
    limit: number,
  ): SearchResult {
    const keys: number[] = [];
    const serviceSet: number[] = [];
    for (let i = 0; i < serviceCount; i++) if (sPrefix[i] === servicePart) serviceSet.push(i);
    if (serviceSet.length === 0) {
      for (let i = 0; i < serviceCount; i++)
        if ((sPrefix[i] ?? '').startsWith(servicePart)) serviceSet.push(i);
    }
    if (tokens.length === 0) {
      for (const i of serviceSet) {
        keys.push(sortKey(SERVICE_EXACT, i, i));
        for (let j = sFirst[i] ?? 0; j < (sEnd[i] ?? 0); j++) {
          keys.push(sortKey(ACTION_OF_EXACT_SERVICE, i, serviceCount + j));
        }
      }
      return collect(query, false, keys, limit);
    }
    const scores = tokens.map((token, t) => {
      const buffer = nameScoresBuffer(t);
      scoreNames(token, buffer);
      return buffer;
    });
    const inSet = new Uint8Array(serviceCount);
    for (const i of serviceSet) inSet[i] = 1;
    const first = scores[0];
    for (const j of first?.hits ?? []) {
      const i = aServiceIndex[j] ?? 0;
      if (inSet[i] !== 1) continue;
      let sum = 0;
      for (const { score } of scores) {
        const s = score[j] ?? 0;
        if (s === 0) {
          sum = -1;
          break;
        }
        sum += s;
      }
      if (sum > 0) keys.push(sortKey(Math.round(sum / scores.length), i, serviceCount + j));
    }
    release(scores);
    return collect(query, false, keys, limit);
  }

  function searchText(query: string, limit: number): SearchResult {
    const lower = query.toLowerCase().trim();
    const colon = lower.indexOf(':');
    if (colon >= 0)
      return searchInService(query, lower.slice(0, colon).trim(), words(lower.slice(colon + 1)), limit);

    const tokens = words(lower);
    const keys: number[] = [];
    if (tokens.length === 0) return collect(query, false, keys, limit);
    const single = tokens.length === 1;
    const phrase = tokens.join(' ');

    // services: every word must match the prefix, the name or an alias
    const viaService = tokens.map(() => new Int32Array(serviceCount));
    const exactServices: number[] = [];
    for (let i = 0; i < serviceCount; i++) {
      let sum = 0;
      let all = true;
      for (let t = 0; t < tokens.length; t++) {
        const s = scoreService(i, tokens[t] ?? '');
        if (s === 0) all = false;
        sum += s;
        // what the word is worth to the service's actions
        const row = viaService[t];
        if (row === undefined) continue;
        if (single) row[i] = s === SERVICE_EXACT ? ACTION_OF_EXACT_SERVICE : 0;
        else if (s === SERVICE_EXACT) row[i] = ACTION_SERVICE_WORD_EXACT;
        else if (s >= 650) row[i] = ACTION_SERVICE_WORD;
      }
      if (single && sum === SERVICE_EXACT) exactServices.push(i);
      if (!all) continue;
      const bonus = !single && (sText[i] ?? '').includes(phrase) ? 100 : 0;
      keys.push(sortKey(Math.round(sum / tokens.length) + bonus, i, i));
    }

    // actions: every word must match the action's name or (several words) its service,
    // and at least one word its name; a one-word query naming a service also lists its actions
    const scores = tokens.map((token, t) => {
      const buffer = nameScoresBuffer(t);
      scoreNames(token, buffer);
      return buffer;
    });
    const seen = new Uint8Array(actionCount);
    const consider = (j: number): void => {
      if (seen[j] === 1) return;
      seen[j] = 1;
      const i = aServiceIndex[j] ?? 0;
      let sum = 0;
      for (let t = 0; t < tokens.length; t++) {
        const s = Math.max(scores[t]?.score[j] ?? 0, viaService[t]?.[i] ?? 0);
        if (s === 0) return;
        sum += s;
      }
      keys.push(sortKey(Math.round(sum / tokens.length), i, serviceCount + j));
    };
    for (const { hits } of scores) for (const j of hits) consider(j);
    for (const i of exactServices) for (let j = sFirst[i] ?? 0; j < (sEnd[i] ?? 0); j++) consider(j);
    release(scores);
    return collect(query, false, keys, limit);
  }

  return {
    actionCount,
    search(query: string, options: SearchOptions = {}): SearchResult {
      const limit = Math.max(0, options.limit ?? DEFAULT_SEARCH_LIMIT);
      if (query.trim() === '') return { query, pattern: false, total: 0, actionTotal: 0, hits: [] };
      return /[*?]/.test(query) ? searchPattern(query, limit) : searchText(query, limit);
    },
  };
}
