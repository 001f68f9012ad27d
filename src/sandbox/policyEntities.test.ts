/**
 * ListPolicyTags and ListEntitiesForPolicy through the unmodified AWS SDK, as IAM answers them:
 * the tags a policy was created with, and who the policy is attached to.
 */
import {
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  ListEntitiesForPolicyCommand,
  ListPolicyTagsCommand,
  NoSuchEntityException,
  TagPolicyCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { sandboxForTests } from './testing';

const env = sandboxForTests();

const DOCUMENT = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }],
});
const TRUST = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

describe('sandbox: policy tags and entities', () => {
  it('lists the tags a policy was created with, in order, and none for an untagged policy', async () => {
    const tagged = await env.iam.send(
      new CreatePolicyCommand({
        PolicyName: 'TaggedPart',
        PolicyDocument: DOCUMENT,
        Tags: [
          { Key: 'iam-workbench:set', Value: 'Tagged' },
          { Key: 'iam-workbench:part', Value: '1/2' },
        ],
      }),
    );
    const out = await env.iam.send(new ListPolicyTagsCommand({ PolicyArn: tagged.Policy?.Arn }));
    expect(out.Tags).toEqual([
      { Key: 'iam-workbench:set', Value: 'Tagged' },
      { Key: 'iam-workbench:part', Value: '1/2' },
    ]);
    expect(out.IsTruncated).toBe(false);
    const plain = await env.iam.send(new CreatePolicyCommand({ PolicyName: 'UntaggedPart', PolicyDocument: DOCUMENT }));
    expect((await env.iam.send(new ListPolicyTagsCommand({ PolicyArn: plain.Policy?.Arn }))).Tags ?? []).toEqual([]);
  });

  it('TagPolicy adds tags and replaces the value of a key the policy has (case-insensitively)', async () => {
    const created = await env.iam.send(
      new CreatePolicyCommand({
        PolicyName: 'RetaggedPart',
        PolicyDocument: DOCUMENT,
        Tags: [{ Key: 'iam-workbench:source', Value: 'ReadOnlyAccess@v188' }],
      }),
    );
    const arn = created.Policy?.Arn;
    await env.iam.send(
      new TagPolicyCommand({
        PolicyArn: arn,
        Tags: [
          { Key: 'IAM-Workbench:Source', Value: 'ReadOnlyAccess@v189' },
          { Key: 'iam-workbench:part', Value: '1/1' },
        ],
      }),
    );
    expect((await env.iam.send(new ListPolicyTagsCommand({ PolicyArn: arn }))).Tags).toEqual([
      { Key: 'iam-workbench:source', Value: 'ReadOnlyAccess@v189' },
      { Key: 'iam-workbench:part', Value: '1/1' },
    ]);
  });

  it('answers NoSuchEntity for a policy that does not exist', async () => {
    await expect(
      env.iam.send(new ListPolicyTagsCommand({ PolicyArn: 'arn:aws:iam::123456789012:policy/NoSuchPolicy' })),
    ).rejects.toBeInstanceOf(NoSuchEntityException);
  });

  it('lists the users, groups and roles a policy is attached to, filtered by kind', async () => {
    const created = await env.iam.send(new CreatePolicyCommand({ PolicyName: 'SharedPart', PolicyDocument: DOCUMENT }));
    const arn = created.Policy?.Arn ?? '';
    await env.iam.send(new CreateRoleCommand({ RoleName: 'entities-role', AssumeRolePolicyDocument: TRUST }));
    await env.iam.send(new AttachRolePolicyCommand({ RoleName: 'entities-role', PolicyArn: arn }));
    await env.iam.send(new AttachUserPolicyCommand({ UserName: 'alice', PolicyArn: arn }));
    const all = await env.iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn }));
    expect(all.PolicyRoles?.map((r) => r.RoleName)).toEqual(['entities-role']);
    expect(all.PolicyUsers?.map((u) => u.UserName)).toEqual(['alice']);
    expect(all.PolicyGroups ?? []).toEqual([]);
    const roles = await env.iam.send(new ListEntitiesForPolicyCommand({ PolicyArn: arn, EntityFilter: 'Role' }));
    expect(roles.PolicyRoles?.map((r) => r.RoleName)).toEqual(['entities-role']);
    expect(roles.PolicyUsers ?? []).toEqual([]);
  });
});
