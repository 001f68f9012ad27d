import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JsonValue } from '../policy/model';
import type { DiffJson } from './diff';
import { main } from './main';
import { capture } from './testing';

let dir: string;
const files: Record<string, string> = {};

function write(name: string, content: JsonValue | string): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  files[name] = path;
  return path;
}

const policy = (...statements: JsonValue[]): JsonValue => ({ Version: '2012-10-17', Statement: statements });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'diff-test-'));
  write(
    'old.json',
    policy({ Effect: 'Allow', Action: ['s3:GetObject', 'ec2:DescribeInstances'], Resource: '*' }),
  );
  // the same access, written differently
  write(
    'same.json',
    policy(
      { Effect: 'Allow', Action: 'EC2:describeinstances', Resource: ['*'] },
      { Effect: 'Allow', Action: ['s3:getobject'], Resource: '*' },
    ),
  );
  write(
    'new.json',
    policy(
      { Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObjectVersion', 's3:PutObject'], Resource: '*' },
      {
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: 'arn:aws:iam::111122223333:role/app-*',
        Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
      },
    ),
  );
  write(
    'narrower.json',
    policy({
      Effect: 'Allow',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::bucket/*',
      Condition: { Bool: { 'aws:SecureTransport': true } },
    }),
  );
  write(
    'conditional.json',
    policy({
      Effect: 'Allow',
      Action: ['s3:GetObject', 'ec2:DescribeInstances'],
      Resource: '*',
      Condition: { StringEquals: { 'aws:RequestedRegion': 'eu-west-1' } },
    }),
  );
  write(
    'other-condition.json',
    policy({
      Effect: 'Allow',
      Action: ['s3:GetObject', 'ec2:DescribeInstances'],
      Resource: '*',
      Condition: { StringEquals: { 'aws:RequestedRegion': 'us-east-1' } },
    }),
  );
  write('invalid.json', '{"Version": "2012-10-17", "Statement": [');
  write('not-a-policy.json', { Version: '2012-10-17' });
  write('array.json', [1, 2]);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string }> {
  const captured = capture(stdin);
  const code = await main(args, captured.io);
  return { code, out: captured.out(), err: captured.err() };
}

describe('iam-workbench diff', () => {
  it('exits 0 with "No change in access" for the same access written differently', async () => {
    const text = await run(['diff', files['old.json']!, files['same.json']!]);
    expect(text).toMatchObject({ code: 0, out: 'No change in access\n' });
    const json = await run(['diff', '--format', 'json', files['old.json']!, files['same.json']!]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.out)).toEqual({ newAccess: false, added: [], removed: [] });
  });

  it('exits 1 and lists the access added and removed, in exactly the JSON shape', async () => {
    const result = await run(['diff', '--format=json', files['old.json']!, files['new.json']!]);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.out) as DiffJson;
    expect(Object.keys(json)).toEqual(['newAccess', 'added', 'removed']);
    expect(json).toEqual({
      newAccess: true,
      added: [
        {
          action: 'iam:PassRole',
          resource: 'arn:aws:iam::111122223333:role/app-*',
          conditions: { StringEquals: { 'iam:PassedToService': ['ec2.amazonaws.com'] } },
        },
        { action: 's3:GetObjectVersion', resource: '*', conditions: null },
        { action: 's3:PutObject', resource: '*', conditions: null },
      ],
      removed: [{ action: 'ec2:DescribeInstances', resource: '*', conditions: null }],
    });
    for (const entry of [...json.added, ...json.removed]) {
      expect(Object.keys(entry)).toEqual(['action', 'resource', 'conditions']);
    }
  });

  it('prints the sentence, then +/- lines grouped by service', async () => {
    const result = await run(['diff', files['old.json']!, files['new.json']!]);
    expect(result.code).toBe(1);
    expect(result.out).toBe(
      [
        'Grants new access: 3 actions',
        '',
        'Amazon EC2 (ec2): -1 List',
        '  - ec2:DescribeInstances  *',
        '',
        'Amazon S3 (s3): +1 Read, +1 Write',
        '  + s3:GetObjectVersion  *',
        '  + s3:PutObject  *',
        '',
        'AWS Identity and Access Management (IAM) (iam): +1 Write',
        '  + iam:PassRole  arn:aws:iam::111122223333:role/app-*  if {"StringEquals":{"iam:PassedToService":["ec2.amazonaws.com"]}}',
        '',
      ].join('\n'),
    );
  });

  it('exits 0 when access only narrows', async () => {
    const result = await run(['diff', files['old.json']!, files['narrower.json']!]);
    expect(result.code).toBe(0);
    expect(result.out.split('\n')[0]).toBe('No new access; removes or narrows access to 2 actions');
    const json = JSON.parse(
      (await run(['diff', '--format', 'json', files['old.json']!, files['narrower.json']!])).out,
    ) as DiffJson;
    expect(json.added).toEqual([]);
    expect(json.removed.map((e) => e.action)).toEqual(['ec2:DescribeInstances', 's3:GetObject']);
  });

  it('counts a change that cannot be proved narrower as new access', async () => {
    const result = await run(['diff', files['conditional.json']!, files['other-condition.json']!]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('May grant new access: 2 actions changed, cannot prove narrower');
    expect(result.out).toContain(
      '  ~ s3:GetObject  *  if {"StringEquals":{"aws:RequestedRegion":["us-east-1"]}}  (changed, cannot prove narrower: the conditions changed and the new ones are not provably narrower)',
    );
    const json = JSON.parse(
      (await run(['diff', '--format', 'json', files['conditional.json']!, files['other-condition.json']!]))
        .out,
    ) as DiffJson;
    expect(json.newAccess).toBe(true);
    expect(json.added.map((e) => e.action)).toEqual(['ec2:DescribeInstances', 's3:GetObject']);
    expect(json.removed.map((e) => e.action)).toEqual(['ec2:DescribeInstances', 's3:GetObject']);
  });

  it('reads one side from standard input', async () => {
    const stdin = JSON.stringify(policy({ Effect: 'Allow', Action: 's3:*', Resource: '*' }));
    const result = await run(['diff', '--format', 'json', files['old.json']!, '-'], stdin);
    expect(result.code).toBe(1);
    const json = JSON.parse(result.out) as DiffJson;
    expect(json.added.some((e) => e.action === 's3:PutObject')).toBe(true);
  });

  it('exits 2 on bad input and usage', async () => {
    const cases: [string[], RegExp][] = [
      [['diff', files['old.json']!, join(dir, 'missing.json')], /cannot read .*missing\.json: no such file/],
      [['diff', files['old.json']!, files['invalid.json']!], /invalid\.json is not valid JSON: .*line 1/],
      [['diff', files['not-a-policy.json']!, files['old.json']!], /not-a-policy\.json is not a policy/],
      [['diff', files['array.json']!, files['old.json']!], /array\.json is not a policy/],
      [['diff', files['old.json']!], /name two policy files/],
      [['diff', files['old.json']!, files['new.json']!, files['same.json']!], /name two policy files/],
      [['diff', '--format', 'yaml', files['old.json']!, files['new.json']!], /--format must be text or json/],
      [['diff', '--colour', files['old.json']!, files['new.json']!], /Unknown option/],
      [['diff', '-', '-'], /only one of OLD and NEW/],
    ];
    for (const [args, message] of cases) {
      const result = await run(args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.err).toMatch(message);
      expect(result.out).toBe('');
    }
  });

  it('has help', async () => {
    const result = await run(['diff', '--help']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/^Usage: iam-workbench diff \[--format text\|json\] OLD NEW/);
    expect((await run(['--help'])).out).toMatch(/^ {2}diff +what access NEW grants/m);
  });

  it('runs as the real bin', async () => {
    const bin = join(process.cwd(), 'bin', 'iam-workbench.js');
    const exec = promisify(execFile);
    const same = await exec(process.execPath, [bin, 'diff', files['old.json']!, files['same.json']!]);
    expect(same.stdout).toBe('No change in access\n');
    const changed = await exec(process.execPath, [
      bin,
      'diff',
      '--format',
      'json',
      files['old.json']!,
      files['new.json']!,
    ]).then(
      () => {
        throw new Error('expected exit code 1');
      },
      (error: { code?: number; stdout?: string }) => error,
    );
    expect(changed.code).toBe(1);
    expect((JSON.parse(changed.stdout ?? '') as DiffJson).newAccess).toBe(true);
  }, 60_000);
});
