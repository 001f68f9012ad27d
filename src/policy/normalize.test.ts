import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from './model';
import { dedupeValues, normalizeDocument, sortActions, toArrayForm, toStringForm } from './normalize';

describe('sortActions', () => {
  it('sorts by service, then action, case-insensitively and stably', () => {
    expect(
      sortActions(['s3:PutObject', 'ec2:RunInstances', 'S3:getObject', '*', 's3:*', 'iam:PassRole']),
    ).toEqual(['*', 'ec2:RunInstances', 'iam:PassRole', 's3:*', 'S3:getObject', 's3:PutObject']);
    expect(sortActions(['s3:GetObject', 'S3:GETOBJECT'])).toEqual(['s3:GetObject', 'S3:GETOBJECT']);
    const input = ['b:x', 'a:y'];
    expect(sortActions(input)).not.toBe(input);
    expect(input).toEqual(['b:x', 'a:y']);
  });
});

describe('dedupeValues', () => {
  it('keeps the first of repeated values', () => {
    expect(dedupeValues(['a', 'b', 'a', 'B'])).toEqual(['a', 'b', 'B']);
    expect(dedupeValues(['s3:GetObject', 'S3:getobject', 'x'], { caseInsensitive: true })).toEqual([
      's3:GetObject',
      'x',
    ]);
    expect(dedupeValues([1, '1', 1, true, null, null, { a: 1 }, { a: 1 }])).toEqual([
      1,
      '1',
      true,
      null,
      { a: 1 },
    ]);
  });
});

describe('toArrayForm / toStringForm', () => {
  it('converts between the string and the one-element array forms', () => {
    expect(toArrayForm('s3:*')).toEqual(['s3:*']);
    const array = ['a', 'b'];
    expect(toArrayForm(array)).toBe(array);
    expect(toArrayForm(3)).toBe(3);
    expect(toStringForm(['a'])).toBe('a');
    expect(toStringForm(['a', 'b'])).toEqual(['a', 'b']);
    expect(toStringForm([1])).toEqual([1]);
  });
});

describe('normalizeDocument', () => {
  const first: JsonObject = {
    X: 1,
    Action: ['s3:PutObject', 's3:GetObject', 'S3:putobject'],
    Resource: ['b', 'a', 'b', 'B'],
  };
  const rest: JsonValue[] = [
    { NotAction: 'iam:*', NotResource: 'arn:x', Condition: { StringEquals: { k: 'v' } } },
    'not a statement',
  ];
  const document: JsonValue = {
    Version: '2012-10-17',
    Statement: [first, ...rest],
  };

  it('applies only the chosen normalisations and keeps everything else', () => {
    expect(normalizeDocument(document, { sortActions: true })).toEqual({
      Version: '2012-10-17',
      Statement: [{ ...first, Action: ['s3:GetObject', 's3:PutObject', 'S3:putobject'] }, ...rest],
    });
    expect(normalizeDocument(document, { dedupe: true, sortActions: true, arrayForm: true })).toEqual({
      Version: '2012-10-17',
      Statement: [
        { X: 1, Action: ['s3:GetObject', 's3:PutObject'], Resource: ['b', 'a', 'B'] },
        { NotAction: ['iam:*'], NotResource: ['arn:x'], Condition: { StringEquals: { k: 'v' } } },
        'not a statement',
      ],
    });
  });

  it('returns the same document when nothing changes', () => {
    expect(normalizeDocument(document, {})).toBe(document);
    const single = { Statement: { Action: ['a:a', 'b:b'] } };
    expect(normalizeDocument(single, { sortActions: true, dedupe: true })).toBe(single);
    expect(normalizeDocument(single, { arrayForm: true })).toBe(single);
    expect(normalizeDocument({ Statement: { Action: 'x:y' } }, { arrayForm: true })).toEqual({
      Statement: { Action: ['x:y'] },
    });
    expect(normalizeDocument([1], { arrayForm: true })).toEqual([1]);
  });
});
