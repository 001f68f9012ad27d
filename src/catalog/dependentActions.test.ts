import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogView } from './catalog';
import {
  DEPENDENT_ACTION_SOURCES,
  DEPENDENT_ACTIONS_READ,
  EXTRA_DEPENDENT_ACTIONS,
  PASSED_TO_SERVICE,
  SAR_DEPENDENT_ACTIONS,
  dependencySourceFor,
  dependentActionsTable,
  passedToServiceFor,
} from './dependentActions';
import { loadCatalogFromDisk } from './node';

let view: CatalogView;
beforeAll(async () => {
  view = (await loadCatalogFromDisk()).view;
});

function exists(action: string): boolean {
  const [prefix = '', name = ''] = action.split(':');
  return view.actionDetail(prefix, name) !== undefined;
}

describe('dependent actions table', () => {
  const table = dependentActionsTable();

  it('names its sources with a title, an address and the date read', () => {
    expect(DEPENDENT_ACTION_SOURCES.length).toBeGreaterThan(5);
    for (const source of DEPENDENT_ACTION_SOURCES) {
      expect(source.title.length).toBeGreaterThan(10);
      expect(source.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
      expect(source.read).toBe(DEPENDENT_ACTIONS_READ);
    }
    expect(new Set(DEPENDENT_ACTION_SOURCES.map((s) => s.id)).size).toBe(DEPENDENT_ACTION_SOURCES.length);
    for (const extra of EXTRA_DEPENDENT_ACTIONS)
      expect(DEPENDENT_ACTION_SOURCES.some((s) => s.id === extra.source)).toBe(true);
    for (const entry of Object.values(PASSED_TO_SERVICE))
      expect(DEPENDENT_ACTION_SOURCES.some((s) => s.id === entry.source)).toBe(true);
  });

  it('covers iam:PassRole for the services that pass roles', () => {
    for (const action of [
      'ecs:RunTask',
      'ecs:StartTask',
      'lambda:CreateFunction',
      'lambda:UpdateFunctionConfiguration',
      'glue:CreateJob',
      'ec2:RunInstances',
      'ec2:AssociateIamInstanceProfile',
      'cloudformation:CreateStack',
      'sagemaker:CreateTrainingJob',
      'states:CreateStateMachine',
      'codebuild:CreateProject',
      'batch:CreateComputeEnvironment',
      'medialive:CreateChannel',
    ]) {
      expect(table.get(action.toLowerCase()), action).toContain('iam:PassRole');
    }
    const passRole = [...table.values()].filter((deps) => deps.includes('iam:PassRole')).length;
    expect(passRole).toBeGreaterThan(250);
  });

  it('names only actions the catalog knows, in their canonical case', () => {
    let pairs = 0;
    for (const [action, requires] of table) {
      const [prefix = '', name = ''] = action.split(':');
      expect(view.actionDetail(prefix, name), action).toBeDefined();
      for (const r of requires) {
        pairs++;
        expect(exists(r), `${action} -> ${r}`).toBe(true);
        const [rp = '', rn = ''] = r.split(':');
        expect(view.actionDetail(rp, rn)?.name).toBe(rn);
      }
    }
    expect(pairs).toBeGreaterThan(4000);
    for (const prefix of Object.keys(SAR_DEPENDENT_ACTIONS)) expect(view.service(prefix), prefix).toBeDefined();
  });

  it('is built into the catalog', () => {
    expect(view.actionDetail('ecs', 'RunTask')?.dependentActions).toEqual(['iam:PassRole']);
    expect(view.actionDetail('glue', 'CreateJob')?.dependentActions).toContain('iam:PassRole');
    expect(view.actionDetail('s3', 'GetObject')?.dependentActions).toEqual([]);
  });

  it('gives the iam:PassedToService principal where a source names it, and nothing elsewhere', () => {
    expect(passedToServiceFor('ecs:RunTask')?.principal).toBe('ecs-tasks.amazonaws.com');
    expect(passedToServiceFor('ECS:runtask')?.principal).toBe('ecs-tasks.amazonaws.com');
    expect(passedToServiceFor('lambda:CreateFunction')?.principal).toBe('lambda.amazonaws.com');
    expect(passedToServiceFor('glue:CreateJob')?.principal).toBe('glue.amazonaws.com');
    expect(passedToServiceFor('ec2:RunInstances')?.principal).toBe('ec2.amazonaws.com');
    expect(passedToServiceFor('states:CreateStateMachine')?.principal).toBe('states.amazonaws.com');
    expect(passedToServiceFor('sagemaker:CreateTrainingJob')?.source.id).toBe('sagemaker');
    expect(passedToServiceFor('ecs:CreateExpressGatewayService')).toBeUndefined();
    expect(passedToServiceFor('batch:CreateComputeEnvironment')).toBeUndefined();
    expect(passedToServiceFor('ec2:CreateVpc')).toBeUndefined();
    expect(passedToServiceFor('constructor:x')).toBeUndefined();
    expect(passedToServiceFor('nocolon')).toBeUndefined();
  });

  it('says where a dependency comes from', () => {
    expect(dependencySourceFor('ecs:RunTask')?.id).toBe('sar');
    expect(dependencySourceFor('glue:CreateJob')?.id).toBe('glue');
  });
});
