/**
 * Condition operators and condition values: the one set of rules that both the validator
 * (validate/conditions.ts) and the condition form (features/conditions) use, so that what the form
 * accepts the validator accepts, and the other way round.
 *
 * - Operators: a base operator ("StringLike") of a family ("String"), with an optional set
 *   qualifier ("ForAnyValue:" / "ForAllValues:") and an optional "IfExists" suffix (never on Null).
 * - Key types: which families a condition key's type accepts, and which operators the form offers.
 * - Values: what each family takes. Dates follow the IAM User Guide ("Date condition operators"):
 *   one of the W3C profiles of ISO 8601 (YYYY, YYYY-MM, YYYY-MM-DD, then "T" with hh:mm, hh:mm:ss
 *   or hh:mm:ss.s and a zone "Z" or ±hh:mm) or epoch (UNIX) time in seconds; every field must be
 *   a real calendar value (no February 30, month 13 or hour 25).
 *
 * Pure: no React, no I/O. Never builds a regular expression from policy text.
 */
import type { ConditionKeyType } from '../catalog/types';
import { parseCidr } from './validate/ip';

export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'Ip' | 'Arn' | 'Null';

export const STRING_OPERATORS = [
  'StringEquals',
  'StringNotEquals',
  'StringEqualsIgnoreCase',
  'StringNotEqualsIgnoreCase',
  'StringLike',
  'StringNotLike',
] as const;
export const NUMERIC_OPERATORS = [
  'NumericEquals',
  'NumericNotEquals',
  'NumericLessThan',
  'NumericLessThanEquals',
  'NumericGreaterThan',
  'NumericGreaterThanEquals',
] as const;
export const DATE_OPERATORS = [
  'DateEquals',
  'DateNotEquals',
  'DateLessThan',
  'DateLessThanEquals',
  'DateGreaterThan',
  'DateGreaterThanEquals',
] as const;
export const BOOL_OPERATORS = ['Bool'] as const;
export const IP_OPERATORS = ['IpAddress', 'NotIpAddress'] as const;
export const ARN_OPERATORS = ['ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike'] as const;
export const BINARY_OPERATORS = ['BinaryEquals'] as const;

export interface BaseOperator {
  readonly family: OperatorFamily;
  readonly negated: boolean;
}

const NEGATED = new Set([
  'StringNotEquals',
  'StringNotEqualsIgnoreCase',
  'StringNotLike',
  'NumericNotEquals',
  'DateNotEquals',
  'NotIpAddress',
  'ArnNotEquals',
  'ArnNotLike',
]);

function familyEntries(names: readonly string[], family: OperatorFamily): [string, BaseOperator][] {
  return names.map((name) => [name, { family, negated: NEGATED.has(name) }]);
}

/** Every base operator IAM knows, with its family. */
export const BASE_OPERATORS: Readonly<Record<string, BaseOperator>> = Object.fromEntries([
  ...familyEntries(STRING_OPERATORS, 'String'),
  ...familyEntries(NUMERIC_OPERATORS, 'Numeric'),
  ...familyEntries(DATE_OPERATORS, 'Date'),
  ...familyEntries(BOOL_OPERATORS, 'Bool'),
  ...familyEntries(BINARY_OPERATORS, 'Binary'),
  ...familyEntries(IP_OPERATORS, 'Ip'),
  ...familyEntries(ARN_OPERATORS, 'Arn'),
  ['Null', { family: 'Null', negated: false }],
]);

export type Qualifier = 'ForAnyValue' | 'ForAllValues';

export interface OperatorParts {
  readonly qualifier?: Qualifier;
  /** e.g. "StringEquals" */
  readonly base: string;
  readonly ifExists: boolean;
}

/** The family of a base operator ("StringLike" → "String"); undefined for an unknown one. */
export function familyOf(base: string): OperatorFamily | undefined {
  return Object.prototype.hasOwnProperty.call(BASE_OPERATORS, base)
    ? BASE_OPERATORS[base]?.family
    : undefined;
}

/** "ForAnyValue" + "StringLike" + IfExists → "ForAnyValue:StringLikeIfExists". Null never takes IfExists. */
export function composeOperator(parts: OperatorParts): string {
  const ifExists = parts.ifExists && parts.base !== 'Null' ? 'IfExists' : '';
  return `${parts.qualifier ? `${parts.qualifier}:` : ''}${parts.base}${ifExists}`;
}

/** The parts of an operator's text; undefined when its base is not a known operator (or NullIfExists). */
export function splitOperator(text: string): OperatorParts | undefined {
  let rest = text;
  let qualifier: Qualifier | undefined;
  for (const name of ['ForAnyValue', 'ForAllValues'] as const) {
    if (rest.startsWith(`${name}:`)) {
      qualifier = name;
      rest = rest.slice(name.length + 1);
      break;
    }
  }
  let ifExists = false;
  if (rest.endsWith('IfExists')) {
    ifExists = true;
    rest = rest.slice(0, -'IfExists'.length);
  }
  if (familyOf(rest) === undefined || (rest === 'Null' && ifExists)) return undefined;
  return qualifier ? { qualifier, base: rest, ifExists } : { base: rest, ifExists };
}

/** Keys whose values are sets (ArrayOf*): they need ForAnyValue / ForAllValues. */
export function isMultiValued(type: ConditionKeyType | undefined): boolean {
  return type !== undefined && type.startsWith('ArrayOf');
}

/**
 * The operator families a key type accepts (Null accepts every key). String keys also take the
 * ARN and Binary operators (they compare text), ARN keys also the String operators.
 */
export const ACCEPTED_FAMILIES: Readonly<Record<ConditionKeyType, readonly OperatorFamily[]>> = {
  String: ['String', 'Binary', 'Arn', 'Null'],
  ArrayOfString: ['String', 'Binary', 'Arn', 'Null'],
  ARN: ['Arn', 'String', 'Null'],
  ArrayOfARN: ['Arn', 'String', 'Null'],
  Bool: ['Bool', 'Null'],
  ArrayOfBool: ['Bool', 'Null'],
  Date: ['Date', 'Null'],
  Numeric: ['Numeric', 'Null'],
  IPAddress: ['Ip', 'Null'],
};

/** Does a key of this type accept an operator of this family? An unknown type accepts every one. */
export function acceptsFamily(type: ConditionKeyType | undefined, family: OperatorFamily): boolean {
  return type === undefined || ACCEPTED_FAMILIES[type].includes(family);
}

/**
 * The base operators the form offers for a key's type, Null last: the usual ones for the type
 * (every one of them is accepted by `acceptsFamily`). An unknown type offers every operator.
 */
export function operatorsForType(type: ConditionKeyType | undefined): readonly string[] {
  switch (type) {
    case 'String':
    case 'ArrayOfString':
      return [...STRING_OPERATORS, 'Null'];
    case 'Numeric':
      return [...NUMERIC_OPERATORS, 'Null'];
    case 'Date':
      return [...DATE_OPERATORS, 'Null'];
    case 'Bool':
    case 'ArrayOfBool':
      return [...BOOL_OPERATORS, 'Null'];
    case 'IPAddress':
      return [...IP_OPERATORS, 'Null'];
    case 'ARN':
    case 'ArrayOfARN':
      return [...ARN_OPERATORS, ...STRING_OPERATORS, 'Null'];
    case undefined:
      return [
        ...STRING_OPERATORS,
        ...NUMERIC_OPERATORS,
        ...DATE_OPERATORS,
        ...BOOL_OPERATORS,
        ...IP_OPERATORS,
        ...ARN_OPERATORS,
        'Null',
      ];
  }
}

// ---------------------------------------------------------------------------------------------
// Values

/** Finding codes a value problem maps to in the validator. */
export type ValueProblemCode =
  | 'type-mismatch-number'
  | 'type-mismatch-date'
  | 'invalid-date-value'
  | 'type-mismatch-boolean'
  | 'type-mismatch-string'
  | 'type-mismatch-ip-range'
  | 'type-mismatch-arn'
  | 'invalid-variable-for-operator';

export interface ValueProblem {
  readonly code: ValueProblemCode;
  readonly message: string;
}

function isDigits(text: string, from: number, to: number): boolean {
  if (to <= from || to > text.length) return false;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

function num(text: string, from: number, to: number): number {
  return Number(text.slice(from, to));
}

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * Is the text a date in one of the W3C ISO 8601 forms, with real calendar values? A time zone
 * is optional ("Z", "+hh:mm", "-hh:mm" or "+hhmm"); IAM reads a time without one as UTC.
 */
export function isIsoDate(text: string): boolean {
  const n = text.length;
  if (!isDigits(text, 0, 4)) return false;
  if (n === 4) return true;
  if (text[4] !== '-' || !isDigits(text, 5, 7)) return false;
  const year = num(text, 0, 4);
  const month = num(text, 5, 7);
  if (month < 1 || month > 12) return false;
  if (n === 7) return true;
  if (text[7] !== '-' || !isDigits(text, 8, 10)) return false;
  const day = num(text, 8, 10);
  if (day < 1 || day > daysIn(year, month)) return false;
  if (n === 10) return true;
  if (text[10] !== 'T' || !isDigits(text, 11, 13) || text[13] !== ':' || !isDigits(text, 14, 16))
    return false;
  if (num(text, 11, 13) > 23 || num(text, 14, 16) > 59) return false;
  let i = 16;
  if (text[i] === ':') {
    if (!isDigits(text, i + 1, i + 3) || num(text, i + 1, i + 3) > 59) return false;
    i += 3;
    if (text[i] === '.') {
      let j = i + 1;
      while (j < n && isDigits(text, j, j + 1)) j++;
      if (j === i + 1) return false;
      i = j;
    }
  }
  if (i === n) return true;
  const zone = text[i];
  if (zone === 'Z') return i + 1 === n;
  if (zone !== '+' && zone !== '-') return false;
  const rest = text.slice(i + 1);
  let hours: number;
  let minutes: number;
  if (rest.length === 5 && rest[2] === ':' && isDigits(rest, 0, 2) && isDigits(rest, 3, 5)) {
    hours = num(rest, 0, 2);
    minutes = num(rest, 3, 5);
  } else if (rest.length === 4 && isDigits(rest, 0, 4)) {
    hours = num(rest, 0, 2);
    minutes = num(rest, 2, 4);
  } else {
    return false;
  }
  return hours <= 23 && minutes <= 59;
}

/** Epoch (UNIX) seconds: digits only. */
export function isEpochSeconds(text: string): boolean {
  return isDigits(text, 0, text.length);
}

/** More digits than any epoch second before the year 2286: probably milliseconds. */
const EPOCH_SECONDS_DIGITS = 10;

const NUMBER_TEXT = /^-?\d+(?:\.\d+)?$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function hasVariable(text: string): boolean {
  const start = text.indexOf('${');
  return start >= 0 && text.indexOf('}', start + 2) > 0;
}

/**
 * The problem with one condition value for an operator family, or null when it is fine.
 * `value` is the JSON value as written (IAM reads numbers and booleans as their text).
 */
export function conditionValueProblem(
  family: OperatorFamily,
  operator: string,
  value: string | number | boolean,
): ValueProblem | null {
  const text = String(value);
  if (typeof value === 'string' && hasVariable(value)) {
    if (family === 'String' || family === 'Arn') return null;
    return {
      code: 'invalid-variable-for-operator',
      message: `Policy variables work only with String and ARN operators, so ${JSON.stringify(text)} is compared literally by ${operator}. Use a fixed value, or a String or ARN operator.`,
    };
  }
  switch (family) {
    case 'String':
      return null;
    case 'Numeric':
      if (typeof value === 'boolean' || !NUMBER_TEXT.test(text)) {
        return {
          code: 'type-mismatch-number',
          message: `${operator} needs a number, but ${JSON.stringify(text)} is not one. Write a number such as "3600".`,
        };
      }
      return null;
    case 'Date':
      if (typeof value !== 'boolean' && isEpochSeconds(text) && text.length !== 4) {
        if (text.length > EPOCH_SECONDS_DIGITS) {
          return {
            code: 'invalid-date-value',
            message: `${JSON.stringify(text)} is read as seconds since 1970 (epoch time), which is tens of thousands of years ahead; milliseconds perhaps? Write seconds (e.g. "1767225600") or an ISO 8601 date (e.g. "2026-01-01T00:00:00Z").`,
          };
        }
        return null;
      }
      if (typeof value === 'boolean' || !isIsoDate(text)) {
        return {
          code: 'type-mismatch-date',
          message: `${operator} needs a date, but ${JSON.stringify(text)} is not one. Write a real date in ISO 8601 (e.g. "2025-12-31" or "2025-12-31T23:59:59Z") or epoch seconds (e.g. "1767225600").`,
        };
      }
      return null;
    case 'Bool':
    case 'Null': {
      const lower = text.toLowerCase();
      if (lower === 'true' || lower === 'false') return null;
      return {
        code: 'type-mismatch-boolean',
        message:
          family === 'Null'
            ? `The Null operator takes "true" (the key is absent) or "false" (the key is present), not ${JSON.stringify(text)}.`
            : `${operator} takes "true" or "false", not ${JSON.stringify(text)}.`,
      };
    }
    case 'Binary':
      if (typeof value !== 'string' || !BASE64.test(value) || value.length % 4 !== 0) {
        return {
          code: 'type-mismatch-string',
          message: `BinaryEquals needs a base64-encoded value, but ${JSON.stringify(text)} is not valid base64. Encode the bytes in base64.`,
        };
      }
      return null;
    case 'Ip':
      if (typeof value !== 'string' || parseCidr(value) === undefined) {
        return {
          code: 'type-mismatch-ip-range',
          message: `${operator} needs an IP address or CIDR range, but ${JSON.stringify(text)} is not one. Write e.g. "203.0.113.0/24" or "2001:DB8:1234:5678::/64".`,
        };
      }
      return null;
    case 'Arn':
      if (text.startsWith('arn:') || text.startsWith('*')) return null;
      return {
        code: 'type-mismatch-arn',
        message: `${operator} compares ARNs, but ${JSON.stringify(text)} is not an ARN. Write an ARN such as "arn:aws:iam::123456789012:role/name".`,
      };
  }
}

/**
 * The message for one condition value, or null when it is fine: what the form shows under a
 * value and what the validator reports, from one rule. `type` is the key's type (unused by the
 * value rules, which follow the operator, but kept so callers state what they check); an unknown
 * operator accepts any value.
 */
export function checkConditionValue(
  type: ConditionKeyType | undefined,
  operator: string,
  value: string,
): string | null {
  void type;
  const parts = splitOperator(operator);
  const family = parts ? familyOf(parts.base) : undefined;
  if (!family) return null;
  return conditionValueProblem(family, parts?.base ?? operator, value)?.message ?? null;
}
