/**
 * Checks of condition values for the form, and the conversions the date inputs need. The rules
 * are the validator's own (src/policy/conditions.ts), so the form and the findings always agree.
 */
import { conditionValueProblem, isIsoDate } from '../../policy/conditions';
import type { OperatorFamily } from '../../policy/conditions';
import type { ValueKind } from './conditionOperators';

export { isIsoDate } from '../../policy/conditions';

const FAMILY_OF_KIND: Readonly<Record<ValueKind, OperatorFamily>> = {
  string: 'String',
  numeric: 'Numeric',
  date: 'Date',
  bool: 'Bool',
  null: 'Null',
  ip: 'Ip',
  arn: 'Arn',
  binary: 'Binary',
};

/** How the messages name the operator when the form knows only its kind. */
const OPERATOR_LABEL: Readonly<Record<ValueKind, string>> = {
  string: 'A String operator',
  numeric: 'A Numeric operator',
  date: 'A Date operator',
  bool: 'Bool',
  null: 'Null',
  ip: 'IpAddress',
  arn: 'An ARN operator',
  binary: 'BinaryEquals',
};

/**
 * The problem with one value for an operator of this kind, or undefined when it is fine. An empty
 * value is a form matter ("Enter a value"); everything else is the validator's rule.
 */
export function checkConditionValue(kind: ValueKind | undefined, value: string): string | undefined {
  if (value === '') return 'Enter a value';
  if (kind === undefined) return undefined;
  return conditionValueProblem(FAMILY_OF_KIND[kind], OPERATOR_LABEL[kind], value)?.message;
}

/**
 * A date-time input's value ("2026-12-01T00:00", read as UTC) → "2026-12-01T00:00:00Z";
 * undefined when it is not a date-time.
 */
export function utcIsoFromInput(value: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::(\d{2}))?/.exec(value);
  if (!match) return undefined;
  const iso = `${match[1]}T${match[2]}:${match[3] ?? '00'}Z`;
  return isIsoDate(iso) ? iso : undefined;
}

/** "2026-12-01T00:00:00Z" → "2026-12-01T00:00" for a date-time input (UTC); "" when not a UTC date-time. */
export function inputFromUtcIso(value: string): string {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2})?Z$/.exec(value);
  return match ? `${match[1]}T${match[2]}` : '';
}
