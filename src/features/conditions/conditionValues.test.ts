import { describe, expect, it } from 'vitest';
import { checkConditionValue, inputFromUtcIso, isIsoDate, utcIsoFromInput } from './conditionValues';

describe('checkConditionValue', () => {
  it('checks IP addresses and CIDR ranges, IPv4 and IPv6', () => {
    expect(checkConditionValue('ip', '203.0.113.0/24')).toBeUndefined();
    expect(checkConditionValue('ip', '203.0.113.7')).toBeUndefined();
    expect(checkConditionValue('ip', '2001:db8::/32')).toBeUndefined();
    expect(checkConditionValue('ip', '203.0.113.0/33')).toMatch(/IP address or CIDR range/);
    expect(checkConditionValue('ip', '300.1.1.1')).toMatch(/CIDR/);
    expect(checkConditionValue('ip', '10.0.0.0 /8')).toMatch(/CIDR/);
  });

  it('checks dates: ISO 8601 or epoch seconds', () => {
    expect(checkConditionValue('date', '2026-12-01T00:00:00Z')).toBeUndefined();
    expect(checkConditionValue('date', '2026-12-01')).toBeUndefined();
    expect(checkConditionValue('date', '2026-12-01T10:00:00+02:00')).toBeUndefined();
    expect(checkConditionValue('date', '1767225600')).toBeUndefined();
    expect(checkConditionValue('date', '2026-12')).toBeUndefined();
    expect(checkConditionValue('date', '2026')).toBeUndefined();
    expect(checkConditionValue('date', '2026-02-30')).toMatch(/ISO 8601/);
    expect(checkConditionValue('date', '2026-13-01')).toMatch(/ISO 8601/);
    expect(checkConditionValue('date', '2026-01-01T25:00:00Z')).toMatch(/ISO 8601/);
    expect(checkConditionValue('date', 'tomorrow')).toMatch(/ISO 8601/);
    expect(checkConditionValue('date', '1767225600000')).toMatch(/milliseconds/);
  });

  it('checks numbers, booleans and ARNs', () => {
    expect(checkConditionValue('numeric', '3600')).toBeUndefined();
    expect(checkConditionValue('numeric', '-1.5')).toBeUndefined();
    expect(checkConditionValue('numeric', 'an hour')).toMatch(/number/);
    expect(checkConditionValue('bool', 'true')).toBeUndefined();
    expect(checkConditionValue('bool', 'yes')).toMatch(/"true" or "false"/);
    expect(checkConditionValue('null', 'false')).toBeUndefined();
    expect(checkConditionValue('arn', 'arn:aws:iam::123456789012:role/x')).toBeUndefined();
    expect(checkConditionValue('arn', 'role/x')).toMatch(/arn:/);
    expect(checkConditionValue('string', 'anything at all')).toBeUndefined();
    expect(checkConditionValue('string', '')).toBe('Enter a value');
  });

  it('accepts policy variables only with String and ARN operators, as the validator does', () => {
    expect(checkConditionValue('arn', '${aws:PrincipalArn}')).toBeUndefined();
    expect(checkConditionValue('string', 'home/${aws:username}')).toBeUndefined();
    expect(checkConditionValue('bool', '${aws:x}')).toMatch(/Policy variables work only with String and ARN/);
    expect(checkConditionValue('date', '${aws:CurrentTime}')).toMatch(/Policy variables/);
  });
});

describe('dates', () => {
  it('validates real calendar dates and times', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2026-01-01T24:00:00Z')).toBe(false);
  });

  it('converts date-time inputs to and from UTC ISO 8601', () => {
    expect(utcIsoFromInput('2026-12-01T00:00')).toBe('2026-12-01T00:00:00Z');
    expect(utcIsoFromInput('2026-12-01T08:30:15')).toBe('2026-12-01T08:30:15Z');
    expect(utcIsoFromInput('')).toBeUndefined();
    expect(inputFromUtcIso('2026-12-01T00:00:00Z')).toBe('2026-12-01T00:00');
    expect(inputFromUtcIso('2026-12-01')).toBe('');
  });
});
