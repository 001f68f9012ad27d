/**
 * The sandbox through the unmodified AWS SDK: the clients only have `endpoint` set to the
 * sandbox's URL, dummy credentials and us-east-1. Each rule is checked by the typed exception
 * the SDK raises for IAM's error code.
 */
import {
  AttachGroupPolicyCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DeleteConflictException,
  DeleteRoleCommand,
  DetachRolePolicyCommand,
  EntityAlreadyExistsException,
  GetGroupCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetUserCommand,
  IAMClient,
  IAMServiceException,
  LimitExceededException,
  ListAttachedGroupPoliciesCommand,
  ListAttachedRolePoliciesCommand,
  ListAttachedUserPoliciesCommand,
  ListGroupsCommand,
  ListPoliciesCommand,
  ListPolicyVersionsCommand,
  ListRolesCommand,
  ListUsersCommand,
  MalformedPolicyDocumentException,
  NoSuchEntityException,
  PolicyNotAttachableException,
  SetDefaultPolicyVersionCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from './sandbox';
import type { Sandbox } from './sandbox';

let sandbox: Sandbox;
let iam: IAMClient;
let sts: STSClient;
let counter = 0;

beforeAll(async () => {
  sandbox = await startSandbox();
  const config = {
    endpoint: sandbox.url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'dummy' },
    // One attempt: the SDK's default retries LimitExceededException as if it were throttling.
    maxAttempts: 1,
  };
  iam = new IAMClient(config);
  sts = new STSClient(config);
});

afterAll(async () => {
  iam.destroy();
  sts.destroy();
  await sandbox.close();
});

const V = '2012-10-17';
const doc = (statement: Record<string, unknown>): string =>
  JSON.stringify({ Version: V, Statement: [statement] });
const READ = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::example-bucket/*' });
const unique = (base: string): string => `${base}${++counter}`;

async function createPolicy(name = unique('Policy'), document = READ): Promise<string> {
  const out = await iam.send(new CreatePolicyCommand({ PolicyName: name, PolicyDocument: document }));
  return out.Policy?.Arn ?? '';
}

/** A policy document of exactly `size` characters as IAM counts them, plus `spaces` whitespace. */
function sizedPolicy(size: number, spaces = 0): string {
  const base = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/' });
  const padding = size - base.length;
  const text = base.replace('arn:aws:s3:::b/', `arn:aws:s3:::b/${'x'.repeat(padding)}`);
  expect(text.length).toBe(size);
  return spaces === 0 ? text : text.replace('{"Version"', `{${' '.repeat(spaces)}\n"Version"`);
}

describe('sandbox: STS and the seeded account', () => {
  it('answers GetCallerIdentity with the fixed account and caller', async () => {
    const out = await sts.send(new GetCallerIdentityCommand({}));
    expect(out.Account).toBe('123456789012');
    expect(out.Arn).toBe('arn:aws:iam::123456789012:user/sandbox-admin');
    expect(out.UserId).toMatch(/^AIDA/);
  });

  it('has seeded users, groups and roles', async () => {
    const users = await iam.send(new ListUsersCommand({}));
    expect(users.Users?.map((u) => u.UserName)).toEqual(
      expect.arrayContaining(['alice', 'bob', 'sandbox-admin']),
    );
    const groups = await iam.send(new ListGroupsCommand({}));
    expect(groups.Groups?.map((g) => g.GroupName)).toEqual(expect.arrayContaining(['Admins', 'Developers']));
    const developers = await iam.send(new GetGroupCommand({ GroupName: 'Developers' }));
    expect(developers.Users?.map((u) => u.UserName)).toEqual(['alice', 'bob']);
    const role = await iam.send(new GetRoleCommand({ RoleName: 'ecsTaskExecutionRole' }));
    expect(role.Role?.Arn).toBe('arn:aws:iam::123456789012:role/ecsTaskExecutionRole');
    expect(JSON.parse(decodeURIComponent(role.Role?.AssumeRolePolicyDocument ?? ''))).toMatchObject({
      Statement: [{ Principal: { Service: 'ecs-tasks.amazonaws.com' } }],
    });
    const me = await iam.send(new GetUserCommand({}));
    expect(me.User?.UserName).toBe('sandbox-admin');
  });

  it('paginates with Marker and MaxItems', async () => {
    const first = await iam.send(new ListRolesCommand({ MaxItems: 2 }));
    expect(first.Roles).toHaveLength(2);
    expect(first.IsTruncated).toBe(true);
    const rest = await iam.send(new ListRolesCommand({ Marker: first.Marker, MaxItems: 100 }));
    expect(rest.IsTruncated).toBe(false);
    expect(rest.Marker).toBeUndefined();
    const all = await iam.send(new ListRolesCommand({}));
    expect([...(first.Roles ?? []), ...(rest.Roles ?? [])].map((r) => r.RoleName)).toEqual(
      all.Roles?.map((r) => r.RoleName),
    );
    await expect(iam.send(new ListRolesCommand({ MaxItems: 1001 }))).rejects.toMatchObject({
      name: 'ValidationError',
    });
  });
});

describe('sandbox: managed policies', () => {
  it('creates, gets and lists a policy (tags, path, description)', async () => {
    const name = unique('CreateGetList');
    const created = await iam.send(
      new CreatePolicyCommand({
        PolicyName: name,
        Path: '/team/',
        Description: 'Read the example bucket',
        PolicyDocument: READ,
        Tags: [{ Key: 'owner', Value: 'alice@example.com' }],
      }),
    );
    const arn = `arn:aws:iam::123456789012:policy/team/${name}`;
    expect(created.Policy).toMatchObject({
      PolicyName: name,
      Arn: arn,
      Path: '/team/',
      DefaultVersionId: 'v1',
      AttachmentCount: 0,
      IsAttachable: true,
    });
    expect(created.Policy?.PolicyId).toMatch(/^ANPA[A-Z0-9]{17}$/);
    expect(created.Policy?.CreateDate).toBeInstanceOf(Date);
    const got = await iam.send(new GetPolicyCommand({ PolicyArn: arn }));
    expect(got.Policy).toMatchObject({
      Description: 'Read the example bucket',
      Tags: [{ Key: 'owner', Value: 'alice@example.com' }],
    });
    const local = await iam.send(new ListPoliciesCommand({ Scope: 'Local', PathPrefix: '/team/' }));
    expect(local.Policies?.map((p) => p.Arn)).toContain(arn);
    const version = await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' }));
    expect(decodeURIComponent(version.PolicyVersion?.Document ?? '')).toBe(READ);
    expect(version.PolicyVersion?.IsDefaultVersion).toBe(true);
  });

  it('refuses a duplicate name, compared case-insensitively (EntityAlreadyExists)', async () => {
    const name = unique('Duplicate');
    await createPolicy(name);
    const error = await iam
      .send(new CreatePolicyCommand({ PolicyName: name.toUpperCase(), PolicyDocument: READ }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EntityAlreadyExistsException);
    expect((error as Error).message).toBe(
      `A policy called ${name.toUpperCase()} already exists. Duplicate names are not allowed.`,
    );
    expect((error as IAMServiceException).$metadata.httpStatusCode).toBe(409);
    await expect(
      iam.send(
        new CreateRoleCommand({
          RoleName: 'ECSTASKEXECUTIONROLE',
          AssumeRolePolicyDocument: doc({
            Effect: 'Allow',
            Principal: { Service: 'ecs.amazonaws.com' },
            Action: 'sts:AssumeRole',
          }),
        }),
      ),
    ).rejects.toBeInstanceOf(EntityAlreadyExistsException);
  });

  it('answers NoSuchEntity for unknown ARNs, versions and names', async () => {
    const missing = 'arn:aws:iam::123456789012:policy/NoSuchPolicy';
    const error = await iam.send(new GetPolicyCommand({ PolicyArn: missing })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NoSuchEntityException);
    expect((error as IAMServiceException).$metadata.httpStatusCode).toBe(404);
    const arn = await createPolicy();
    await expect(
      iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v9' })),
    ).rejects.toBeInstanceOf(NoSuchEntityException);
    await expect(iam.send(new GetRoleCommand({ RoleName: 'nobody' }))).rejects.toThrow(
      'The role with name nobody cannot be found.',
    );
    await expect(
      iam.send(new AttachUserPolicyCommand({ UserName: 'alice', PolicyArn: missing })),
    ).rejects.toBeInstanceOf(NoSuchEntityException);
    await expect(
      iam.send(new GetPolicyCommand({ PolicyArn: 'arn:aws:iam::123456789012:role/not-a-policy' })),
    ).rejects.toMatchObject({ name: 'InvalidInputException' });
  });

  it('refuses malformed documents (MalformedPolicyDocument) and accepts unknown actions', async () => {
    const cases: [string, string][] = [
      [doc({ Action: 's3:GetObject', Resource: '*' }), 'Missing required field Effect'],
      ['{"Version": "2012-10-17", "Statement": [', 'Syntax errors in policy.'],
      [doc({ Effect: 'allow', Action: 's3:GetObject', Resource: '*' }), 'Invalid effect: allow'],
      [doc({ Effect: 'Allow', Resource: '*' }), 'Policy statement must contain actions.'],
      [doc({ Effect: 'Allow', Action: 's3:GetObject' }), 'Policy statement must contain resources.'],
      [
        doc({ Effect: 'Allow', Principal: { AWS: '123456789012' }, Action: 's3:GetObject', Resource: '*' }),
        'Policy document should not specify a principal.',
      ],
      [
        JSON.stringify({
          Version: V,
          Statment: [],
          Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
        }),
        'Syntax errors in policy.',
      ],
      [
        JSON.stringify({
          Version: '2012-10-18',
          Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
        }),
        'The policy failed legacy parsing',
      ],
      [
        doc({
          Effect: 'Allow',
          Action: 's3:GetObject',
          Resource: '*',
          Condition: { StringEqualz: { 'aws:username': 'a' } },
        }),
        'Invalid Condition type : StringEqualz',
      ],
      [
        doc({ Effect: 'Allow', Action: 's3GetObject', Resource: '*' }),
        'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.',
      ],
      [
        doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'my-bucket' }),
        'Resource my-bucket must be in ARN format or "*".',
      ],
    ];
    for (const [document, message] of cases) {
      const error = await iam
        .send(new CreatePolicyCommand({ PolicyName: unique('Malformed'), PolicyDocument: document }))
        .catch((e: unknown) => e);
      expect(error, document).toBeInstanceOf(MalformedPolicyDocumentException);
      expect((error as Error).message).toBe(message);
      expect((error as IAMServiceException).$metadata.httpStatusCode).toBe(400);
    }
    // IAM accepts what it does not know: unknown actions and services, and a missing Version.
    await createPolicy(
      unique('Unknown'),
      doc({ Effect: 'Allow', Action: ['s3:GetObjekt', 'notaservice:DoIt'], Resource: '*' }),
    );
    await createPolicy(
      unique('NoVersion'),
      JSON.stringify({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }),
    );
  });

  it('applies the 6,144 size quota without counting whitespace (LimitExceeded)', async () => {
    const error = await iam
      .send(new CreatePolicyCommand({ PolicyName: unique('TooBig'), PolicyDocument: sizedPolicy(6145) }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LimitExceededException);
    expect((error as Error).message).toBe('Cannot exceed quota for PolicySize: 6144');
    await createPolicy(unique('AtQuota'), sizedPolicy(6144));
    const roomy = sizedPolicy(6144, 3000);
    expect(roomy.length).toBeGreaterThan(9000);
    await createPolicy(unique('Whitespace'), roomy);
  });

  it('checks name, path, description and tag rules (ValidationError, InvalidInput)', async () => {
    const bad = async (
      input: Partial<ConstructorParameters<typeof CreatePolicyCommand>[0]>,
    ): Promise<unknown> =>
      iam
        .send(new CreatePolicyCommand({ PolicyName: unique('Rules'), PolicyDocument: READ, ...input }))
        .catch((e: unknown) => e);
    expect(await bad({ PolicyName: 'has space' })).toMatchObject({
      name: 'ValidationError',
      message: expect.stringContaining("Value 'has space' at 'policyName' failed to satisfy constraint"),
      $metadata: { httpStatusCode: 400 },
    });
    expect(await bad({ PolicyName: 'x'.repeat(129) })).toMatchObject({ name: 'ValidationError' });
    await createPolicy('y'.repeat(128));
    expect(await bad({ Path: 'team/' })).toMatchObject({
      name: 'ValidationError',
      message: expect.stringContaining("at 'path'"),
    });
    expect(await bad({ Path: '/team' })).toMatchObject({ name: 'ValidationError' });
    expect(await bad({ Path: `/${'a'.repeat(511)}/` })).toMatchObject({ name: 'ValidationError' });
    expect(await bad({ Description: 'd'.repeat(1001) })).toMatchObject({ name: 'ValidationError' });
    expect(await bad({ Tags: [{ Key: 'bad#key', Value: 'v' }] })).toMatchObject({ name: 'ValidationError' });
    expect(await bad({ Tags: [{ Key: 'k', Value: 'v'.repeat(257) }] })).toMatchObject({
      name: 'ValidationError',
    });
    expect(
      await bad({ Tags: Array.from({ length: 51 }, (_, i) => ({ Key: `k${i}`, Value: '' })) }),
    ).toMatchObject({ name: 'ValidationError' });
    expect(
      await bad({
        Tags: [
          { Key: 'Team', Value: 'a' },
          { Key: 'team', Value: 'b' },
        ],
      }),
    ).toMatchObject({ name: 'InvalidInputException' });
    await createPolicy(unique('Ok'), READ);
    const ok = await iam.send(
      new CreatePolicyCommand({
        PolicyName: 'a+b=c,d.e@f_g-h' + ++counter,
        Path: '/a/b-c/',
        PolicyDocument: READ,
        Tags: Array.from({ length: 50 }, (_, i) => ({ Key: `Clé ${i}:_.=+-@/`, Value: '' })),
      }),
    );
    expect(ok.Policy?.Path).toBe('/a/b-c/');
    const roleName = await iam
      .send(new CreateRoleCommand({ RoleName: 'r'.repeat(65), AssumeRolePolicyDocument: '{}' }))
      .catch((e: unknown) => e);
    expect(roleName).toMatchObject({
      name: 'ValidationError',
      message: expect.stringContaining('less than or equal to 64'),
    });
  });

  it('keeps at most 5 versions (LimitExceeded) and guards deletes (DeleteConflict)', async () => {
    const arn = await createPolicy();
    for (let i = 2; i <= 5; i++) {
      const out = await iam.send(
        new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: READ, SetAsDefault: i === 5 }),
      );
      expect(out.PolicyVersion).toMatchObject({ VersionId: `v${i}`, IsDefaultVersion: i === 5 });
    }
    const sixth = await iam
      .send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: READ }))
      .catch((e: unknown) => e);
    expect(sixth).toBeInstanceOf(LimitExceededException);
    expect((sixth as Error).message).toBe(
      'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.',
    );
    const versions = await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }));
    expect(versions.Versions?.map((v) => [v.VersionId, v.IsDefaultVersion])).toEqual([
      ['v5', true],
      ['v4', false],
      ['v3', false],
      ['v2', false],
      ['v1', false],
    ]);
    await expect(
      iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v5' })),
    ).rejects.toBeInstanceOf(DeleteConflictException);
    await expect(iam.send(new DeletePolicyCommand({ PolicyArn: arn }))).rejects.toThrow(
      'This policy has more than one version',
    );
    await iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' }));
    const next = await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: READ }));
    expect(next.PolicyVersion?.VersionId).toBe('v6');
    await iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v6' }));
    expect((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy?.DefaultVersionId).toBe('v6');

    const attached = await createPolicy();
    await iam.send(new AttachUserPolicyCommand({ UserName: 'bob', PolicyArn: attached }));
    const conflict = await iam
      .send(new DeletePolicyCommand({ PolicyArn: attached }))
      .catch((e: unknown) => e);
    expect(conflict).toBeInstanceOf(DeleteConflictException);
    expect((conflict as IAMServiceException).$metadata.httpStatusCode).toBe(409);
  });

  it('round-trips a document containing "%" through URL-encoding exactly once', async () => {
    const document = JSON.stringify(
      {
        Version: V,
        Statement: [
          {
            Sid: 'Pct',
            Effect: 'Allow',
            Action: 's3:GetObject',
            Resource: 'arn:aws:s3:::bucket/100%25/%zz/*',
          },
        ],
      },
      null,
      2,
    );
    const arn = await createPolicy(unique('Percent'), document);
    const out = await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' }));
    const encoded = out.PolicyVersion?.Document ?? '';
    expect(encoded).not.toContain('{');
    expect(decodeURIComponent(encoded)).toBe(document);
    expect(decodeURIComponent(encoded)).toContain('100%25/%zz');
  });
});

describe('sandbox: attaching managed policies', () => {
  it('attaches an AWS managed policy from the catalog and returns its document', async () => {
    const arn = 'arn:aws:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs';
    const role = unique('apigw-logs-');
    await iam.send(
      new CreateRoleCommand({
        RoleName: role,
        AssumeRolePolicyDocument: doc({
          Effect: 'Allow',
          Principal: { Service: 'apigateway.amazonaws.com' },
          Action: 'sts:AssumeRole',
        }),
        MaxSessionDuration: 7200,
      }),
    );
    await iam.send(new AttachRolePolicyCommand({ RoleName: role, PolicyArn: arn }));
    const attached = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: role }));
    expect(attached.AttachedPolicies).toEqual([
      { PolicyName: 'AmazonAPIGatewayPushToCloudWatchLogs', PolicyArn: arn },
    ]);
    const policy = await iam.send(new GetPolicyCommand({ PolicyArn: arn }));
    expect(policy.Policy).toMatchObject({ Path: '/service-role/', DefaultVersionId: 'v1' });
    expect(policy.Policy?.AttachmentCount).toBeGreaterThanOrEqual(1);
    const version = await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' }));
    const document = JSON.parse(decodeURIComponent(version.PolicyVersion?.Document ?? '')) as {
      Statement: { Action: string[] }[];
    };
    expect(document.Statement[0]?.Action).toContain('logs:PutLogEvents');
    const aws = await iam.send(new ListPoliciesCommand({ Scope: 'AWS', MaxItems: 1000 }));
    expect(aws.Policies?.every((p) => p.Arn?.startsWith('arn:aws:iam::aws:policy/'))).toBe(true);
    expect(aws.IsTruncated).toBe(true);
    const onlyAttached = await iam.send(new ListPoliciesCommand({ Scope: 'AWS', OnlyAttached: true }));
    expect(onlyAttached.Policies?.map((p) => p.Arn)).toContain(arn);
    await expect(
      iam.send(
        new AttachRolePolicyCommand({
          RoleName: role,
          PolicyArn: 'arn:aws:iam::aws:policy/aws-service-role/AccessAnalyzerServiceRolePolicy',
        }),
      ),
    ).rejects.toBeInstanceOf(PolicyNotAttachableException);
  });

  it('attaches again silently, and refuses an 11th policy (LimitExceeded)', async () => {
    const arn = await createPolicy();
    await iam.send(new AttachGroupPolicyCommand({ GroupName: 'Admins', PolicyArn: arn }));
    await iam.send(new AttachGroupPolicyCommand({ GroupName: 'admins', PolicyArn: arn }));
    const group = await iam.send(new ListAttachedGroupPoliciesCommand({ GroupName: 'Admins' }));
    expect(group.AttachedPolicies?.filter((p) => p.PolicyArn === arn)).toHaveLength(1);

    const full = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'data-pipeline-role' }));
    expect(full.AttachedPolicies).toHaveLength(10);
    const eleventh = await iam
      .send(new AttachRolePolicyCommand({ RoleName: 'data-pipeline-role', PolicyArn: arn }))
      .catch((e: unknown) => e);
    expect(eleventh).toBeInstanceOf(LimitExceededException);
    expect((eleventh as Error).message).toBe('Cannot exceed quota for PoliciesPerRole: 10');

    const user = unique('user');
    await iam.send(new CreateUserCommand({ UserName: user }));
    const policies = await Promise.all(Array.from({ length: 10 }, () => createPolicy()));
    for (const p of policies) await iam.send(new AttachUserPolicyCommand({ UserName: user, PolicyArn: p }));
    await expect(iam.send(new AttachUserPolicyCommand({ UserName: user, PolicyArn: arn }))).rejects.toThrow(
      'Cannot exceed quota for PoliciesPerUser: 10',
    );
    const listed = await iam.send(new ListAttachedUserPoliciesCommand({ UserName: user, MaxItems: 4 }));
    expect(listed.AttachedPolicies).toHaveLength(4);
    expect(listed.IsTruncated).toBe(true);
  });

  it('creates, detaches and deletes roles with IAM rules', async () => {
    const trust = doc({
      Effect: 'Allow',
      Principal: { Service: 'lambda.amazonaws.com' },
      Action: 'sts:AssumeRole',
    });
    await expect(
      iam.send(
        new CreateRoleCommand({
          RoleName: unique('r'),
          AssumeRolePolicyDocument: trust,
          MaxSessionDuration: 3599,
        }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(
      iam.send(
        new CreateRoleCommand({
          RoleName: unique('r'),
          AssumeRolePolicyDocument: trust,
          MaxSessionDuration: 43201,
        }),
      ),
    ).rejects.toMatchObject({ name: 'ValidationError' });
    const noPrincipal = await iam
      .send(
        new CreateRoleCommand({
          RoleName: unique('r'),
          AssumeRolePolicyDocument: doc({ Effect: 'Allow', Action: 'sts:AssumeRole' }),
        }),
      )
      .catch((e: unknown) => e);
    expect(noPrincipal).toBeInstanceOf(MalformedPolicyDocumentException);
    expect((noPrincipal as Error).message).toBe('Missing required field Principal');
    const big = JSON.stringify({
      Version: V,
      Statement: [
        {
          Effect: 'Allow',
          Principal: {
            AWS: Array.from(
              { length: 60 },
              (_, i) => `arn:aws:iam::1234567890${String(i).padStart(2, '0')}:root`,
            ),
          },
          Action: 'sts:AssumeRole',
        },
      ],
    });
    await expect(
      iam.send(new CreateRoleCommand({ RoleName: unique('r'), AssumeRolePolicyDocument: big })),
    ).rejects.toThrow('Cannot exceed quota for ACLSizePerRole: 2048');

    const name = unique('role');
    const created = await iam.send(
      new CreateRoleCommand({
        RoleName: name,
        AssumeRolePolicyDocument: trust,
        Description: 'test role',
        MaxSessionDuration: 43200,
      }),
    );
    expect(created.Role).toMatchObject({
      RoleName: name,
      Description: 'test role',
      MaxSessionDuration: 43200,
    });
    expect(decodeURIComponent(created.Role?.AssumeRolePolicyDocument ?? '')).toBe(trust);
    const arn = await createPolicy();
    await iam.send(new AttachRolePolicyCommand({ RoleName: name, PolicyArn: arn }));
    await expect(iam.send(new DeleteRoleCommand({ RoleName: name }))).rejects.toBeInstanceOf(
      DeleteConflictException,
    );
    await iam.send(new DetachRolePolicyCommand({ RoleName: name, PolicyArn: arn }));
    await expect(
      iam.send(new DetachRolePolicyCommand({ RoleName: name, PolicyArn: arn })),
    ).rejects.toBeInstanceOf(NoSuchEntityException);
    await iam.send(new DeleteRoleCommand({ RoleName: name }));
    await iam.send(new DeletePolicyCommand({ PolicyArn: arn }));
    await expect(iam.send(new GetPolicyCommand({ PolicyArn: arn }))).rejects.toBeInstanceOf(
      NoSuchEntityException,
    );
    await iam.send(new CreateGroupCommand({ GroupName: unique('Group') }));
  });
});

describe('sandbox: protocol', () => {
  it('refuses unsigned requests and unknown actions the way AWS does', async () => {
    const post = (body: string, headers: Record<string, string> = {}) =>
      fetch(sandbox.url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body,
      });
    const unsigned = await post('Action=ListRoles&Version=2010-05-08');
    expect(unsigned.status).toBe(403);
    const text = await unsigned.text();
    expect(text).toContain('<ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">');
    expect(text).toContain('<Type>Sender</Type><Code>MissingAuthenticationToken</Code>');
    expect(text).toMatch(/<RequestId>[0-9a-f-]{36}<\/RequestId><\/ErrorResponse>$/);
    const signed = {
      authorization:
        'AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0',
    };
    const unknown = await post('Action=DeleteEverything&Version=2010-05-08', signed);
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain('<Code>InvalidAction</Code>');
    const ok = await post('Action=GetUser&Version=2010-05-08&UserName=alice', signed);
    const xml = await ok.text();
    expect(xml).toMatch(
      /^<\?xml version="1.0" encoding="UTF-8"\?>\n<GetUserResponse xmlns="https:\/\/iam.amazonaws.com\/doc\/2010-05-08\/"><GetUserResult><User>/,
    );
    expect(xml).toContain('<UserName>alice</UserName>');
    expect(xml).toMatch(
      /<ResponseMetadata><RequestId>[0-9a-f-]{36}<\/RequestId><\/ResponseMetadata><\/GetUserResponse>$/,
    );
    const identity = await post('Action=GetCallerIdentity&Version=2011-06-15', signed);
    expect(await identity.text()).toContain(
      '<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">',
    );
  });

  it('simulates AccessDenied and throttling for tests', async () => {
    sandbox.state.deny('iam:CreatePolicy');
    const denied = await iam
      .send(new CreatePolicyCommand({ PolicyName: unique('Denied'), PolicyDocument: READ }))
      .catch((e: unknown) => e);
    sandbox.state.allowAll();
    expect(denied).toBeInstanceOf(IAMServiceException);
    expect(denied).toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    expect((denied as Error).message).toContain('is not authorized to perform: iam:CreatePolicy');
    sandbox.state.failNext('ListUsers', 'Throttling', 'Rate exceeded');
    await expect(iam.send(new ListUsersCommand({}))).rejects.toMatchObject({
      name: 'Throttling',
      $metadata: { httpStatusCode: 400 },
    });
    await iam.send(new ListUsersCommand({}));
  });
});
