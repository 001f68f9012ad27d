/**
 * Test endpoints for the IAM gateway, on 127.0.0.1 only:
 *
 * - startFaultyEndpoint: an HTTP server speaking just enough of IAM's Query protocol to pick a
 *   fault per request (by its Action): pass it to an upstream IAM-compatible server (the sandbox)
 *   and relay the answer, stall (accept and never answer), drop the connection, lose the answer
 *   (pass it upstream, so the change is made, then drop the connection instead of answering), or
 *   answer a given XML body itself.
 * - startSilentServer: a bare TCP server that accepts connections and never writes a byte.
 */
import { createServer as createHttpServer, request as httpRequest } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';

export type Fault =
  'pass' | 'stall' | 'drop' | 'lose-answer' | { readonly status: number; readonly body: string };

export interface SeenRequest {
  /** the Query protocol's Action, e.g. "CreatePolicy" */
  readonly action: string;
  readonly form: URLSearchParams;
  /** 1 for the first request with this action, 2 for the second, ... */
  readonly nth: number;
  /** the connection's number (1 for the first connection): shows whether a socket was reused */
  readonly connection: number;
}

export interface FaultyEndpointOptions {
  /** where 'pass' and 'lose-answer' send requests (e.g. the sandbox's URL) */
  readonly upstream?: string;
  /** the fault for each request (default: 'pass') */
  readonly plan?: (request: SeenRequest) => Fault;
}

export interface FaultyEndpoint {
  /** e.g. http://127.0.0.1:43125/ */
  readonly url: string;
  /** every request received, in order */
  readonly requests: SeenRequest[];
  /** change the plan */
  plan: (request: SeenRequest) => Fault;
  /** connections accepted so far, and closed so far */
  readonly connections: { opened: number; closed: number };
  close(): Promise<void>;
}

const XMLNS = 'https://iam.amazonaws.com/doc/2010-05-08/';

/** Escapes text for XML element content. */
export function xmlText(text: string): string {
  return text.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;',
  );
}

/** A successful Query-protocol answer: `result` is the inner XML of <{action}Result>. */
export function iamAnswer(action: string, result: string): { status: number; body: string } {
  return {
    status: 200,
    body:
      `<?xml version="1.0" encoding="UTF-8"?>\n<${action}Response xmlns="${XMLNS}"><${action}Result>${result}</${action}Result>` +
      `<ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ResponseMetadata></${action}Response>`,
  };
}

/** An error answer, as IAM writes it. */
export function iamErrorAnswer(
  status: number,
  code: string,
  message: string,
): { status: number; body: string } {
  return {
    status,
    body:
      `<?xml version="1.0" encoding="UTF-8"?>\n<ErrorResponse xmlns="${XMLNS}"><Error><Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type>` +
      `<Code>${xmlText(code)}</Code><Message>${xmlText(message)}</Message></Error>` +
      `<RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>`,
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function forward(
  upstream: string,
  req: IncomingMessage,
  body: Buffer,
): Promise<{ status: number; headers: Record<string, string>; body: Buffer }> {
  const target = new URL(req.url ?? '/', upstream);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(req.headers)) {
      if (typeof value === 'string' && key !== 'host' && key !== 'connection') headers[key] = value;
    }
    const out = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname + target.search,
        method: req.method,
        headers,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const answerHeaders: Record<string, string> = {};
          for (const [key, value] of Object.entries(res.headers)) {
            if (typeof value === 'string' && key !== 'connection' && key !== 'keep-alive')
              answerHeaders[key] = value;
          }
          resolve({ status: res.statusCode ?? 502, headers: answerHeaders, body: Buffer.concat(chunks) });
        });
        res.on('error', reject);
      },
    );
    out.on('error', reject);
    out.end(body);
  });
}

export async function startFaultyEndpoint(options: FaultyEndpointOptions = {}): Promise<FaultyEndpoint> {
  const requests: SeenRequest[] = [];
  const counts = new Map<string, number>();
  const sockets = new Set<Socket>();
  const socketIds = new WeakMap<Socket, number>();
  const connections = { opened: 0, closed: 0 };

  const endpoint: FaultyEndpoint = {
    url: '',
    requests,
    plan: options.plan ?? (() => 'pass'),
    connections,
    close: async () => undefined,
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readBody(req);
    const form = new URLSearchParams(body.toString('utf8'));
    const action = form.get('Action') ?? '';
    const nth = (counts.get(action) ?? 0) + 1;
    counts.set(action, nth);
    const seen: SeenRequest = { action, form, nth, connection: socketIds.get(req.socket) ?? 0 };
    requests.push(seen);
    const fault = endpoint.plan(seen);
    if (fault === 'stall') return; // never answer
    if (fault === 'drop') {
      req.socket.destroy();
      return;
    }
    if (fault === 'pass' || fault === 'lose-answer') {
      if (!options.upstream) throw new Error(`no upstream for '${fault}' (${action})`);
      const answer = await forward(options.upstream, req, body);
      if (fault === 'lose-answer') {
        req.socket.destroy(); // the upstream made the change; its answer never arrives
        return;
      }
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
      return;
    }
    res.writeHead(fault.status, {
      'content-type': 'text/xml',
      'content-length': Buffer.byteLength(fault.body),
    });
    res.end(fault.body);
  }

  const server = createHttpServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        const answer = iamErrorAnswer(
          500,
          'ServiceFailure',
          error instanceof Error ? error.message : 'failure',
        );
        res.writeHead(answer.status, { 'content-type': 'text/xml' });
        res.end(answer.body);
      } else {
        res.destroy();
      }
    });
  });
  server.on('connection', (socket: Socket) => {
    connections.opened++;
    socketIds.set(socket, connections.opened);
    sockets.add(socket);
    socket.on('close', () => {
      connections.closed++;
      sockets.delete(socket);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return Object.assign(endpoint, {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  });
}

export interface SilentServer {
  readonly url: string;
  /** connections accepted so far, and closed (by the client) so far */
  readonly connections: { opened: number; closed: number };
  close(): Promise<void>;
}

/** A TCP server on 127.0.0.1 that accepts every connection, reads what comes, and never answers. */
export async function startSilentServer(): Promise<SilentServer> {
  const sockets = new Set<Socket>();
  const connections = { opened: 0, closed: 0 };
  const server = createNetServer((socket) => {
    connections.opened++;
    sockets.add(socket);
    socket.resume(); // read and discard
    socket.on('error', () => undefined);
    socket.on('close', () => {
      connections.closed++;
      sockets.delete(socket);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
