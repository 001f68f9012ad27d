import { describe, expect, it } from 'vitest';
import type { Finding } from './model';
import {
  PARSE_CODES,
  MAX_NESTING_DEPTH,
  MAX_SYNTAX_FINDINGS,
  buildModel,
  locateKey,
  parse,
  parseResultFromValue,
  parseValue,
} from './parse';
import { serialize } from './serialize';

const POLICY = `{
    "Version": "2012-10-17",
    "Id": "policy-1",
    "Statement": [
        {
            "Sid": "ReadBucket",
            "Effect": "Allow",
            "Action": ["s3:GetObject", "s3:ListBucket"],
            "Resource": "arn:aws:s3:::my-bucket/*",
            "Condition": {
                "StringEquals": { "aws:PrincipalTag/team": ["red", "blue"] },
                "Bool": { "aws:SecureTransport": true },
                "NumericLessThan": { "s3:max-keys": 10 }
            },
            "XCustom": 1
        },
        {
            "Effect": "Deny",
            "NotAction": "iam:*",
            "NotResource": ["arn:aws:iam::*:role/x"]
        }
    ]
}`;

function syntax(text: string): Finding[] {
  const result = parse(text);
  expect(result.model).toBeNull();
  return result.findings.filter((finding) => finding.code === 'json-syntax');
}

describe('parse: valid policies', () => {
  it('builds the model and typed statement views', () => {
    const { model, findings } = parse(POLICY);
    expect(findings).toEqual([]);
    expect(model).not.toBeNull();
    if (!model) return;
    expect(model.version).toBe('2012-10-17');
    expect(model.id).toBe('policy-1');
    expect(model.singleStatement).toBe(false);
    expect(model.statements).toHaveLength(2);
    const [first, second] = model.statements;
    expect(first?.pointer).toBe('/Statement/0');
    expect(first?.sid).toBe('ReadBucket');
    expect(first?.effect).toBe('Allow');
    expect(first?.action).toEqual({ values: ['s3:GetObject', 's3:ListBucket'], single: false });
    expect(first?.resource).toEqual({ values: ['arn:aws:s3:::my-bucket/*'], single: true });
    expect(first?.unknownKeys).toEqual(['XCustom']);
    expect(first?.conditions).toEqual([
      {
        operator: 'StringEquals',
        key: 'aws:PrincipalTag/team',
        values: ['red', 'blue'],
        single: false,
        pointer: '/Statement/0/Condition/StringEquals/aws:PrincipalTag~1team',
      },
      {
        operator: 'Bool',
        key: 'aws:SecureTransport',
        values: [true],
        single: true,
        pointer: '/Statement/0/Condition/Bool/aws:SecureTransport',
      },
      {
        operator: 'NumericLessThan',
        key: 's3:max-keys',
        values: [10],
        single: true,
        pointer: '/Statement/0/Condition/NumericLessThan/s3:max-keys',
      },
    ]);
    expect(second?.index).toBe(1);
    expect(second?.notAction).toEqual({ values: ['iam:*'], single: true });
    expect(second?.notResource).toEqual({ values: ['arn:aws:iam::*:role/x'], single: false });
    expect(second).not.toHaveProperty('action');
    expect(second).not.toHaveProperty('sid');
    expect(second?.raw).toBe((model.document as { Statement: unknown[] }).Statement[1]);
  });

  it('keeps the document exactly as JSON.parse reads it, key order included', () => {
    const { model } = parse(POLICY);
    expect(model?.document).toEqual(JSON.parse(POLICY));
    expect(JSON.stringify(model?.document)).toBe(JSON.stringify(JSON.parse(POLICY)));
  });

  it('handles Statement as a single object', () => {
    const { model } = parse(
      '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}',
    );
    expect(model?.singleStatement).toBe(true);
    expect(model?.statements).toHaveLength(1);
    expect(model?.statements[0]?.pointer).toBe('/Statement');
    expect(model?.statements[0]?.index).toBe(0);
  });

  it('builds views leniently and keeps wrong shapes in the document', () => {
    const text = JSON.stringify({
      Version: 1,
      Statement: [
        'not a statement',
        {
          Effect: ['Allow'],
          Action: ['s3:GetObject', 5],
          Resource: {},
          Condition: { StringEquals: 'x', Bool: { k: {} } },
        },
      ],
    });
    const { model, findings } = parse(text);
    expect(findings).toEqual([]);
    expect(model?.version).toBeUndefined();
    expect(model?.statements).toHaveLength(1);
    const view = model?.statements[0];
    expect(view?.index).toBe(1);
    expect(view?.pointer).toBe('/Statement/1');
    expect(view?.effect).toBeUndefined();
    expect(view?.action).toBeUndefined();
    expect(view?.resource).toBeUndefined();
    expect(view?.conditions).toEqual([]);
    expect(serialize(model!, { format: 'minified' })).toBe(text);
  });

  it('keeps principals as written', () => {
    const { model } = parse(
      '{"Statement":[{"Principal":{"AWS":["arn:aws:iam::1:root"]},"NotPrincipal":"*"}]}',
    );
    expect(model?.statements[0]?.principal).toEqual({ AWS: ['arn:aws:iam::1:root'] });
    expect(model?.statements[0]?.notPrincipal).toBe('*');
  });

  it('accepts any JSON value, not only objects', () => {
    for (const text of ['[]', '1', '"s"', 'null', 'true', ' [1, {"a": []}] ', '-0', '1e400']) {
      const { model, findings } = parse(text);
      expect(findings).toEqual([]);
      expect(model?.document).toEqual(JSON.parse(text));
      expect(model?.statements).toEqual([]);
    }
  });

  it('makes "__proto__" an own key like JSON.parse and never touches prototypes', () => {
    const text =
      '{"__proto__":{"polluted":true},"constructor":1,"toString":"x","Statement":[{"__proto__":[1]}]}';
    const { model, findings } = parse(text);
    expect(findings).toEqual([]);
    const document = model?.document as Record<string, unknown>;
    expect(Object.keys(document)).toEqual(['__proto__', 'constructor', 'toString', 'Statement']);
    expect(Object.getPrototypeOf(document)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(JSON.stringify(document)).toBe(JSON.stringify(JSON.parse(text)));
    expect(model?.statements[0]?.unknownKeys).toEqual(['__proto__']);
  });

  it('keeps lone surrogates and escapes as JSON.parse does', () => {
    for (const text of ['"\\ud800"', '"\ud800x"', '{"\\udc00":"\\u0000\\n\\/"}', '"\u2028\u2029"']) {
      expect(parse(text).model?.document).toEqual(JSON.parse(text));
    }
  });
});

describe('parse: syntax errors', () => {
  it('reports a missing comma with its line and column', () => {
    const findings = syntax('{\n  "Version": "2012-10-17"\n  "Statement": []\n}');
    expect(findings).toHaveLength(1);
    expect(findings[0]?.severity).toBe('error');
    expect(findings[0]?.message).toBe('Expected a comma or closing brace at line 3, column 3.');
    expect(findings[0]?.range).toMatchObject({ line: 3, column: 3, offset: 30, length: 11 });
  });

  it('says bracket inside arrays', () => {
    expect(syntax('["a" "b"]')[0]?.message).toMatch(
      /^Expected a comma or closing bracket at line 1, column 6/,
    );
  });

  it('names trailing commas, comments, single quotes, bad literals and unterminated strings', () => {
    expect(syntax('{"a":1,}')[0]?.message).toMatch(/^Trailing comma/);
    expect(syntax('[1,]')[0]?.message).toMatch(/^Trailing comma/);
    expect(syntax('{"a":1} // note')[0]?.message).toMatch(/Comments are not allowed/);
    expect(syntax('/* c */ {}')[0]?.message).toMatch(/Comments are not allowed/);
    expect(syntax("{'a':1}")[0]?.message).toMatch(/double quotes/);
    expect(syntax('{"a":True}')[0]?.message).toMatch(/lower case/);
    expect(syntax('{"a":"x\n"}')[0]?.message).toMatch(/^Unterminated string/);
    expect(syntax('{"a":1} x')[0]?.message).toMatch(/after the end/);
    expect(syntax('{"a" 1}')[0]?.message).toMatch(/colon/);
    expect(syntax('{"a":1')[0]?.message).toMatch(/end of text: expected a closing brace/);
    expect(syntax('[1')[0]?.message).toMatch(/end of text: expected a closing bracket/);
    expect(syntax('{"a":01}').length).toBeGreaterThan(0);
    expect(syntax('{"a":1.}')[0]?.message).toMatch(/Incomplete number/);
    expect(syntax('{"a":-}').length).toBeGreaterThan(0);
  });

  it('points into strings at the exact bad character', () => {
    const control = syntax('{"a":"x\ty"}')[0];
    expect(control?.message).toMatch(/^Control character U\+0009 must be escaped in a string \(write \\t\)/);
    expect(control?.range).toMatchObject({ offset: 7, length: 1, column: 8 });
    const escape = syntax('{"a":"ok\\qz"}')[0];
    expect(escape?.message).toMatch(/^Invalid escape sequence \\q/);
    expect(escape?.range).toMatchObject({ offset: 8, length: 2 });
    const unicode = syntax('["\\\\u", "\\u12G4"]')[0];
    expect(unicode?.message).toMatch(/four hexadecimal digits/);
    expect(unicode?.range).toMatchObject({ offset: 9, length: 2 });
  });

  it('rejects what JSON.parse rejects: empty text, BOM, non-JSON whitespace', () => {
    for (const text of [
      '',
      '   ',
      '\uFEFF{}',
      '{}\u00a0',
      '\u000b[]',
      '{"a":NaN}',
      '[Infinity]',
      '[+1]',
      '[.5]',
      '["a"]]',
    ]) {
      expect(() => JSON.parse(text)).toThrow();
      expect(syntax(text).length).toBeGreaterThan(0);
    }
  });

  it('computes ranges with 1-based lines and columns over \\n, \\r\\n and \\r', () => {
    const finding = syntax('{\r\n"a":1,\r"b" 2}')[0];
    expect(finding?.range).toMatchObject({ line: 3, column: 5, endLine: 3, endColumn: 6 });
    const atEnd = syntax('{\n')[0];
    expect(atEnd?.range).toMatchObject({ line: 2, column: 1, length: 0 });
  });

  it('reports one finding per place and caps their number', () => {
    const garbage = Array.from({ length: 500 }, () => '@').join(' ');
    const findings = syntax(garbage);
    expect(findings.length).toBe(MAX_SYNTAX_FINDINGS);
    const offsets = findings.map((finding) => finding.range?.offset);
    expect(new Set(offsets).size).toBe(offsets.length);
  });

  it('never throws: deep nesting, huge input, odd values', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const deepResult = parse(deep);
    expect(deepResult.model).toBeNull();
    expect(deepResult.findings[0]?.code).toBe('json-too-deep');
    const unclosed = parse('{"a":'.repeat(50_000));
    expect(unclosed.model).toBeNull();
    expect(unclosed.findings.length).toBeGreaterThan(0);
    const inComment = parse('/*"*/' + '['.repeat(20_000));
    expect(inComment.model).toBeNull();
    const nested = '['.repeat(MAX_NESTING_DEPTH) + ']'.repeat(MAX_NESTING_DEPTH);
    expect(parse(nested).model?.document).toEqual(JSON.parse(nested));
    const huge = JSON.stringify({
      Statement: Array.from({ length: 20_000 }, (_, i) => ({ Sid: `S${i}`, Action: 'a:b' })),
    });
    expect(parse(huge).model?.statements).toHaveLength(20_000);
    expect(() => parse(undefined as unknown as string)).not.toThrow();
    expect(() => parse(Symbol('x') as unknown as string)).not.toThrow();
  });
});

describe('parse: duplicate keys', () => {
  it('reports duplicate keys, last value wins at the first position (JSON.parse semantics)', () => {
    const text = '{\n  "Statement": [{"Effect": "Allow", "Action": "a:b", "Effect": "Deny"}]\n}';
    const { model, findings } = parse(text);
    expect(model?.document).toEqual(JSON.parse(text));
    expect(Object.keys((model?.document as { Statement: object[] }).Statement[0] as object)).toEqual([
      'Effect',
      'Action',
    ]);
    expect(model?.statements[0]?.effect).toBe('Deny');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'error',
      code: 'duplicate-key',
      pointer: '/Statement/0/Effect',
      range: { line: 2, column: text.lastIndexOf('"Effect"') - text.indexOf('\n'), length: 8 },
    });
  });

  it('reports keys differing only in case', () => {
    const { model, findings } = parse(
      '{"Statement":[{"Effect":"Allow","effect":"Deny","EFFECT":"x","Effect":"y"}]}',
    );
    expect(model).not.toBeNull();
    expect(findings.map((finding) => [finding.code, finding.pointer])).toEqual([
      ['duplicate-key-case', '/Statement/0/effect'],
      ['duplicate-key-case', '/Statement/0/EFFECT'],
      ['duplicate-key', '/Statement/0/Effect'],
    ]);
    expect(findings[0]?.message).toMatch(/Duplicate keys with different case/);
  });

  it('escapes pointers of duplicate keys', () => {
    const { findings } = parse('{"Condition":{"StringLike":{"a/b~":1,"a/b~":2}}}');
    expect(findings[0]?.pointer).toBe('/Condition/StringLike/a~1b~0');
  });

  it('finds duplicates however the text hides where members start (the fast path must not miss one)', () => {
    const texts = [
      '{"a":"x\\":1","a":2}', // a string holding an escaped quote before a colon
      '{"a\\\\":1,"a\\\\":2}', // keys ending in a backslash
      '{"a" \n : 1, "a"\t:2}', // whitespace between a key and its colon
      '[{"b":1},{"c":{"d":1,"d":1}}]', // deep in an array
      '{"s":"::\\"","s":0}', // colons in strings
    ];
    for (const text of texts) {
      expect(JSON.parse(text)).toBeDefined();
      const { model, findings } = parse(text);
      expect(model).not.toBeNull();
      expect(findings.map((f) => f.code), text).toEqual([PARSE_CODES.duplicateKey]);
    }
  });

  it('reads the same document and no findings where the text has no duplicates', () => {
    const texts = ['{"a":"x\\":1","b":2}', '{"a\\\\":1}', '{"k":":","K2":{"x":[1,{"y":":"}]}}', '[]', '"s"', '3'];
    for (const text of texts) {
      const { model, findings } = parse(text);
      expect(findings).toEqual([]);
      expect(model?.document).toEqual(JSON.parse(text));
    }
  });
});

describe('parse: locate', () => {
  it('maps pointers to value ranges and key ranges', () => {
    const result = parse(POLICY);
    const action = result.locate('/Statement/0/Action/1');
    expect(action && POLICY.slice(action.offset, action.offset + action.length)).toBe('"s3:ListBucket"');
    const line8 = POLICY.split('\n')[7] ?? '';
    expect(action).toMatchObject({ line: 8, column: line8.indexOf('"s3:ListBucket"') + 1 });
    const condition = result.locate('/Statement/0/Condition/StringEquals/aws:PrincipalTag~1team');
    expect(condition && POLICY.slice(condition.offset, condition.offset + condition.length)).toBe(
      '["red", "blue"]',
    );
    const key = result.locateKey?.('/Statement/1/NotAction');
    expect(key && POLICY.slice(key.offset, key.offset + key.length)).toBe('"NotAction"');
    expect(result.locate('')).toMatchObject({
      offset: 0,
      length: POLICY.length,
      line: 1,
      column: 1,
      endLine: 23,
      endColumn: 2,
    });
    expect(locateKey(result, '/Statement/1/NotAction')).toEqual(key);
    expect(result.locateKey?.('/Statement/0')).toBeUndefined();
    expect(result.locateKey?.('')).toBeUndefined();
  });

  it('answers undefined for missing or malformed pointers', () => {
    const result = parse(POLICY);
    for (const pointer of [
      '/Nope',
      '/Statement/2',
      '/Statement/01',
      '/Statement/-',
      'Statement',
      '/Version/0',
      '/a~2',
    ]) {
      expect(result.locate(pointer)).toBeUndefined();
    }
  });

  it('locates the value that counts for duplicate keys', () => {
    const text = '{"a":1,"a":22}';
    const range = parse(text).locate('/a');
    expect(range && text.slice(range.offset, range.offset + range.length)).toBe('22');
  });
});

describe('parseValue', () => {
  it('builds the model from a value, copying it', () => {
    const value = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] };
    const model = parseValue(value);
    expect(model.document).toEqual(value);
    expect(model.document).not.toBe(value);
    expect(model.statements[0]?.action).toEqual({ values: ['s3:*'], single: true });
    value.Statement[0]!.Effect = 'Deny';
    expect(model.statements[0]?.effect).toBe('Allow');
  });

  it('applies JSON semantics and throws TypeError for what JSON cannot hold', () => {
    expect(parseValue({ a: undefined, b: [undefined], d: new Date(0) }).document).toEqual({
      b: [null],
      d: '1970-01-01T00:00:00.000Z',
    });
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => parseValue(cyclic)).toThrow(TypeError);
    expect(() => parseValue(undefined)).toThrow(TypeError);
    expect(() => parseValue(1n)).toThrow(TypeError);
  });

  it('gives a ParseResult whose locate answers undefined', () => {
    const result = parseResultFromValue({ Statement: [] });
    expect(result.findings).toEqual([]);
    expect(result.locate('/Statement')).toBeUndefined();
  });

  it('buildModel does not copy', () => {
    const document = { Statement: { Effect: 'Allow' } };
    expect(buildModel(document).document).toBe(document);
  });
});
