import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from './main';
import { capture } from './testing';

interface CheckJson {
  readonly files: readonly {
    readonly file: string;
    readonly size: number;
    readonly quota: number;
    readonly findings: readonly {
      readonly code: string;
      readonly severity: string;
      readonly message: string;
      readonly line: number;
      readonly column: number;
      readonly path: string;
    }[];
  }[];
}

const CLEAN = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::example-bucket/*' },
    ],
  },
  null,
  2,
);

const BROKEN = `{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow", "Action": [], "Resource": "arn:aws:s3:::b/\u4e2d" },
    { "Effect": "Allow", "Action": "deepcomposer:ListModels", "Resource": "*" }
  ]
}
`;

const WARN_ONLY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['iot1click:ListProjects', 's3:ListAllMyBuckets'], Resource: '*' }],
});

let dir: string;
let clean: string;
let broken: string;
let warnOnly: string;
let notJson: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'check-test-'));
  clean = join(dir, 'clean.json');
  broken = join(dir, 'broken.json');
  warnOnly = join(dir, 'warn.json');
  notJson = join(dir, 'not.json');
  writeFileSync(clean, CLEAN);
  writeFileSync(broken, BROKEN);
  writeFileSync(warnOnly, WARN_ONLY);
  writeFileSync(notJson, '{"Version": "2012-10-17", "Statement": [');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('iam-workbench check', () => {
  it('exits 0 with no output lines for a clean policy', async () => {
    const run = capture();
    expect(await main(['check', clean], run.io)).toBe(0);
    expect(run.out()).toBe('');
    expect(run.err()).toMatch(/no problems/);
  });

  it('prints ESLint-like lines in text order and exits 1 on an error', async () => {
    const run = capture();
    expect(await main(['check', broken], run.io)).toBe(1);
    const lines = run.out().trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    const fields = lines.map((line) => line.split('  '));
    expect(fields.map((f) => f.slice(0, 3))).toEqual([
      [`${broken}:4:36`, 'error', 'missing-action'],
      [`${broken}:4:68`, 'error', 'invalid-character'],
      [`${broken}:5:36`, 'warning', 'retired-service'],
    ]);
    expect(fields[1]?.[3]).toMatch(/^U\+4E2D/);
    expect(fields[2]?.[3]).toMatch(/AWS DeepComposer \(prefix deepcomposer\), retired by AWS on 2025-09-17/);
    expect(run.err()).toMatch(/✖ 3 problems \(2 errors, 0 security warnings, 1 warning, 0 suggestions\)/);
  });

  it('exits 0 when a file has only warnings', async () => {
    const run = capture();
    expect(await main(['check', warnOnly], run.io)).toBe(0);
    expect(run.out()).toMatch(/ {2}warning {2}retired-service {2}/);
  });

  it('writes the JSON format exactly, for several files', async () => {
    const run = capture();
    expect(await main(['check', '--format', 'json', clean, broken], run.io)).toBe(1);
    const result = JSON.parse(run.out()) as CheckJson;
    expect(Object.keys(result)).toEqual(['files']);
    expect(result.files.map((file) => Object.keys(file))).toEqual([
      ['file', 'size', 'quota', 'findings'],
      ['file', 'size', 'quota', 'findings'],
    ]);
    const [first, second] = result.files;
    expect(first).toMatchObject({ file: clean, quota: 6144, findings: [] });
    expect(first?.size).toBe(JSON.stringify(JSON.parse(CLEAN)).length);
    expect(second?.findings[0]).toEqual({
      code: 'missing-action',
      severity: 'error',
      message: expect.stringContaining('Policy statement must contain actions') as unknown as string,
      line: 4,
      column: 36,
      path: '/Statement/0/Action',
    });
    expect(second?.findings.map((finding) => Object.keys(finding))).toContainEqual([
      'code',
      'severity',
      'message',
      'line',
      'column',
      'path',
    ]);
  });

  it('names security warnings "security-warning" and uses the kind\'s quota', async () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }],
    });
    const run = capture(policy);
    expect(await main(['check', '--format', 'json', '--kind', 'inline-user', '-'], run.io)).toBe(0);
    const result = JSON.parse(run.out()) as CheckJson;
    expect(result.files[0]?.file).toBe('<stdin>');
    expect(result.files[0]?.quota).toBe(2048);
    expect(result.files[0]?.findings.map((finding) => [finding.code, finding.severity])).toContainEqual([
      'pass-role-with-star-in-resource',
      'security-warning',
    ]);
  });

  it('checks a trust policy with --kind trust', async () => {
    const trust = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    });
    const run = capture(trust);
    expect(await main(['check', '--kind', 'trust', '-'], run.io)).toBe(0);
    const asIdentity = capture(trust);
    expect(await main(['check', '-'], asIdentity.io)).toBe(1);
    expect(asIdentity.out()).toMatch(/unsupported-principal/);
  });

  it('reports a file that is not JSON as a file with an error (exit 1), not a usage error', async () => {
    const run = capture();
    expect(await main(['check', notJson, clean], run.io)).toBe(1);
    expect(run.out()).toMatch(
      new RegExp(`^${notJson.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:\\d+ {2}error {2}json-syntax {2}`),
    );
  });

  it('exits 2 for usage errors and unreadable files, with a clear message', async () => {
    const noFile = capture();
    expect(await main(['check'], noFile.io)).toBe(2);
    expect(noFile.err()).toMatch(/name at least one policy file/);
    const badKind = capture();
    expect(await main(['check', '--kind', 'scp', clean], badKind.io)).toBe(2);
    expect(badKind.err()).toMatch(/--kind must be one of managed, inline-user/);
    const badFormat = capture();
    expect(await main(['check', '--format', 'xml', clean], badFormat.io)).toBe(2);
    const unknown = capture();
    expect(await main(['check', '--frobnicate', clean], unknown.io)).toBe(2);
    const missing = capture();
    expect(await main(['check', join(dir, 'missing.json')], missing.io)).toBe(2);
    expect(missing.err()).toMatch(/cannot read .*missing\.json: no such file/);
    expect(missing.out()).toBe('');
  });

  it('runs through the real bin', async () => {
    const run = promisify(execFile);
    const ok = await run(process.execPath, ['bin/iam-workbench.js', 'check', '--format', 'json', clean], {
      cwd: process.cwd(),
    });
    expect((JSON.parse(ok.stdout) as CheckJson).files[0]?.findings).toEqual([]);
    const failed = await run(process.execPath, ['bin/iam-workbench.js', 'check', broken], {
      cwd: process.cwd(),
    }).then(
      () => undefined,
      (error: unknown) => error as { code: number; stdout: string },
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stdout).toMatch(/:4:36 {2}error {2}missing-action {2}/);
  }, 60_000);
});
