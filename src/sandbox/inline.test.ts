/**
 * Inline policies (Put/Get/List/Delete {User,Group,Role}Policy) with IAM's aggregate quotas, and
 * UpdateAssumeRolePolicy, through the unmodified AWS SDK.
 */
import {
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DeleteConflictException,
  GetRoleCommand,
  GetRolePolicyCommand,
  GetUserPolicyCommand,
  LimitExceededException,
  ListRolePoliciesCommand,
  MalformedPolicyDocumentException,
  NoSuchEntityException,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
  UpdateAssumeRolePolicyCommand,
  CreateRoleCommand,
} from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { sandboxForTests } from './testing';

const env = sandboxForTests();

/** An identity policy of exactly `size` characters as IAM counts them. */
function sized(size: number): string {
  const base = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/' }],
  });
  return base.replace('arn:aws:s3:::b/', `arn:aws:s3:::b/${'x'.repeat(size - base.length)}`);
}

const TRUST = (service: string): string =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
  });

describe('inline policies', () => {
  it('puts, replaces, gets, lists and deletes a role policy', async () => {
    await env.iam.send(
      new PutRolePolicyCommand({ RoleName: 'ec2-ssm-instance', PolicyName: 'b', PolicyDocument: sized(300) }),
    );
    await env.iam.send(
      new PutRolePolicyCommand({ RoleName: 'ec2-ssm-instance', PolicyName: 'a', PolicyDocument: sized(200) }),
    );
    await env.iam.send(
      new PutRolePolicyCommand({ RoleName: 'ec2-ssm-instance', PolicyName: 'a', PolicyDocument: sized(250) }),
    );
    const listed = await env.iam.send(new ListRolePoliciesCommand({ RoleName: 'ec2-ssm-instance' }));
    expect(listed.PolicyNames).toEqual(['a', 'b']);
    const got = await env.iam.send(new GetRolePolicyCommand({ RoleName: 'EC2-SSM-instance', PolicyName: 'a' }));
    expect(got.RoleName).toBe('ec2-ssm-instance');
    expect(decodeURIComponent(got.PolicyDocument ?? '')).toBe(sized(250));
    await expect(env.iam.send(new DeleteRoleCommand({ RoleName: 'ec2-ssm-instance' }))).rejects.toBeInstanceOf(
      DeleteConflictException,
    );
    await env.iam.send(new DeleteRolePolicyCommand({ RoleName: 'ec2-ssm-instance', PolicyName: 'a' }));
    const error = await env.iam
      .send(new GetRolePolicyCommand({ RoleName: 'ec2-ssm-instance', PolicyName: 'a' }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoSuchEntityException);
    expect((error as Error).message).toBe('The role policy with name a cannot be found.');
  });

  it('applies the aggregate quotas: user 2,048, group 5,120, role 10,240', async () => {
    const over = async (send: () => Promise<unknown>, message: string): Promise<void> => {
      const error = await send().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(LimitExceededException);
      expect((error as Error).message).toBe(message);
    };
    await env.iam.send(
      new PutUserPolicyCommand({ UserName: 'bob', PolicyName: 'one', PolicyDocument: sized(1000) }),
    );
    await env.iam.send(
      new PutUserPolicyCommand({ UserName: 'bob', PolicyName: 'two', PolicyDocument: sized(1048) }),
    );
    await over(
      () =>
        env.iam.send(
          new PutUserPolicyCommand({ UserName: 'bob', PolicyName: 'three', PolicyDocument: sized(200) }),
        ),
      'Maximum policy size of 2048 bytes exceeded for user bob',
    );
    // replacing a policy counts its new size instead of the old one
    await env.iam.send(
      new PutUserPolicyCommand({ UserName: 'bob', PolicyName: 'two', PolicyDocument: sized(1048) }),
    );
    expect(
      (await env.iam.send(new GetUserPolicyCommand({ UserName: 'bob', PolicyName: 'one' }))).PolicyName,
    ).toBe('one');
    await env.iam.send(
      new PutGroupPolicyCommand({ GroupName: 'Admins', PolicyName: 'g', PolicyDocument: sized(5120) }),
    );
    await over(
      () =>
        env.iam.send(
          new PutGroupPolicyCommand({
            GroupName: 'Developers',
            PolicyName: 'g',
            PolicyDocument: sized(5121),
          }),
        ),
      'Maximum policy size of 5120 bytes exceeded for group Developers',
    );
    await over(
      () =>
        env.iam.send(
          new PutRolePolicyCommand({
            RoleName: 'data-pipeline-role',
            PolicyName: 'r',
            PolicyDocument: sized(10241),
          }),
        ),
      'Maximum policy size of 10240 bytes exceeded for role data-pipeline-role',
    );
    // whitespace is not counted
    const roomy = sized(10240).replace('{"Version"', `{${' '.repeat(5000)}"Version"`);
    await env.iam.send(
      new PutRolePolicyCommand({ RoleName: 'data-pipeline-role', PolicyName: 'r', PolicyDocument: roomy }),
    );
  });

  it('judges inline documents with the identity policy rules', async () => {
    const error = await env.iam
      .send(
        new PutRolePolicyCommand({
          RoleName: 'ecsTaskExecutionRole',
          PolicyName: 'bad',
          PolicyDocument: JSON.stringify({
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Action: 's3:GetObject' }],
          }),
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedPolicyDocumentException);
    expect((error as Error).message).toBe('Policy statement must contain resources.');
    await expect(
      env.iam.send(
        new PutRolePolicyCommand({ RoleName: 'no-such-role', PolicyName: 'x', PolicyDocument: sized(200) }),
      ),
    ).rejects.toBeInstanceOf(NoSuchEntityException);
    await expect(
      env.iam.send(
        new PutRolePolicyCommand({
          RoleName: 'ecsTaskExecutionRole',
          PolicyName: 'bad name',
          PolicyDocument: sized(200),
        }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationError' });
    const listed = await env.iam.send(new ListRolePoliciesCommand({ RoleName: 'ecsTaskExecutionRole' }));
    expect(listed.PolicyNames ?? []).toEqual([]);
  });
});

describe('UpdateAssumeRolePolicy', () => {
  it('replaces a trust policy after checking it as CreateRole does', async () => {
    await env.iam.send(
      new CreateRoleCommand({ RoleName: 'trusting', AssumeRolePolicyDocument: TRUST('ec2.amazonaws.com') }),
    );
    await env.iam.send(
      new UpdateAssumeRolePolicyCommand({
        RoleName: 'trusting',
        PolicyDocument: TRUST('lambda.amazonaws.com'),
      }),
    );
    const role = await env.iam.send(new GetRoleCommand({ RoleName: 'trusting' }));
    expect(decodeURIComponent(role.Role?.AssumeRolePolicyDocument ?? '')).toBe(TRUST('lambda.amazonaws.com'));
    const bad = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 's3:GetObject' }],
    });
    const error = await env.iam
      .send(new UpdateAssumeRolePolicyCommand({ RoleName: 'trusting', PolicyDocument: bad }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MalformedPolicyDocumentException);
    expect((error as Error).message).toBe('AssumeRole policy may only specify STS AssumeRole actions.');
    const big = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: Array.from({ length: 150 }, () => '123456789012') },
          Action: 'sts:AssumeRole',
        },
      ],
    });
    await expect(
      env.iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'trusting', PolicyDocument: big })),
    ).rejects.toThrow('Cannot exceed quota for ACLSizePerRole: 2048');
    const after = await env.iam.send(new GetRoleCommand({ RoleName: 'trusting' }));
    expect(decodeURIComponent(after.Role?.AssumeRolePolicyDocument ?? '')).toBe(
      TRUST('lambda.amazonaws.com'),
    );
    await expect(
      env.iam.send(
        new UpdateAssumeRolePolicyCommand({ RoleName: 'nobody', PolicyDocument: TRUST('ec2.amazonaws.com') }),
      ),
    ).rejects.toBeInstanceOf(NoSuchEntityException);
  });
});
