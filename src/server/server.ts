import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { API_PREFIX, operations, type ApiErrorBody, type OperationName, type SessionInfo } from './contract';
import { checkApiRequest, hostsFor, newToken } from './security';
import { createStaticHandler } from './static';

export interface AppServerOptions {
  readonly host: string;
  readonly port: number;
  /** the built app (dist/) */
  readonly staticDir: string;
  readonly session: Omit<SessionInfo, 'app' | 'version'>;
  readonly version: string;
  /** fixed token for tests; a fresh random one otherwise */
  readonly token?: string;
}

export interface AppServer {
  readonly url: string;
  /** the URL to open: carries the token in the fragment, which browsers never send to servers */
  readonly openUrl: string;
  readonly token: string;
  readonly port: number;
  close(): Promise<void>;
}

type Handler = (input: unknown) => Promise<unknown>;

const MAX_BODY = 1024 * 1024;

export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const token = options.token ?? newToken();
  const serveStatic = createStaticHandler(options.staticDir);
  let allowedHosts = new Set<string>();

  const handlers: Record<OperationName, Handler> = {
    session: async () => ({ app: 'iam-policy-workbench', version: options.version, ...options.session }),
  };

  async function handleApi(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    const refusal = checkApiRequest(req, allowedHosts, token);
    if (refusal) return sendError(res, refusal.status, refusal.code, refusal.message);
    if (req.method !== 'POST') return sendError(res, 405, 'MethodNotAllowed', 'API operations take POST.');
    if (!Object.hasOwn(operations, name)) return sendError(res, 404, 'UnknownOperation', `No operation "${name}".`);
    const op = name as OperationName;
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendError(res, 415, 'UnsupportedMediaType', 'Send JSON (content-type: application/json).');
    }
    let body: unknown;
    try {
      const text = await readBody(req);
      body = text === '' ? {} : JSON.parse(text);
    } catch (e) {
      return sendError(res, 400, 'BadRequest', e instanceof Error ? e.message : 'Unreadable body.');
    }
    const parsed = operations[op].input.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return sendError(res, 400, 'ValidationError', `Invalid input${issue ? ` at ${issue.path.join('.') || '(root)'}: ${issue.message}` : ''}.`);
    }
    try {
      const out = await handlers[op](parsed.data);
      sendJson(res, 200, out);
    } catch (e) {
      sendError(res, 500, 'InternalError', e instanceof Error ? e.message : 'Something went wrong.');
    }
  }

  const server = createServer((req, res) => {
    const host = (req.headers.host ?? '').toLowerCase();
    if (!allowedHosts.has(host)) {
      sendError(res, 403, 'ForeignHost', `Requests for host "${host}" are refused.`);
      return;
    }
    const pathname = (req.url ?? '/').split('?')[0] ?? '/';
    const done = pathname.startsWith(API_PREFIX)
      ? handleApi(req, res, pathname.slice(API_PREFIX.length))
      : req.method === 'GET' || req.method === 'HEAD'
        ? serveStatic(req, res)
        : Promise.resolve(sendError(res, 405, 'MethodNotAllowed', 'Only GET and HEAD here.'));
    done.catch((e: unknown) => {
      if (!res.headersSent) sendError(res, 500, 'InternalError', e instanceof Error ? e.message : 'Something went wrong.');
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  allowedHosts = hostsFor(port);
  const url = `http://${options.host}:${port}/`;
  return {
    url,
    openUrl: `${url}#token=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('Body too large.'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, code: string, message: string): void {
  const body: ApiErrorBody = { error: { code, message } };
  sendJson(res, status, body);
}
