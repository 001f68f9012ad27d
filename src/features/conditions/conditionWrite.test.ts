import { describe, expect, it } from 'vitest';
import { conditionValue, hasCondition, putCondition, removeCondition } from './conditionWrite';

describe('conditionValue', () => {
  it('writes one value as a string and several as an array', () => {
    expect(conditionValue(['a'])).toBe('a');
    expect(conditionValue(['a', 'b'])).toEqual(['a', 'b']);
  });
});

describe('putCondition', () => {
  it('creates the Condition, the operator and the key', () => {
    expect(putCondition(undefined, 'Bool', 'aws:MultiFactorAuthPresent', ['true'])).toEqual({
      Bool: { 'aws:MultiFactorAuthPresent': 'true' },
    });
  });

  it('adds to an existing operator and keeps everything else in place', () => {
    const before = { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' }, Custom: 'kept', Bool: { 'aws:SecureTransport': 'true' } };
    const after = putCondition(before, 'StringEquals', 'aws:PrincipalTag/team', ['blue']);
    expect(after).toEqual({
      StringEquals: { 'aws:RequestedRegion': 'eu-west-1', 'aws:PrincipalTag/team': 'blue' },
      Custom: 'kept',
      Bool: { 'aws:SecureTransport': 'true' },
    });
    expect(Object.keys(after)).toEqual(['StringEquals', 'Custom', 'Bool']);
  });

  it('joins values of the same key (any case), or replaces them on request', () => {
    const before = { IpAddress: { 'aws:sourceip': '10.0.0.0/8' } };
    expect(putCondition(before, 'IpAddress', 'aws:SourceIp', ['192.168.0.0/16', '10.0.0.0/8'])).toEqual({
      IpAddress: { 'aws:sourceip': ['10.0.0.0/8', '192.168.0.0/16'] },
    });
    expect(putCondition(before, 'IpAddress', 'aws:SourceIp', ['192.168.0.0/16'], true)).toEqual({
      IpAddress: { 'aws:sourceip': '192.168.0.0/16' },
    });
  });

  it('is safe with keys such as __proto__', () => {
    const result = putCondition(JSON.parse('{"__proto__":{"x":"1"}}') as Record<string, never>, 'StringEquals', 'k', ['v']);
    expect(Object.keys(result)).toEqual(['__proto__', 'StringEquals']);
  });
});

describe('removeCondition', () => {
  it('removes the key, then the operator, then the Condition', () => {
    const two = { DateGreaterThan: { 'aws:CurrentTime': 'a' }, DateLessThan: { 'aws:CurrentTime': 'b' } };
    const one = removeCondition(two, 'DateGreaterThan', 'aws:CurrentTime');
    expect(one).toEqual({ DateLessThan: { 'aws:CurrentTime': 'b' } });
    expect(removeCondition(one, 'DateLessThan', 'aws:CurrentTime')).toBeUndefined();
  });

  it('keeps the other keys of the operator', () => {
    expect(removeCondition({ StringEquals: { a: '1', b: '2' } }, 'StringEquals', 'a')).toEqual({ StringEquals: { b: '2' } });
  });

  it('leaves a Condition without the key as it is', () => {
    const c = { StringEquals: { a: '1' } };
    expect(removeCondition(c, 'StringEquals', 'z')).toBe(c);
  });
});

describe('hasCondition', () => {
  it('finds a key in any case', () => {
    expect(hasCondition({ Bool: { 'aws:multifactorauthpresent': 'true' } }, 'Bool', 'aws:MultiFactorAuthPresent')).toBe(true);
    expect(hasCondition({ Bool: 'x' }, 'Bool', 'a')).toBe(false);
  });
});
