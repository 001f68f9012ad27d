/**
 * The Condition element: operators, keys, values, and whether the statement's actions
 * support the keys it uses.
 */
import type { ConditionKeyType } from '../../catalog/types';
import type { JsonValue } from '../model';
import type { ActionRef, KeyLookup, KnownConditionKey, ServiceDetailIndex } from './catalogIndex';
import type { ConditionItem, StatementContext, Validation } from './context';
import { closest, listText, q } from './context';
import { describeRetiredService } from '../../catalog/retiredServices';
import { hasWildcard } from '../wildcard';
import { outsideVariables } from './variableText';
import { formatNetwork, hasHostBits, isPrivateRange, parseCidr } from './ip';
import type { OperatorFamily, ParsedOperator } from './operators';
import { parseOperator } from './operators';
import { REGION_PATTERN } from './resources';
import { TRUST_ACTIONS } from './actions';
import { ACCEPTED_FAMILIES, acceptsFamily, conditionValueProblem } from '../conditions';

const FAMILY_EXAMPLE: Readonly<Record<OperatorFamily, string>> = {
  String: 'StringEquals or StringLike',
  Arn: 'ArnEquals or ArnLike',
  Bool: 'Bool',
  Date: 'DateGreaterThan or DateLessThan',
  Numeric: 'NumericLessThan or NumericGreaterThan',
  Ip: 'IpAddress or NotIpAddress',
  Binary: 'BinaryEquals',
  Null: 'Null',
};

const TAG_KEY_IDS = new Set(['aws:resourcetag/${tagkey}', 'aws:requesttag/${tagkey}', 'aws:tagkeys']);
const SOURCE_KEYS = ['aws:sourcearn', 'aws:sourceaccount', 'aws:sourceorgid', 'aws:sourceorgpaths'];

/** Keys whose value a companion action sets in a role trust policy. */
const TRUST_SESSION_KEYS: readonly { readonly test: (id: string) => boolean; readonly action: string }[] = [
  {
    test: (id) => id.startsWith('aws:requesttag/') || id === 'aws:tagkeys' || id === 'sts:transitivetagkeys',
    action: 'TagSession',
  },
  { test: (id) => id === 'sts:sourceidentity', action: 'SetSourceIdentity' },
  { test: (id) => id.startsWith('sts:requestcontext'), action: 'SetContext' },
];

function isPrimitive(value: JsonValue): value is string | number | boolean {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

function hasVariable(value: string): boolean {
  return value.includes('${');
}

function isMultiValued(type: ConditionKeyType): boolean {
  return type.startsWith('ArrayOf');
}

export function checkConditions(v: Validation, statement: StatementContext): void {
  const lookups = new Map<string, { lookup: KeyLookup; known: KnownConditionKey | undefined }>();
  for (const item of statement.conditions) {
    const operator = parseOperator(item.operator);
    if (!operator.ok) {
      if (operator.nullIfExists) {
        v.report(
          'null-with-if-exists',
          item.operatorPointer,
          `${q(item.operator)} is not valid: the Null operator already tests whether the key exists, so it takes no IfExists suffix. Use ${q(operator.suggestion ?? 'Null')}.`,
        );
      } else {
        v.report(
          'invalid-condition-operator',
          item.operatorPointer,
          `The condition operator ${q(item.operator)} is not valid.${operator.suggestion ? ` Did you mean ${q(operator.suggestion)}?` : ' Use one such as StringEquals, StringLike, ArnLike, NumericLessThan, DateGreaterThan, Bool, IpAddress or Null.'}`,
        );
      }
    }
    const resolved = checkKey(v, item);
    lookups.set(item.key.toLowerCase(), resolved);
    checkValues(v, item, operator.ok ? operator : undefined, resolved.known, resolved.lookup);
  }
  if (statement.conditions.length === 0) return;
  checkPairedKeys(v, statement);
  checkKeySupport(v, statement, lookups);
}

function checkKey(
  v: Validation,
  item: ConditionItem,
): { lookup: KeyLookup; known: KnownConditionKey | undefined } {
  const key = item.key;
  const colon = key.indexOf(':');
  const notLoaded: KeyLookup = { kind: 'not-loaded', service: '' };
  if (colon <= 0 || colon === key.length - 1 || /\s/.test(key.slice(0, colon))) {
    v.report(
      'invalid-condition-key-format',
      item.pointer,
      `The condition key ${q(key)} is not valid: write it as "service:KeyName", e.g. "aws:SourceIp" or "s3:prefix".`,
    );
    return { lookup: notLoaded, known: undefined };
  }
  const lower = key.toLowerCase();
  if (lower === 'aws:arn') {
    v.report(
      'unsupported-global-condition-key',
      item.pointer,
      'The condition key aws:ARN is not supported. Use aws:PrincipalArn to test the ARN of the principal making the request, or aws:SourceArn for the resource a service acts for.',
    );
    return { lookup: notLoaded, known: undefined };
  }
  const lookup = v.index.lookupConditionKey(key);
  switch (lookup.kind) {
    case 'known':
      return { lookup, known: lookup.known };
    case 'missing-variable': {
      const base = lookup.known.key.slice(0, lookup.known.key.indexOf('/${'));
      if (/tag$/i.test(base)) {
        v.report(
          'missing-tag-key-in-condition',
          item.pointer,
          `The condition key ${q(key)} needs a tag key: write ${q(`${base}/tag-key`)} with the tag's key, e.g. ${q(`${base}/team`)}.`,
        );
      } else {
        v.report(
          base.toLowerCase().startsWith('aws:')
            ? 'invalid-global-condition-key'
            : 'invalid-service-condition-key',
          item.pointer,
          `The condition key ${q(key)} is incomplete: it is written ${q(lookup.known.key)}. Add the part after "/".`,
        );
      }
      return { lookup, known: undefined };
    }
    case 'unknown-global': {
      const suggestion = closest(
        key,
        v.catalog.globalConditionKeys.map((global) => global.key),
        3,
      );
      v.report(
        'invalid-global-condition-key',
        item.pointer,
        `The global condition key ${q(key)} does not exist.${suggestion ? ` Did you mean ${q(suggestion)}?` : ' Use one of the aws: keys listed in the IAM User Guide, e.g. "aws:SourceIp".'}`,
      );
      return { lookup, known: undefined };
    }
    case 'unknown-in-service': {
      const detail = v.index.detailIndex(lookup.service);
      const suggestion = detail
        ? closest(
            key,
            detail.detail.conditionKeys.map((known) => known.key),
            3,
          )
        : undefined;
      const serviceName = v.index.serviceName(lookup.service) ?? lookup.service;
      v.report(
        'invalid-service-condition-key',
        item.pointer,
        `The condition key ${q(key)} does not exist in ${serviceName}.${suggestion ? ` Did you mean ${q(suggestion)}?` : ` Use a key the service defines, or a global "aws:" key.`}`,
      );
      return { lookup, known: undefined };
    }
    case 'retired-service':
      v.report(
        'retired-service',
        item.pointer,
        `${q(key)} is a key of ${describeRetiredService(lookup.service, lookup.serviceName)}. IAM accepts it, but no request carries it any more; remove this condition.`,
      );
      return { lookup, known: undefined };
    case 'unknown-service': {
      const suggestion = closest(lookup.service, v.index.servicePrefixes(), 2);
      v.report(
        'invalid-service',
        item.pointer,
        `The service ${q(key.slice(0, colon))} in the condition key ${q(key)} does not exist.${suggestion ? ` Did you mean ${q(`${suggestion}${key.slice(colon)}`)}?` : ' Use "aws:" for global keys or a service prefix such as "s3".'}`,
      );
      return { lookup, known: undefined };
    }
    default:
      return { lookup, known: undefined };
  }
}

function checkValues(
  v: Validation,
  item: ConditionItem,
  operator: ParsedOperator | undefined,
  known: KnownConditionKey | undefined,
  lookup: KeyLookup,
): void {
  const key = item.key;
  const lowerKey = key.toLowerCase();
  // JSON shapes
  const primitives: { value: string | number | boolean; pointer: string }[] = [];
  for (const value of item.values) {
    if (isPrimitive(value.value)) primitives.push({ value: value.value, pointer: value.pointer });
    else {
      v.report(
        'data-type-mismatch',
        value.pointer,
        `The value of ${q(key)} must be a string, number or boolean (or an array of them), not ${value.value === null ? 'null' : Array.isArray(value.value) ? 'a nested array' : 'an object'}.`,
      );
    }
  }
  const types = new Set(primitives.map((value) => typeof value.value));
  if (types.size > 1) {
    v.report(
      'invalid-condition-data-type',
      item.pointer,
      `The values of ${q(key)} mix JSON types (${[...types].join(' and ')}). Write them all the same way, usually as strings.`,
    );
  }
  if (!operator) return;
  const { family, qualifier, ifExists } = operator;

  if (item.values.length === 0) {
    if (qualifier === 'ForAllValues') {
      v.report(
        'empty-array-condition-forallvalues',
        item.pointer,
        `ForAllValues with no values for ${q(key)} matches only when the key is missing from the request. To test that, use "Null": {${q(key)}: "true"} instead.`,
      );
    } else if (qualifier === 'ForAnyValue') {
      v.report(
        'empty-array-condition-foranyvalue',
        item.pointer,
        `ForAnyValue with no values for ${q(key)} never matches, so this statement has no effect. Add values or remove the condition.`,
      );
    } else if (ifExists) {
      v.report(
        'empty-array-condition-ifexists',
        item.pointer,
        `${item.operator} with no values for ${q(key)} matches only when the key is missing from the request. To test that, use "Null": {${q(key)}: "true"} instead.`,
      );
    } else {
      v.report(
        'empty-array-condition',
        item.pointer,
        `There are no values for ${q(key)}, so this condition never matches. Add values or remove the condition.`,
      );
    }
    return;
  }

  // Qualifiers and key types
  if (family === 'Null') {
    if (qualifier) {
      v.report(
        'null-with-qualifier',
        item.operatorPointer,
        `Avoid ${qualifier} with the Null operator: ${qualifier === 'ForAllValues' ? 'it always matches' : 'it never matches'}. Use plain "Null" to test whether ${q(key)} is present.`,
      );
    }
  } else if (known) {
    const type = known.type;
    if (qualifier === 'ForAllValues' && !isMultiValued(type)) {
      v.report(
        'forallvalues-with-single-valued-key',
        item.operatorPointer,
        `${q(known.key)} has a single value, and ForAllValues also matches when the key is missing or empty, which can allow more than intended. Remove "ForAllValues:" (use ${q(operator.text.slice('ForAllValues:'.length))}).`,
      );
    } else if (!qualifier && isMultiValued(type)) {
      v.report(
        'missing-qualifier',
        item.operatorPointer,
        `${q(known.key)} can have several values in one request (${type}). Say how to compare them: "ForAnyValue:${operator.base}${ifExists ? 'IfExists' : ''}" (at least one matches) or "ForAllValues:${operator.base}${ifExists ? 'IfExists' : ''}" (every one matches).`,
      );
    }
    if (!acceptsFamily(type, family)) {
      const expected = ACCEPTED_FAMILIES[type][0] as OperatorFamily;
      v.report(
        'type-mismatch',
        item.operatorPointer,
        `${q(known.key)} is a ${type} key, but ${item.operator} compares ${family === 'Ip' ? 'IP addresses' : `${family} values`}. Use a ${expected} operator such as ${FAMILY_EXAMPLE[expected]}.`,
      );
    }
  }
  if (qualifier) {
    const claim =
      lookup.kind === 'provider-claim'
        ? lookup.claim.toLowerCase()
        : lowerKey.slice(lowerKey.lastIndexOf(':') + 1);
    if (claim === 'aud' || claim === 'oaud') {
      v.report(
        'confirm-audience-claim-type',
        item.operatorPointer,
        `The ${q(key)} (audience) claim names who the token is for and is usually single-valued; if so, remove "${qualifier}:". Keep it only if your identity provider sends several audiences.`,
      );
    }
  }

  // Values
  if (family === 'Bool' && !qualifier && primitives.length > 1) {
    v.report(
      'invalid-condition-multiple-boolean',
      item.pointer,
      `${q(key)} takes a single Boolean value, but ${primitives.length} are given. Keep one: "true" or "false".`,
    );
  }
  const numbers: number[] = [];
  const cidrs: { private: boolean; text: string; pointer: string }[] = [];
  for (const { value, pointer } of primitives) {
    const text = String(value);
    const problem = conditionValueProblem(family, item.operator, value);
    if (problem) {
      v.report(problem.code, pointer, problem.message);
      continue;
    }
    if (typeof value === 'string' && hasVariable(value)) continue;
    switch (family) {
      case 'String':
        if (!operator.base.includes('Like') && hasWildcard(outsideVariables(text))) {
          v.report(
            'wildcard-without-like-operator',
            pointer,
            `${q(text)} contains "*" or "?", which ${item.operator} compares literally. If you meant a wildcard, use ${operator.negated ? 'StringNotLike' : 'StringLike'}.`,
          );
        }
        checkKnownStringValues(v, lowerKey, text, pointer, operator);
        break;
      case 'Numeric':
        numbers.push(Number(text));
        break;
      case 'Ip': {
        const cidr = parseCidr(text);
        if (!cidr) break;
        if (hasHostBits(cidr)) {
          v.report(
            'improve-ip-range',
            pointer,
            `In ${q(text)} the bits after the /${cidr.prefix} mask are ignored. Write ${q(formatNetwork(cidr))}.`,
          );
        }
        cidrs.push({ private: isPrivateRange(cidr), text, pointer });
        break;
      }
      default:
        break;
    }
  }

  // Numeric redundancy
  if (family === 'Numeric' && !qualifier && numbers.length > 1) {
    const base = operator.base;
    const least = base.startsWith('NumericGreaterThan');
    if (base.startsWith('NumericLessThan') || least) {
      const best = least ? Math.min(...numbers) : Math.max(...numbers);
      v.report(
        'redundant-condition-value-num',
        item.pointer,
        `With ${base}, several values for ${q(key)} act like the ${least ? 'least' : 'greatest'} one alone. Replace them with ${q(String(best))}.`,
      );
    }
  }

  // aws:SourceIp with only private (or some private) ranges
  if (family === 'Ip' && lowerKey === 'aws:sourceip' && cidrs.length > 0) {
    const privateOnes = cidrs.filter((cidr) => cidr.private);
    const negated = operator.negated;
    if (privateOnes.length === cidrs.length) {
      v.report(
        negated ? 'private-not-ip-address' : 'private-ip-address',
        item.pointer,
        negated
          ? 'aws:SourceIp holds only public addresses, so NotIpAddress with only private ranges always matches and has no effect. List public ranges, or use aws:VpcSourceIp for private ones.'
          : 'aws:SourceIp holds only public addresses, so a condition on private ranges never matches. List public ranges, or use aws:VpcSourceIp for requests through a VPC endpoint.',
      );
    } else if (privateOnes.length > 0) {
      const listed = listText(
        privateOnes.map((cidr) => q(cidr.text)),
        3,
      );
      v.report(
        negated ? 'private-not-ip-address-subset' : 'private-ip-address-subset',
        item.pointer,
        `aws:SourceIp holds only public addresses, so the private ranges ${listed} ${negated ? 'have no effect' : 'never match'}. Remove them, or use aws:VpcSourceIp for private ranges.`,
      );
    }
  }
}

function checkKnownStringValues(
  v: Validation,
  lowerKey: string,
  text: string,
  pointer: string,
  operator: ParsedOperator,
): void {
  if (hasWildcard(text) && operator.base.includes('Like')) return;
  if (lowerKey === 'aws:sourcevpc' && !/^vpc-([a-z0-9]{8}|[a-z0-9]{17})$/i.test(text)) {
    v.report(
      'invalid-vpc-format',
      pointer,
      `${q(text)} is not a VPC ID: write "vpc-" followed by 8 or 17 letters and digits, e.g. "vpc-1a2b3c4d".`,
    );
  } else if (lowerKey === 'aws:sourcevpce' && !/^vpce-([a-z0-9]{8}|[a-z0-9]{17})$/i.test(text)) {
    v.report(
      'invalid-vpce-format',
      pointer,
      `${q(text)} is not a VPC endpoint ID: write "vpce-" followed by 8 or 17 letters and digits, e.g. "vpce-1a2b3c4d".`,
    );
  } else if (lowerKey === 'aws:requestedregion' && !REGION_PATTERN.test(text)) {
    v.report(
      'invalid-region',
      pointer,
      `${q(text)} is not a Region code. Use a code such as "us-east-1" or "eu-west-1".`,
    );
  }
}

function checkPairedKeys(v: Validation, statement: StatementContext): void {
  const keys = new Set(statement.conditions.map((item) => item.key.toLowerCase()));
  for (const item of statement.conditions) {
    if (item.key.toLowerCase() !== 'aws:vpcsourceip') continue;
    if (keys.has('aws:sourcevpc') || keys.has('aws:sourcevpce') || keys.has('aws:sourcevpcarn')) continue;
    v.report(
      'missing-paired-condition-keys',
      item.pointer,
      'aws:VpcSourceIp alone matches the address in any VPC, including VPCs of other accounts that use the same private ranges. Add aws:SourceVpc (or aws:SourceVpce) to the same condition block.',
    );
  }
}

/** Do the statement's actions support the condition keys it uses? */
function checkKeySupport(
  v: Validation,
  statement: StatementContext,
  lookups: ReadonlyMap<string, { lookup: KeyLookup; known: KnownConditionKey | undefined }>,
): void {
  const reported = new Set<string>();
  for (const item of statement.conditions) {
    const resolved = lookups.get(item.key.toLowerCase());
    const known = resolved?.known;
    if (!known || reported.has(known.id)) continue;
    if (v.isTrust) {
      checkTrustSessionKey(v, statement, item, known);
      continue;
    }
    if (TAG_KEY_IDS.has(known.id)) {
      reported.add(known.id);
      checkTagKeySupport(v, statement, item, known);
      continue;
    }
    if (known.global || statement.notAction !== undefined || statement.action === undefined) continue;
    const keyService = resolved.lookup.kind === 'known' ? resolved.lookup.service : undefined;
    if (keyService === undefined) continue;
    const support = actionsSupport(v, statement, known.id);
    if (support !== 'none') continue;
    reported.add(known.id);
    const supporters = v.index.detailIndex(keyService)?.actionsSupportingKey(known.id) ?? [];
    if (supporters.length === 0) continue; // the data links the key to no action: cannot judge
    v.report(
      'unsupported-action-for-condition-key',
      item.pointer,
      `None of this statement's actions support the condition key ${q(known.key)}, so the condition is never met${statement.effect === 'Deny' ? ' and the statement never denies anything' : ' and the statement allows nothing'}. Move the condition to a statement with actions that support it (e.g. ${listText(supporters, 3)}), or remove it.`,
    );
  }
}

/** "some" when at least one matched action supports the key, "none" when none does, "unknown" when details are missing. */
function actionsSupport(
  v: Validation,
  statement: StatementContext,
  keyId: string,
): 'some' | 'none' | 'unknown' {
  let any = false;
  for (const pattern of statement.actionPatterns) {
    if (pattern.status !== 'ok') continue;
    let lastService = '';
    let detail: ServiceDetailIndex | undefined;
    for (const action of pattern.matches) {
      any = true;
      if (action.service !== lastService) {
        lastService = action.service;
        detail = v.index.detailIndex(action.service);
        if (!detail) return 'unknown';
      }
      // Skip services that never mention the key (a pattern's matches are grouped by service).
      if (!detail?.referencedKeys.has(keyId)) continue;
      if (detail.actionKeys(action.name.toLowerCase()).has(keyId)) return 'some';
    }
  }
  return any ? 'none' : 'unknown';
}

function checkTagKeySupport(
  v: Validation,
  statement: StatementContext,
  item: ConditionItem,
  known: KnownConditionKey,
): void {
  const effect = statement.effect;
  const operator = parseOperator(item.operator);
  // Only a positive test (StringEquals, StringLike, ...) fails for actions without the key; Null,
  // negated operators and IfExists match them instead, which is a different (intended) use.
  if (!effect || !operator.ok || operator.negated || operator.ifExists || operator.family === 'Null') return;
  if (statement.notAction !== undefined) {
    if (effect === 'Allow') {
      v.report(
        'allow-notaction-with-unsupported-tag-condition-key-for-service',
        item.pointer,
        `With "Allow" and "NotAction", the tag condition ${q(item.key)} allows only the actions that support it; actions that do not support it are not allowed at all. List the actions in "Action" instead.`,
      );
    } else {
      v.report(
        'deny-notaction-with-unsupported-tag-condition-key-for-service',
        item.pointer,
        `With "Deny" and "NotAction", the tag condition ${q(item.key)} is ignored by actions that do not support it, so those actions are never denied. List the actions to deny in "Action" instead.`,
      );
    }
    return;
  }
  const unsupported = new Map<string, string[]>();
  for (const pattern of statement.actionPatterns) {
    if (pattern.status !== 'ok') continue;
    const byService = new Map<string, ActionRef[]>();
    for (const action of pattern.matches) {
      let list = byService.get(action.service);
      if (!list) byService.set(action.service, (list = []));
      list.push(action);
    }
    for (const [service, actions] of byService) {
      const detail = v.index.detailIndex(service);
      if (!detail) continue;
      const supported = detail.referencedKeys.has(known.id)
        ? actions.filter((action) => detail.actionKeys(action.name.toLowerCase()).has(known.id))
        : [];
      if (pattern.wildcard ? supported.length > 0 : supported.length === actions.length) continue;
      let names = unsupported.get(service);
      if (!names) unsupported.set(service, (names = []));
      if (pattern.wildcard) names.push(pattern.item.value);
      else
        names.push(
          ...actions
            .filter((action) => !supported.includes(action))
            .map((action) => `${service}:${action.name}`),
        );
    }
  }
  if (unsupported.size === 0) return;
  const examples = [...unsupported.values()].flat();
  const services = `${listText([...unsupported.keys()], 8)} (${listText(examples.map(q), 3)})`;
  if (effect === 'Allow') {
    v.report(
      'allow-with-unsupported-tag-condition-key-for-service',
      item.pointer,
      `${q(known.key)} is not supported by some actions of ${services}, so this statement never allows them. Move those actions to a statement without this condition (and control them by resource ARN instead).`,
    );
  } else {
    v.report(
      'deny-with-unsupported-tag-condition-key-for-service',
      item.pointer,
      `${q(known.key)} is not supported by some actions of ${services}, so this statement never denies them, even on tagged resources. Move those actions to a statement without this condition (deny them by resource ARN instead).`,
    );
  }
}

function checkTrustSessionKey(
  v: Validation,
  statement: StatementContext,
  item: ConditionItem,
  known: KnownConditionKey,
): void {
  if (statement.effect !== 'Allow' || statement.action === undefined) return;
  const needed = TRUST_SESSION_KEYS.find((entry) => entry.test(known.id));
  if (!needed) return;
  const patterns = statement.actionPatterns.filter((pattern) => pattern.status === 'ok');
  if (patterns.length === 0) return;
  const neededLower = needed.action.toLowerCase();
  if (!TRUST_ACTIONS.includes(neededLower)) return;
  const present = patterns.some((pattern) =>
    pattern.matches.some((action) => action.service === 'sts' && action.name.toLowerCase() === neededLower),
  );
  if (present) return;
  v.report(
    'missing-action-for-condition-key',
    item.pointer,
    `Only sts:${needed.action} sets ${q(known.key)}, so without it in "Action" this condition cannot match. Add "sts:${needed.action}" to the Action element.`,
  );
}

export { SOURCE_KEYS };
