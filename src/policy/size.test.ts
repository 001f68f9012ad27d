import { describe, expect, it } from 'vitest';
import { SIZE_QUOTAS } from './model';
import { parseValue } from './parse';
import { serialize } from './serialize';
import { modelSize, policySize, sizeReport } from './size';

describe('policySize', () => {
  it('does not count whitespace outside strings', () => {
    const document = {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
    };
    const minified = JSON.stringify(document);
    expect(policySize(minified)).toBe(minified.length);
    expect(policySize(JSON.stringify(document, null, 4))).toBe(minified.length);
    expect(policySize(JSON.stringify(document, null, '\t').replace(/\n/g, '\r\n'))).toBe(minified.length);
  });

  it('counts whitespace inside strings and escapes as written', () => {
    expect(policySize('{ "a b" : "c\td" }')).toBe('{"a b":"c\td"}'.length);
    expect(policySize('["\\n"]')).toBe(6);
    expect(policySize('["\\u0041"]')).toBe(10);
    expect(policySize('["\\"  "]')).toBe(8);
    expect(policySize('["\\\\"  , "x" ]')).toBe('["\\\\","x"]'.length);
  });

  it('counts UTF-16 code units', () => {
    expect(policySize('["é😀"]')).toBe(7);
  });

  it('works on invalid text without throwing', () => {
    expect(policySize('')).toBe(0);
    expect(policySize('{ "unterminated   ')).toBe('{"unterminated   '.length);
    expect(policySize('"\\')).toBe(2);
  });
});

describe('modelSize', () => {
  it('is the size of the minified serialization', () => {
    const model = parseValue({
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Action: ['a:b', 'c:d'], Resource: '*' },
    });
    expect(modelSize(model)).toBe(serialize(model, { format: 'minified' }).length);
    expect(modelSize(model)).toBe(policySize(serialize(model)));
  });
});

describe('sizeReport', () => {
  it('uses the quota of the policy kind', () => {
    expect(SIZE_QUOTAS).toEqual({
      managed: 6144,
      'inline-user': 2048,
      'inline-group': 5120,
      'inline-role': 10240,
      trust: 2048,
    });
    expect(sizeReport(1024, 'inline-user')).toEqual({
      size: 1024,
      quota: 2048,
      remaining: 1024,
      ratio: 0.5,
      over: false,
    });
    expect(sizeReport(6144, 'managed')).toMatchObject({ remaining: 0, ratio: 1, over: false });
    expect(sizeReport(6145, 'managed')).toMatchObject({ remaining: -1, over: true });
    expect(sizeReport(0, 'inline-role').quota).toBe(10240);
    expect(sizeReport(5121, 'inline-group').over).toBe(true);
    expect(sizeReport(2049, 'trust').over).toBe(true);
  });
});
