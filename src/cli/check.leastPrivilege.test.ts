import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from './main';
import { capture } from './testing';

/** Line 6 holds the first Action, line 8 its condition, line 12 the second Action. */
const POLICY = `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["ecs:ListClusters", "ecs:RunTask"],
      "Resource": "*",
      "Condition": { "ArnEquals": { "ecs:cluster": "arn:aws:ecs:eu-west-1:111122223333:cluster/web" } }
    },
    {
      "Effect": "Allow",
      "Action": "lambda:CreateFunction",
      "Resource": "arn:aws:lambda:eu-west-1:111122223333:function:web-*"
    }
  ]
}
`;

let dir: string;
let file: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'check-lp-test-'));
  file = join(dir, 'tasks.json');
  writeFileSync(file, POLICY);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('iam-workbench check: least privilege', () => {
  it('reports missing dependencies and a condition key that does not apply to an action, as warnings', async () => {
    const run = capture();
    // warnings and suggestions only: exit 0
    expect(await main(['check', file], run.io)).toBe(0);
    const lines = run
      .out()
      .trimEnd()
      .split('\n')
      .map((line) => line.split('  '));
    expect(lines.map((fields) => fields.slice(0, 3))).toEqual([
      [`${file}:6:17`, 'warning', 'missing-pass-role'],
      [`${file}:7:19`, 'suggestion', 'tighten-resource-star'],
      [`${file}:8:52`, 'warning', 'condition-key-applies-to-some-actions'],
      [`${file}:12:17`, 'warning', 'missing-pass-role'],
      [`${file}:12:17`, 'suggestion', 'missing-dependent-action'],
    ]);
    const message = (i: number) => lines[i]?.slice(3).join('  ') ?? '';
    expect(message(0)).toMatch(
      /^ecs:RunTask passes a role and needs iam:PassRole, which this policy does not allow/,
    );
    expect(message(0)).toMatch(/with iam:PassedToService ecs-tasks\.amazonaws\.com\.$/);
    expect(message(2)).toMatch(
      /^ecs:cluster applies to ecs:RunTask but not to ecs:ListClusters: for that action the condition never matches/,
    );
    expect(message(3)).toMatch(/iam:PassedToService lambda\.amazonaws\.com\.$/);
    expect(message(4)).toMatch(/^lambda:CreateFunction also needs lambda:PassCapacityProvider/);
    expect(run.err()).toMatch(/5 problems \(0 errors, 0 security warnings, 3 warnings, 2 suggestions\)/);
  });

  it('gives the JSON pointers of the findings in --format json', async () => {
    const run = capture(POLICY);
    expect(await main(['check', '--format', 'json', '-'], run.io)).toBe(0);
    const result = JSON.parse(run.out()) as { files: { findings: { code: string; path: string }[] }[] };
    expect(result.files[0]?.findings.map((f) => [f.code, f.path])).toEqual([
      ['missing-pass-role', '/Statement/0/Action'],
      ['tighten-resource-star', '/Statement/0/Resource'],
      ['condition-key-applies-to-some-actions', '/Statement/0/Condition/ArnEquals/ecs:cluster'],
      ['missing-pass-role', '/Statement/1/Action'],
      ['missing-dependent-action', '/Statement/1/Action'],
    ]);
  });

  it('is quiet once the dependencies are allowed and the condition sits on the actions it applies to', async () => {
    const fixed = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: 'ecs:RunTask',
          Resource: 'arn:aws:ecs:eu-west-1:111122223333:task-definition/web:*',
          Condition: { ArnEquals: { 'ecs:cluster': 'arn:aws:ecs:eu-west-1:111122223333:cluster/web' } },
        },
        { Effect: 'Allow', Action: 'ecs:ListClusters', Resource: '*' },
        {
          Effect: 'Allow',
          Action: 'iam:PassRole',
          Resource: 'arn:aws:iam::111122223333:role/web-task',
          Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
        },
      ],
    });
    const run = capture(fixed);
    expect(await main(['check', '-'], run.io)).toBe(0);
    expect(run.out()).toBe('');
    expect(run.err()).toMatch(/no problems/);
  });
});
