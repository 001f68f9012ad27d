import { describe, expect, it } from 'vitest';
import { actionElementOfPath, actionStringAt } from './actionString';

/** The text with "|" removed, and the offset where it was. */
function at(marked: string): [string, number] {
  const offset = marked.indexOf('|');
  return [marked.slice(0, offset) + marked.slice(offset + 1), offset];
}

describe('actionElementOfPath', () => {
  it('finds Action and NotAction of a statement in a list or alone', () => {
    expect(actionElementOfPath(['Statement', 0, 'Action', 2])).toBe('Action');
    expect(actionElementOfPath(['Statement', 3, 'NotAction'])).toBe('NotAction');
    expect(actionElementOfPath(['Statement', 'Action', 0])).toBe('Action');
    expect(actionElementOfPath(['Statement', 'Action'])).toBe('Action');
  });
  it('ignores other places', () => {
    expect(actionElementOfPath(['Statement', 0, 'Resource', 0])).toBeUndefined();
    expect(actionElementOfPath(['Action', 0])).toBeUndefined();
    expect(actionElementOfPath(['Statement', 0, 'Condition', 'StringEquals', 'Action'])).toBeUndefined();
    expect(actionElementOfPath(['Statement', 0, 'Action', 0, 'x'])).toBeUndefined();
  });
});

describe('actionStringAt', () => {
  it('finds the string under the cursor in an Action list', () => {
    const [text, offset] = at('{"Statement":[{"Effect":"Allow","Action":["s3:Get|Object"]}]}');
    const found = actionStringAt(text, offset);
    expect(found).toMatchObject({ element: 'Action', value: 's3:GetObject', typed: 's3:Get' });
    expect(text.slice(found?.start, found?.end)).toBe('s3:GetObject');
  });
  it('finds a single NotAction string and an empty string', () => {
    expect(actionStringAt(...at('{"Statement":{"NotAction":"iam:|"}}'))).toMatchObject({
      element: 'NotAction',
      typed: 'iam:',
      value: 'iam:',
    });
    expect(actionStringAt(...at('{"Statement":[{"Action":["|"]}]}'))).toMatchObject({ typed: '', value: '' });
  });
  it('works while the rest of the text does not parse', () => {
    expect(actionStringAt(...at('{"Statement":[{"Action":["ec2:Desc|"], "Resource": }'))).toMatchObject({
      typed: 'ec2:Desc',
    });
  });
  it('answers nothing for keys, other elements and outside strings', () => {
    expect(actionStringAt(...at('{"Statement":[{"Act|ion":["s3:GetObject"]}]}'))).toBeUndefined();
    expect(actionStringAt(...at('{"Statement":[{"Resource":["arn:|"]}]}'))).toBeUndefined();
    expect(actionStringAt(...at('{"Statement":[{"Action":[|"s3:GetObject"]}]}'))).toBeUndefined();
  });
});
