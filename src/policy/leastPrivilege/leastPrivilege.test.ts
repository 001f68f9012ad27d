import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogView } from '../../catalog/catalog';
import { loadCatalogFromDisk } from '../../catalog/node';
import { main } from '../../cli/main';
import type { CliIo } from '../../cli/io';
import { analyze } from '../analyze';
import type { JsonValue } from '../model';
import { buildModel } from '../parse';
import { applyLeastPrivilegeFix, leastPrivilegeFindings } from './index';
import { keyMatches, templatePattern } from './catalogFacts';
import { passRoleStatement } from './dependencies';
import { whyNotMerge } from './placement';

let catalog: CatalogView;
beforeAll(async () => {
  catalog = (await loadCatalogFromDisk()).view;
});

function policy(...statements: JsonValue[]): JsonValue {
  return { Version: '2012-10-17', Statement: statements };
}

function findings(document: JsonValue) {
  return leastPrivilegeFindings(buildModel(document), catalog);
}

describe('dependent actions', () => {
  const runTask = {
    Effect: 'Allow',
    Action: 'ecs:RunTask',
    Resource: 'arn:aws:ecs:eu-west-1:111122223333:task-definition/web:*',
  };

  it('reports iam:PassRole missing for ecs:RunTask, with the ECS tasks principal', () => {
    const found = findings(policy(runTask));
    const passRole = found.find((f) => f.code === 'missing-pass-role');
    expect(passRole?.pointer).toBe('/Statement/0/Action');
    expect(passRole?.severity).toBe('warning');
    expect(passRole?.message).toContain('ecs-tasks.amazonaws.com');
    expect(passRole?.fix?.needsRoleArn?.roleArnHint).toBe('arn:aws:iam::111122223333:role/');
  });

  it('is satisfied by any Allow of the dependency', () => {
    const pass = passRoleStatement(['arn:aws:iam::111122223333:role/web'], ['ecs:RunTask']);
    expect(findings(policy(runTask, pass)).filter((f) => f.code === 'missing-pass-role')).toEqual([]);
  });

  it('builds the iam:PassRole statement scoped to the role, never "*"', () => {
    expect(passRoleStatement(['arn:aws:iam::111122223333:role/web'], ['ecs:RunTask'])).toEqual({
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: ['arn:aws:iam::111122223333:role/web'],
      Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
    });
    // no principal known for Batch: no condition rather than a guess
    expect(
      passRoleStatement(['arn:aws:iam::1:role/r'], ['batch:CreateComputeEnvironment']).Condition,
    ).toBeUndefined();
    // two services: both principals
    expect(
      passRoleStatement(['arn:aws:iam::1:role/r'], ['lambda:CreateFunction', 'glue:CreateJob']).Condition,
    ).toEqual({
      StringEquals: { 'iam:PassedToService': ['lambda.amazonaws.com', 'glue.amazonaws.com'] },
    });
  });

  it('adds other dependencies scoped like the statement, and "*" only for actions without resources', () => {
    const document = policy({
      Effect: 'Allow',
      Action: 'glue:CreateTableOptimizer',
      Resource: 'arn:aws:glue:eu-west-1:111122223333:table/db/t1',
    });
    const found = findings(document).find((f) => f.code === 'missing-dependent-action');
    expect(found?.message).toContain('glue:GetTable');
    if (!found?.fix) throw new Error('no fix');
    const fixed = applyLeastPrivilegeFix(document, found.fix);
    expect(fixed).toEqual(
      policy(
        {
          Effect: 'Allow',
          Action: 'glue:CreateTableOptimizer',
          Resource: 'arn:aws:glue:eu-west-1:111122223333:table/db/t1',
        },
        {
          Effect: 'Allow',
          Action: 'glue:GetTable',
          Resource: 'arn:aws:glue:eu-west-1:111122223333:table/db/t1',
        },
      ),
    );
    expect(findings(fixed).filter((f) => f.code === 'missing-dependent-action')).toEqual([]);
  });

  it('comes out of analyze() located in the text', () => {
    const text = JSON.stringify(policy(runTask), null, 2);
    const analysis = analyze(text, catalog, { kind: 'managed' });
    const passRole = analysis.findings.find((f) => f.code === 'missing-pass-role');
    expect(passRole?.range?.line).toBeGreaterThan(1);
    expect(passRole && 'fix' in passRole).toBe(false);
  });

  it('says nothing about trust policies', () => {
    expect(leastPrivilegeFindings(buildModel(policy(runTask)), catalog, 'trust')).toEqual([]);
  });
});

describe('condition key applicability', () => {
  const iamBlock = {
    Effect: 'Allow',
    Action: ['iam:ListRoles', 'iam:ListPolicies', 'iam:PassRole'],
    Resource: '*',
    Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
  };

  it('reports a key that applies to only some of the actions', () => {
    const found = findings(policy(iamBlock)).find((f) => f.code === 'condition-key-applies-to-some-actions');
    expect(found?.pointer).toBe('/Statement/0/Condition/StringEquals/iam:PassedToService');
    expect(found?.message).toContain('iam:ListRoles');
    expect(found?.message).toContain('never matches');
  });

  it('moves the other actions to their own block without the key', () => {
    const found = findings(policy(iamBlock)).find((f) => f.code === 'condition-key-applies-to-some-actions');
    if (!found?.fix) throw new Error('no fix');
    expect(applyLeastPrivilegeFix(policy(iamBlock), found.fix)).toEqual(
      policy(
        { ...iamBlock, Action: 'iam:PassRole' },
        { Effect: 'Allow', Action: ['iam:ListRoles', 'iam:ListPolicies'], Resource: '*' },
      ),
    );
  });

  it('leaves global keys and keys every action supports alone', () => {
    const document = policy({
      Effect: 'Allow',
      Action: ['iam:ListRoles', 'iam:ListPolicies'],
      Resource: '*',
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    });
    expect(findings(document).filter((f) => f.code === 'condition-key-applies-to-some-actions')).toEqual([]);
  });

  it('matches keys with a variable part', () => {
    expect(keyMatches('s3:RequestObjectTag/${TagKey}', 's3:RequestObjectTag/team')).toBe(true);
    expect(keyMatches('s3:RequestObjectTag/${TagKey}', 's3:RequestObjectTag/')).toBe(false);
    expect(keyMatches('iam:PassedToService', 'IAM:passedtoservice')).toBe(true);
    expect(templatePattern('arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}')).toBe(
      'arn:*:iam::*:role/*',
    );
  });
});

describe('tighten', () => {
  it('suggests ARNs where Resource is "*" for writes and moves those actions to a block of their own', () => {
    const document = policy({
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject', 's3:ListAllMyBuckets'],
      Resource: '*',
    });
    const found = findings(document).find((f) => f.code === 'tighten-resource-star');
    expect(found?.message).toContain('s3:PutObject');
    expect(found?.message).not.toContain('s3:GetObject');
    if (!found?.fix) throw new Error('no fix');
    expect(applyLeastPrivilegeFix(document, found.fix)).toEqual(
      policy(
        { Effect: 'Allow', Action: ['s3:GetObject', 's3:ListAllMyBuckets'], Resource: '*' },
        { Effect: 'Allow', Action: 's3:PutObject', Resource: [] },
      ),
    );
  });

  it('does not flag reading or listing every resource, nor a Deny on every resource', () => {
    const read = policy({ Effect: 'Allow', Action: ['ecs:Describe*', 'ecs:List*'], Resource: '*' });
    expect(findings(read).map((f) => f.code)).not.toContain('tighten-resource-star');
    const deny = policy({ Effect: 'Deny', Action: 's3:PutObject', Resource: '*' });
    expect(findings(deny).map((f) => f.code)).not.toContain('tighten-resource-star');
  });

  it('finds Write actions in a read-only statement and keeps the rest', () => {
    const document = policy({
      Sid: 'ReadOnly',
      Effect: 'Allow',
      Action: ['s3:GetObject', 's3:PutObject'],
      Resource: 'arn:aws:s3:::b/*',
    });
    const found = findings(document).find((f) => f.code === 'tighten-read-only-grants-write');
    expect(found?.message).toContain('s3:PutObject');
    if (!found?.fix) throw new Error('no fix');
    expect(applyLeastPrivilegeFix(document, found.fix)).toEqual(
      policy({ Sid: 'ReadOnly', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }),
    );
  });

  it('flags "*" actions and Allow with NotAction', () => {
    const codes = findings(
      policy(
        { Effect: 'Allow', Action: 'sqs:*', Resource: 'arn:aws:sqs:*:1:q' },
        { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
      ),
    ).map((f) => f.code);
    expect(codes).toContain('tighten-star-action');
    expect(codes).toContain('tighten-allow-not-action');
  });

  it('leaves a fix alone when its statement is gone', () => {
    const fix = { label: 'x', index: 3, statements: [] };
    const document = policy({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' });
    expect(applyLeastPrivilegeFix(document, fix)).toBe(document);
  });
});

describe('iam-workbench check', () => {
  it('reports a missing dependency and a condition key that does not apply to every action', async () => {
    const text = JSON.stringify(
      policy(
        {
          Effect: 'Allow',
          Action: 'ecs:RunTask',
          Resource: 'arn:aws:ecs:eu-west-1:111122223333:task-definition/web:*',
        },
        {
          Effect: 'Allow',
          Action: ['iam:ListRoles', 'iam:PassRole'],
          Resource: 'arn:aws:iam::111122223333:role/web',
          Condition: { StringEquals: { 'iam:PassedToService': 'lambda.amazonaws.com' } },
        },
      ),
    );
    let out = '';
    const io: CliIo = {
      stdout: (t) => void (out += t),
      stderr: () => {},
      readStdin: () => Promise.resolve(text),
    };
    const code = await main(['check', '--format', 'json', '-'], io);
    const codes = (JSON.parse(out) as { files: { findings: { code: string }[] }[] }).files[0]?.findings.map(
      (f) => f.code,
    );
    expect(codes).toContain('condition-key-applies-to-some-actions');
    expect(codes).not.toContain('missing-pass-role');
    expect(code).toBe(0);
    out = '';
    const without = JSON.stringify(
      policy({ Effect: 'Allow', Action: 'lambda:CreateFunction', Resource: 'arn:aws:lambda:*:1:function:f' }),
    );
    await main(['check', '--format', 'json', '-'], { ...io, readStdin: () => Promise.resolve(without) });
    expect(out).toContain('missing-pass-role');
  });
});

describe('whyNotMerge', () => {
  const statement = (s: JsonValue) => buildModel(policy(s)).statements[0]!;
  it('keeps iam:PassRole out of a block of List actions that take only "*"', () => {
    const list = statement({ Effect: 'Allow', Action: ['iam:ListRoles', 'iam:ListPolicies'], Resource: '*' });
    expect(whyNotMerge(list, 'iam:PassRole', catalog)).toContain('can be limited to ARNs');
    expect(whyNotMerge(list, 'iam:ListUsers', catalog)).toBeUndefined();
  });
  it('keeps an action out of a block whose condition does not apply to it', () => {
    const pass = statement({
      Effect: 'Allow',
      Action: 'iam:PassRole',
      Resource: 'arn:aws:iam::1:role/r',
      Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
    });
    expect(whyNotMerge(pass, 'iam:GetRole', catalog)).toContain('iam:PassedToService');
  });
  it('keeps a "*"-only action out of a block of ARNs', () => {
    const arns = statement({ Effect: 'Allow', Action: 'iam:GetRole', Resource: 'arn:aws:iam::1:role/r' });
    expect(whyNotMerge(arns, 'iam:ListRoles', catalog)).toContain('takes only Resource "*"');
    expect(whyNotMerge(arns, 'iam:UpdateRole', catalog)).toBeUndefined();
  });
});
