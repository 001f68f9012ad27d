import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../../policy/model';
import { hclKey, hclString, toTerraform } from './terraform';
import { ECS_INPUT, TRICKY_INPUT } from './testing/policies';
import { hclToJson, HclSyntaxError, isCall, readHcl, terraformJsonencode } from './testing/hclReader';
import type { HclBlock } from './testing/hclReader';
import type { ExportInput } from './types';

function policyBlock(blocks: readonly HclBlock[]): HclBlock {
  const block = blocks.find((b) => b.type === 'resource' && b.labels[0] === 'aws_iam_policy');
  if (!block) throw new Error('no aws_iam_policy');
  return block;
}

/** The document inside `policy = jsonencode(...)`, as written in the HCL (source key order). */
function policyOf(text: string): JsonValue {
  const policy = policyBlock(readHcl(text)).attributes.policy;
  if (!isCall(policy) || policy.name !== 'jsonencode' || policy.args.length !== 1)
    throw new Error('not jsonencode(...)');
  return hclToJson(policy.args[0] ?? null);
}

function expectSameDocument(actual: unknown, expected: JsonValue): void {
  expect(actual).toStrictEqual(expected);
  expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
}

describe('hclString and hclKey', () => {
  it('escapes template sequences, quotes, backslashes and control characters', () => {
    expect(hclString('${aws:username}')).toBe('"$${aws:username}"');
    expect(hclString('%{if}')).toBe('"%%{if}"');
    expect(hclString('$${x}')).toBe('"$$${x}"');
    expect(hclString('$ % $$ %% {}')).toBe('"$ % $$ %% {}"');
    expect(hclString('say "hi" \\ done')).toBe('"say \\"hi\\" \\\\ done"');
    expect(hclString('a\nb\rc\td\u0001e\u007f')).toBe('"a\\nb\\rc\\td\\u0001e\\u007F"');
    expect(hclString('—ü€😀')).toBe('"—ü€😀"');
  });

  it('writes identifiers bare and quotes every other key', () => {
    expect(hclKey('Version')).toBe('Version');
    expect(hclKey('StringEquals')).toBe('StringEquals');
    expect(hclKey('aws:username')).toBe('"aws:username"');
    expect(hclKey('s3:prefix')).toBe('"s3:prefix"');
    expect(hclKey('ForAnyValue:StringLike')).toBe('"ForAnyValue:StringLike"');
    expect(hclKey('null')).toBe('"null"');
    expect(hclKey('for')).toBe('"for"');
    expect(hclKey('a-b')).toBe('"a-b"');
    expect(hclKey('1a')).toBe('"1a"');
    expect(hclKey('')).toBe('""');
  });

  it('is read back exactly by the HCL reader for awkward strings', () => {
    const samples = [
      '${a}',
      '$${a}',
      '$$${a}',
      '%{a}',
      '%%{a}',
      '$',
      '%',
      '${',
      '$}',
      'x$',
      '"\\',
      '\u0000\u001f',
      '\u2028😀',
    ];
    for (const sample of samples) {
      const [block] = readHcl(`b {\n  v = ${hclString(sample)}\n}\n`);
      expect(block?.attributes.v).toBe(sample);
    }
  });
});

describe('the HCL reader used by these tests', () => {
  it('refuses interpolations and directives, so a missed escape fails a test', () => {
    expect(() => readHcl('b {\n  v = "${aws:username}"\n}\n')).toThrow(HclSyntaxError);
    expect(() => readHcl('b {\n  v = "%{ if true }x%{ endif }"\n}\n')).toThrow(HclSyntaxError);
    expect(() => readHcl('b {\n  v = "a\nb"\n}\n')).toThrow(HclSyntaxError);
    expect(() => readHcl('b {\n  v = { a = 1 b = 2 }\n}\n')).toThrow(HclSyntaxError);
  });

  it('reads HCL escapes the way HCL does', () => {
    const [block] = readHcl('b {\n  v = "$${x} %%{y} $$ \\u00e9 \\U0001F600 \\" \\\\"\n}\n');
    expect(block?.attributes.v).toBe('${x} %{y} $$ é 😀 " \\');
  });
});

describe('toTerraform', () => {
  it('writes the ECS seed policy as idiomatic HCL', () => {
    const out = toTerraform(ECS_INPUT);
    expect(out.filename).toBe('ecs_read_only_with_mfa.tf');
    expect(out.text).toBe(`resource "aws_iam_policy" "ecs_read_only_with_mfa" {
  name        = "EcsReadOnlyWithMfa"
  path        = "/"
  description = "Read-only ECS access, only with MFA"

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid    = "EcsReadOnlyWithMfa"
        Effect = "Allow"
        Action = [
          "ecs:Describe*",
          "ecs:List*",
        ]
        Resource = "*"
        Condition = {
          Bool = {
            "aws:MultiFactorAuthPresent" = "true"
          }
        }
      },
    ]
  })
}

output "ecs_read_only_with_mfa_arn" {
  value = aws_iam_policy.ecs_read_only_with_mfa.arn
}
`);
  });

  it('maps back to the same document, key order, value types and string-versus-array form included', () => {
    for (const input of [ECS_INPUT, TRICKY_INPUT]) {
      expectSameDocument(policyOf(toTerraform(input).text), input.document);
    }
  });

  it('gives IAM the same policy after jsonencode (keys sorted, same meaning)', () => {
    const text = toTerraform(TRICKY_INPUT).text;
    const encoded = terraformJsonencode(policyOf(text));
    expect(JSON.parse(encoded)).toStrictEqual(TRICKY_INPUT.document);
    expect(toTerraform(TRICKY_INPUT).notes[0]).toMatch(/lexical order/);
  });

  it('escapes policy variables and template sequences in the tricky policy', () => {
    const text = toTerraform(TRICKY_INPUT).text;
    expect(text).toContain('"home/$${aws:username}/*"');
    expect(text).toContain(
      '"arn:aws:s3:::example-bucket/literal/$$${not-a-variable}/%%{x}/%%%{y}/$${*}/$${?}/$${$}"',
    );
    expect(text).toContain('"say \\"hi\\""');
    expect(text).toContain('"back\\\\slash"');
    expect(text).toContain('"tab\\there"');
    expect(text).toContain('"two\\nlines"');
    expect(text).toContain('"aws:SecureTransport" = true');
    expect(text).toContain('"aws:ViaAWSService"   = "false"');
    expect(text).toContain('"s3:max-keys" = 100');
    expect(text).toMatch(/\n {14}-2,\n {14}0,\n/);
    expect(text).not.toMatch(/[^$]\$\{aws/);
  });

  it('writes name, path, description and the attachments of every target', () => {
    const blocks = readHcl(toTerraform(TRICKY_INPUT).text);
    const policy = policyBlock(blocks);
    expect(policy.labels).toEqual(['aws_iam_policy', 'tricky_policy_v2']);
    expect(policy.attributes.name).toBe('Tricky.Policy_v2');
    expect(policy.attributes.path).toBe('/team/ops/');
    expect(policy.attributes.description).toBe(TRICKY_INPUT.description);
    const attachments = blocks
      .filter((b) => b.labels[0]?.endsWith('_policy_attachment'))
      .map((b) => ({ type: b.labels[0], name: b.labels[1], ...b.attributes }));
    const arn = { kind: 'traversal', path: 'aws_iam_policy.tricky_policy_v2.arn' };
    expect(attachments).toStrictEqual([
      {
        type: 'aws_iam_user_policy_attachment',
        name: 'tricky_policy_v2_alice',
        user: 'alice',
        policy_arn: arn,
      },
      {
        type: 'aws_iam_user_policy_attachment',
        name: 'tricky_policy_v2_bob_smith_example',
        user: 'bob.smith@example',
        policy_arn: arn,
      },
      {
        type: 'aws_iam_group_policy_attachment',
        name: 'tricky_policy_v2_ops_team',
        group: 'Ops-Team',
        policy_arn: arn,
      },
      {
        type: 'aws_iam_role_policy_attachment',
        name: 'tricky_policy_v2_ops_role',
        role: 'ops_role',
        policy_arn: arn,
      },
      {
        type: 'aws_iam_role_policy_attachment',
        name: 'tricky_policy_v2_ops_role2',
        role: 'OpsRole2',
        policy_arn: arn,
      },
    ]);
    const output = blocks.find((b) => b.type === 'output');
    expect(output?.labels).toEqual(['tricky_policy_v2_arn']);
    expect(output?.attributes.value).toStrictEqual(arn);
  });

  it('keeps attachment names unique when target names collide', () => {
    const input: ExportInput = {
      ...ECS_INPUT,
      name: 'p',
      targets: { users: ['dev-team', 'dev_team', 'DevTeam', 'dev-team'], groups: [], roles: [] },
    };
    const names = readHcl(toTerraform(input).text)
      .filter((b) => b.labels[0] === 'aws_iam_user_policy_attachment')
      .map((b) => b.labels[1]);
    expect(names).toEqual(['p_dev_team', 'p_dev_team_2', 'p_dev_team_3']);
  });

  it('quotes keys that are not identifiers and keeps empty and null values', () => {
    const document = JSON.parse(
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[],"Resource":"*","Condition":{"null":{"for":null,"__proto__":"p","a b":{}},"StringEquals":{"aws:PrincipalTag/x-y":["v"]}}}]}',
    ) as JsonValue;
    const text = toTerraform({ document, name: 'odd' }).text;
    expect(text).toContain('Action   = []');
    expect(text).toContain('"for"     = null');
    expect(text).toContain('"a b"     = {}');
    expectSameDocument(policyOf(text), document);
  });

  it('writes numbers HCL reads back to the same value', () => {
    const document = {
      Version: '2012-10-17',
      Statement: {
        Effect: 'Allow',
        Action: '*',
        Resource: '*',
        Condition: { NumericEquals: { k: [0, -0.5, 1e21, 1.5e-7, 123456789012, Number.POSITIVE_INFINITY] } },
      },
    } as JsonValue;
    const out = toTerraform({ document, name: 'n' });
    const back = policyOf(out.text) as { Statement: { Condition: { NumericEquals: { k: number[] } } } };
    expect(back.Statement.Condition.NumericEquals.k).toEqual([0, -0.5, 1e21, 1.5e-7, 123456789012, Infinity]);
    expect(out.notes.some((note) => note.includes('1e999'))).toBe(true);
  });
});
