import { describe, expect, it } from 'vitest';
import { formatNetwork, hasHostBits, isPrivateRange, parseCidr } from './ip';

describe('parseCidr', () => {
  it.each([
    '203.0.113.0/24',
    '203.0.113.7',
    '2001:db8::/32',
    '::1',
    '::ffff:192.0.2.1/128',
    '2001:DB8:1234:5678::/64',
  ])('accepts %s', (text) => {
    expect(parseCidr(text)).toBeDefined();
  });

  it.each([
    '300.1.1.1/40',
    '1.2.3',
    '1.2.3.4/33',
    '2001:db8::/129',
    'a::b::c',
    'example.com',
    '',
    '1.2.3.4/',
    '01.2.3.4.5',
  ])('rejects %s', (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });
});

describe('host bits', () => {
  it('finds them and gives the network', () => {
    const v4 = parseCidr('203.0.113.5/24');
    const v6 = parseCidr('2001:db8::1/32');
    expect(v4 && hasHostBits(v4)).toBe(true);
    expect(v4 && formatNetwork(v4)).toBe('203.0.113.0/24');
    expect(v6 && formatNetwork(v6)).toBe('2001:db8::/32');
    const clean = parseCidr('10.0.0.0/8');
    expect(clean && hasHostBits(clean)).toBe(false);
  });
});

describe('isPrivateRange', () => {
  it.each([
    ['10.1.2.0/24', true],
    ['172.31.0.0/16', true],
    ['192.168.0.1', true],
    ['fd12:3456::/48', true],
    ['203.0.113.0/24', false],
    ['0.0.0.0/0', false],
    ['172.0.0.0/8', false],
    ['2001:db8::/32', false],
  ])('%s: %s', (text, expected) => {
    const cidr = parseCidr(text);
    expect(cidr && isPrivateRange(cidr)).toBe(expected);
  });
});
