import { describe, expect, it } from 'vitest';
import { offsetOf, readPolicyText } from './readPolicyText';

describe('readPolicyText', () => {
  it('reads a policy document', () => {
    const text = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
    const result = readPolicyText(text);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.statements).toHaveLength(1);
      expect(result.note).toBeUndefined();
    }
  });

  it('reports a syntax error with its line and column, and nothing to import', () => {
    const text = '{\n  "Version": "2012-10-17",\n  "Statement": [\n    {"Effect": "Allow" "Action": "s3:*"}\n  ]\n}';
    const result = readPolicyText(text);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems[0]).toMatchObject({ line: 4, column: 24 });
      expect(result.problems[0]?.message).toMatch(/^Not valid JSON: .*line 4, column 24/);
    }
  });

  it('asks for input when the text is empty', () => {
    const result = readPolicyText('  \n');
    expect(result).toEqual({ ok: false, problems: [{ message: 'Paste a policy document, or open or drop a .json file.' }] });
  });

  it('says when JSON is not a policy, and where', () => {
    const result = readPolicyText('{"Name": "x"}');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]?.message).toMatch(/not a policy: it has no "Statement"/);
    const bad = readPolicyText('{"Statement": [{"Effect": "Allow"}, 3]}');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems[0]).toMatchObject({ message: 'Statement 2 is not an object (line 1, column 37)', line: 1, column: 37 });
    const shape = readPolicyText('{"Statement": "x"}');
    expect(shape.ok).toBe(false);
    expect(readPolicyText('{"Statement": []}').ok).toBe(false);
    expect(readPolicyText('42').ok).toBe(false);
  });

  it('reads a single statement, a list of statements, and a single statement object', () => {
    const one = readPolicyText('{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}');
    expect(one.ok && one.document).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] });
    const list = readPolicyText('[{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}, {"Effect": "Deny", "Action": "iam:*", "Resource": "*"}]');
    expect(list.ok && list.statements.length).toBe(2);
    expect(list.ok && list.note).toBe('Read a list of 2 statements.');
    const object = readPolicyText('{"Statement": {"Effect": "Allow", "Action": "s3:*", "Resource": "*"}}');
    expect(object.ok && object.statements.length).toBe(1);
    expect(readPolicyText('[{"Effect": "Allow"}, "x"]').ok).toBe(false);
  });

  it('unwraps the AWS CLI output and PolicyDocument, the document as an object or URL-encoded text', () => {
    const document = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] };
    const cli = readPolicyText(JSON.stringify({ PolicyVersion: { Document: document, VersionId: 'v3', IsDefaultVersion: true } }));
    expect(cli.ok && cli.document).toEqual(document);
    expect(cli.ok && cli.note).toMatch(/PolicyVersion\.Document/);
    const encoded = readPolicyText(JSON.stringify({ PolicyVersion: { Document: encodeURIComponent(JSON.stringify(document)) } }));
    expect(encoded.ok && encoded.document).toEqual(document);
    const cfn = readPolicyText(JSON.stringify({ PolicyName: 'x', PolicyDocument: document }));
    expect(cfn.ok && cfn.document).toEqual(document);
  });
});

describe('offsetOf', () => {
  it('maps a line and column back to an offset', () => {
    const text = 'ab\ncd\r\nef\rgh';
    expect(offsetOf(text, 1, 1)).toBe(0);
    expect(offsetOf(text, 2, 2)).toBe(4);
    expect(offsetOf(text, 3, 1)).toBe(7);
    expect(offsetOf(text, 4, 2)).toBe(11);
    expect(offsetOf(text, 9, 1)).toBe(text.length);
  });
});
