import { describe, expect, it } from 'vitest';
import { descriptionProblem, policyNameProblem, policyPathProblem, targetNameProblem } from './iamNames';

describe('IAM names', () => {
  it('checks policy names', () => {
    expect(policyNameProblem('EcsReadOnly')).toBeNull();
    expect(policyNameProblem('a+b=c,d.e@f_g-h')).toBeNull();
    expect(policyNameProblem('')).toMatch(/Enter/);
    expect(policyNameProblem('Ecs read only')).toMatch(/letters, digits/);
    expect(policyNameProblem('x'.repeat(129))).toMatch(/128/);
  });

  it('checks paths', () => {
    expect(policyPathProblem('')).toBeNull();
    expect(policyPathProblem('/')).toBeNull();
    expect(policyPathProblem('/team/data/')).toBeNull();
    expect(policyPathProblem('team/')).toMatch(/starts and ends with "\/"/);
    expect(policyPathProblem('/team')).toMatch(/starts and ends with "\/"/);
    expect(policyPathProblem('/my team/')).toMatch(/starts and ends with "\/"/);
  });

  it('checks descriptions and target names', () => {
    expect(descriptionProblem('Read ECS')).toBeNull();
    expect(descriptionProblem('x'.repeat(1001))).toMatch(/1,000/);
    expect(targetNameProblem('role', 'ecs-readers')).toBeNull();
    expect(targetNameProblem('role', 'x'.repeat(65))).toMatch(/64/);
    expect(targetNameProblem('group', 'x'.repeat(65))).toBeNull();
    expect(targetNameProblem('user', 'alice smith')).toMatch(/letters, digits/);
  });
});
