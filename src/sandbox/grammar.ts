/**
 * IAM's rules for policy documents, as IAM applies them when it stores one (CreatePolicy,
 * CreatePolicyVersion, Put{User,Group,Role}Policy, CreateRole and UpdateAssumeRolePolicy): a
 * strict JSON reader and the grammar of the IAM JSON policy language, each broken rule answered
 * with IAM's MalformedPolicyDocument wording where it is known.
 *
 * This is an independent copy of IAM's rules on purpose: the sandbox stands in for IAM and must
 * catch the validator's mistakes. Do not import src/policy/validate (nor src/policy/checks,
 * src/policy/parse or src/server). It is written from IAM's documentation ("Grammar of the IAM
 * JSON policy language", the element references, "IAM and AWS STS quotas", the API reference) and
 * IAM's observed error messages; src/sandbox/conformance.test.ts compares it with the validator.
 *
 * What IAM accepts although the validator reports it (documented AWS behaviour): unknown services
 * and unknown actions ("the AWS policy validator only checks that the JSON policy syntax is
 * correct, so a policy can contain typos such as s2 for s3 or ListMyBuckets for
 * ListAllMyBuckets": IAM user guide, Troubleshoot IAM policies; the console then lists them as
 * "Uncategorized services/actions"), the fields of an ARN after the partition, condition keys and
 * the types of condition values, and policy variables. See README.md for the list of rules.
 */
import { hasWildcard, wildcardMatch } from '../policy/wildcard';

/** identity: managed and inline policies; trust: a role's AssumeRolePolicyDocument. */
export type GrammarKind = 'identity' | 'trust';

/** A stable name for each rule (README.md lists them). */
export type GrammarRule =
  | 'json-syntax'
  | 'duplicate-key'
  | 'document-type'
  | 'unknown-element'
  | 'element-type'
  | 'version'
  | 'missing-statement'
  | 'missing-effect'
  | 'invalid-effect'
  | 'missing-actions'
  | 'action-and-notaction'
  | 'missing-resources'
  | 'resource-and-notresource'
  | 'principal-and-notprincipal'
  | 'principal-in-identity-policy'
  | 'sid-characters'
  | 'duplicate-sid'
  | 'action-vendor'
  | 'action-colons'
  | 'vendor-characters'
  | 'action-name'
  | 'resource-format'
  | 'partition'
  | 'condition-operator'
  | 'condition-key'
  | 'trust-missing-principal'
  | 'trust-prohibited-field'
  | 'trust-action'
  | 'principal-format';

export interface GrammarRejection {
  readonly rule: GrammarRule;
  /** IAM's MalformedPolicyDocument message */
  readonly message: string;
  /** JSON pointer of the offending member or value ("" for the document) */
  readonly pointer: string;
}

export interface GrammarOptions {
  /** the names of STS's actions (from the catalog), to tell which wildcards a trust policy may use */
  readonly stsActions?: readonly string[];
}

// ------------------------------------------------------------------------------------------------
// Strict JSON (RFC 8259): no comments, no trailing commas, no duplicate member names.

/** A JSON object: member names in document order. */
class JsonObject {
  constructor(readonly members: ReadonlyMap<string, Json>) {}
  get(name: string): Json | undefined {
    return this.members.get(name);
  }
  has(name: string): boolean {
    return this.members.has(name);
  }
}

type Json = string | number | boolean | null | readonly Json[] | JsonObject;

class Rejected extends Error {
  constructor(readonly rejection: GrammarRejection) {
    super(rejection.message);
  }
}

const SYNTAX = 'Syntax errors in policy.';
const MAX_DEPTH = 32;

function reject(rule: GrammarRule, message: string, pointer: string): never {
  throw new Rejected({ rule, message, pointer });
}

function pointerOf(base: string, key: string | number): string {
  return `${base}/${String(key).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

class JsonReader {
  private at = 0;

  constructor(private readonly text: string) {}

  read(): Json {
    const value = this.value('', 0);
    this.space();
    if (this.at !== this.text.length) this.fail('');
    return value;
  }

  private fail(pointer: string): never {
    return reject('json-syntax', SYNTAX, pointer);
  }

  private space(): void {
    for (;;) {
      const c = this.text.charCodeAt(this.at);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) this.at++;
      else return;
    }
  }

  private value(pointer: string, depth: number): Json {
    if (depth > MAX_DEPTH) this.fail(pointer);
    this.space();
    const c = this.text[this.at];
    if (c === '{') return this.object(pointer, depth);
    if (c === '[') return this.array(pointer, depth);
    if (c === '"') return this.string(pointer);
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number(pointer);
    for (const [word, result] of [
      ['true', true],
      ['false', false],
      ['null', null],
    ] as const) {
      if (this.text.startsWith(word, this.at)) {
        this.at += word.length;
        return result;
      }
    }
    return this.fail(pointer);
  }

  private object(pointer: string, depth: number): JsonObject {
    this.at++; // {
    const members = new Map<string, Json>();
    const folded = new Set<string>();
    this.space();
    if (this.text[this.at] === '}') {
      this.at++;
      return new JsonObject(members);
    }
    for (;;) {
      this.space();
      if (this.text[this.at] !== '"') this.fail(pointer);
      const name = this.string(pointer);
      const at = pointerOf(pointer, name);
      // IAM's element names and condition keys are matched without regard to case in places, so
      // two members whose names differ only in case are as ambiguous as two equal ones.
      const key = name.toLowerCase();
      if (folded.has(key)) reject('duplicate-key', SYNTAX, at);
      folded.add(key);
      this.space();
      if (this.text[this.at] !== ':') this.fail(at);
      this.at++;
      members.set(name, this.value(at, depth + 1));
      this.space();
      const next = this.text[this.at++];
      if (next === '}') return new JsonObject(members);
      if (next !== ',') this.fail(pointer);
    }
  }

  private array(pointer: string, depth: number): Json[] {
    this.at++; // [
    const items: Json[] = [];
    this.space();
    if (this.text[this.at] === ']') {
      this.at++;
      return items;
    }
    for (;;) {
      items.push(this.value(pointerOf(pointer, items.length), depth + 1));
      this.space();
      const next = this.text[this.at++];
      if (next === ']') return items;
      if (next !== ',') this.fail(pointer);
    }
  }

  private string(pointer: string): string {
    this.at++; // "
    let out = '';
    for (;;) {
      const c = this.text[this.at++];
      if (c === undefined) return this.fail(pointer);
      if (c === '"') return out;
      if (c.charCodeAt(0) < 0x20) this.fail(pointer);
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = this.text[this.at++];
      if (e === 'u') {
        const hex = this.text.slice(this.at, this.at + 4);
        if (!/^[0-9A-Fa-f]{4}$/.test(hex)) this.fail(pointer);
        out += String.fromCharCode(parseInt(hex, 16));
        this.at += 4;
        continue;
      }
      const simple: Readonly<Record<string, string>> = {
        '"': '"',
        '\\': '\\',
        '/': '/',
        b: '\b',
        f: '\f',
        n: '\n',
        r: '\r',
        t: '\t',
      };
      const decoded = e === undefined ? undefined : simple[e];
      if (decoded === undefined) this.fail(pointer);
      out += decoded;
    }
  }

  private number(pointer: string): number {
    const match = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    match.lastIndex = this.at;
    const found = match.exec(this.text);
    if (!found) return this.fail(pointer);
    this.at += found[0].length;
    return Number(found[0]);
  }
}

// ------------------------------------------------------------------------------------------------
// The grammar

const TOP_LEVEL = new Set(['Version', 'Id', 'Statement']);
const STATEMENT_ELEMENTS = new Set([
  'Sid',
  'Effect',
  'Principal',
  'NotPrincipal',
  'Action',
  'NotAction',
  'Resource',
  'NotResource',
  'Condition',
]);
export const POLICY_VERSIONS: readonly string[] = ['2012-10-17', '2008-10-17'];
export const PARTITIONS: readonly string[] = [
  'aws',
  'aws-cn',
  'aws-us-gov',
  'aws-iso',
  'aws-iso-b',
  'aws-iso-e',
  'aws-iso-f',
  'aws-eusc',
];

/** Condition operators (IAM User Guide, "IAM JSON policy elements: Condition operators"). */
export const CONDITION_OPERATORS: readonly string[] = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
  'Bool',
  'BinaryEquals',
  'IpAddress',
  'NotIpAddress',
  'ArnEquals',
  'ArnNotEquals',
  'ArnLike',
  'ArnNotLike',
  'Null',
];
const OPERATORS = new Set(CONDITION_OPERATORS);

/** The actions a role trust policy may name (IAM User Guide, "Role trust policy"). */
export const TRUST_ACTIONS: readonly string[] = [
  'AssumeRole',
  'AssumeRoleWithSAML',
  'AssumeRoleWithWebIdentity',
  'TagSession',
  'SetSourceIdentity',
  'SetContext',
];

/** True when `operator` is a condition operator IAM knows: [ForAllValues:|ForAnyValue:]Op[IfExists]. */
export function isConditionOperator(operator: string): boolean {
  let name = operator;
  for (const qualifier of ['ForAllValues:', 'ForAnyValue:']) {
    if (name.startsWith(qualifier)) {
      name = name.slice(qualifier.length);
      break;
    }
  }
  if (OPERATORS.has(name)) return true;
  if (!name.endsWith('IfExists')) return false;
  const base = name.slice(0, -'IfExists'.length);
  return base !== 'Null' && OPERATORS.has(base);
}

function show(value: Json): string {
  return typeof value === 'string' ? value : JSON.stringify(plain(value));
}

function plain(value: Json): unknown {
  if (value instanceof JsonObject) {
    return Object.fromEntries([...value.members].map(([k, v]) => [k, plain(v)]));
  }
  if (Array.isArray(value)) return value.map(plain);
  return value;
}

/** A string, or a list of strings; anything else is a syntax error. Returns [value, pointer] pairs. */
function stringList(value: Json, pointer: string): [string, string][] {
  if (typeof value === 'string') return [[value, pointer]];
  if (!Array.isArray(value)) return reject('element-type', SYNTAX, pointer);
  return (value as readonly Json[]).map((item, i) => {
    const at = pointerOf(pointer, i);
    if (typeof item !== 'string') return reject('element-type', SYNTAX, at);
    return [item, at];
  });
}

const VENDOR_CHARS = /^[A-Za-z0-9*?-]+$/;
const ACTION_NAME_CHARS = /^[A-Za-z0-9*?_-]+$/;

function checkAction(action: string, pointer: string, kind: GrammarKind, options: GrammarOptions): void {
  if (action === '*') {
    if (kind === 'trust') trustAction(pointer);
    return;
  }
  const parts = action.split(':');
  if (parts.length < 2 || parts[0] === '') {
    reject(
      'action-vendor',
      'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
      pointer,
    );
  }
  if (parts.length > 2) reject('action-colons', 'Actions/Condition can contain only one colon.', pointer);
  const [vendor = '', name = ''] = parts;
  if (!VENDOR_CHARS.test(vendor)) reject('vendor-characters', `Vendor ${vendor} is not valid`, pointer);
  if (!ACTION_NAME_CHARS.test(name)) reject('action-name', `Invalid Action: ${action}`, pointer);
  if (kind === 'trust') {
    if (!wildcardMatch(vendor, 'sts', true)) trustAction(pointer);
    const allowed = TRUST_ACTIONS.filter((a) => wildcardMatch(name, a, true));
    if (allowed.length === 0) trustAction(pointer);
    if (hasWildcard(action)) {
      // A wildcard may only cover trust actions: "sts:AssumeRole*" is fine, "sts:*" is not.
      if (hasWildcard(vendor)) trustAction(pointer);
      const others = (options.stsActions ?? []).filter(
        (a) =>
          wildcardMatch(name, a, true) && !TRUST_ACTIONS.some((t) => t.toLowerCase() === a.toLowerCase()),
      );
      if (others.length > 0) trustAction(pointer);
    }
  }
}

function trustAction(pointer: string): never {
  return reject('trust-action', 'AssumeRole policy may only specify STS AssumeRole actions.', pointer);
}

function checkResource(resource: string, pointer: string): void {
  if (resource === '*') return;
  const fields = resource.split(':');
  if (fields[0] !== 'arn' || fields.length < 6) {
    reject('resource-format', `Resource ${resource} must be in ARN format or "*".`, pointer);
  }
  const partition = fields[1] ?? '';
  const known = hasWildcard(partition)
    ? PARTITIONS.some((p) => wildcardMatch(partition, p))
    : PARTITIONS.includes(partition);
  // A policy variable in the partition (${aws:...}) is resolved when the policy is evaluated.
  if (!known && !partition.startsWith('${')) {
    reject('partition', `Partition "${partition}" is not valid for resource "${resource}".`, pointer);
  }
}

function checkCondition(value: Json, pointer: string): void {
  if (!(value instanceof JsonObject)) return reject('element-type', SYNTAX, pointer);
  for (const [operator, block] of value.members) {
    const at = pointerOf(pointer, operator);
    if (!isConditionOperator(operator))
      reject('condition-operator', `Invalid Condition type : ${operator}`, at);
    if (!(block instanceof JsonObject)) reject('element-type', SYNTAX, at);
    for (const [key, values] of block.members) {
      const keyAt = pointerOf(at, key);
      const colon = key.indexOf(':');
      if (colon <= 0) {
        reject(
          'condition-key',
          'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
          keyAt,
        );
      }
      const list = Array.isArray(values) ? (values as readonly Json[]) : [values];
      list.forEach((item, i) => {
        const itemAt = Array.isArray(values) ? pointerOf(keyAt, i) : keyAt;
        if (typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'boolean') {
          reject('element-type', SYNTAX, itemAt);
        }
      });
    }
  }
}

const ACCOUNT = /^\d{12}$/;
const UNIQUE_ID = /^A[A-Z0-9]{15,127}$/;
const IAM_PRINCIPAL_ARN =
  /^arn:[a-z-]+:(?:iam::(?:\d{12}):(?:root|user\/.+|role\/.+|federated-user\/.+)|sts::\d{12}:(?:assumed-role\/[^/]+\/.+|federated-user\/.+))$/;
const FEDERATED_ARN = /^arn:[a-z-]+:iam::\d{12}:(?:saml-provider|oidc-provider)\/.+$/;
const DNS_NAME = /^[a-z0-9-]+(?:\.[a-z0-9-]+)+$/;
const CANONICAL_USER = /^[0-9a-f]{64}$/;

function invalidPrincipal(key: string | undefined, value: string, pointer: string): never {
  const shown =
    key === undefined
      ? JSON.stringify(value)
      : `"${key === 'AWS' ? 'AWS' : key.toUpperCase()}":${JSON.stringify(value)}`;
  return reject('principal-format', `Invalid principal in policy: ${shown}`, pointer);
}

/** A trust policy's Principal: "*" or a map of AWS/Service/Federated/CanonicalUser principals. */
function checkPrincipal(value: Json, pointer: string): void {
  if (typeof value === 'string') {
    if (value !== '*') invalidPrincipal(undefined, value, pointer);
    return;
  }
  if (!(value instanceof JsonObject)) return reject('element-type', SYNTAX, pointer);
  for (const [key, entries] of value.members) {
    const at = pointerOf(pointer, key);
    const list = stringList(entries, at);
    const valid: ((principal: string) => boolean) | undefined =
      key === 'AWS'
        ? (p) =>
            p === '*' ||
            ACCOUNT.test(p) ||
            UNIQUE_ID.test(p) ||
            (IAM_PRINCIPAL_ARN.test(p) && !hasWildcard(p))
        : key === 'Service'
          ? (p) => DNS_NAME.test(p)
          : key === 'Federated'
            ? (p) => FEDERATED_ARN.test(p) || DNS_NAME.test(p.toLowerCase())
            : key === 'CanonicalUser'
              ? (p) => CANONICAL_USER.test(p)
              : undefined;
    for (const [principal, principalAt] of list) {
      if (!valid || !valid(principal)) invalidPrincipal(key, principal, principalAt);
    }
    if (!valid) invalidPrincipal(key, show(entries), at);
  }
}

function checkStatement(
  statement: Json,
  pointer: string,
  kind: GrammarKind,
  options: GrammarOptions,
): string | undefined {
  if (!(statement instanceof JsonObject)) return reject('element-type', SYNTAX, pointer);
  for (const name of statement.members.keys()) {
    if (!STATEMENT_ELEMENTS.has(name)) reject('unknown-element', SYNTAX, pointerOf(pointer, name));
  }
  const at = (name: string): string => pointerOf(pointer, name);

  const sid = statement.get('Sid');
  if (sid !== undefined) {
    if (typeof sid !== 'string') reject('element-type', SYNTAX, at('Sid'));
    if (kind === 'identity' && !/^[0-9A-Za-z]*$/.test(sid)) {
      reject(
        'sid-characters',
        'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*',
        at('Sid'),
      );
    }
  }

  const effect = statement.get('Effect');
  if (effect === undefined) reject('missing-effect', 'Missing required field Effect', pointer);
  if (typeof effect !== 'string') reject('element-type', SYNTAX, at('Effect'));
  if (effect !== 'Allow' && effect !== 'Deny')
    reject('invalid-effect', `Invalid effect: ${effect}`, at('Effect'));

  const principal = statement.get('Principal');
  const notPrincipal = statement.get('NotPrincipal');
  if (principal !== undefined && notPrincipal !== undefined) {
    reject('principal-and-notprincipal', SYNTAX, at('NotPrincipal'));
  }
  if (kind === 'identity') {
    if (principal !== undefined || notPrincipal !== undefined) {
      reject(
        'principal-in-identity-policy',
        'Policy document should not specify a principal.',
        at(principal !== undefined ? 'Principal' : 'NotPrincipal'),
      );
    }
  } else {
    if (notPrincipal !== undefined) {
      reject('trust-prohibited-field', 'Has prohibited field NotPrincipal', at('NotPrincipal'));
    }
    if (principal === undefined)
      reject('trust-missing-principal', 'Missing required field Principal', pointer);
    checkPrincipal(principal, at('Principal'));
  }

  const action = statement.get('Action');
  const notAction = statement.get('NotAction');
  if (action !== undefined && notAction !== undefined)
    reject('action-and-notaction', SYNTAX, at('NotAction'));
  const actionName = action !== undefined ? 'Action' : 'NotAction';
  const actions = action ?? notAction;
  if (actions === undefined) reject('missing-actions', 'Policy statement must contain actions.', pointer);
  const actionList = stringList(actions, at(actionName));
  if (actionList.length === 0)
    reject('missing-actions', 'Policy statement must contain actions.', at(actionName));
  for (const [item, itemAt] of actionList) {
    // NotAction in a trust policy names what is *not* allowed: only its shape is checked.
    checkAction(item, itemAt, actionName === 'Action' ? kind : 'identity', options);
  }

  const resource = statement.get('Resource');
  const notResource = statement.get('NotResource');
  if (kind === 'trust') {
    if (resource !== undefined)
      reject('trust-prohibited-field', 'Has prohibited field Resource', at('Resource'));
    if (notResource !== undefined) {
      reject('trust-prohibited-field', 'Has prohibited field NotResource', at('NotResource'));
    }
  } else {
    if (resource !== undefined && notResource !== undefined) {
      reject('resource-and-notresource', SYNTAX, at('NotResource'));
    }
    const resourceName = resource !== undefined ? 'Resource' : 'NotResource';
    const resources = resource ?? notResource;
    if (resources === undefined)
      reject('missing-resources', 'Policy statement must contain resources.', pointer);
    const resourceList = stringList(resources, at(resourceName));
    if (resourceList.length === 0) {
      reject('missing-resources', 'Policy statement must contain resources.', at(resourceName));
    }
    for (const [item, itemAt] of resourceList) checkResource(item, itemAt);
  }

  const condition = statement.get('Condition');
  if (condition !== undefined) checkCondition(condition, at('Condition'));
  return typeof sid === 'string' ? sid : undefined;
}

function checkPolicy(document: Json, kind: GrammarKind, options: GrammarOptions): void {
  if (!(document instanceof JsonObject)) return reject('document-type', SYNTAX, '');
  for (const name of document.members.keys()) {
    if (!TOP_LEVEL.has(name)) reject('unknown-element', SYNTAX, pointerOf('', name));
  }
  const version = document.get('Version');
  if (version !== undefined && (typeof version !== 'string' || !POLICY_VERSIONS.includes(version))) {
    reject('version', 'The policy failed legacy parsing', '/Version');
  }
  const id = document.get('Id');
  if (id !== undefined && typeof id !== 'string') reject('element-type', SYNTAX, '/Id');
  const statement = document.get('Statement');
  if (statement === undefined) return reject('missing-statement', SYNTAX, '');
  if (statement instanceof JsonObject) {
    checkStatement(statement, '/Statement', kind, options);
    return;
  }
  if (!Array.isArray(statement)) return reject('element-type', SYNTAX, '/Statement');
  const statements = statement as readonly Json[];
  if (statements.length === 0) reject('missing-statement', SYNTAX, '/Statement');
  const sids = new Set<string>();
  statements.forEach((item, i) => {
    const sid = checkStatement(item, `/Statement/${i}`, kind, options);
    if (kind !== 'identity' || sid === undefined || sid === '') return;
    if (sids.has(sid)) {
      reject(
        'duplicate-sid',
        'Statement IDs (SID) in a single policy must be unique.',
        `/Statement/${i}/Sid`,
      );
    }
    sids.add(sid);
  });
}

/**
 * Judges a policy document's text as IAM does once the request parameter is valid: null when IAM
 * stores it, else the first rule it breaks with IAM's MalformedPolicyDocument message.
 */
export function checkPolicyGrammar(
  text: string,
  kind: GrammarKind,
  options: GrammarOptions = {},
): GrammarRejection | null {
  try {
    checkPolicy(new JsonReader(text).read(), kind, options);
    return null;
  } catch (error) {
    if (error instanceof Rejected) return error.rejection;
    throw error;
  }
}

/**
 * A document's size as IAM counts it against its quotas: every character except whitespace
 * outside strings (IAM User Guide, "IAM and AWS STS quotas": "IAM doesn't count white space").
 */
export function iamPolicySize(text: string): number {
  let size = 0;
  let inString = false;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      size++;
      if (escaped) escaped = false;
      else if (c === 0x5c) escaped = true;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) continue;
    size++;
    if (c === 0x22) inString = true;
  }
  return size;
}
