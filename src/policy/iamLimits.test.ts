import { describe, expect, it } from 'vitest';
import { operations } from '../server/contract';
import { NAME_MAX as SANDBOX_NAME_MAX, QUOTAS as SANDBOX_QUOTAS, checkName, checkPath } from '../sandbox/rules';
import {
  ATTACHED_POLICY_QUOTA,
  NAME_MAX,
  POLICY_VERSION_QUOTA,
  TAGS_MAX,
  descriptionProblem,
  documentCharacterProblem,
  entityNameProblem,
  hasTagProblems,
  pathProblem,
  policyNameProblem,
  roleNameProblem,
  servicePrincipalProblem,
  tagProblems,
} from './iamLimits';

const NAMES = ['a', 'ECS-ReadOnly', 'a+b=c,d.e@f_g-h', '', 'my policy', 'x/y', 'é', 'x'.repeat(64), 'x'.repeat(65), 'x'.repeat(128), 'x'.repeat(129)];
const PATHS = ['/', '/team/', '/a/b/', 'team/', '/team', '/my team/', '//', `/${'x'.repeat(510)}/`, `/${'x'.repeat(511)}/`];

function sandboxAccepts(check: () => unknown): boolean {
  try {
    check();
    return true;
  } catch {
    return false;
  }
}

describe('iamLimits', () => {
  it('agrees with the sandbox, which keeps its own copy of IAM\'s rules on purpose', () => {
    expect(SANDBOX_NAME_MAX).toEqual({
      policyName: NAME_MAX.policy,
      groupName: NAME_MAX.group,
      userName: NAME_MAX.user,
      roleName: NAME_MAX.role,
    });
    expect(SANDBOX_QUOTAS.attachedPoliciesPerPrincipal).toBe(ATTACHED_POLICY_QUOTA);
    expect(SANDBOX_QUOTAS.versionsPerPolicy).toBe(POLICY_VERSION_QUOTA);
    expect(SANDBOX_QUOTAS.tagsPerResource).toBe(TAGS_MAX);
    const fields = { policy: 'policyName', user: 'userName', group: 'groupName', role: 'roleName' } as const;
    for (const kind of ['policy', 'user', 'group', 'role'] as const) {
      for (const name of NAMES) {
        expect([kind, name, entityNameProblem(kind, name) === undefined]).toEqual([
          kind,
          name,
          sandboxAccepts(() => checkName(fields[kind], name)),
        ]);
      }
    }
    for (const path of PATHS) {
      expect([path, pathProblem(path) === undefined]).toEqual([path, sandboxAccepts(() => checkPath('Path', path))]);
    }
  });

  it('agrees with the server contract\'s schemas', () => {
    for (const name of NAMES) {
      const created = operations.createPolicy.input.safeParse({ name, document: '{}' }).success;
      expect([name, created]).toEqual([name, policyNameProblem(name) === undefined]);
      const role = operations.createRole.input.safeParse({
        name,
        trust: { kind: 'services', services: ['lambda.amazonaws.com'] },
      }).success;
      expect([name, role]).toEqual([name, roleNameProblem(name) === undefined]);
      for (const kind of ['user', 'group', 'role'] as const) {
        const attached = operations.attachPolicy.input.safeParse({
          policyArn: 'arn:aws:iam::123456789012:policy/P',
          targets: [{ kind, name }],
        }).success;
        expect([kind, name, attached]).toEqual([kind, name, entityNameProblem(kind, name) === undefined]);
      }
    }
    for (const path of PATHS) {
      const ok = operations.createPolicy.input.safeParse({ name: 'P', path, document: '{}' }).success;
      expect([path, ok]).toEqual([path, pathProblem(path) === undefined]);
    }
  });

  it('checks policy and role names as IAM does', () => {
    expect(policyNameProblem('ECS-ReadOnly-MFA')).toBeUndefined();
    expect(policyNameProblem('a+b=c,d.e@f_g-h')).toBeUndefined();
    expect(policyNameProblem('')).toBe('Enter a policy name.');
    expect(policyNameProblem('x'.repeat(128))).toBeUndefined();
    expect(policyNameProblem('x'.repeat(129))).toMatch(/129 characters; IAM allows at most 128/);
    expect(policyNameProblem('my policy/1')).toBe(
      'IAM does not allow space, "/" in a name: use letters, digits and + = , . @ _ -.',
    );
    expect(roleNameProblem('x'.repeat(65))).toMatch(/at most 64/);
  });

  it('checks paths', () => {
    expect(pathProblem('/')).toBeUndefined();
    expect(pathProblem('/team/app/')).toBeUndefined();
    expect(pathProblem('team/')).toMatch(/starts and ends with "\/"/);
    expect(pathProblem('/a b/')).toBeDefined();
    expect(pathProblem(`/${'a'.repeat(511)}/`)).toMatch(/at most 512/);
  });

  it('checks descriptions: 1,000 characters, Latin-1 for roles', () => {
    expect(descriptionProblem('x'.repeat(1000))).toBeUndefined();
    expect(descriptionProblem('x'.repeat(1001))).toMatch(/1,001 characters/);
    expect(descriptionProblem('Café', { latin1: true })).toBeUndefined();
    expect(descriptionProblem('Tokyo 東京', { latin1: true })).toBe(
      'IAM accepts only Latin-1 characters here; remove "東", "京".',
    );
  });

  it('finds characters IAM refuses in a document', () => {
    expect(documentCharacterProblem('{\n  "Sid": "café"\n}')).toBeUndefined();
    expect(documentCharacterProblem('{\n  "x": "ok",\n  "y": "→"\n}')).toMatch(/line 3 has "→"/);
  });

  it('reports tag problems inline, per field', () => {
    expect(tagProblems([{ key: 'team', value: 'platform' }])).toEqual([{}]);
    expect(tagProblems([{ key: '', value: 'x' }])[0]?.key).toMatch(/Enter a key/);
    expect(tagProblems([{ key: 'aws:owner', value: 'x' }])[0]?.key).toMatch(/reserved/);
    expect(tagProblems([{ key: 'bad#key', value: 'x' }])[0]?.key).toMatch(/Keys use/);
    expect(tagProblems([{ key: 'k', value: 'bad#' }])[0]?.value).toMatch(/Values use/);
    expect(tagProblems([{ key: 'k', value: 'v'.repeat(257) }])[0]?.value).toMatch(/257 characters/);
    const dup = tagProblems([
      { key: 'Team', value: 'a' },
      { key: 'team', value: 'b' },
    ]);
    expect(dup[0]).toEqual({});
    expect(dup[1]?.key).toBe('Tag 1 has the same key (keys are case-insensitive).');
    expect(hasTagProblems(Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: '' })))).toBe(true);
    expect(hasTagProblems(Array.from({ length: 50 }, (_, i) => ({ key: `k${i}`, value: '' })))).toBe(false);
  });

  it('checks service principals', () => {
    expect(servicePrincipalProblem('apigateway.amazonaws.com')).toBeUndefined();
    expect(servicePrincipalProblem(' ecs-tasks.amazonaws.com ')).toBeUndefined();
    expect(servicePrincipalProblem('Lambda.amazonaws.com')).toMatch(/not a service principal/);
    expect(servicePrincipalProblem('lambda')).toMatch(/SERVICE.amazonaws.com/);
  });
});
