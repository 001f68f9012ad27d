import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../sandbox/sandbox';
import { IamGateway } from '../server/iam';
import { startAppServer, type AppServer } from '../server/server';
import { ApiError, SERVER_UNREACHABLE, SERVER_UNREACHABLE_MESSAGE, call, isAbortError } from './client';

function fakeFetch(status: number, body: unknown, seen?: { url?: string; init?: RequestInit }): typeof fetch {
  return (async (url: string | URL | Request, init?: RequestInit) => {
    if (seen) {
      seen.url = String(url);
      seen.init = init;
    }
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    return new Response(text, { status, headers: { 'content-type': 'application/json' } });
  }) as typeof fetch;
}

describe('call (unit)', () => {
  it('posts JSON with the token header and answers the output', async () => {
    const seen: { url?: string; init?: RequestInit } = {};
    const out = await call(
      'checkPolicyName',
      { name: 'X' },
      { token: 't0k', fetch: fakeFetch(200, { name: 'X', valid: true, available: true }, seen) },
    );
    expect(out).toEqual({ name: 'X', valid: true, available: true });
    expect(seen.url).toBe('/api/checkPolicyName');
    expect(seen.init?.method).toBe('POST');
    expect(seen.init?.body).toBe('{"name":"X"}');
    expect((seen.init?.headers as Record<string, string>)['x-workbench-token']).toBe('t0k');
    expect((seen.init?.headers as Record<string, string>)['content-type']).toBe('application/json');
  });

  it('turns an error body into a typed ApiError with code, message, hint and versions', async () => {
    const body = {
      error: {
        code: 'LimitExceeded',
        message: 'A managed policy can have up to 5 versions.',
        hint: 'Delete a non-default version first, for example the oldest, v1, then save again.',
        versions: [
          { versionId: 'v5', isDefaultVersion: true },
          { versionId: 'v1', isDefaultVersion: false },
        ],
      },
    };
    const error = await call(
      'createPolicyVersion',
      { policyArn: 'arn:aws:iam::123456789012:policy/P', document: '{}' },
      { token: 't', fetch: fakeFetch(409, body) },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const e = error as ApiError;
    expect([e.code, e.status, e.message, e.hint]).toEqual([
      'LimitExceeded',
      409,
      'A managed policy can have up to 5 versions.',
      'Delete a non-default version first, for example the oldest, v1, then save again.',
    ]);
    expect(e.versions?.map((v) => v.versionId)).toEqual(['v5', 'v1']);
  });

  it("keeps IAM's MalformedPolicyDocument message as the message", async () => {
    const body = {
      error: {
        code: 'MalformedPolicyDocument',
        message: 'Policy statement must contain resources.',
        hint: 'Fix the document (the validator marks the place) and retry.',
      },
    };
    const e = (await call(
      'createPolicy',
      { name: 'P', document: '{}' },
      { token: 't', fetch: fakeFetch(400, body) },
    ).catch((x: unknown) => x)) as ApiError;
    expect(e.code).toBe('MalformedPolicyDocument');
    expect(e.message).toBe('Policy statement must contain resources.');
  });

  it('adds what to do for a token the server refuses', async () => {
    const e = (await call(
      'session',
      {},
      {
        token: 'stale',
        fetch: fakeFetch(401, {
          error: { code: 'MissingToken', message: 'This request lacks the session token.' },
        }),
      },
    ).catch((x: unknown) => x)) as ApiError;
    expect(e.code).toBe('MissingToken');
    expect(e.hint).toMatch(/Open the URL that npm start printed/);
  });

  it('sends nothing without a token, and says what to do', async () => {
    const seen: { init?: RequestInit } = {};
    const e = (await call('session', {}, { token: null, fetch: fakeFetch(200, {}, seen) }).catch(
      (x: unknown) => x,
    )) as ApiError;
    expect(seen.init).toBeUndefined();
    expect(e.code).toBe('MissingToken');
    expect(e.hint).toMatch(/Open the URL that npm start printed/);
  });

  it('reports a network failure as ServerUnreachable', async () => {
    const failing = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    const e = (await call('session', {}, { token: 't', fetch: failing }).catch(
      (x: unknown) => x,
    )) as ApiError;
    expect(e.code).toBe(SERVER_UNREACHABLE);
    expect(e.status).toBe(0);
    expect(e.message).toBe(`${SERVER_UNREACHABLE_MESSAGE}.`);
  });

  it('reports an answer that is not the API (HTML from another server) as ServerUnreachable', async () => {
    const e = (await call(
      'session',
      {},
      { token: 't', fetch: fakeFetch(404, '<html>Not found</html>') },
    ).catch((x: unknown) => x)) as ApiError;
    expect(e.code).toBe(SERVER_UNREACHABLE);
    expect(e.message).toContain('HTTP 404');
  });

  it('reports an error body without a code as HttpError', async () => {
    const e = (await call('session', {}, { token: 't', fetch: fakeFetch(500, { oops: true }) }).catch(
      (x: unknown) => x,
    )) as ApiError;
    expect([e.code, e.status]).toEqual(['HttpError', 500]);
  });

  it('rethrows an abort as an abort, not as an error to show', async () => {
    const controller = new AbortController();
    controller.abort();
    const aborting = (async (_url: unknown, init?: RequestInit) => {
      init?.signal?.throwIfAborted();
      throw new Error('unreachable');
    }) as typeof fetch;
    const e = await call('session', {}, { token: 't', fetch: aborting, signal: controller.signal }).catch(
      (x: unknown) => x,
    );
    expect(isAbortError(e)).toBe(true);
  });
});

describe('call against the real server and the sandbox', () => {
  let sandbox: Sandbox;
  let server: AppServer;
  let gateway: IamGateway;
  const options = () => ({ token: server.token, baseUrl: server.url.replace(/\/$/, '') });

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    gateway = new IamGateway({ mode: 'sandbox', endpointUrl: sandbox.url });
    server = await startAppServer({
      host: '127.0.0.1',
      port: 0,
      staticDir: '/nonexistent',
      version: 'test',
      session: { mode: 'sandbox', endpointUrl: sandbox.url },
      gateway,
    });
  });

  afterAll(async () => {
    gateway.destroy();
    await server.close();
    await sandbox.close();
  });

  it('answers the session', async () => {
    const session = await call('session', {}, options());
    expect(session.label).toBe('Sandbox account 123456789012');
  });

  it("shows IAM's MalformedPolicyDocument as the server reports it", async () => {
    const document = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'ecs:ListClusters' }],
    });
    const e = (await call('createPolicy', { name: 'NoResource', document }, options()).catch(
      (x: unknown) => x,
    )) as ApiError;
    expect(e).toBeInstanceOf(ApiError);
    expect([e.code, e.status]).toEqual(['MalformedPolicyDocument', 400]);
    expect(e.message).toContain('Policy statement must contain resources.');
    expect(e.hint).toBeTruthy();
  });

  it('is refused by the server with a wrong token', async () => {
    const e = (await call('listPolicies', {}, { ...options(), token: 'not-the-launch-token' }).catch(
      (x: unknown) => x,
    )) as ApiError;
    expect([e.code, e.status]).toEqual(['MissingToken', 401]);
  });

  it('is ServerUnreachable once the server is gone', async () => {
    const gone = await startAppServer({
      host: '127.0.0.1',
      port: 0,
      staticDir: '/nonexistent',
      version: 'test',
      session: { mode: 'sandbox' },
    });
    const baseUrl = gone.url.replace(/\/$/, '');
    await gone.close();
    const e = (await call('session', {}, { token: gone.token, baseUrl }).catch(
      (x: unknown) => x,
    )) as ApiError;
    expect(e.code).toBe(SERVER_UNREACHABLE);
  });
});
