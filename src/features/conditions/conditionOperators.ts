/**
 * Condition operators: which ones fit a condition key's type, and how an operator's text is made
 * of a set qualifier, a base operator and "IfExists".
 */
import type { ConditionKeyType } from '../../catalog/types';
import {
  ARN_OPERATORS,
  BOOL_OPERATORS,
  DATE_OPERATORS,
  IP_OPERATORS,
  NUMERIC_OPERATORS,
  STRING_OPERATORS,
  composeOperator,
  familyOf,
  isMultiValued,
  operatorsForType,
  splitOperator,
} from '../../policy/conditions';
import type { OperatorFamily, OperatorParts, Qualifier } from '../../policy/conditions';

// The operators, their families and the key types' operators are the validator's
// (src/policy/conditions.ts); this module adds what the form shows: kinds, defaults, phrases.
export {
  ARN_OPERATORS,
  BOOL_OPERATORS,
  DATE_OPERATORS,
  IP_OPERATORS,
  NUMERIC_OPERATORS,
  STRING_OPERATORS,
  composeOperator,
  isMultiValued,
  operatorsForType,
  splitOperator,
};
export type { OperatorParts, Qualifier };

/** What a base operator compares, which decides how its values are checked. */
export type ValueKind = 'string' | 'numeric' | 'date' | 'bool' | 'ip' | 'arn' | 'null' | 'binary';

const KIND_OF_FAMILY: Readonly<Record<OperatorFamily, ValueKind>> = {
  String: 'string',
  Numeric: 'numeric',
  Date: 'date',
  Bool: 'bool',
  Binary: 'binary',
  Ip: 'ip',
  Arn: 'arn',
  Null: 'null',
};

/** The value kind of a base operator ("StringLike" → "string"); undefined for an unknown one. */
export function valueKindOf(base: string): ValueKind | undefined {
  const family = familyOf(base);
  return family ? KIND_OF_FAMILY[family] : undefined;
}

/** The operator the form starts with for a key's type. */
export function defaultOperator(type: ConditionKeyType | undefined): string {
  return operatorsForType(type)[0] ?? 'StringEquals';
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
    return absent
      ? `${key} is absent from the request`
      : present
        ? `${key} is present in the request`
        : `${key} Null ${values.join(', ')}`;
  }
  const positive = POSITIVE_OF[parts.base];
  const negated = positive !== undefined;
  const subject =
    parts.qualifier === 'ForAnyValue'
      ? `Any value of ${key}`
      : parts.qualifier === 'ForAllValues'
        ? `Every value of ${key}`
        : key;
  const list =
    values.length > 1 ? `${negated ? 'none of' : 'one of'} ${values.join(', ')}` : (values[0] ?? '');
  const phrase = PHRASES[parts.base] ?? parts.base;
  const verb = values.length > 1 && positive ? (PHRASES[positive] ?? phrase) : phrase;
  return `${subject} ${verb} ${list}${parts.ifExists ? ' (when the key is present)' : ''}`;
}

/** True for the negated operators (StringNotEquals, NotIpAddress, ...): several values mean "none of". */
export function isNegatedOperator(base: string): boolean {
  return Object.prototype.hasOwnProperty.call(POSITIVE_OF, base);
}
