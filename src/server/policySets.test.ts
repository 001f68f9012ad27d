/**
 * Policy sets in the account through the handlers, with the gateway pointed at the IAM sandbox:
 * finding a set's parts by their tag (with whom each is attached to), deleting a surplus part
 * (detached and its other versions deleted first), and putting inline policies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/sandbox';
import { createHandlers, type Handlers } from './handlers';
import { IamGateway } from './iam';

let sandbox: Sandbox;
let gateway: IamGateway;
let api: Handlers;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  gateway = new IamGateway({ mode: 'sandbox', endpointUrl: sandbox.url });
  api = createHandlers({ app: 'test', version: '0', session: { mode: 'sandbox' }, gateway, cacheMs: { lists: 0 } });
});

afterAll(async () => {
  gateway.destroy();
  await sandbox.close();
});

const doc = (action: string) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: action, Resource: '*' }] });

async function createPart(name: string, set: string, part: string) {
  const { policy } = await api.createPolicy({
    name,
    description: 'Custom policy for Cloudcraft.',
    document: doc('s3:GetObject'),
    tags: [
      { key: 'iam-workbench:set', value: set },
      { key: 'iam-workbench:part', value: part },
      { key: 'iam-workbench:source', value: 'ReadOnlyAccess@v188' },
    ],
  });
  return policy;
}

describe('policy sets in the account', () => {
  it('groups the tagged parts by set, in name order, with their tags and attachments', async () => {
    await api.createRole({ name: 'sets-role', trust: { kind: 'services', services: ['ec2.amazonaws.com'] } });
    const second = await createPart('Alpha-2', 'Alpha', '2/2');
    const first = await createPart('Alpha', 'Alpha', '1/2');
    await createPart('Beta', 'Beta', '1/1');
    await api.createPolicy({ name: 'NotASet', document: doc('s3:GetObject') });
    await api.attachPolicy({ policyArn: first.arn, targets: [{ kind: 'role', name: 'sets-role' }] });
    await api.attachPolicy({ policyArn: second.arn, targets: [{ kind: 'role', name: 'sets-role' }] });

    const { sets } = await api.listPolicySets({});
    expect(sets.map((s) => s.name)).toEqual(['Alpha', 'Beta']);
    const alpha = sets[0];
    expect(alpha?.parts.map((p) => p.policy.name)).toEqual(['Alpha', 'Alpha-2']);
    expect(alpha?.parts[0]?.policy.description).toBe('Custom policy for Cloudcraft.');
    expect(alpha?.parts[0]?.tags).toContainEqual({ key: 'iam-workbench:source', value: 'ReadOnlyAccess@v188' });
    expect(alpha?.parts.map((p) => p.attachedTo)).toEqual([
      [{ kind: 'role', name: 'sets-role' }],
      [{ kind: 'role', name: 'sets-role' }],
    ]);
    expect((await api.listPolicySets({ search: 'beta' })).sets.map((s) => s.name)).toEqual(['Beta']);
  });

  it('retags a part: the key it has gets the new value', async () => {
    const part = await createPart('Delta', 'Delta', '1/1');
    await api.tagPolicy({ policyArn: part.arn, tags: [{ key: 'iam-workbench:source', value: 'ReadOnlyAccess@v189' }] });
    const [set] = (await api.listPolicySets({ search: 'Delta' })).sets;
    expect(set?.parts[0]?.tags).toContainEqual({ key: 'iam-workbench:source', value: 'ReadOnlyAccess@v189' });
    expect(set?.parts[0]?.tags).toHaveLength(3);
  });

  it('deletes a surplus part: detached from everyone and its older versions deleted first', async () => {
    const part = await createPart('Gamma-2', 'Gamma', '2/2');
    await api.attachPolicy({ policyArn: part.arn, targets: [{ kind: 'user', name: 'alice' }] });
    await api.createPolicyVersion({ policyArn: part.arn, document: doc('s3:ListBucket'), setAsDefault: true });

    await expect(api.deletePolicy({ policyArn: part.arn })).rejects.toMatchObject({ code: 'DeleteConflict' });
    const out = await api.deletePolicy({ policyArn: part.arn, detach: true });
    expect(out.detached).toEqual([{ kind: 'user', name: 'alice' }]);
    expect(out.deletedVersions).toEqual(['v1']);
    await expect(api.listPolicyVersions({ policyArn: part.arn })).rejects.toMatchObject({ code: 'NoSuchEntity' });
    expect((await api.listPolicySets({ search: 'Gamma' })).sets).toEqual([]);
  });

  it('puts an inline policy, and IAM refuses a role whose inline policies would exceed 10,240 characters', async () => {
    await api.createRole({ name: 'inline-role', trust: { kind: 'services', services: ['ec2.amazonaws.com'] } });
    await expect(
      api.putInlinePolicy({ kind: 'role', name: 'inline-role', policyName: 'Part1', document: doc('s3:GetObject') }),
    ).resolves.toEqual({ kind: 'role', name: 'inline-role', policyName: 'Part1' });
    expect(sandbox.state.getInlinePolicy('role', 'inline-role', 'Part1').document).toBe(doc('s3:GetObject'));
    const big = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${'b'.repeat(10_200)}/*` }],
    });
    await expect(
      api.putInlinePolicy({ kind: 'role', name: 'inline-role', policyName: 'Part2', document: big }),
    ).rejects.toMatchObject({ code: 'LimitExceeded' });
  });
});
