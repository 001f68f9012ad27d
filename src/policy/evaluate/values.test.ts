import { describe, expect, it } from 'vitest';
import { ipInRange, readBinary, readBool, readDate, readIp, readNumber, splitArn } from './values';

describe('typed condition values', () => {
  it('reads decimal numbers only', () => {
    expect(readNumber('10')).toBe(10);
    expect(readNumber(' -1.5 ')).toBe(-1.5);
    expect(readNumber('1e3')).toBe(1000);
    expect(readNumber('.5')).toBe(0.5);
    for (const bad of ['', 'ten', '0x10', '1,000', 'Infinity', 'NaN', '1e999'])
      expect(readNumber(bad), bad).toBeUndefined();
  });

  it('reads ISO 8601 dates (UTC unless a zone is given) and epoch seconds', () => {
    const noon = Date.UTC(2026, 5, 1, 12);
    expect(readDate('2026-06-01T12:00:00Z')).toBe(noon);
    expect(readDate('2026-06-01T12:00:00')).toBe(noon);
    expect(readDate('2026-06-01T14:00:00+02:00')).toBe(noon);
    expect(readDate('2026-06-01T07:00:00-0500')).toBe(noon);
    expect(readDate('2026-06-01T12:00Z')).toBe(noon);
    expect(readDate('20260601T120000Z')).toBe(noon);
    expect(readDate('2026-06-01')).toBe(Date.UTC(2026, 5, 1));
    expect(readDate('2026-06-01T12:00:00.250Z')).toBe(noon + 250);
    expect(readDate('1780315200')).toBe(noon);
    for (const bad of ['yesterday', '2026-02-30', '2026-13-01', '2026-06-01T25:00:00Z', ''])
      expect(readDate(bad), bad).toBeUndefined();
  });

  it('reads booleans in any case', () => {
    expect(readBool('true')).toBe(true);
    expect(readBool('FALSE')).toBe(false);
    expect(readBool('yes')).toBeUndefined();
  });

  it('reads base64 as bytes, so equal bytes compare equal', () => {
    expect(readBinary('SGk=')).toBe('4869');
    expect(readBinary('QmluYXJ5')).toBe('42696e617279');
    expect(readBinary('not base64!')).toBeUndefined();
    expect(readBinary('abc')).toBeUndefined();
  });

  it('tests addresses against ranges of the same IP version', () => {
    const range = readIp('203.0.113.0/24');
    const v6 = readIp('2001:db8::/32');
    expect(range && ipInRange(range, readIp('203.0.113.255')!)).toBe(true);
    expect(range && ipInRange(range, readIp('203.0.114.0')!)).toBe(false);
    expect(v6 && ipInRange(v6, readIp('2001:db8:ffff::1')!)).toBe(true);
    expect(range && ipInRange(range, readIp('::ffff:203.0.113.1')!)).toBe(false);
    expect(range && ipInRange(range, readIp('203.0.113.0/16')!)).toBe(false);
    expect(readIp('300.1.1.1')).toBeUndefined();
  });

  it('splits ARNs into six parts, the resource part keeping its colons', () => {
    expect(splitArn('arn:aws:logs:us-east-1:1:log-group:a:log-stream:b')).toEqual([
      'arn',
      'aws',
      'logs',
      'us-east-1',
      '1',
      'log-group:a:log-stream:b',
    ]);
    expect(splitArn('arn:aws:s3:::bucket')).toEqual(['arn', 'aws', 's3', '', '', 'bucket']);
    expect(splitArn('arn:aws:s3')).toBeUndefined();
    expect(splitArn('*')).toBeUndefined();
  });
});
