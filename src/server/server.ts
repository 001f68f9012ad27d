import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { untilAborted } from './abort';
import { ApiError } from './apiError';
import {
  API_PREFIX,
  operations,
  type ApiErrorBody,
  type OperationInputs,
  type OperationName,
} from './contract';
import { createHandlers, type Handlers, type OperationContext, type SessionBase } from './handlers';
import { DEFAULT_TIMEOUTS, duration, whereIn, type IamGateway } from './iam';
import { checkApiRequest, hostsFor, newToken } from './security';
import { createStaticHandler } from './static';

export interface AppServerOptions {
  readonly host: string;
  readonly port: number;
  /** the built app (dist/) */
  readonly staticDir: string;
  /** tests only: a folder whose files replace the built catalog's (see createStaticHandler) */
  readonly catalogOverlay?: string;
  /** how the server reaches IAM (reported by the session operation) */
  readonly session: SessionBase;
  readonly version: string;
  /** the IAM gateway; without one, IAM operations answer NotConnected */
  readonly gateway?: IamGateway;
  /** the built catalog (validates trust policies); default public/catalog/ */
  readonly catalogDir?: string;
  /** fixed token for tests; a fresh random one otherwise */
  readonly token?: string;
  /** the longest an API operation may take, ms (default: the gateway's timeouts.operationMs, 55 s) */
  readonly operationTimeoutMs?: number;
}

export interface AppServer {
  readonly url: string;
  /** the URL to open: carries the token in the fragment, which browsers never send to servers */
  readonly openUrl: string;
  readonly token: string;
  readonly port: number;
  close(): Promise<void>;
}

/** Calls the operation's handler with its validated input. */
function dispatch<K extends OperationName>(
  handlers: Handlers,
  op: K,
  input: OperationInputs[K],
  context: OperationContext,
): Promise<unknown> {
  const handler: Handlers[K] = handlers[op];
  return handler(input, context);
}

const MAX_BODY = 1024 * 1024;

export async function startAppServer(options: AppServerOptions): Promise<AppServer> {
  const token = options.token ?? newToken();
  const serveStatic = createStaticHandler(
    options.staticDir,
    options.catalogOverlay ? { catalogOverlay: options.catalogOverlay } : {},
  );
  const operationMs =
    options.operationTimeoutMs ?? options.gateway?.timeouts.operationMs ?? DEFAULT_TIMEOUTS.operationMs;
  const where = options.gateway
    ? whereIn({ mode: options.gateway.mode, target: options.gateway.target })
    : 'IAM';
  let allowedHosts = new Set<string>();

  // The fixed operation table: every name in contract.ts's `operations`, and nothing else.
  const handlers: Handlers = createHandlers({
    app: 'iam-policy-workbench',
    version: options.version,
    session: options.session,
    gateway: options.gateway,
    catalogDir: options.catalogDir,
  });

  async function handleApi(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    const refusal = checkApiRequest(req, allowedHosts, token);
    if (refusal) return sendError(res, refusal.status, refusal.code, refusal.message);
    if (req.method !== 'POST') return sendError(res, 405, 'MethodNotAllowed', 'API operations take POST.');
    if (!Object.hasOwn(operations, name))
      return sendError(res, 404, 'UnknownOperation', `No operation "${name}".`);
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
      const where = issue ? issue.path.map(String).join('.') || '(root)' : '(root)';
      return sendError(
        res,
        400,
        'ValidationError',
        `Invalid input for ${op} at ${where}${issue ? `: ${issue.message}` : ''}.`,
        'Correct that field and send the request again.',
      );
    }
    // The operation stops when the browser goes away (its fetch aborted: the socket closed) and
    // when its deadline passes; the IAM calls in flight are aborted with it.
    const controller = new AbortController();
    const onClose = (): void => {
      if (!res.writableEnded) {
        controller.abort(
          new ApiError(499, {
            code: 'Cancelled',
            message: `The page cancelled ${op} before it finished.`,
            hint: 'Nothing to do.',
          }),
        );
      }
    };
    res.on('close', onClose);
    const timer = setTimeout(() => {
      controller.abort(
        new ApiError(504, {
          code: 'Timeout',
          message: `${where.charAt(0).toUpperCase()}${where.slice(1)} did not answer in time: ${op} did not finish within ${duration(operationMs)}.`,
          hint: 'Check the connection (and the endpoint, if you gave one), then retry. If it was a change, refresh first: it may have been made; retrying is safe.',
        }),
      );
    }, operationMs);
    try {
      const out = await untilAborted(
        dispatch(handlers, op, parsed.data as OperationInputs[typeof op], { signal: controller.signal }),
        controller.signal,
      );
      sendJson(res, 200, out);
    } catch (e) {
      if (res.destroyed) return; // the browser went away: nobody to answer
      if (e instanceof ApiError) return sendJson(res, e.status, e.body());
      sendError(res, 500, 'InternalError', e instanceof Error ? e.message : 'Something went wrong.');
    } finally {
      clearTimeout(timer);
      res.off('close', onClose);
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
      if (!res.headersSent)
        sendError(res, 500, 'InternalError', e instanceof Error ? e.message : 'Something went wrong.');
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

function sendError(res: ServerResponse, status: number, code: string, message: string, hint?: string): void {
  const body: ApiErrorBody = { error: hint ? { code, message, hint } : { code, message } };
  sendJson(res, status, body);
}
