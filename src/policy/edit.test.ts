import { describe, expect, it } from 'vitest';
import {
  addStatement,
  duplicateStatement,
  editModel,
  moveStatement,
  newPolicy,
  removeStatement,
  replaceStatements,
  setMember,
  setStatementField,
} from './edit';
import type { JsonObject, JsonValue } from './model';
import { parse, parseValue } from './parse';
import { serialize } from './serialize';

/** Deep-freezes a value so that any mutation by an edit throws. */
function frozen<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) frozen((value as Record<string, unknown>)[key]);
    Object.freeze(value);
  }
  return value;
}

const keysOf = (value: JsonValue | undefined): string[] => Object.keys(value as object);
const statementsOf = (document: JsonValue): JsonValue[] => (document as { Statement: JsonValue[] }).Statement;

const DOCUMENT = frozen<JsonObject>({
  XTop: 'kept',
  Version: '2012-10-17',
  Statement: [
    { XFirst: 1, Effect: 'Allow', Action: 's3:GetObject', Resource: '*', XLast: [true] },
    { Sid: 'Two', Effect: 'Deny', NotAction: ['iam:*'], Resource: '*' },
  ],
  Id: 'after-statement',
});

describe('newPolicy', () => {
  it('is an empty identity policy', () => {
    expect(newPolicy()).toEqual({ Version: '2012-10-17', Statement: [] });
    expect(newPolicy()).not.toBe(newPolicy());
  });
});

describe('setStatementField', () => {
  it('replaces a present key in place, keeping order and unknown keys', () => {
    const next = setStatementField(DOCUMENT, 0, 'Action', ['s3:GetObject', 's3:PutObject']);
    expect(keysOf(next)).toEqual(['XTop', 'Version', 'Statement', 'Id']);
    expect(keysOf(statementsOf(next)[0])).toEqual(['XFirst', 'Effect', 'Action', 'Resource', 'XLast']);
    expect(statementsOf(next)[0]).toMatchObject({
      Action: ['s3:GetObject', 's3:PutObject'],
      XFirst: 1,
      XLast: [true],
    });
    expect(statementsOf(next)[1]).toBe(statementsOf(DOCUMENT)[1]);
    expect(statementsOf(DOCUMENT)[0]).toMatchObject({ Action: 's3:GetObject' });
  });

  it('inserts absent keys in the conventional order', () => {
    let next = setStatementField(DOCUMENT, 0, 'Sid', 'First');
    next = setStatementField(next, 0, 'Condition', { Bool: { 'aws:SecureTransport': 'true' } });
    next = setStatementField(next, 0, 'NotResource', ['arn:aws:s3:::x']);
    next = setStatementField(next, 0, 'Principal', '*');
    expect(keysOf(statementsOf(next)[0])).toEqual([
      'XFirst',
      'Sid',
      'Effect',
      'Principal',
      'Action',
      'Resource',
      'NotResource',
      'Condition',
      'XLast',
    ]);
    next = setStatementField(next, 1, 'Action', 'ec2:*');
    expect(keysOf(statementsOf(next)[1])).toEqual(['Sid', 'Effect', 'Action', 'NotAction', 'Resource']);
  });

  it('places keys into statements without conventional keys, and unknown keys at the end', () => {
    const document: JsonValue = { Statement: [{ X: 1 }, { Condition: {}, Y: 2 }] };
    let next = setStatementField(document, 0, 'Effect', 'Allow');
    expect(keysOf(statementsOf(next)[0])).toEqual(['X', 'Effect']);
    next = setStatementField(next, 1, 'Effect', 'Allow');
    expect(keysOf(statementsOf(next)[1])).toEqual(['Effect', 'Condition', 'Y']);
    next = setStatementField(next, 1, 'Z', 3);
    expect(keysOf(statementsOf(next)[1])).toEqual(['Effect', 'Condition', 'Y', 'Z']);
  });

  it('removes a key when the value is undefined', () => {
    const next = setStatementField(DOCUMENT, 0, 'Resource', undefined);
    expect(keysOf(statementsOf(next)[0])).toEqual(['XFirst', 'Effect', 'Action', 'XLast']);
    expect(setStatementField(DOCUMENT, 0, 'Missing', undefined)).toBe(DOCUMENT);
  });

  it('is a no-op (same reference) on missing targets', () => {
    expect(setStatementField(DOCUMENT, 5, 'Effect', 'Allow')).toBe(DOCUMENT);
    expect(setStatementField(DOCUMENT, -1, 'Effect', 'Allow')).toBe(DOCUMENT);
    const odd = { Statement: ['x'] };
    expect(setStatementField(odd, 0, 'Effect', 'Allow')).toBe(odd);
    expect(setStatementField([1], 0, 'Effect', 'Allow')).toEqual([1]);
    expect(setStatementField(DOCUMENT, 0, 'Effect', 'Allow')).toBe(DOCUMENT);
  });

  it('keeps a single statement object single', () => {
    const document = frozen({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: '*' } });
    const next = setStatementField(document, 0, 'Resource', '*');
    expect(next).toEqual({
      Version: '2012-10-17',
      Statement: { Effect: 'Allow', Action: '*', Resource: '*' },
    });
  });

  it('is safe with "__proto__" keys', () => {
    const { model } = parse('{"Statement":[{"__proto__":{"x":1},"Effect":"Allow"}]}');
    const next = setStatementField(model!.document, 0, 'Action', 'a:b');
    expect(serialize(next, { format: 'minified' })).toBe(
      '{"Statement":[{"__proto__":{"x":1},"Effect":"Allow","Action":"a:b"}]}',
    );
    const added = setStatementField(next, 0, '__proto__', 'replaced');
    expect(serialize(added, { format: 'minified' })).toBe(
      '{"Statement":[{"__proto__":"replaced","Effect":"Allow","Action":"a:b"}]}',
    );
    expect(Object.getPrototypeOf(statementsOf(added)[0])).toBe(Object.prototype);
  });
});

describe('statement list edits', () => {
  const A = { Sid: 'A', Effect: 'Allow' };
  const B = { Sid: 'B', Effect: 'Deny' };
  const C = { Sid: 'C', Effect: 'Allow' };

  it('adds statements at the end or at a position', () => {
    const document = frozen({ Version: '2012-10-17', Statement: [A], Extra: 1 });
    expect(addStatement(document, B)).toEqual({ Version: '2012-10-17', Statement: [A, B], Extra: 1 });
    expect(statementsOf(addStatement(document, B, 0))).toEqual([B, A]);
    expect(statementsOf(addStatement(document, B, 99))).toEqual([A, B]);
    expect(keysOf(addStatement(document, B))).toEqual(['Version', 'Statement', 'Extra']);
  });

  it('turns a single statement into an array only when a second one is added', () => {
    const document = frozen({ Statement: A, Version: '2012-10-17' });
    const next = addStatement(document, B);
    expect(next).toEqual({ Statement: [A, B], Version: '2012-10-17' });
    expect(keysOf(next)).toEqual(['Statement', 'Version']);
  });

  it('creates Statement when absent, and leaves an unusable Statement alone', () => {
    expect(addStatement({ Version: '2012-10-17' }, A)).toEqual({ Version: '2012-10-17', Statement: [A] });
    const odd = { Statement: 'x' };
    expect(addStatement(odd, A)).toBe(odd);
    expect(addStatement(newPolicy(), A)).toEqual({ Version: '2012-10-17', Statement: [A] });
  });

  it('removes statements', () => {
    const document = frozen({ Statement: [A, B, C] });
    expect(removeStatement(document, 1)).toEqual({ Statement: [A, C] });
    expect(removeStatement(document, 3)).toBe(document);
    expect(removeStatement({ Statement: A }, 0)).toEqual({ Statement: [] });
  });

  it('moves statements', () => {
    const document = frozen({ Statement: [A, B, C] });
    expect(statementsOf(moveStatement(document, 0, 2))).toEqual([B, C, A]);
    expect(statementsOf(moveStatement(document, 2, 0))).toEqual([C, A, B]);
    expect(moveStatement(document, 1, 1)).toBe(document);
    expect(moveStatement(document, 1, 3)).toBe(document);
    const single = { Statement: A };
    expect(moveStatement(single, 0, 0)).toBe(single);
  });

  it('duplicates a statement right after it with a unique Sid', () => {
    const document = frozen({ Statement: [A, { Sid: 'ACopy' }, B] });
    const next = statementsOf(duplicateStatement(document, 0));
    expect(next.map((s) => (s as { Sid: string }).Sid)).toEqual(['A', 'ACopy2', 'ACopy', 'B']);
    expect(next[1]).toEqual({ Sid: 'ACopy2', Effect: 'Allow' });
    expect(statementsOf(duplicateStatement({ Statement: [{ Effect: 'Allow', X: [1] }] }, 0))).toEqual([
      { Effect: 'Allow', X: [1] },
      { Effect: 'Allow', X: [1] },
    ]);
    expect(duplicateStatement({ Statement: A }, 0)).toEqual({
      Statement: [A, { Sid: 'ACopy', Effect: 'Allow' }],
    });
    expect(duplicateStatement(document, 7)).toBe(document);
  });

  it('replaces all statements, keeping the Statement key where it is', () => {
    const document = frozen({ Version: '2012-10-17', Statement: [A], Id: 'x' });
    const next = replaceStatements(document, [B, C]);
    expect(next).toEqual({ Version: '2012-10-17', Statement: [B, C], Id: 'x' });
    expect(keysOf(next)).toEqual(['Version', 'Statement', 'Id']);
    expect(replaceStatements({ Statement: A }, [C])).toEqual({ Statement: C });
    expect(replaceStatements({ Statement: A }, [B, C])).toEqual({ Statement: [B, C] });
    expect(replaceStatements({ Statement: [A] }, [C])).toEqual({ Statement: [C] });
    expect(replaceStatements({}, [])).toEqual({ Statement: [] });
  });
});

describe('edits keep everything they do not own', () => {
  it('a sequence of edits preserves unknown keys and key order everywhere', () => {
    const text = JSON.stringify(DOCUMENT, null, 4);
    let document = parse(text).model!.document;
    document = setStatementField(document, 0, 'Sid', 'One');
    document = addStatement(document, { Effect: 'Allow', Action: 'ec2:*', Resource: '*' });
    document = moveStatement(document, 2, 0);
    document = duplicateStatement(document, 1);
    document = removeStatement(document, 0);
    document = removeStatement(document, 1);
    document = setStatementField(document, 0, 'Sid', undefined);
    expect(JSON.stringify(document)).toBe(JSON.stringify(DOCUMENT));
  });

  it('editModel rebuilds the views', () => {
    const model = parseValue({ Statement: [{ Effect: 'Allow' }] });
    const next = editModel(model, (document) => setStatementField(document, 0, 'Action', 's3:*'));
    expect(next.statements[0]?.action).toEqual({ values: ['s3:*'], single: true });
    expect(editModel(model, (document) => document)).toBe(model);
  });

  it('setMember inserts at a position and reuses unchanged objects', () => {
    const object = { a: 1, b: 2 };
    expect(keysOf(setMember(object, 'c', 3, 1))).toEqual(['a', 'c', 'b']);
    expect(setMember(object, 'a', 1)).toBe(object);
  });
});
