/**
 * Condition operators: "StringEquals", "ForAnyValue:StringLike", "DateGreaterThanIfExists", ...
 */
import { closest } from './context';

export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'Ip' | 'Arn' | 'Null';

interface BaseOperator {
  readonly family: OperatorFamily;
  readonly negated: boolean;
}

export const BASE_OPERATORS: Readonly<Record<string, BaseOperator>> = {
  StringEquals: { family: 'String', negated: false },
  StringNotEquals: { family: 'String', negated: true },
  StringEqualsIgnoreCase: { family: 'String', negated: false },
  StringNotEqualsIgnoreCase: { family: 'String', negated: true },
  StringLike: { family: 'String', negated: false },
  StringNotLike: { family: 'String', negated: true },
  NumericEquals: { family: 'Numeric', negated: false },
  NumericNotEquals: { family: 'Numeric', negated: true },
  NumericLessThan: { family: 'Numeric', negated: false },
  NumericLessThanEquals: { family: 'Numeric', negated: false },
  NumericGreaterThan: { family: 'Numeric', negated: false },
  NumericGreaterThanEquals: { family: 'Numeric', negated: false },
  DateEquals: { family: 'Date', negated: false },
  DateNotEquals: { family: 'Date', negated: true },
  DateLessThan: { family: 'Date', negated: false },
  DateLessThanEquals: { family: 'Date', negated: false },
  DateGreaterThan: { family: 'Date', negated: false },
  DateGreaterThanEquals: { family: 'Date', negated: false },
  Bool: { family: 'Bool', negated: false },
  BinaryEquals: { family: 'Binary', negated: false },
  IpAddress: { family: 'Ip', negated: false },
  NotIpAddress: { family: 'Ip', negated: true },
  ArnEquals: { family: 'Arn', negated: false },
  ArnLike: { family: 'Arn', negated: false },
  ArnNotEquals: { family: 'Arn', negated: true },
  ArnNotLike: { family: 'Arn', negated: true },
  Null: { family: 'Null', negated: false },
};

export type Qualifier = 'ForAnyValue' | 'ForAllValues';

export interface ParsedOperator {
  readonly ok: true;
  readonly text: string;
  readonly qualifier: Qualifier | undefined;
  /** e.g. "StringEquals" */
  readonly base: string;
  readonly ifExists: boolean;
  readonly family: OperatorFamily;
  readonly negated: boolean;
}

export interface InvalidOperator {
  readonly ok: false;
  readonly text: string;
  /** "NullIfExists" (with or without a qualifier) */
  readonly nullIfExists: boolean;
  /** the valid operator the text was probably meant to be */
  readonly suggestion: string | undefined;
}

const ALL_OPERATOR_NAMES: readonly string[] = (() => {
  const names: string[] = [];
  for (const base of Object.keys(BASE_OPERATORS)) {
    for (const qualifier of ['', 'ForAnyValue:', 'ForAllValues:']) {
      names.push(qualifier + base);
      if (base !== 'Null') names.push(`${qualifier}${base}IfExists`);
    }
  }
  return names;
})();

const cache = new Map<string, ParsedOperator | InvalidOperator>();

export function parseOperator(text: string): ParsedOperator | InvalidOperator {
  const cached = cache.get(text);
  if (cached) return cached;
  const result = parseUncached(text);
  if (cache.size > 1000) cache.clear();
  cache.set(text, result);
  return result;
}

function parseUncached(text: string): ParsedOperator | InvalidOperator {
  let rest = text;
  let qualifier: Qualifier | undefined;
  if (rest.startsWith('ForAnyValue:')) {
    qualifier = 'ForAnyValue';
    rest = rest.slice('ForAnyValue:'.length);
  } else if (rest.startsWith('ForAllValues:')) {
    qualifier = 'ForAllValues';
    rest = rest.slice('ForAllValues:'.length);
  }
  let ifExists = false;
  if (rest.endsWith('IfExists')) {
    ifExists = true;
    rest = rest.slice(0, -'IfExists'.length);
  }
  const base = Object.prototype.hasOwnProperty.call(BASE_OPERATORS, rest) ? BASE_OPERATORS[rest] : undefined;
  if (base && !(rest === 'Null' && ifExists)) {
    return { ok: true, text, qualifier, base: rest, ifExists, family: base.family, negated: base.negated };
  }
  const nullIfExists = rest === 'Null' && ifExists;
  const lower = text.toLowerCase();
  const suggestion = nullIfExists
    ? qualifier
      ? `${qualifier}:Null`
      : 'Null'
    : (ALL_OPERATOR_NAMES.find((name) => name.toLowerCase() === lower) ??
      closest(text, ALL_OPERATOR_NAMES, 3));
  return { ok: false, text, nullIfExists, suggestion };
}
