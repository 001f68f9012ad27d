import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { JsonValue } from '../../../policy/model';
import { serializeDocument } from '../../../policy/serialize';
import { heredocDelimiter, shellQuote, toAwsCli } from './cli';
import { ECS_INPUT, TRICKY_INPUT } from './testing/policies';
import type { ExportInput } from './types';

const ACCOUNT = '123456789012';

/**
 * A fake `aws` shell function (it shadows any real aws command) that logs each call's arguments,
 * NUL-separated with the count first, and answers `sts get-caller-identity`.
 */
const FAKE_AWS = `aws() {
  printf '%s\\0' "$#" "$@" >> calls.bin
  if [ "$1" = sts ]; then printf '%s\\n' ${ACCOUNT}; fi
}
`;

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const SHELLS: string[][] = [['sh', '-c'], ...(existsSync('/bin/bash') ? [['bash', '--posix', '-c']] : [])];

interface Run {
  readonly calls: string[][];
  readonly policyFile: string;
}

/** Runs the script in a fresh directory with the fake aws, and returns what aws received. */
function run(script: string, shell: readonly string[]): Run {
  const dir = mkdtempSync(join(tmpdir(), 'export-cli-'));
  dirs.push(dir);
  const [command, ...args] = shell;
  // PATH without any real aws: should the function ever not shadow it, the call fails loudly.
  execFileSync(command ?? 'sh', [...args, FAKE_AWS + script], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: '/usr/bin:/bin', HOME: dir },
  });
  const fields = readFileSync(join(dir, 'calls.bin'), 'utf8').split('\0');
  const calls: string[][] = [];
  for (let i = 0; i < fields.length - 1;) {
    const count = Number(fields[i]);
    calls.push(fields.slice(i + 1, i + 1 + count));
    i += 1 + count;
  }
  expect(existsSync(join(dir, 'pwned'))).toBe(false);
  return { calls, policyFile: readFileSync(join(dir, 'policy.json'), 'utf8') };
}

describe('shellQuote and heredocDelimiter', () => {
  it("single-quotes, writing a quote as '\\''", () => {
    expect(shellQuote('abc')).toBe("'abc'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('')).toBe("''");
  });

  it('picks a delimiter that is not in the text', () => {
    expect(heredocDelimiter('{"a": 1}')).toBe('EOF');
    expect(heredocDelimiter('"EOF"')).toBe('POLICY_EOF_1');
    expect(heredocDelimiter('EOF POLICY_EOF_1')).toBe('POLICY_EOF_2');
  });
});

describe('toAwsCli', () => {
  it('writes the ECS seed policy commands', () => {
    const out = toAwsCli(ECS_INPUT);
    expect(out.filename).toBe('create-ecs-read-only-with-mfa.sh');
    expect(out.text).toBe(
      [
        '#!/bin/sh',
        '# Creates the IAM managed policy EcsReadOnlyWithMfa and attaches it to its targets.',
        '# Needs the AWS CLI and credentials allowed to call iam:CreatePolicy and iam:Attach*Policy.',
        'set -eu',
        '',
        "cat > policy.json <<'EOF'",
        serializeDocument(ECS_INPUT.document),
        'EOF',
        '',
        'aws iam create-policy \\',
        "  --policy-name 'EcsReadOnlyWithMfa' \\",
        "  --path '/' \\",
        "  --description 'Read-only ECS access, only with MFA' \\",
        '  --policy-document file://policy.json',
        '',
      ].join('\n'),
    );
  });

  for (const shell of SHELLS) {
    it(`passes every argument exactly through ${shell[0]}`, () => {
      const { calls, policyFile } = run(toAwsCli(TRICKY_INPUT).text, shell);
      expect(policyFile).toBe(serializeDocument(TRICKY_INPUT.document) + '\n');
      expect(JSON.parse(policyFile)).toStrictEqual(TRICKY_INPUT.document);
      const arn = `arn:aws:iam::${ACCOUNT}:policy/team/ops/Tricky.Policy_v2`;
      expect(calls).toEqual([
        [
          'iam',
          'create-policy',
          '--policy-name',
          'Tricky.Policy_v2',
          '--path',
          '/team/ops/',
          '--description',
          TRICKY_INPUT.description,
          '--policy-document',
          'file://policy.json',
        ],
        ['sts', 'get-caller-identity', '--query', 'Account', '--output', 'text'],
        ['iam', 'attach-user-policy', '--user-name', 'alice', '--policy-arn', arn],
        ['iam', 'attach-user-policy', '--user-name', 'bob.smith@example', '--policy-arn', arn],
        ['iam', 'attach-group-policy', '--group-name', 'Ops-Team', '--policy-arn', arn],
        ['iam', 'attach-role-policy', '--role-name', 'ops_role', '--policy-arn', arn],
        ['iam', 'attach-role-policy', '--role-name', 'OpsRole2', '--policy-arn', arn],
      ]);
    });

    it(`keeps hostile text literal through ${shell[0]}`, () => {
      const hostile =
        'it\'s "quoted" $HOME ${aws:username} $(touch pwned) `touch pwned` \\ ! * ? ~ ; & | < > # %{x}\n' +
        "EOF\nsecond line\ttab 'EOF'";
      const document = JSON.parse(
        JSON.stringify({
          Version: '2012-10-17',
          Statement: [{ Sid: 'EOF', Effect: 'Allow', Action: '*', Resource: hostile }],
        }),
      ) as JsonValue;
      const input: ExportInput = {
        document,
        name: "odd'name $x",
        description: hostile,
        path: "/it's/",
        targets: { users: ["o'brien"], groups: ['$(touch pwned)'], roles: ['a b'] },
      };
      const script = toAwsCli(input).text;
      expect(script).toContain("<<'POLICY_EOF_1'");
      const { calls, policyFile } = run(script, shell);
      expect(JSON.parse(policyFile)).toStrictEqual(document);
      const arn = `arn:aws:iam::${ACCOUNT}:policy/it's/odd'name $x`;
      expect(calls[0]).toEqual([
        'iam',
        'create-policy',
        '--policy-name',
        "odd'name $x",
        '--path',
        "/it's/",
        '--description',
        hostile,
        '--policy-document',
        'file://policy.json',
      ]);
      expect(calls.slice(2)).toEqual([
        ['iam', 'attach-user-policy', '--user-name', "o'brien", '--policy-arn', arn],
        ['iam', 'attach-group-policy', '--group-name', '$(touch pwned)', '--policy-arn', arn],
        ['iam', 'attach-role-policy', '--role-name', 'a b', '--policy-arn', arn],
      ]);
    });
  }

  it('leaves out --description and the attachments when there are none', () => {
    const text = toAwsCli({ document: ECS_INPUT.document, name: 'p', description: '' }).text;
    expect(text).not.toContain('--description');
    expect(text).not.toContain('ACCOUNT_ID');
    const { calls } = run(text, ['sh', '-c']);
    expect(calls).toEqual([
      [
        'iam',
        'create-policy',
        '--policy-name',
        'p',
        '--path',
        '/',
        '--policy-document',
        'file://policy.json',
      ],
    ]);
  });

  it('keeps line breaks in the name out of the comment', () => {
    const text = toAwsCli({ document: ECS_INPUT.document, name: 'a\nrm -rf x' }).text;
    expect(text.split('\n')[1]).toBe(
      '# Creates the IAM managed policy a rm -rf x and attaches it to its targets.',
    );
  });
});
