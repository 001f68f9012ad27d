import { describe, expect, it } from 'vitest';
import * as contract from '../../server/contract';
import {
  NAME_RE,
  PATH_RE,
  SERVICE_PRINCIPAL_RE,
  TAG_KEY_RE,
  TAG_VALUE_RE,
  descriptionProblem,
  documentCharacterProblem,
  hasTagProblems,
  pathProblem,
  policyNameProblem,
  roleNameProblem,
  servicePrincipalProblem,
  tagProblems,
} from './iamRules';

describe('iamRules', () => {
  it('uses the same patterns as the server contract', () => {
    expect(NAME_RE.source).toBe(contract.NAME_RE.source);
    expect(PATH_RE.source).toBe(contract.PATH_RE.source);
    expect([TAG_KEY_RE.source, TAG_KEY_RE.flags]).toEqual([
      contract.TAG_KEY_RE.source,
      contract.TAG_KEY_RE.flags,
    ]);
    expect([TAG_VALUE_RE.source, TAG_VALUE_RE.flags]).toEqual([
      contract.TAG_VALUE_RE.source,
      contract.TAG_VALUE_RE.flags,
    ]);
    expect(SERVICE_PRINCIPAL_RE.source).toBe(contract.SERVICE_PRINCIPAL_RE.source);
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
