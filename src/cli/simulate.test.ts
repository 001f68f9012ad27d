import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from './main';
import { capture } from './testing';

const run = promisify(execFile);

let dir = '';
const file = (name: string): string => join(dir, name);
const USER = 'arn:aws:iam::111122223333:user/ana';
const OBJECT = 'arn:aws:s3:::example-bucket/home/ana/notes.txt';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'simulate-'));
  const write = (name: string, value: unknown): void => writeFileSync(file(name), JSON.stringify(value));
  write('identity.json', {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Home',
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::example-bucket/home/${aws:username}/*',
      },
      {
        Sid: 'Tls',
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
      {
        Effect: 'Allow',
        Action: 'ec2:CreateTags',
        Resource: '*',
        Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['env', 'team'] } },
      },
      {
        Effect: 'Allow',
        Action: 'ec2:DescribeInstances',
        Resource: '*',
        Condition: { NumericLessThan: { 'aws:MultiFactorAuthAge': '3600' } },
      },
    ],
  });
  write('boundary.json', {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }],
  });
  write('scp-root.json', {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
  });
  write('scp-ou.json', {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }],
  });
  write('bucket.json', {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'Partner',
        Effect: 'Allow',
        Principal: { AWS: '444455556666' },
        Action: 's3:GetObject',
        Resource: 'arn:aws:s3:::example-bucket/*',
      },
    ],
  });
  writeFileSync(file('broken.json'), '{"Version": ');
});

async function simulate(
  args: readonly string[],
  stdin?: string,
): Promise<{ code: number; out: string; err: string }> {
  const c = capture(stdin);
  const code = await main(['simulate', ...args], c.io);
  return { code, out: c.out(), err: c.err() };
}

describe('iam-workbench simulate', () => {
  it('allows with a policy variable derived from a user principal, and says which statement', async () => {
    const r = await simulate([
      '--policy',
      file('identity.json'),
      '--action',
      's3:GetObject',
      '--resource',
      OBJECT,
      '--principal',
      USER,
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      decision: 'allowed',
      matched: [{ policy: file('identity.json'), index: 0, sid: 'Home', effect: 'Allow' }],
    });
  });

  it('reports an explicit deny from a condition and exits 0', async () => {
    const r = await simulate([
      '--policy',
      file('identity.json'),
      '--action',
      's3:GetObject',
      '--resource',
      OBJECT,
      '--principal',
      USER,
      '--context',
      'aws:SecureTransport=false',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({
      decision: 'explicit-deny',
      matched: [{ policy: file('identity.json'), index: 1, sid: 'Tls', effect: 'Deny' }],
    });
  }, 60_000);

  it('writes a readable text report with the deciding statement and failed conditions', async () => {
    const r = await simulate([
      '--policy',
      file('identity.json'),
      '--action',
      'ec2:DescribeInstances',
      '--resource',
      '*',
      '--context',
      'aws:MultiFactorAuthAge=7200',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^DENIED \(implicit deny\): ec2:DescribeInstances on \*/);
    expect(r.out).toContain(
      'NumericLessThan aws:MultiFactorAuthAge ["3600"] is false: aws:MultiFactorAuthAge is "7200"',
    );
    expect(r.out).toContain('Why: No identity-based policy allows ec2:DescribeInstances');
  }, 60_000);

  it('types multivalued keys from the catalog: comma-separated values, KEY= an empty set', async () => {
    const base = [
      '--policy',
      file('identity.json'),
      '--action',
      'ec2:CreateTags',
      '--resource',
      '*',
      '--format',
      'json',
    ];
    const two = await simulate([...base, '--context', 'aws:TagKeys=env,team']);
    expect(JSON.parse(two.out).decision).toBe('allowed');
    const other = await simulate([...base, '--context', 'aws:TagKeys=env,owner']);
    expect(JSON.parse(other.out).decision).toBe('implicit-deny');
    const empty = await simulate([...base, '--context', 'aws:TagKeys=']);
    expect(JSON.parse(empty.out).decision).toBe('allowed');
  }, 60_000);

  it('applies the boundary and each --scp as one level', async () => {
    const boundary = await simulate([
      '--policy',
      file('identity.json'),
      '--boundary',
      file('boundary.json'),
      '--action',
      's3:GetObject',
      '--resource',
      OBJECT,
      '--principal',
      USER,
    ]);
    expect(boundary.out).toMatch(/^DENIED \(implicit deny\)/);
    expect(boundary.out).toContain('permissions boundary');
    const scps = await simulate([
      '--policy',
      file('identity.json'),
      '--scp',
      file('scp-root.json'),
      '--scp',
      file('scp-ou.json'),
      '--action',
      's3:GetObject',
      '--resource',
      OBJECT,
      '--principal',
      USER,
    ]);
    expect(scps.out).toContain('No SCP at level 2 allows s3:GetObject');
  });

  it('evaluates a resource-based policy alone and across accounts', async () => {
    const partner = 'arn:aws:iam::444455556666:user/bob';
    const alone = await simulate([
      '--resource-policy',
      file('bucket.json'),
      '--action',
      's3:GetObject',
      '--resource',
      OBJECT,
      '--principal',
      partner,
      '--context',
      'aws:ResourceAccount=111122223333',
      '--format',
      'json',
    ]);
    expect(JSON.parse(alone.out).decision).toBe('implicit-deny');
    writeFileSync(
      file('partner.json'),
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
      }),
    );
    const both = await simulate([
      '--policy',
      file('partner.json'),
      '--resource-policy',
      file('bucket.json'),
      '--action',
      's3:GetObject',
      '--resource',
      OBJECT,
      '--principal',
      partner,
      '--context',
      'aws:ResourceAccount=111122223333',
      '--format',
      'json',
    ]);
    expect(JSON.parse(both.out)).toEqual({
      decision: 'allowed',
      matched: [
        { policy: file('partner.json'), index: 0, sid: null, effect: 'Allow' },
        { policy: file('bucket.json'), index: 0, sid: 'Partner', effect: 'Allow' },
      ],
    });
  }, 60_000);

  it('reads a policy from standard input with "-"', async () => {
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }],
    });
    const r = await simulate(
      ['--policy', '-', '--action', 's3:ListBucket', '--resource', 'arn:aws:s3:::b', '--format', 'json'],
      policy,
    );
    expect(JSON.parse(r.out)).toEqual({
      decision: 'allowed',
      matched: [{ policy: '-', index: 0, sid: null, effect: 'Allow' }],
    });
  });

  it.each([
    ['a missing --action', ['--resource', '*'], /--action is required/],
    ['a missing --resource', ['--action', 's3:GetObject'], /--resource is required/],
    [
      'an unreadable file',
      ['--policy', '/nonexistent/p.json', '--action', 's3:GetObject', '--resource', '*'],
      /cannot read/,
    ],
    [
      'invalid JSON',
      ['--policy', 'BROKEN', '--action', 's3:GetObject', '--resource', '*'],
      /is not valid JSON/,
    ],
    [
      'bad --context syntax',
      ['--action', 's3:GetObject', '--resource', '*', '--context', 'novalue'],
      /KEY=VALUE/,
    ],
    [
      'a value that does not fit its key',
      ['--action', 's3:GetObject', '--resource', '*', '--context', 'aws:SourceIp=300.1.1.1'],
      /not an IP address/,
    ],
    [
      'a bad date',
      ['--action', 's3:GetObject', '--resource', '*', '--context', 'aws:CurrentTime=tomorrow'],
      /not a date/,
    ],
    [
      'a bad number',
      ['--action', 's3:GetObject', '--resource', '*', '--context', 'aws:MultiFactorAuthAge=old'],
      /not a number/,
    ],
    ['an unknown option', ['--action', 's3:GetObject', '--resource', '*', '--nope'], /Unknown option/],
    ['a bad --format', ['--action', 's3:GetObject', '--resource', '*', '--format', 'xml'], /--format/],
  ])(
    'exits 2 on %s',
    async (_what, args, message) => {
      const resolved = args.map((a) => (a === 'BROKEN' ? file('broken.json') : a));
      const r = await simulate(resolved);
      expect(r.code).toBe(2);
      expect(r.err).toMatch(message);
      expect(r.out).toBe('');
    },
    60_000,
  );

  it('runs through the real bin', async () => {
    const { stdout } = await run(
      process.execPath,
      [
        'bin/iam-workbench.js',
        'simulate',
        '--policy',
        file('identity.json'),
        '--action',
        's3:GetObject',
        '--resource',
        OBJECT,
        '--principal',
        USER,
        '--format',
        'json',
      ],
      { cwd: join(import.meta.dirname, '../..') },
    );
    expect(JSON.parse(stdout)).toEqual({
      decision: 'allowed',
      matched: [{ policy: file('identity.json'), index: 0, sid: 'Home', effect: 'Allow' }],
    });
  }, 60_000);
});
