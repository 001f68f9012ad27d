/**
 * Condition operators as the validator reads them: "StringEquals", "ForAnyValue:StringLike",
 * "DateGreaterThanIfExists", ... The operators themselves are defined in ../conditions.ts (shared
 * with the condition form); this adds the parse with a suggestion for misspelt ones.
 */
import { closest } from './context';

import { BASE_OPERATORS } from '../conditions';
import type { OperatorFamily, Qualifier } from '../conditions';

export { BASE_OPERATORS } from '../conditions';
export type { OperatorFamily, Qualifier } from '../conditions';

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
