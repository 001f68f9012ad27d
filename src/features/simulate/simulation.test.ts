import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogView } from '../../catalog/catalog';
import { loadCatalogFromDisk } from '../../catalog/node';
import type { JsonValue } from '../../policy/model';
import { buildModel } from '../../policy/parse';
import { conditionText, DECISION_LABELS, explain, statementLabel } from './explain';
import { actionOptions, contextKeyOptions, fillTemplate, firstPlaceholder, resourceHeaders, resourceTypeOptions } from './options';
import { newScenario, NO_POLICIES, type Scenario } from './scenario';
import {
  buildContext,
  buildPolicySet,
  checkContextValue,
  checkPrincipal,
  DRAFT_POLICY,
  principalKeys,
  readPolicyText,
  requestActions,
  requestResources,
  runScenario,
} from './simulation';

let catalog: CatalogView;
beforeAll(async () => {
  const loader = await loadCatalogFromDisk();
  await loader.loadServices(['ecs', 's3', 'ec2']);
  catalog = loader.view;
}, 60_000);

const doc = (...Statement: object[]) => JSON.parse(JSON.stringify({ Version: '2012-10-17', Statement })) as JsonValue;

const ECS = doc(
  { Sid: 'RunTasks', Effect: 'Allow', Action: 'ecs:RunTask', Resource: '*' },
  {
    Sid: 'DenyProd',
    Effect: 'Deny',
    Action: 'ecs:*',
    Resource: 'arn:aws:ecs:us-east-1:111122223333:task-definition/prod-*',
  },
  {
    Sid: 'StopWithMfa',
    Effect: 'Allow',
    Action: 'ecs:StopTask',
    Resource: '*',
    Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
  },
);

function scenario(change: Partial<Scenario>): Scenario {
  return { ...newScenario('t', 'managed'), ...change };
}

function decisions(s: Scenario, draft: JsonValue = ECS): string[][] {
  const run = runScenario(s, draft, buildModel(draft), catalog);
  return run.rows.map((row) => row.map((c) => c.result.decision));
}

describe('runScenario', () => {
  it('allows through one block and denies through a Deny block, per resource', () => {
    const s = scenario({
      actions: ['ecs:runtask'],
      resources: [
        'arn:aws:ecs:us-east-1:111122223333:task-definition/dev-app:1',
        'arn:aws:ecs:us-east-1:111122223333:task-definition/prod-app:1',
      ],
    });
    expect(decisions(s)).toEqual([['allowed', 'explicit-deny']]);
    const run = runScenario(s, ECS, buildModel(ECS), catalog);
    expect(run.actionList.actions).toEqual(['ecs:RunTask']);
    const denied = run.rows[0]?.[1];
    expect(denied?.result.matched).toEqual([
      { policy: DRAFT_POLICY, scope: 'identity', index: 1, sid: 'DenyProd', effect: 'Deny' },
    ]);
    const lines = explain(denied!.result, 'ecs:RunTask', denied!.resource, 'identity');
    expect(lines[0]).toMatchObject({ tone: 'deny', text: 'Statement 2 (Sid DenyProd) of the draft denies it.' });
    expect(lines[0]?.statement).toMatchObject({ index: 1, policy: DRAFT_POLICY });
  });

  it('says which condition failed and what the request lacks, and allows once the context has it', () => {
    const s = scenario({ actions: ['ecs:StopTask'] });
    const run = runScenario(s, ECS, buildModel(ECS), catalog);
    const cell = run.rows[0]![0]!;
    expect(cell.result.decision).toBe('implicit-deny');
    const text = explain(cell.result, cell.action, cell.resource, 'identity').map((l) => l.text);
    expect(text).toContain(
      'Statement 3 (Sid StopWithMfa) of the draft would allow it, but the condition aws:MultiFactorAuthPresent Bool true failed: the request has no aws:MultiFactorAuthPresent.',
    );
    expect(text.some((t) => t.includes('give the request aws:MultiFactorAuthPresent in the context'))).toBe(true);
    expect(decisions({ ...s, context: [{ key: 'aws:multifactorauthpresent', value: 'true' }] })).toEqual([['allowed']]);
    expect(decisions({ ...s, context: [{ key: 'aws:MultiFactorAuthPresent', value: 'false' }] })).toEqual([
      ['implicit-deny'],
    ]);
  });

  it('lets a permissions boundary limit what the draft allows, and names it', () => {
    const boundary = JSON.stringify(doc({ Effect: 'Allow', Action: 'ecs:Describe*', Resource: '*' }));
    const s = scenario({
      actions: ['ecs:RunTask', 'ecs:DescribeTasks'],
      policies: { ...NO_POLICIES, boundary },
    });
    const draft = doc({ Effect: 'Allow', Action: 'ecs:*', Resource: '*' });
    const run = runScenario(s, draft, buildModel(draft), catalog);
    expect(run.rows.map((r) => r[0]?.result.decision)).toEqual(['implicit-deny', 'allowed']);
    const lines = explain(run.rows[0]![0]!.result, 'ecs:RunTask', '*', 'identity');
    expect(lines[0]?.text).toBe('The permissions boundary does not allow ecs:RunTask on *.');
    expect(lines[1]?.text).toMatch(/^The permissions boundary caps what identity policies grant/);
    const allowed = explain(run.rows[1]![0]!.result, 'ecs:DescribeTasks', '*', 'identity').map((l) => l.text);
    expect(allowed).toEqual([
      'Statement 1 of the draft allows it.',
      'Statement 1 of the permissions boundary allows it within the permissions boundary.',
    ]);
  });

  it('puts the draft where the scenario says: as a boundary it limits a pasted identity policy', () => {
    const identity = JSON.stringify(doc({ Effect: 'Allow', Action: '*', Resource: '*' }));
    const draft = doc({ Effect: 'Allow', Action: 's3:Get*', Resource: '*' });
    const s = scenario({ draftAs: 'boundary', actions: ['s3:GetObject', 's3:PutObject'], policies: { ...NO_POLICIES, identity: [identity] } });
    expect(decisions(s, draft)).toEqual([['allowed'], ['implicit-deny']]);
    const scp = scenario({ draftAs: 'scp', actions: ['s3:GetObject', 's3:PutObject'], policies: { ...NO_POLICIES, identity: [identity] } });
    expect(decisions(scp, draft)).toEqual([['allowed'], ['implicit-deny']]);
  });

  it('reports pasted policies that do not read and leaves them out', () => {
    const built = buildPolicySet(ECS, 'identity', { ...NO_POLICIES, boundary: '{"Statement": [', scps: ['', '[]'], session: '{}' });
    expect(built.problems.get('boundary')).toMatch(/^Not valid JSON/);
    expect(built.problems.get('scps.1')).toBe('A policy is a JSON object with a Statement.');
    expect(built.problems.get('session')).toBe('This policy has no Statement.');
    expect(built.problems.has('scps.0')).toBe(false);
    expect(built.set.boundary).toBeUndefined();
    expect(built.set.scps).toEqual([]);
    expect(readPolicyText('  ')).toBeUndefined();
  });

  it('lists the statements of the draft the evaluator leaves out', () => {
    const draft = doc({ Effect: 'allow', Action: 's3:GetObject', Resource: '*' });
    const run = runScenario(scenario({ actions: ['s3:GetObject'] }), draft, buildModel(draft), catalog);
    expect(run.skipped).toEqual([{ index: 0, why: 'its Effect is neither "Allow" nor "Deny"' }]);
  });
});

describe('actions and resources', () => {
  it('expands chosen wildcards and keeps unknown names as typed', () => {
    const list = requestActions('chosen', ['ecs:Describe*', 'ecs:describetasks', 'foo:Bar', 'ecs:Nothing*'], buildModel(ECS), catalog);
    expect(list.actions[0]).toBe('ecs:DescribeCapacityProviders');
    expect(list.actions.filter((a) => a === 'ecs:DescribeTasks')).toHaveLength(1);
    expect(list.actions).toContain('foo:Bar');
    expect(list.unknown).toEqual(['foo:Bar']);
    expect(list.empty).toEqual(['ecs:Nothing*']);
  });

  it('takes every action the draft names in table mode, and counts NotAction statements', () => {
    const draft = doc(
      { Effect: 'Allow', Action: ['ecs:RunTask', 'ecs:StopT*', 'ECS:runtask'], Resource: '*' },
      { Effect: 'Deny', NotAction: 's3:*', Resource: '*' },
    );
    const list = requestActions('draft', [], buildModel(draft), catalog);
    expect(list.actions).toEqual(['ecs:RunTask', 'ecs:StopTask']);
    expect(list.notActions).toBe(1);
    const all = requestActions('draft', [], buildModel(doc({ Effect: 'Allow', Action: '*', Resource: '*' })), catalog);
    expect(all.actions).toHaveLength(1_000);
    expect(all.total).toBe(catalog.allActions.length);
  });

  it('trims resources, drops repeats, and falls back to "*"', () => {
    expect(requestResources([' a ', 'a', '', 'b'])).toEqual(['a', 'b']);
    expect(requestResources(['  '])).toEqual(['*']);
  });
});

describe('principal and context', () => {
  it('derives the principal keys IAM adds', () => {
    expect(principalKeys('arn:aws:iam::111122223333:user/dev/Ana')).toEqual([
      { key: 'aws:PrincipalArn', value: 'arn:aws:iam::111122223333:user/dev/Ana' },
      { key: 'aws:PrincipalType', value: 'User' },
      { key: 'aws:username', value: 'Ana' },
      { key: 'aws:PrincipalAccount', value: '111122223333' },
    ]);
    expect(principalKeys('arn:aws:sts::111122223333:assumed-role/Dev/ana')[0]).toEqual({
      key: 'aws:PrincipalArn',
      value: 'arn:aws:iam::111122223333:role/Dev',
    });
    expect(principalKeys('ec2.amazonaws.com')).toEqual([{ key: 'aws:PrincipalServiceName', value: 'ec2.amazonaws.com' }]);
    expect(checkPrincipal('arn:aws:iam::111122223333:role/Dev')).toBeUndefined();
    expect(checkPrincipal('ec2.amazonaws.com')).toBeUndefined();
    expect(checkPrincipal('Ana')).toMatch(/^Not an ARN/);
  });

  it('types values by the catalog, splits multivalued keys, and reports bad values and repeats', () => {
    const built = buildContext(
      [
        { key: 'aws:MultiFactorAuthPresent', value: 'yes' },
        { key: 'aws:SourceIp', value: '10.0.0.1' },
        { key: 'aws:TagKeys', value: 'team, env' },
        { key: 'aws:sourceip', value: '10.0.0.2' },
        { key: 'aws:PrincipalArn', value: 'arn:aws:iam::111122223333:role/Other' },
        { key: '', value: '' },
        { key: 'aws:ResourceTag/${TagKey}', value: 'x' },
      ],
      'arn:aws:iam::111122223333:user/Ana',
      catalog,
    );
    expect(built.types.slice(0, 3)).toEqual(['Bool', 'IPAddress', 'ArrayOfString']);
    expect(built.problems).toEqual(['"yes" is not true or false', undefined, undefined, 'aws:sourceip is given twice', undefined, undefined, 'Replace ${TagKey} in the key']);
    expect(built.context['aws:TagKeys']).toEqual(['team', 'env']);
    expect(built.context['aws:PrincipalArn']).toBe('arn:aws:iam::111122223333:role/Other');
    expect(built.derived.map((d) => d.key)).toEqual(['aws:PrincipalType', 'aws:username', 'aws:PrincipalAccount']);
    expect(checkContextValue('Date', '2026-01-31T12:00:00Z')).toBeUndefined();
    expect(checkContextValue('Numeric', '')).toBe('Enter a number');
    expect(checkContextValue(undefined, 'anything')).toBeUndefined();
  });
});

describe('options', () => {
  it('offers the policies keys first, then the actions keys, then the global keys, each with its type', () => {
    const options = contextKeyOptions([ECS], ['ecs:RunTask'], catalog);
    expect(options[0]).toMatchObject({ key: 'aws:MultiFactorAuthPresent', group: 'In the policies', type: 'Bool' });
    const cluster = options.find((o) => o.key === 'ecs:cluster');
    expect(cluster).toMatchObject({ group: 'Of the chosen actions', type: 'ARN' });
    expect(options.filter((o) => o.key.toLowerCase() === 'aws:multifactorauthpresent')).toHaveLength(1);
    expect(options.find((o) => o.key === 'aws:SourceIp')).toMatchObject({ group: 'Global keys', type: 'IPAddress' });
  });

  it('offers the resource types of the chosen actions with filled-in templates', () => {
    const types = resourceTypeOptions(['s3:GetObject', 's3:ListBucket'], catalog);
    const object = types.find((t) => t.name === 'object');
    expect(object?.actions).toEqual(['s3:GetObject']);
    expect(types.find((t) => t.name === 'bucket')?.actions).toEqual(['s3:ListBucket']);
    const arn = fillTemplate('arn:${Partition}:ecs:${Region}:${Account}:cluster/${ClusterName}', 'arn:aws:iam::444455556666:user/a');
    expect(arn).toBe('arn:aws:ecs:us-east-1:444455556666:cluster/${ClusterName}');
    expect(firstPlaceholder(arn)).toEqual({ start: arn.indexOf('${'), end: arn.length });
    expect(firstPlaceholder('*')).toBeUndefined();
  });

  it('heads result columns with the resource part of each ARN unless two share it', () => {
    expect(resourceHeaders(['*', 'arn:aws:ecs:us-east-1:111122223333:task-definition/dev-app:1'])).toEqual([
      'Resource "*"',
      'task-definition/dev-app:1',
    ]);
    expect(resourceHeaders(['arn:aws:s3:::a/k', 'arn:aws-cn:s3:::a/k'])).toEqual(['arn:aws:s3:::a/k', 'arn:aws-cn:s3:::a/k']);
    expect(resourceHeaders([`arn:aws:s3:::${'b'.repeat(60)}`])[0]).toMatch(/^…b{42}$/);
  });

  it('expands the draft actions for the picker', () => {
    expect(actionOptions(['ecs:StopT*', 'ecs:StopTask', 'ecs:runtask'], catalog).map((a) => a.name)).toEqual(['StopTask', 'RunTask']);
  });
});

describe('explain', () => {
  it('labels decisions and statements, and states a condition with what the request had', () => {
    expect(DECISION_LABELS['implicit-deny']).toBe('Implicit deny');
    expect(statementLabel({ policy: 'the draft', scope: 'identity', index: 0, sid: '' })).toBe('statement 1 of the draft');
    expect(
      conditionText({
        kind: 'condition',
        policy: 'p',
        scope: 'identity',
        index: 0,
        sid: null,
        effect: 'Allow',
        operator: 'IpAddress',
        key: 'aws:SourceIp',
        expected: ['10.0.0.0/8', null],
        actual: ['192.0.2.1'],
        message: '',
      }),
    ).toBe('the condition aws:SourceIp IpAddress 10.0.0.0/8, (a policy variable with no value) failed: the request has aws:SourceIp = 192.0.2.1');
  });
});
