/**
 * Condition operators: which ones fit a condition key's type, and how an operator's text is made
 * of a set qualifier, a base operator and "IfExists".
 */
import type { ConditionKeyType } from '../../catalog/types';

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

/** What a base operator compares, which decides how its values are checked. */
export type ValueKind = 'string' | 'numeric' | 'date' | 'bool' | 'ip' | 'arn' | 'null' | 'binary';

const KIND_OF: Readonly<Record<string, ValueKind>> = {
  ...Object.fromEntries(STRING_OPERATORS.map((o) => [o, 'string'])),
  ...Object.fromEntries(NUMERIC_OPERATORS.map((o) => [o, 'numeric'])),
  ...Object.fromEntries(DATE_OPERATORS.map((o) => [o, 'date'])),
  Bool: 'bool',
  ...Object.fromEntries(IP_OPERATORS.map((o) => [o, 'ip'])),
  ...Object.fromEntries(ARN_OPERATORS.map((o) => [o, 'arn'])),
  BinaryEquals: 'binary',
  Null: 'null',
};

/** The value kind of a base operator ("StringLike" → "string"); undefined for an unknown one. */
export function valueKindOf(base: string): ValueKind | undefined {
  return Object.prototype.hasOwnProperty.call(KIND_OF, base) ? KIND_OF[base] : undefined;
}

/**
 * The base operators that fit a key's type, Null last. ARN keys also take the String operators.
 * An unknown type (a key the catalog does not know) takes every operator.
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
      return [...STRING_OPERATORS, ...NUMERIC_OPERATORS, ...DATE_OPERATORS, ...BOOL_OPERATORS, ...IP_OPERATORS, ...ARN_OPERATORS, 'Null'];
  }
}

/** The operator the form starts with for a key's type. */
export function defaultOperator(type: ConditionKeyType | undefined): string {
  return operatorsForType(type)[0] ?? 'StringEquals';
}

/** Keys whose values are sets (ArrayOf*): only they take ForAnyValue / ForAllValues. */
export function isMultiValued(type: ConditionKeyType | undefined): boolean {
  return type !== undefined && type.startsWith('ArrayOf');
}

export type Qualifier = 'ForAnyValue' | 'ForAllValues';

export interface OperatorParts {
  readonly qualifier?: Qualifier;
  /** e.g. "StringEquals" */
  readonly base: string;
  readonly ifExists: boolean;
}

/** "ForAnyValue" + "StringLike" + IfExists → "ForAnyValue:StringLikeIfExists". Null never takes IfExists. */
export function composeOperator(parts: OperatorParts): string {
  const ifExists = parts.ifExists && parts.base !== 'Null' ? 'IfExists' : '';
  return `${parts.qualifier ? `${parts.qualifier}:` : ''}${parts.base}${ifExists}`;
}

/** The parts of an operator's text; undefined when its base is not a known operator. */
export function splitOperator(text: string): OperatorParts | undefined {
  let rest = text;
  let qualifier: Qualifier | undefined;
  for (const q of ['ForAnyValue', 'ForAllValues'] as const) {
    if (rest.startsWith(`${q}:`)) {
      qualifier = q;
      rest = rest.slice(q.length + 1);
    }
  }
  let ifExists = false;
  if (rest.endsWith('IfExists')) {
    ifExists = true;
    rest = rest.slice(0, -'IfExists'.length);
  }
  if (valueKindOf(rest) === undefined || (rest === 'Null' && ifExists)) return undefined;
  return qualifier ? { qualifier, base: rest, ifExists } : { base: rest, ifExists };
}

const PHRASES: Readonly<Record<string, string>> = {
  StringEquals: 'is',
  StringNotEquals: 'is not',
  StringEqualsIgnoreCase: 'is (ignoring case)',
  StringNotEqualsIgnoreCase: 'is not (ignoring case)',
  StringLike: 'matches',
  StringNotLike: 'does not match',
  NumericEquals: 'equals',
  NumericNotEquals: 'does not equal',
  NumericLessThan: 'is less than',
  NumericLessThanEquals: 'is at most',
  NumericGreaterThan: 'is greater than',
  NumericGreaterThanEquals: 'is at least',
  DateEquals: 'is',
  DateNotEquals: 'is not',
  DateLessThan: 'is before',
  DateLessThanEquals: 'is at or before',
  DateGreaterThan: 'is after',
  DateGreaterThanEquals: 'is at or after',
  Bool: 'is',
  BinaryEquals: 'equals',
  IpAddress: 'is in',
  NotIpAddress: 'is not in',
  ArnEquals: 'is',
  ArnLike: 'matches',
  ArnNotEquals: 'is not',
  ArnNotLike: 'does not match',
};

/** The positive twin of each negated operator ("none of" reads with the positive verb). */
const POSITIVE_OF: Readonly<Record<string, string>> = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike',
  NumericNotEquals: 'NumericEquals',
  DateNotEquals: 'DateEquals',
  NotIpAddress: 'IpAddress',
  ArnNotEquals: 'ArnEquals',
  ArnNotLike: 'ArnLike',
};

/** A condition in words: "aws:SourceIp is in 203.0.113.0/24 or 198.51.100.0/24". */
export function describeCondition(operator: string, key: string, values: readonly string[]): string {
  const parts = splitOperator(operator);
  if (!parts) return `${key}: ${operator} ${values.join(', ')}`;
  if (parts.base === 'Null') {
    const absent = values.length === 1 && values[0] === 'true';
    const present = values.length === 1 && values[0] === 'false';
    return absent ? `${key} is absent from the request` : present ? `${key} is present in the request` : `${key} Null ${values.join(', ')}`;
  }
  const positive = POSITIVE_OF[parts.base];
  const negated = positive !== undefined;
  const subject = parts.qualifier === 'ForAnyValue' ? `Any value of ${key}` : parts.qualifier === 'ForAllValues' ? `Every value of ${key}` : key;
  const list = values.length > 1 ? `${negated ? 'none of' : 'one of'} ${values.join(', ')}` : (values[0] ?? '');
  const phrase = PHRASES[parts.base] ?? parts.base;
  const verb = values.length > 1 && positive ? (PHRASES[positive] ?? phrase) : phrase;
  return `${subject} ${verb} ${list}${parts.ifExists ? ' (when the key is present)' : ''}`;
}

/** True for the negated operators (StringNotEquals, NotIpAddress, ...): several values mean "none of". */
export function isNegatedOperator(base: string): boolean {
  return Object.prototype.hasOwnProperty.call(POSITIVE_OF, base);
}
