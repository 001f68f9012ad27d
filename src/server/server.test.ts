import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppServer, type AppServer } from './server';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(server: AppServer, method: string, urlPath: string, headers: Record<string, string>, body?: string): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, method, path: urlPath, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('app server', () => {
  let server: AppServer;
  let own: string;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wb-static-'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Workbench</title>');
    mkdirSync(path.join(dir, 'catalog'));
    writeFileSync(path.join(dir, 'catalog', 'index.json'), JSON.stringify({ hello: 'x'.repeat(5000) }));
    server = await startAppServer({
      host: '127.0.0.1',
      port: 0,
      staticDir: dir,
      session: { mode: 'sandbox' },
      version: '0.0.0-test',
    });
    own = `127.0.0.1:${server.port}`;
  });
  afterAll(() => server.close());

  const api = (headers: Record<string, string>, body = '{}') =>
    send(server, 'POST', '/api/session', { 'content-type': 'application/json', ...headers }, body);

  it('listens on loopback and prints a URL that carries the token in the fragment', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.openUrl).toBe(`${server.url}#token=${server.token}`);
    expect(server.token.length).toBeGreaterThanOrEqual(32);
  });

  it('answers an API call with the token from its own origin', async () => {
    const r = await api({ host: own, origin: `http://${own}`, 'x-workbench-token': server.token });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ app: 'iam-policy-workbench', mode: 'sandbox' });
  });

  it('refuses an API call without the token (401)', async () => {
    const r = await api({ host: own });
    expect(r.status).toBe(401);
    expect(JSON.parse(r.body).error.code).toBe('MissingToken');
    const wrong = await api({ host: own, 'x-workbench-token': 'x'.repeat(server.token.length) });
    expect(wrong.status).toBe(401);
  });

  it('refuses a foreign Host, as a DNS-rebinding page would send (403)', async () => {
    const r = await api({ host: `evil.example:${server.port}`, 'x-workbench-token': server.token });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).error.code).toBe('ForeignHost');
    const page = await send(server, 'GET', '/', { host: `evil.example:${server.port}` });
    expect(page.status).toBe(403);
  });

  it('refuses a foreign Origin (403), even with the token', async () => {
    const r = await api({ host: own, origin: 'https://evil.example', 'x-workbench-token': server.token });
    expect(r.status).toBe(403);
    expect(JSON.parse(r.body).error.code).toBe('ForeignOrigin');
    const site = await api({ host: own, 'sec-fetch-site': 'cross-site', 'x-workbench-token': server.token });
    expect(site.status).toBe(403);
  });

  it('exposes only the fixed list of operations and validates bodies', async () => {
    const ok = { host: own, 'x-workbench-token': server.token, 'content-type': 'application/json' };
    expect((await send(server, 'POST', '/api/deleteEverything', ok, '{}')).status).toBe(404);
    expect((await send(server, 'POST', '/api/toString', ok, '{}')).status).toBe(404);
    expect((await send(server, 'POST', '/api/session', ok, '{"extra":1}')).status).toBe(400);
    expect((await send(server, 'POST', '/api/session', ok, '{not json')).status).toBe(400);
    expect((await send(server, 'GET', '/api/session', ok)).status).toBe(405);
  });

  it('serves the app, falls back to index.html, gzips, and refuses path traversal', async () => {
    const index = await send(server, 'GET', '/some/route', { host: own });
    expect(index.status).toBe(200);
    expect(index.body).toContain('<title>Workbench</title>');
    expect(index.headers['content-security-policy']).toContain("default-src 'self'");
    const gz = await send(server, 'GET', '/catalog/index.json', { host: own, 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect((await send(server, 'GET', '/catalog/missing.json', { host: own })).status).toBe(404);
    expect((await send(server, 'GET', '/../../etc/passwd', { host: own })).body).not.toContain('root:');
    expect((await send(server, 'GET', '/..%2f..%2f..%2fetc%2fpasswd', { host: own })).status).toBe(403);
  });
});
