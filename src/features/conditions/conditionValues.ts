/**
 * Checks of condition values by what the operator compares, with messages for the form, and the
 * conversions the date inputs need.
 */
import { parseCidr } from '../../policy/validate/ip';
import type { ValueKind } from './conditionOperators';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const EPOCH = /^\d{1,13}$/;
const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** True for an ISO 8601 date or date-time ("2026-12-01", "2026-12-01T00:00:00Z") that is a real date. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return false;
  const time = /T(\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
  if (time) {
    const [h, m, s] = [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)];
    if (h > 23 || m > 59 || s > 59) return false;
  }
  return true;
}

/** A policy variable such as "${aws:username}": its value is known only at request time. */
function isPolicyVariable(value: string): boolean {
  return /^\$\{[^}]+\}$/.test(value);
}

/** The problem with one value for an operator of this kind, or undefined when it is fine. */
export function checkConditionValue(kind: ValueKind | undefined, value: string): string | undefined {
  if (value === '') return 'Enter a value';
  if (isPolicyVariable(value) && kind !== 'bool' && kind !== 'null') return undefined;
  switch (kind) {
    case 'numeric':
      return NUMBER.test(value) ? undefined : 'Enter a number, e.g. 3600';
    case 'date':
      return isIsoDate(value) || EPOCH.test(value)
        ? undefined
        : 'Enter an ISO 8601 date, e.g. 2026-12-01T00:00:00Z, or epoch seconds';
    case 'bool':
    case 'null':
      return value === 'true' || value === 'false' ? undefined : 'Enter true or false';
    case 'ip': {
      if (/\s/.test(value)) return 'No spaces allowed';
      return parseCidr(value) ? undefined : 'Enter an IPv4 or IPv6 address or CIDR range, e.g. 203.0.113.0/24 or 2001:db8::/32';
    }
    case 'arn':
      return value.startsWith('arn:') || value === '*' ? undefined : 'An ARN starts with "arn:", e.g. arn:aws:iam::123456789012:role/Admin';
    case 'string':
    case 'binary':
    case undefined:
      return undefined;
  }
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
