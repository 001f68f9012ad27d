/**
 * Typed readings of condition values, as IAM's condition operators read them: numbers, dates
 * (ISO 8601 or epoch seconds), booleans, base64 binaries, IP addresses and ranges, and ARNs split
 * into their six colon-separated parts. A value that does not read as the operator's type matches
 * nothing.
 */
import { parseCidr } from '../validate/ip';
import type { Cidr } from '../validate/ip';

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A decimal number (integer or float, optional exponent); undefined otherwise. */
export function readNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (!NUMBER.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const ISO_BASIC_DATE = /^(\d{4})(\d{2})(\d{2})(?:T(\d{2})(\d{2})(\d{2})?(Z|[+-]\d{2}:?\d{2})?)?$/;
const EPOCH = /^[+-]?\d+(?:\.\d+)?$/;

/**
 * Milliseconds since the epoch of an ISO 8601 date ("2026-01-31", "2026-01-31T12:00:00Z",
 * "2026-01-31T12:00:00.5+02:00", "20260131T120000Z") or of epoch seconds ("1767225600").
 * A date-time without a zone is UTC. Undefined for anything else or an impossible date.
 */
export function readDate(text: string): number | undefined {
  const trimmed = text.trim();
  if (EPOCH.test(trimmed)) {
    const seconds = Number(trimmed);
    return Number.isFinite(seconds) ? seconds * 1000 : undefined;
  }
  const m = ISO_DATE.exec(trimmed) ?? ISO_BASIC_DATE.exec(trimmed);
  if (m === null) return undefined;
  const isBasic = !ISO_DATE.test(trimmed);
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4] ?? 0);
  const minute = Number(m[5] ?? 0);
  const second = Number(m[6] ?? 0);
  const fraction = isBasic ? undefined : m[7];
  const zone = isBasic ? m[7] : m[8];
  if (month < 1 || month > 12 || day < 1 || hour > 24 || minute > 59 || second > 60) return undefined;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return undefined;
  const millis = fraction === undefined ? 0 : Math.round(Number(`0.${fraction}`) * 1000);
  let value = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  if (zone !== undefined && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    const offset = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4));
    value -= sign * offset * 60_000;
  }
  return value;
}

/** "true" or "false" in any case; undefined otherwise. */
export function readBool(text: string): boolean | undefined {
  const lower = text.trim().toLowerCase();
  return lower === 'true' ? true : lower === 'false' ? false : undefined;
}

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE: ReadonlyMap<string, number> = new Map(
  [...BASE64_ALPHABET].map((c, i) => [c, i] as const),
);

/**
 * The bytes of a base64 text as a hex string (so two encodings of the same bytes compare equal);
 * undefined when the text is not base64.
 */
export function readBinary(text: string): string | undefined {
  const clean = text.trim();
  if (clean.length === 0 || clean.length % 4 !== 0) return undefined;
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  const body = clean.slice(0, clean.length - padding);
  let bits = 0;
  let count = 0;
  let hex = '';
  for (const c of body) {
    const value = BASE64_VALUE.get(c);
    if (value === undefined) return undefined;
    bits = (bits << 6) | value;
    count += 6;
    if (count >= 8) {
      count -= 8;
      hex += ((bits >> count) & 0xff).toString(16).padStart(2, '0');
    }
  }
  return hex;
}

/** An IPv4 or IPv6 address or CIDR range; undefined otherwise. */
export function readIp(text: string): Cidr | undefined {
  return parseCidr(text.trim());
}

/** Is the request's address (or range) inside the policy's range? Never across IP versions. */
export function ipInRange(range: Cidr, address: Cidr): boolean {
  if (range.version !== address.version || address.prefix < range.prefix) return false;
  const hostBits = BigInt((range.version === 4 ? 32 : 128) - range.prefix);
  return address.address >> hostBits === range.network >> hostBits;
}

/**
 * An ARN's six parts: "arn", partition, service, region, account, resource (the resource part
 * keeps its own colons). Undefined when the text has fewer than six parts.
 */
export function splitArn(text: string): readonly string[] | undefined {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < 5; i++) {
    const colon = text.indexOf(':', from);
    if (colon < 0) return undefined;
    parts.push(text.slice(from, colon));
    from = colon + 1;
  }
  parts.push(text.slice(from));
  return parts;
}
