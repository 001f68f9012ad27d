/**
 * The sandbox's own policy evaluation, for SimulateCustomPolicy: a modest, independent reading of
 * AWS's documented evaluation logic ("Policy evaluation logic", "IAM JSON policy elements:
 * Condition operators", "Single-valued vs. multivalued context keys", "Policy variables").
 *
 * Like grammar.ts it is independent on purpose: the sandbox stands in for IAM, so that comparing
 * the app's evaluator (src/policy/evaluate) with "IAM" here compares two implementations. It
 * imports nothing of src/policy (not even the wildcard matcher: it has its own below).
 *
 * What it models: Action/NotAction (case-insensitive), Resource/NotResource (case-sensitive) with
 * `*` and `?`; Principal/NotPrincipal of a resource-based policy against the caller (`*`, an ARN,
 * an account ID or `arn:…:root`); conditions of the String, Numeric, Date, Bool, Binary, IP
 * address (IPv4 and IPv6 CIDR), ARN and Null families, with `…IfExists`, `ForAnyValue:` and
 * `ForAllValues:`, keys ANDed and values ORed (NOR for negated operators); policy variables
 * `${key}`, `${key, 'default'}`, `${*}`, `${?}`, `${$}` in Resource and condition values (Version
 * 2012-10-17 only); NotPrincipal (only the caller's own ARN spares it; a Deny with NotPrincipal
 * always applies to a principal with a permissions boundary); the
 * decision: an explicit Deny anywhere wins, every SCP level must allow, then the identity
 * policies (capped by the permissions boundary) or the resource-based policy allow (same account:
 * either; another account: both).
 *
 * What it does not model: session policies, resource control policies, role sessions and
 * federated callers, service-specific rules, and the resource handling options of EC2 scenarios.
 */

export type SimDecision = 'allowed' | 'explicitDeny' | 'implicitDeny';

/** IAM's ContextKeyType values (ContextKeyTypeEnum). */
export type ContextKeyType =
  | 'string'
  | 'stringList'
  | 'numeric'
  | 'numericList'
  | 'boolean'
  | 'booleanList'
  | 'ip'
  | 'ipList'
  | 'binary'
  | 'binaryList'
  | 'date'
  | 'dateList';

export const CONTEXT_KEY_TYPES: readonly ContextKeyType[] = [
  'string',
  'stringList',
  'numeric',
  'numericList',
  'boolean',
  'booleanList',
  'ip',
  'ipList',
  'binary',
  'binaryList',
  'date',
  'dateList',
];

/** One policy of the simulation, as parsed JSON, with the id IAM reports it under. */
export interface SimPolicy {
  /** "PolicyInputList.1", "PermissionsBoundaryPolicyInputList.1", "ResourcePolicy", ... */
  readonly id: string;
  /** IAM's PolicySourceType for it */
  readonly type: string;
  readonly document: unknown;
}

export interface SimPolicies {
  readonly identity: readonly SimPolicy[];
  readonly boundaries: readonly SimPolicy[];
  /** one list per level of the organization, root first */
  readonly scpLevels: readonly (readonly SimPolicy[])[];
  readonly resourcePolicy?: SimPolicy;
}

export interface SimContextEntry {
  readonly type: ContextKeyType;
  readonly values: readonly string[];
}

export interface SimRequest {
  readonly action: string;
  readonly resource: string;
  /** the caller (a user, group or role ARN); undefined when not given */
  readonly callerArn?: string;
  /** the account that owns resources whose ARN names none (ResourceOwner), else the caller's */
  readonly resourceOwnerAccount?: string;
  /** by lower-case key name */
  readonly context: ReadonlyMap<string, SimContextEntry>;
}

export interface SimStatementRef {
  readonly policyId: string;
  readonly policyType: string;
  /** index of the statement in its policy */
  readonly index: number;
}

export interface SimResult {
  readonly decision: SimDecision;
  readonly matched: readonly SimStatementRef[];
  /** condition keys (and policy variables) the applicable statements use that the context lacks */
  readonly missingContextValues: readonly string[];
  /** present when a boundary was given */
  readonly allowedByBoundary?: boolean;
  /** present when SCPs were given */
  readonly allowedByOrganizations?: boolean;
}

// -------------------------------------------------------------------------------------------
// Wildcards: `*` any run of characters, `?` exactly one. A pattern is a list of units so that a
// literal `*` (from `${*}`) is told apart from the wildcard.

const STAR = 0;
const ONE = 1;
type Unit = string | typeof STAR | typeof ONE;

function globUnits(text: string): Unit[] {
  return Array.from(text, (c) => (c === '*' ? STAR : c === '?' ? ONE : c));
}

function literalUnits(text: string): Unit[] {
  return Array.from(text);
}

/** Greedy matching with one backtrack point per star: at most |pattern| × |text| steps. */
function globMatch(pattern: readonly Unit[], text: string, ignoreCase: boolean): boolean {
  const chars = Array.from(ignoreCase ? text.toLowerCase() : text);
  const units = ignoreCase ? pattern.map((u) => (typeof u === 'string' ? u.toLowerCase() : u)) : pattern;
  let p = 0;
  let t = 0;
  let starAt = -1;
  let resumeAt = 0;
  while (t < chars.length) {
    const unit = units[p];
    if (p < units.length && (unit === ONE || unit === chars[t])) {
      p++;
      t++;
    } else if (p < units.length && unit === STAR) {
      starAt = p++;
      resumeAt = t;
    } else if (starAt >= 0) {
      p = starAt + 1;
      t = ++resumeAt;
    } else {
      return false;
    }
  }
  while (p < units.length && units[p] === STAR) p++;
  return p === units.length;
}

// -------------------------------------------------------------------------------------------
// Policy variables

/** The units of `text` with its variables replaced; undefined when a variable has no value. */
function substitute(
  text: string,
  context: ReadonlyMap<string, SimContextEntry>,
  wildcards: boolean,
  missing: Set<string>,
  variables: boolean,
): Unit[] | undefined {
  if (!variables) return wildcards ? globUnits(text) : literalUnits(text);
  const units: Unit[] = [];
  let i = 0;
  while (i < text.length) {
    const start = text.indexOf('${', i);
    const end = start < 0 ? -1 : text.indexOf('}', start);
    if (start < 0 || end < 0) {
      units.push(...(wildcards ? globUnits(text.slice(i)) : literalUnits(text.slice(i))));
      break;
    }
    units.push(...(wildcards ? globUnits(text.slice(i, start)) : literalUnits(text.slice(i, start))));
    const inner = text.slice(start + 2, end);
    i = end + 1;
    if (inner === '*' || inner === '?' || inner === '$') {
      units.push(inner);
      continue;
    }
    const comma = inner.indexOf(',');
    const name = (comma < 0 ? inner : inner.slice(0, comma)).trim();
    const fallback = comma < 0 ? undefined : /^\s*'([^']*)'\s*$/.exec(inner.slice(comma + 1))?.[1];
    const entry = context.get(name.toLowerCase());
    const value = entry && entry.values.length === 1 ? entry.values[0] : undefined;
    if (value !== undefined) units.push(...literalUnits(value));
    else if (fallback !== undefined) units.push(...literalUnits(fallback));
    else {
      missing.add(name);
      return undefined;
    }
  }
  return units;
}

function unitsText(units: readonly Unit[]): string {
  return units.map((u) => (u === STAR ? '*' : u === ONE ? '?' : u)).join('');
}

// -------------------------------------------------------------------------------------------
// Values

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function readNumber(text: string): number | undefined {
  return NUMBER.test(text.trim()) ? Number(text.trim()) : undefined;
}

function readDate(text: string): number | undefined {
  const t = text.trim();
  if (/^\d+$/.test(t)) return Number(t) * 1000;
  if (!ISO_DATE.test(t)) return undefined;
  const ms = Date.parse(t.length === 10 ? `${t}T00:00:00Z` : t);
  return Number.isNaN(ms) ? undefined : ms;
}

function readBool(text: string): boolean | undefined {
  const t = text.trim().toLowerCase();
  return t === 'true' ? true : t === 'false' ? false : undefined;
}

/** An address or CIDR block: 32 or 128 bits and a prefix length. */
interface IpBlock {
  readonly bits: 32 | 128;
  readonly value: bigint;
  readonly prefix: number;
}

function readIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(Number(part));
  }
  return value;
}

/** The 16-bit words of one side of "::" (the last group may be a dotted IPv4 address). */
function ipv6Words(part: string): number[] | undefined {
  if (part === '') return [];
  const out: number[] = [];
  const groups = part.split(':');
  for (const [i, group] of groups.entries()) {
    if (i === groups.length - 1 && group.includes('.')) {
      const v4 = readIpv4(group);
      if (v4 === undefined) return undefined;
      out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
    } else if (/^[0-9a-fA-F]{1,4}$/.test(group)) out.push(parseInt(group, 16));
    else return undefined;
  }
  return out;
}

function readIpv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const head = ipv6Words(halves[0] ?? '');
  const tail = halves.length === 2 ? ipv6Words(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  const fill = 8 - head.length - tail.length;
  if (halves.length === 1 ? fill !== 0 : fill < 1) return undefined;
  const all = [...head, ...new Array<number>(Math.max(fill, 0)).fill(0), ...tail];
  return all.reduce((acc, w) => (acc << 16n) | BigInt(w), 0n);
}

function readIp(text: string): IpBlock | undefined {
  const t = text.trim();
  const slash = t.indexOf('/');
  const address = slash < 0 ? t : t.slice(0, slash);
  const v4 = readIpv4(address);
  const bits: 32 | 128 = v4 !== undefined ? 32 : 128;
  const value = v4 ?? readIpv6(address);
  if (value === undefined) return undefined;
  let prefix: number = bits;
  if (slash >= 0) {
    const p = t.slice(slash + 1);
    if (!/^\d{1,3}$/.test(p) || Number(p) > bits) return undefined;
    prefix = Number(p);
  }
  return { bits, value, prefix };
}

function inBlock(block: IpBlock, address: IpBlock): boolean {
  if (block.bits !== address.bits) return false;
  const shift = BigInt(block.bits - block.prefix);
  return block.value >> shift === address.value >> shift;
}

/** An ARN's six fields (the last keeps its colons); undefined when it is not an ARN. */
function arnFields(text: string): string[] | undefined {
  const parts = text.split(':');
  if (parts.length < 6 || parts[0] !== 'arn') return undefined;
  return [...parts.slice(0, 5), parts.slice(5).join(':')];
}

// -------------------------------------------------------------------------------------------
// Condition operators

type Compare = (policy: Unit[], request: string) => boolean;

const ordered = (read: (t: string) => number | undefined, test: (a: number, b: number) => boolean): Compare =>
  (policy, request) => {
    const p = read(unitsText(policy));
    const r = read(request);
    return p !== undefined && r !== undefined && test(r, p);
  };

const literal = (policy: Unit[]): string => unitsText(policy);

/** The positive operator of each family; `negated` operators are their NOR. */
const OPERATORS: Readonly<Record<string, { readonly compare: Compare; readonly negated: boolean; readonly wildcards: boolean }>> = (() => {
  const table: Record<string, { compare: Compare; negated: boolean; wildcards: boolean }> = {};
  const add = (name: string, compare: Compare, negated = false, wildcards = false) => {
    table[name] = { compare, negated, wildcards };
  };
  const equals: Compare = (p, r) => literal(p) === r;
  const equalsIgnoreCase: Compare = (p, r) => literal(p).toLowerCase() === r.toLowerCase();
  const like: Compare = (p, r) => globMatch(p, r, false);
  add('StringEquals', equals);
  add('StringNotEquals', equals, true);
  add('StringEqualsIgnoreCase', equalsIgnoreCase);
  add('StringNotEqualsIgnoreCase', equalsIgnoreCase, true);
  add('StringLike', like, false, true);
  add('StringNotLike', like, true, true);
  const families: [string, (t: string) => number | undefined][] = [
    ['Numeric', readNumber],
    ['Date', readDate],
  ];
  for (const [family, read] of families) {
    add(`${family}Equals`, ordered(read, (r, p) => r === p));
    add(`${family}NotEquals`, ordered(read, (r, p) => r === p), true);
    add(`${family}LessThan`, ordered(read, (r, p) => r < p));
    add(`${family}LessThanEquals`, ordered(read, (r, p) => r <= p));
    add(`${family}GreaterThan`, ordered(read, (r, p) => r > p));
    add(`${family}GreaterThanEquals`, ordered(read, (r, p) => r >= p));
  }
  add('Bool', (p, r) => {
    const a = readBool(literal(p));
    return a !== undefined && a === readBool(r);
  });
  add('BinaryEquals', equals);
  const ip: Compare = (p, r) => {
    const block = readIp(literal(p));
    const address = readIp(r);
    return block !== undefined && address !== undefined && inBlock(block, address);
  };
  add('IpAddress', ip);
  add('NotIpAddress', ip, true);
  const arn: Compare = (p, r) => {
    const pattern = arnFields(unitsText(p));
    const value = arnFields(r);
    if (!pattern || !value) return false;
    return pattern.every((field, i) => globMatch(globUnits(field), value[i] ?? '', false));
  };
  add('ArnEquals', arn, false, true);
  add('ArnLike', arn, false, true);
  add('ArnNotEquals', arn, true, true);
  add('ArnNotLike', arn, true, true);
  return table;
})();

interface ParsedOperator {
  readonly base: string;
  readonly qualifier: 'any' | 'all' | undefined;
  readonly ifExists: boolean;
}

function parseOperator(operator: string): ParsedOperator | undefined {
  let name = operator;
  let qualifier: ParsedOperator['qualifier'];
  if (name.startsWith('ForAnyValue:')) {
    qualifier = 'any';
    name = name.slice('ForAnyValue:'.length);
  } else if (name.startsWith('ForAllValues:')) {
    qualifier = 'all';
    name = name.slice('ForAllValues:'.length);
  }
  let ifExists = false;
  if (name.endsWith('IfExists') && name !== 'IfExists') {
    ifExists = true;
    name = name.slice(0, -'IfExists'.length);
  }
  if (name !== 'Null' && !Object.hasOwn(OPERATORS, name)) return undefined;
  return { base: name, qualifier, ifExists };
}

function asStrings(value: unknown): string[] {
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  return list.filter((v) => ['string', 'number', 'boolean'].includes(typeof v)).map(String);
}

/** One operator on one key: true when it holds for the request. */
function conditionHolds(
  operator: string,
  key: string,
  policyValues: readonly string[],
  context: ReadonlyMap<string, SimContextEntry>,
  missing: Set<string>,
  variables: boolean,
): boolean {
  const op = parseOperator(operator);
  if (!op) return false; // an operator IAM does not know never holds
  const entry = context.get(key.toLowerCase());
  if (op.base === 'Null') {
    const absent = entry === undefined || entry.values.length === 0;
    return policyValues.some((v) => readBool(v) === absent);
  }
  const { compare, negated, wildcards } = OPERATORS[op.base] as (typeof OPERATORS)[string];
  if (entry === undefined) {
    missing.add(key);
    if (op.ifExists) return true;
    if (op.qualifier === 'all') return true;
    if (op.qualifier === 'any') return false;
    return negated;
  }
  const patterns = policyValues
    .map((v) => substitute(v, context, wildcards, missing, variables))
    .filter((u): u is Unit[] => u !== undefined);
  const matchesAny = (value: string): boolean => patterns.some((p) => compare(p, value));
  // for a negated operator a value "matches" when it matches none of the policy's values
  const matches = (value: string): boolean => matchesAny(value) !== negated;
  if (op.qualifier === 'all') return entry.values.every(matches);
  if (op.qualifier === 'any') return entry.values.some(matches);
  if (negated) return entry.values.every(matches);
  return entry.values.some(matches);
}

function conditionBlockHolds(
  condition: unknown,
  context: ReadonlyMap<string, SimContextEntry>,
  missing: Set<string>,
  variables: boolean,
): boolean {
  if (condition === undefined) return true;
  if (typeof condition !== 'object' || condition === null || Array.isArray(condition)) return false;
  let holds = true;
  for (const [operator, keys] of Object.entries(condition)) {
    if (typeof keys !== 'object' || keys === null || Array.isArray(keys)) return false;
    for (const [key, values] of Object.entries(keys as Record<string, unknown>)) {
      // every condition is looked at, so every missing key is reported
      if (!conditionHolds(operator, key, asStrings(values), context, missing, variables)) holds = false;
    }
  }
  return holds;
}

// -------------------------------------------------------------------------------------------
// Statements

interface Statement {
  readonly index: number;
  readonly effect: 'Allow' | 'Deny' | undefined;
  readonly raw: Readonly<Record<string, unknown>>;
}

function statementsOf(document: unknown): Statement[] {
  if (typeof document !== 'object' || document === null || Array.isArray(document)) return [];
  const list = (document as Record<string, unknown>).Statement;
  const raw = Array.isArray(list) ? (list as unknown[]) : list === undefined ? [] : [list];
  return raw.flatMap((s, index) => {
    if (typeof s !== 'object' || s === null || Array.isArray(s)) return [];
    const st = s as Record<string, unknown>;
    const effect = st.Effect === 'Allow' || st.Effect === 'Deny' ? st.Effect : undefined;
    return [{ index, effect, raw: st }];
  });
}

function actionMatches(st: Statement, action: string): boolean {
  const test = (list: unknown) => asStrings(list).some((a) => globMatch(globUnits(a), action, true));
  if (st.raw.Action !== undefined) return test(st.raw.Action);
  if (st.raw.NotAction !== undefined) return !test(st.raw.NotAction);
  return false;
}

function resourceMatches(
  st: Statement,
  resource: string,
  context: ReadonlyMap<string, SimContextEntry>,
  missing: Set<string>,
  resourcePolicy: boolean,
  variables: boolean,
): boolean {
  const test = (list: unknown) =>
    asStrings(list).some((r) => {
      const units = substitute(r, context, true, missing, variables);
      return units !== undefined && globMatch(units, resource, false);
    });
  if (st.raw.Resource !== undefined) return test(st.raw.Resource);
  if (st.raw.NotResource !== undefined) return !test(st.raw.NotResource);
  // a resource-based policy may leave Resource out: it applies to the resource it is attached to
  return resourcePolicy;
}

function accountOf(arn: string | undefined): string | undefined {
  if (arn === undefined) return undefined;
  if (/^\d{12}$/.test(arn)) return arn;
  const account = arnFields(arn)?.[4];
  return account === undefined || account === '' ? undefined : account;
}

/** How a Principal element names the caller: by its ARN (or "*"), by its account, or not. */
type PrincipalMatch = 'direct' | 'account' | 'none';

function principalMatch(principal: unknown, callerArn: string | undefined): PrincipalMatch {
  if (principal === '*') return 'direct';
  if (typeof principal !== 'object' || principal === null || Array.isArray(principal)) return 'none';
  const aws = asStrings((principal as Record<string, unknown>).AWS);
  if (aws.includes('*')) return 'direct';
  if (callerArn === undefined) return 'none';
  if (aws.includes(callerArn)) return 'direct';
  const account = accountOf(callerArn);
  const namesAccount = (p: string) => p === account || (/^arn:[^:]+:iam::\d{12}:root$/.test(p) && accountOf(p) === account);
  if (account !== undefined && aws.some(namesAccount)) return 'account';
  return 'none';
}

/** The statement's principal part for the caller ('direct' for policies without one). */
function principalPart(st: Statement, request: SimRequest, resourcePolicy: boolean, hasBoundary: boolean): PrincipalMatch {
  if (!resourcePolicy) return 'direct';
  if (st.raw.Principal !== undefined) return principalMatch(st.raw.Principal, request.callerArn);
  if (st.raw.NotPrincipal !== undefined) {
    // "Permissions boundaries for IAM entities": a Deny with NotPrincipal always applies to a
    // principal that has a permissions boundary
    if (st.effect === 'Deny' && hasBoundary) return 'direct';
    // only the caller's own ARN spares it: listing its account spares the account root alone
    return principalMatch(st.raw.NotPrincipal, request.callerArn) === 'direct' ? 'none' : 'direct';
  }
  return 'none';
}

interface Applied {
  readonly ref: SimStatementRef;
  readonly effect: 'Allow' | 'Deny';
  readonly principal: PrincipalMatch;
}

/** The statements of one policy that apply to the request. */
function applicable(
  policy: SimPolicy,
  request: SimRequest,
  missing: Set<string>,
  options: { readonly resourcePolicy?: boolean; readonly hasBoundary?: boolean } = {},
): Applied[] {
  const out: Applied[] = [];
  const resourcePolicy = options.resourcePolicy ?? false;
  // "IAM JSON policy elements: Version": policy variables need 2012-10-17; before, "${...}" is text
  const document = policy.document as { readonly Version?: unknown } | null;
  const variables = typeof document === 'object' && document !== null && document.Version === '2012-10-17';
  for (const st of statementsOf(policy.document)) {
    if (st.effect === undefined) continue;
    if (!actionMatches(st, request.action)) continue;
    if (!resourceMatches(st, request.resource, request.context, missing, resourcePolicy, variables)) continue;
    const principal = principalPart(st, request, resourcePolicy, options.hasBoundary ?? false);
    if (principal === 'none') continue;
    if (!conditionBlockHolds(st.raw.Condition, request.context, missing, variables)) continue;
    out.push({ ref: { policyId: policy.id, policyType: policy.type, index: st.index }, effect: st.effect, principal });
  }
  return out;
}

// -------------------------------------------------------------------------------------------
// The decision

/** Evaluates one request (one action on one resource) against the policies. */
export function simulate(policies: SimPolicies, request: SimRequest): SimResult {
  const missing = new Set<string>();
  const identity = policies.identity.flatMap((p) => applicable(p, request, missing));
  const boundary = policies.boundaries.flatMap((p) => applicable(p, request, missing));
  const scpLevels = policies.scpLevels.map((level) => level.flatMap((p) => applicable(p, request, missing)));
  const resource = policies.resourcePolicy
    ? applicable(policies.resourcePolicy, request, missing, { resourcePolicy: true, hasBoundary: policies.boundaries.length > 0 })
    : [];
  const missingContextValues = [...missing].sort();

  const hasBoundary = policies.boundaries.length > 0;
  const hasScps = policies.scpLevels.length > 0;
  const allows = (list: readonly Applied[]) => list.filter((a) => a.effect === 'Allow');
  const boundaryAllows = !hasBoundary || allows(boundary).length > 0;
  const organizationsAllow = scpLevels.every((level) => allows(level).length > 0);
  const details = {
    ...(hasBoundary ? { allowedByBoundary: boundaryAllows } : {}),
    ...(hasScps ? { allowedByOrganizations: organizationsAllow } : {}),
  };

  const denies = [...scpLevels.flat(), ...resource, ...identity, ...boundary].filter((a) => a.effect === 'Deny');
  if (denies.length > 0) {
    return { decision: 'explicitDeny', matched: denies.map((a) => a.ref), missingContextValues, ...details };
  }
  const implicit: SimResult = { decision: 'implicitDeny', matched: [], missingContextValues, ...details };
  if (!organizationsAllow) return implicit;

  const callerAccount = accountOf(request.callerArn);
  const resourceAccount = accountOf(request.resource) ?? request.resourceOwnerAccount ?? callerAccount;
  const sameAccount = callerAccount === undefined || resourceAccount === callerAccount;
  const callerIsUser = request.callerArn !== undefined && /^arn:[^:]+:iam::\d{12}:user\//.test(request.callerArn);

  const identityAllows = allows(identity);
  const identitySide = identityAllows.length > 0 && boundaryAllows;
  const direct = allows(resource).filter((a) => a.principal === 'direct');
  const anyResource = allows(resource);
  const scpAllows = allows(scpLevels.flat());

  let matched: Applied[] | undefined;
  if (sameAccount) {
    if (identitySide) matched = [...identityAllows, ...direct];
    // a resource-based policy that names a user allows past the boundary; one naming a role does not
    else if (direct.length > 0 && (callerIsUser || boundaryAllows)) matched = direct;
  } else if (identitySide && anyResource.length > 0) {
    matched = [...identityAllows, ...anyResource];
  }
  if (!matched) return implicit;
  const boundaryRefs = hasBoundary && boundaryAllows ? allows(boundary) : [];
  return {
    decision: 'allowed',
    matched: [...scpAllows, ...matched, ...(identitySide ? boundaryRefs : [])].map((a) => a.ref),
    missingContextValues,
    ...details,
  };
}

// -------------------------------------------------------------------------------------------
// Context values

const VALUE_CHECKS: Readonly<Record<string, (v: string) => boolean>> = {
  numeric: (v) => readNumber(v) !== undefined,
  boolean: (v) => readBool(v) !== undefined,
  ip: (v) => readIp(v) !== undefined,
  date: (v) => readDate(v) !== undefined,
  binary: (v) => /^[A-Za-z0-9+/]*={0,2}$/.test(v),
};

/** The first value that is not of the key's type, or undefined when all are. */
export function badContextValue(type: ContextKeyType, values: readonly string[]): string | undefined {
  const check = VALUE_CHECKS[type.replace(/List$/, '')];
  return check ? values.find((v) => !check(v)) : undefined;
}
