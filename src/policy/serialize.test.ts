import { describe, expect, it } from 'vitest';
import type { JsonObject } from './model';
import { parse, parseValue } from './parse';
import { isPolicyModel, serialize, serializeDocument } from './serialize';

const DOCUMENT: JsonObject = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'A',
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: ['arn:aws:s3:::b/*'],
      Custom: { n: 1.5, t: true },
    },
    { Effect: 'Deny', NotAction: [], Resource: '*', Condition: {} },
  ],
};

describe('serialize', () => {
  it('pretty-prints like the AWS console (4 spaces) and JSON.stringify(doc, null, 4)', () => {
    const text = serialize(parseValue(DOCUMENT));
    expect(text).toBe(JSON.stringify(DOCUMENT, null, 4));
    expect(text.split('\n').slice(0, 5)).toEqual([
      '{',
      '    "Version": "2012-10-17",',
      '    "Statement": [',
      '        {',
      '            "Sid": "A",',
    ]);
    expect(text).toContain('"NotAction": [],');
    expect(text).toContain('"Condition": {}');
  });

  it('minifies with no whitespace at all', () => {
    expect(serialize(parseValue(DOCUMENT), { format: 'minified' })).toBe(JSON.stringify(DOCUMENT));
  });

  it('honours indent', () => {
    expect(serialize({ a: [1] }, { format: 'pretty', indent: 2 })).toBe('{\n  "a": [\n    1\n  ]\n}');
    expect(serialize({ a: 1 }, { indent: 0 })).toBe('{\n "a": 1\n}');
    expect(serialize({ a: 1 }, { indent: 99 })).toBe(JSON.stringify({ a: 1 }, null, 10));
  });

  it('writes the document exactly: key order, string-vs-array form, numbers, booleans, null', () => {
    const text = '{"z":1,"a":["x"],"m":"x","n":-1.25e-7,"b":false,"u":null,"e":{},"l":[]}';
    const { model } = parse(text);
    expect(serialize(model!, { format: 'minified' })).toBe(
      '{"z":1,"a":["x"],"m":"x","n":-1.25e-7,"b":false,"u":null,"e":{},"l":[]}',
    );
  });

  it('accepts a bare document as well as a model', () => {
    expect(serialize(DOCUMENT, { format: 'minified' })).toBe(JSON.stringify(DOCUMENT));
    expect(serialize('s')).toBe('"s"');
    expect(serialize(null)).toBe('null');
    expect(serialize([])).toBe('[]');
    expect(isPolicyModel(parseValue({}))).toBe(true);
    expect(isPolicyModel(DOCUMENT)).toBe(false);
    expect(isPolicyModel({ document: 1, statements: [], singleStatement: false, Extra: 1 })).toBe(false);
  });

  it('writes "__proto__" keys and escapes strings as JSON.stringify does', () => {
    const text = '{"__proto__":{"a":"\\u0000\\"\\\\\\n\\ud800 \u2028"}}';
    const { model } = parse(text);
    const written = serialize(model!, { format: 'minified' });
    expect(written).toBe(JSON.stringify(JSON.parse(text)));
    expect(JSON.parse(written)).toEqual(JSON.parse(text));
  });

  it('writes numbers JSON cannot so that they read back the same', () => {
    const { model } = parse('[-0, 1e400, -1e400, 0.1, 1e21, 5e-324]');
    const written = serialize(model!, { format: 'minified' });
    expect(written).toBe('[-0,1e999,-1e999,0.1,1e+21,5e-324]');
    expect(JSON.parse(written)).toEqual([-0, Infinity, -Infinity, 0.1, 1e21, 5e-324]);
    expect(serializeDocument([NaN])).toBe('[\n    null\n]');
  });

  it('round-trips parse → serialize → parse for both formats', () => {
    const text = JSON.stringify(DOCUMENT, null, 3);
    for (const format of ['pretty', 'minified'] as const) {
      const again = parse(serialize(parse(text).model!, { format }));
      expect(again.findings).toEqual([]);
      expect(JSON.stringify(again.model?.document)).toBe(JSON.stringify(DOCUMENT));
    }
  });
});
