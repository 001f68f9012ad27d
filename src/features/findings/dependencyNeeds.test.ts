import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogView } from '../../catalog/catalog';
import { loadCatalogFromDisk } from '../../catalog/node';
import { applyLeastPrivilegeFix } from '../../policy/leastPrivilege';
import { passRoleStatement } from '../../policy/leastPrivilege/dependencies';
import type { JsonValue } from '../../policy/model';
import { buildModel } from '../../policy/parse';
import { dependencyNeeds } from './dependencyNeeds';

let catalog: CatalogView;
beforeAll(async () => {
  catalog = (await loadCatalogFromDisk()).view;
});

function policy(...statements: JsonValue[]): JsonValue {
  return { Version: '2012-10-17', Statement: statements };
}

const list = { Effect: 'Allow', Action: 'ecs:ListClusters', Resource: '*' };
const runTask = {
  Effect: 'Allow',
  Action: ['ecs:DescribeTasks', 'ecs:RunTask'],
  Resource: 'arn:aws:ecs:eu-west-1:111122223333:task-definition/web:*',
};

describe('dependencyNeeds', () => {
  it("offers iam:PassRole for ecs:RunTask with the ECS tasks principal and the block's account", () => {
    const needs = dependencyNeeds(buildModel(policy(list, runTask)), catalog, 1, 'ECS:runtask');
    expect(needs).toHaveLength(1);
    const [need] = needs;
    expect(need).toMatchObject({
      dependencies: ['iam:PassRole'],
      passRole: true,
      principals: ['ecs-tasks.amazonaws.com'],
    });
    expect(need?.fix.index).toBe(1);
    expect(need?.fix.needsRoleArn?.roleArnHint).toBe('arn:aws:iam::111122223333:role/');
  });

  it('is empty for another statement, for an action without dependencies, and once iam:PassRole is allowed', () => {
    const document = policy(list, runTask);
    expect(dependencyNeeds(buildModel(document), catalog, 0, 'ecs:RunTask')).toEqual([]);
    expect(dependencyNeeds(buildModel(document), catalog, 1, 'ecs:DescribeTasks')).toEqual([]);
    const [need] = dependencyNeeds(buildModel(document), catalog, 1, 'ecs:RunTask');
    if (!need) throw new Error('no need');
    const role = 'arn:aws:iam::111122223333:role/web-task';
    const fixed = applyLeastPrivilegeFix(document, need.fix, [passRoleStatement([role], ['ecs:RunTask'])]);
    expect(fixed).toEqual(
      policy(list, runTask, {
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: [role],
        Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
      }),
    );
    expect(dependencyNeeds(buildModel(fixed), catalog, 1, 'ecs:RunTask')).toEqual([]);
  });

  it('offers the other dependent actions with a fix that names them', () => {
    const create = {
      Effect: 'Allow',
      Action: 'lambda:CreateFunction',
      Resource: 'arn:aws:lambda:eu-west-1:111122223333:function:web-*',
    };
    const needs = dependencyNeeds(buildModel(policy(create)), catalog, 0, 'lambda:CreateFunction');
    expect(needs.map((n) => [n.passRole, n.dependencies])).toEqual([
      [true, ['iam:PassRole']],
      [false, ['lambda:PassCapacityProvider']],
    ]);
    expect(needs[1]?.fix.label).toBe('Add lambda:PassCapacityProvider');
    expect(needs[0]?.principals).toEqual(['lambda.amazonaws.com']);
  });
});
