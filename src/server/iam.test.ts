import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { IAMServiceException, LimitExceededException, NoSuchEntityException } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../sandbox/sandbox';
import type { Sandbox } from '../sandbox/sandbox';
import { ApiError } from './apiError';
import type { RetryErrorType, SdkError } from '@smithy/types';
import { IamGateway, IamRetryStrategy, decodeDocument, deniedPermission, toApiError } from './iam';
import type { ErrorContext } from './iam';

const AWS: ErrorContext = {
  action: 'iam:CreatePolicy',
  mode: 'aws',
  profile: 'dev',
  target: 'https://iam.amazonaws.com',
};

function serviceError(name: string, message: string, status = 400): IAMServiceException {
  return new IAMServiceException({ name, $fault: 'client', $metadata: { httpStatusCode: status }, message });
}

describe('toApiError', () => {
  it('names the missing permission for AccessDenied', () => {
    const message =
      'User: arn:aws:sts::111122223333:assumed-role/Dev/me is not authorized to perform: iam:AttachRolePolicy on resource: role X because no identity-based policy allows the iam:AttachRolePolicy action';
    expect(deniedPermission(message)).toBe('iam:AttachRolePolicy');
    const error = toApiError(serviceError('AccessDenied', message, 403), {
      ...AWS,
      action: 'iam:AttachRolePolicy',
    });
    expect(error.status).toBe(403);
    expect(error.info.code).toBe('AccessDenied');
    expect(error.info.message).toContain('not allowed to perform iam:AttachRolePolicy');
    expect(error.info.hint).toContain('allow iam:AttachRolePolicy');
    // Without a parsable message, the action that was called is named.
    expect(toApiError(serviceError('AccessDenied', 'Access denied', 403), AWS).info.message).toContain(
      'iam:CreatePolicy',
    );
  });

  it('tells how to log in again when credentials expired', () => {
    const expired = toApiError(
      serviceError('ExpiredToken', 'The security token included in the request is expired', 403),
      AWS,
    );
    expect(expired.status).toBe(401);
    expect(expired.info).toMatchObject({
      code: 'CredentialsExpired',
      message: 'Your AWS credentials have expired (profile dev).',
    });
    expect(expired.info.hint).toBe(
      'Run "aws sso login --profile dev" (or refresh that profile\'s keys) and retry.',
    );
    const sso = Object.assign(
      new Error('The SSO session associated with this profile has expired or is otherwise invalid.'),
      {
        name: 'CredentialsProviderError',
      },
    );
    expect(toApiError(sso, AWS).info.code).toBe('CredentialsExpired');
    const none = Object.assign(new Error('Could not load credentials from any providers'), {
      name: 'CredentialsProviderError',
    });
    expect(toApiError(none, { ...AWS, profile: undefined }).info).toMatchObject({
      code: 'NoCredentials',
      hint: expect.stringContaining('--sandbox'),
    });
    expect(
      toApiError(
        serviceError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403),
        AWS,
      ).info.code,
    ).toBe('InvalidCredentials');
  });

  it('says which endpoint cannot be reached: AWS, the endpoint by its URL, or the sandbox', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    const error = toApiError(refused, AWS);
    expect(error.status).toBe(502);
    expect(error.info).toMatchObject({
      code: 'ConnectionFailed',
      message:
        'AWS (https://iam.amazonaws.com) could not be reached: the connection was refused (ECONNREFUSED).',
      hint: expect.stringContaining('VPN or proxy'),
    });
    const aggregate = Object.assign(
      new AggregateError([Object.assign(new Error('x'), { code: 'ENOTFOUND' })]),
      {},
    );
    const endpoint = toApiError(aggregate, { ...AWS, mode: 'endpoint', target: 'http://localhost:4566' });
    expect(endpoint.info.message).toBe(
      'The IAM endpoint http://localhost:4566 could not be reached: the host name was not found (ENOTFOUND).',
    );
    expect(endpoint.info.hint).toContain('--endpoint-url');
    expect(endpoint.info.message).not.toContain('AWS');
    const sandbox = toApiError(refused, { ...AWS, mode: 'sandbox', target: 'http://127.0.0.1:9/' });
    expect(sandbox.info.message).toBe(
      'The IAM sandbox at http://127.0.0.1:9/ could not be reached: the connection was refused (ECONNREFUSED).',
    );
    // A dropped connection: the write may have been made, and retrying is safe.
    const reset = toApiError(
      Object.assign(new Error('socket hang up'), { code: 'ECONNRESET', name: 'TimeoutError' }),
      AWS,
    );
    expect(reset.info.code).toBe('ConnectionFailed');
    expect(reset.info.hint).toContain('iam:CreatePolicy may have been carried out anyway');
    // No hint about a possibly made change when the request never left.
    expect(error.info.hint).not.toContain('carried out');
  });

  it('says which endpoint did not answer in time', () => {
    const timeouts = { connectMs: 200, attemptMs: 300, callMs: 900, operationMs: 1000 };
    const attempt = Object.assign(new Error('a request has exceeded the configured 300 ms requestTimeout'), {
      name: 'TimeoutError',
      code: 'ETIMEDOUT',
      $metadata: { attempts: 3 },
    });
    const endpoint = { ...AWS, mode: 'endpoint' as const, target: 'http://127.0.0.1:1234', timeouts };
    const error = toApiError(attempt, endpoint);
    expect(error.status).toBe(504);
    expect(error.info).toMatchObject({
      code: 'Timeout',
      message:
        'The IAM endpoint http://127.0.0.1:1234 did not answer iam:CreatePolicy within 300 ms (3 attempts).',
    });
    expect(error.info.hint).toContain('http://127.0.0.1:1234 is running');
    const connect = Object.assign(
      new Error(
        'the request socket did not establish a connection with the server within the configured timeout of 200 ms.',
      ),
      { name: 'TimeoutError' },
    );
    expect(toApiError(connect, endpoint).info.message).toBe(
      'The IAM endpoint http://127.0.0.1:1234 could not be reached: no connection within 200 ms.',
    );
    expect(toApiError(attempt, { ...AWS, timeouts }).info.message).toBe(
      'AWS did not answer iam:CreatePolicy within 300 ms (3 attempts).',
    );
  });

  it('names the endpoint in IAM errors in endpoint mode', () => {
    const endpoint = { ...AWS, mode: 'endpoint' as const, target: 'http://127.0.0.1:1234' };
    expect(toApiError(serviceError('AccessDenied', 'nope', 403), endpoint).info.message).toContain(
      'The IAM endpoint http://127.0.0.1:1234 said: nope',
    );
    expect(toApiError(serviceError('ServiceFailure', 'boom', 500), endpoint).info.message).toBe(
      'The IAM endpoint http://127.0.0.1:1234 failed to process iam:CreatePolicy: boom',
    );
    expect(toApiError(serviceError('SomethingNew', 'odd', 400), endpoint).info.message).toBe(
      'iam:CreatePolicy failed at the IAM endpoint http://127.0.0.1:1234: odd',
    );
    expect(toApiError(serviceError('AccessDenied', 'nope', 403), AWS).info.message).toContain(
      'IAM said: nope',
    );
  });

  it('keeps IAM messages for the modelled errors, with a hint', () => {
    const cases: [unknown, number, string][] = [
      [
        new NoSuchEntityException({ $metadata: {}, message: 'The role with name x cannot be found.' }),
        404,
        'NoSuchEntity',
      ],
      [
        new LimitExceededException({ $metadata: {}, message: 'Cannot exceed quota for PoliciesPerRole: 10' }),
        409,
        'LimitExceeded',
      ],
      [
        serviceError('MalformedPolicyDocumentException', 'Syntax errors in policy.'),
        400,
        'MalformedPolicyDocument',
      ],
      [serviceError('ValidationError', '1 validation error detected'), 400, 'ValidationError'],
      [
        serviceError('EntityAlreadyExistsException', 'Role with name x already exists.', 409),
        409,
        'EntityAlreadyExists',
      ],
      [
        serviceError('DeleteConflictException', 'Cannot delete a policy attached to entities.', 409),
        409,
        'DeleteConflict',
      ],
      [serviceError('Throttling', 'Rate exceeded'), 429, 'Throttling'],
      [serviceError('SomethingNew', 'surprise'), 502, 'SomethingNew'],
    ];
    for (const [error, status, code] of cases) {
      const mapped = toApiError(error, AWS);
      expect(mapped, code).toBeInstanceOf(ApiError);
      expect([mapped.status, mapped.info.code]).toEqual([status, code]);
      expect(mapped.info.message.length).toBeGreaterThan(5);
      expect(mapped.info.hint?.length).toBeGreaterThan(10);
    }
    expect(
      toApiError(
        new LimitExceededException({ $metadata: {}, message: 'Cannot exceed quota for PoliciesPerRole: 10' }),
        AWS,
      ).info.hint,
    ).toContain('Detach');
  });
});

describe('IamRetryStrategy', () => {
  const retries = async (
    strategy: IamRetryStrategy,
    errorType: RetryErrorType,
    shape: { name: string; code?: string; message?: string },
  ): Promise<boolean> => {
    const token = await strategy.acquireInitialRetryToken('iam');
    const thrown = { message: 'failed', ...shape }; // what the SDK throws: name, message, maybe a Node code
    const error: SdkError = thrown;
    return strategy.refreshRetryTokenForRetry(token, { errorType, error }).then(
      () => true,
      () => false,
    );
  };

  it('retries throttling and transient failures, never a quota', async () => {
    const standard = new IamRetryStrategy(3);
    expect(await retries(standard, 'THROTTLING', { name: 'Throttling' })).toBe(true);
    expect(await retries(standard, 'TRANSIENT', { name: 'TimeoutError', code: 'ETIMEDOUT' })).toBe(true);
    expect(await retries(standard, 'THROTTLING', { name: 'LimitExceededException' })).toBe(false);
  });

  it('for writes that are not idempotent, retries only what cannot have reached IAM', async () => {
    const once = new IamRetryStrategy(3, { retryAmbiguous: false });
    expect(await retries(once, 'THROTTLING', { name: 'Throttling' })).toBe(true);
    expect(await retries(once, 'TRANSIENT', { name: 'Error', code: 'ECONNREFUSED' })).toBe(true);
    expect(
      await retries(once, 'TRANSIENT', {
        name: 'TimeoutError',
        message: 'the request socket did not establish a connection with the server within 300 ms',
      }),
    ).toBe(true);
    expect(await retries(once, 'TRANSIENT', { name: 'TimeoutError', code: 'ETIMEDOUT' })).toBe(false);
    expect(await retries(once, 'TRANSIENT', { name: 'TimeoutError', code: 'ECONNRESET' })).toBe(false);
    expect(await retries(once, 'SERVER_ERROR', { name: 'ServiceFailure' })).toBe(false);
  });
});

describe('decodeDocument', () => {
  it('decodes exactly once', () => {
    const text = '{"Resource":"arn:aws:s3:::b/100%25/%zz"}';
    expect(decodeDocument(encodeURIComponent(text))).toBe(text);
    expect(decodeDocument(encodeURIComponent(encodeURIComponent(text)))).toBe(encodeURIComponent(text));
    expect(decodeDocument('{"a":"%zz"}')).toBe('{"a":"%zz"}');
    expect(decodeDocument(undefined)).toBe('');
    expect(decodeDocument('')).toBe('');
  });

  it('keeps plain JSON exactly as sent, even when it contains percent-escapes', () => {
    const plain = '{"Resource":"arn:aws:s3:::b/home/%7Buser%7D/*","Sid":"100%25"}';
    expect(decodeDocument(plain)).toBe(plain);
    expect(decodeDocument(`\n  ${plain}`)).toBe(`\n  ${plain}`);
    expect(decodeDocument(`\uFEFF${plain}`)).toBe(`\uFEFF${plain}`);
    expect(decodeDocument('[1]')).toBe('[1]');
    // What IAM sends for that document: encoded, so decoded once.
    expect(decodeDocument(encodeURIComponent(plain))).toBe(plain);
    expect(decodeDocument(encodeURIComponent(`\n${plain}`))).toBe(`\n${plain}`);
    // Neither JSON nor valid encoding: as sent.
    expect(decodeDocument('%E0%A4%A')).toBe('%E0%A4%A');
  });
});

describe('IamGateway against the sandbox', () => {
  let sandbox: Sandbox;
  let gateway: IamGateway;

  beforeAll(async () => {
    sandbox = await startSandbox();
    gateway = new IamGateway({ mode: 'sandbox', endpointUrl: sandbox.url });
  });
  afterAll(async () => {
    gateway.destroy();
    await sandbox.close();
  });

  const count = (action: string): number => sandbox.state.requests.filter((a) => a === action).length;

  it('retries throttling with backoff (the SDK standard strategy)', async () => {
    const before = count('ListUsers');
    sandbox.state.failNext('ListUsers', 'Throttling', 'Rate exceeded', 2);
    const users = await gateway.listPrincipals('user');
    expect(users.map((u) => u.name)).toContain('alice');
    expect(count('ListUsers') - before).toBe(3);
  });

  it('gives up after maxAttempts (5 by default)', async () => {
    expect(gateway.maxAttempts).toBe(5);
    const quick = new IamGateway({ mode: 'sandbox', endpointUrl: sandbox.url, maxAttempts: 3 });
    try {
      const before = count('ListGroups');
      sandbox.state.failNext('ListGroups', 'Throttling', 'Rate exceeded', 3);
      const error = await quick.listPrincipals('group').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).info).toMatchObject({
        code: 'Throttling',
        hint: 'Wait a minute and retry.',
      });
      expect(count('ListGroups') - before).toBe(3);
      expect((await quick.listPrincipals('group')).length).toBeGreaterThan(1);
    } finally {
      quick.destroy();
    }
  });

  it('does not retry LimitExceeded (a quota, not a rate)', async () => {
    const before = count('AttachRolePolicy');
    const error = await gateway
      .attachPolicy('role', 'data-pipeline-role', 'arn:aws:iam::aws:policy/ReadOnlyAccess')
      .catch((e: unknown) => e);
    expect((error as ApiError).info).toMatchObject({
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for PoliciesPerRole: 10',
    });
    expect(count('AttachRolePolicy') - before).toBe(1);
  });

  it('reports the caller identity', async () => {
    expect(await gateway.callerIdentity()).toEqual({
      accountId: '123456789012',
      arn: 'arn:aws:iam::123456789012:user/sandbox-admin',
      userId: 'AIDASANDBOXADMIN12345',
    });
  });

  it('says when the sandbox cannot be reached', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as AddressInfo;
        probe.close(() => resolve(free));
      });
    });
    const url = `http://127.0.0.1:${port}/`;
    const offline = new IamGateway({ mode: 'sandbox', endpointUrl: url, maxAttempts: 2 });
    try {
      const error = await offline.callerIdentity().catch((e: unknown) => e);
      expect((error as ApiError).info).toMatchObject({
        code: 'ConnectionFailed',
        message: `The IAM sandbox at ${url.slice(0, -1)} could not be reached: the connection was refused (ECONNREFUSED).`,
      });
    } finally {
      offline.destroy();
    }
  });
});
