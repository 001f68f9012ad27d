import { beforeAll, describe, expect, it } from 'vitest';
import type { SimulationResultInfo } from '../../api/contract';
import type { CatalogView } from '../../catalog/catalog';
import { loadCatalogFromDisk } from '../../catalog/node';
import type { JsonValue } from '../../policy/model';
import { buildModel } from '../../policy/parse';
import { compare, comparisonSummary, MAX_COMPARED_ACTIONS, planComparison, requestKey } from './iamComparison';
import { newScenario, NO_POLICIES, type Scenario } from './scenario';
import { runScenario } from './simulation';

let catalog: CatalogView;
beforeAll(async () => {
  const loader = await loadCatalogFromDisk();
  await loader.loadServices(['ecs', 's3', 'iam', 'sts', 'ec2']);
  catalog = loader.view;
}, 60_000);

const doc = (...Statement: object[]) => JSON.parse(JSON.stringify({ Version: '2012-10-17', Statement })) as JsonValue;
const DEV = 'arn:aws:ecs:us-east-1:111122223333:task-definition/dev-app:1';
const PROD = 'arn:aws:ecs:us-east-1:111122223333:task-definition/prod-app:1';
const ECS = doc(
  { Sid: 'RunTasks', Effect: 'Allow', Action: 'ecs:RunTask', Resource: '*' },
  { Sid: 'DenyProd', Effect: 'Deny', Action: 'ecs:*', Resource: 'arn:aws:ecs:us-east-1:111122223333:task-definition/prod-*' },
);

function scenario(change: Partial<Scenario>): Scenario {
  return { ...newScenario('t', 'managed'), actions: ['ecs:RunTask'], resources: [DEV, PROD], ...change };
}

function plan(s: Scenario, draft: JsonValue = ECS, kind: 'managed' | 'trust' = 'managed') {
  const run = runScenario(s, draft, buildModel(draft), catalog);
  return { run, plan: planComparison(run, s.principal, kind, s.draftAs, catalog) };
}

describe('planComparison', () => {
  it('sends the draft, the requests, the caller and the typed context', () => {
    const { plan: p } = plan(
      scenario({
        context: [
          { key: 'aws:MultiFactorAuthPresent', value: 'true' },
          { key: 'aws:SourceIp', value: '203.0.113.5' },
          { key: 'aws:TagKeys', value: 'env,team' },
          { key: 'aws:ResourceAccount', value: '444455556666' },
        ],
        policies: { ...NO_POLICIES, boundary: JSON.stringify(doc({ Effect: 'Allow', Action: 'ecs:*', Resource: '*' })) },
      }),
    );
    expect(p.blocked).toBeUndefined();
    expect(p.input).toMatchObject({
      policies: [JSON.stringify(ECS)],
      boundary: JSON.stringify(doc({ Effect: 'Allow', Action: 'ecs:*', Resource: '*' })),
      actions: ['ecs:RunTask'],
      resources: [DEV, PROD],
      callerArn: 'arn:aws:iam::111122223333:user/Ana',
      resourceOwner: '444455556666',
    });
    expect(p.input?.context).toEqual(
      expect.arrayContaining([
        { key: 'aws:MultiFactorAuthPresent', type: 'boolean', values: ['true'] },
        { key: 'aws:SourceIp', type: 'ip', values: ['203.0.113.5'] },
        { key: 'aws:TagKeys', type: 'stringList', values: ['env', 'team'] },
        { key: 'aws:PrincipalArn', type: 'string', values: ['arn:aws:iam::111122223333:user/Ana'] },
        { key: 'aws:username', type: 'string', values: ['Ana'] },
      ]),
    );
  });

  it('blocks what IAM’s simulator cannot answer: a session policy, a trust policy, a role session with a resource policy, an empty set', () => {
    const allow = JSON.stringify(doc({ Effect: 'Allow', Action: '*', Resource: '*' }));
    expect(plan(scenario({ policies: { ...NO_POLICIES, session: allow } })).plan.blocked).toMatch(/session policy/);
    const trust = doc({ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' });
    expect(plan(scenario({ draftAs: 'resource', actions: ['sts:AssumeRole'] }), trust, 'trust').plan.blocked).toMatch(/trust policies/);
    expect(
      plan(
        scenario({
          principal: 'arn:aws:sts::111122223333:assumed-role/Dev/ana',
          policies: { ...NO_POLICIES, resource: JSON.stringify(doc({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' })) },
        }),
      ).plan.blocked,
    ).toMatch(/IAM user, group or role/);
    expect(plan(scenario({ context: [{ key: 'aws:TagKeys', value: '' }] })).plan.blocked).toMatch(/empty set/);
    // a role session without a resource policy is fine: its keys travel in the context
    expect(plan(scenario({ principal: 'arn:aws:sts::111122223333:assumed-role/Dev/ana' })).plan.input?.callerArn).toBeUndefined();
  });

  it('leaves out requests one by one: unknown actions, resources that are not ARNs, roles with a resource policy', () => {
    const { plan: p } = plan(scenario({ actions: ['ecs:RunTask', 'ecs:Teleport'], resources: [DEV, 'arn:aws:ecs:us-east-1:111122223333:task-definition/${Name}'] }));
    expect(p.input?.actions).toEqual(['ecs:RunTask']);
    expect(p.input?.resources).toEqual([DEV]);
    expect(p.excluded.get(requestKey('ecs:Teleport', DEV))).toBe('not an action the catalog knows');
    expect(p.excluded.get(requestKey('ecs:RunTask', 'arn:aws:ecs:us-east-1:111122223333:task-definition/${Name}'))).toBe(
      'the resource is not a complete ARN',
    );
    const role = 'arn:aws:iam::111122223333:role/Dev';
    const withResourcePolicy = plan(
      scenario({
        actions: ['iam:GetRole'],
        resources: [role, '*'],
        policies: { ...NO_POLICIES, resource: JSON.stringify(doc({ Effect: 'Allow', Principal: '*', Action: '*', Resource: '*' })) },
      }),
    ).plan;
    expect(withResourcePolicy.excluded.get(requestKey('iam:GetRole', role))).toMatch(/IAM roles/);
    expect(withResourcePolicy.input?.resources).toEqual(['*']);
  });

  it(`sends at most ${MAX_COMPARED_ACTIONS} actions`, () => {
    const { plan: p } = plan(scenario({ mode: 'draft', resources: ['*'] }), doc({ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }));
    expect(p.input?.actions).toHaveLength(MAX_COMPARED_ACTIONS);
    expect([...p.excluded.values()]).toContain(`only the first ${MAX_COMPARED_ACTIONS} actions are compared`);
  });
});

describe('compare', () => {
  it('agrees, differs, or is not comparable with the reason; never counts the last as a disagreement', () => {
    const s = scenario({ actions: ['ecs:RunTask', 'ecs:Teleport'] });
    const { run, plan: p } = plan(s);
    const iam = (resource: string, decision: SimulationResultInfo['decision']): SimulationResultInfo => ({
      action: 'ecs:RunTask',
      resource,
      decision,
      matched: [],
      missingContextValues: [],
    });
    const c = compare(run, p, [iam(DEV, 'allowed'), iam(PROD, 'implicit-deny')]);
    expect(c.requests.map((r) => [r.action, r.resource, r.agreement, r.iam ?? null])).toEqual([
      ['ecs:RunTask', DEV, 'agrees', 'allowed'],
      ['ecs:RunTask', PROD, 'differs', 'implicit-deny'],
      ['ecs:Teleport', DEV, 'not-comparable', null],
      ['ecs:Teleport', PROD, 'not-comparable', null],
    ]);
    expect(c.requests[2]?.reason).toBe('not an action the catalog knows');
    expect(comparisonSummary(c)).toBe('IAM agrees on 1 of 2 requests · 1 differs · 2 not comparable');
    expect(comparisonSummary(compare(run, p, [iam(DEV, 'allowed'), iam(PROD, 'explicit-deny')]))).toBe(
      'IAM agrees on 2 of 2 requests · 2 not comparable',
    );
  });
});
