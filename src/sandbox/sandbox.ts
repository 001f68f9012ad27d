/**
 * The IAM-compatible sandbox: an HTTP server on 127.0.0.1 that speaks IAM's Query protocol
 * (form-encoded POST with Action and Version=2010-05-08, XML responses) and STS's
 * GetCallerIdentity (Version=2011-06-15), over the in-memory account in state.ts. The unmodified
 * AWS SDK talks to it with `endpoint` set to its URL and any credentials.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CatalogLoader } from '../catalog/load';
import { DEFAULT_CATALOG_DIR, nodeFetchJson } from '../catalog/node';
import { IamError } from './errors';
import { FaultInjector, parseFaultPlan } from './faults';
import type { FaultPlan } from './faults';
import { IAM_OPERATIONS, Params, STS_OPERATIONS, unknownAction } from './operations';
import type { Operation } from './operations';
import { SIMULATION_OPERATIONS } from './simulateOperation';
import { SandboxState } from './state';
import { IAM_XMLNS, STS_XMLNS, errorXml, successXml } from './xml';

export const IAM_VERSION = '2010-05-08';
export const STS_VERSION = '2011-06-15';

export interface SandboxOptions {
  /** default 0: a free port */
  readonly port?: number;
  /** public/catalog/ by default: the AWS managed policies and the validator's catalog */
  readonly catalogDir?: string;
  /** seed users, groups, roles and attachments (default true) */
  readonly seed?: boolean;
  /**
   * A fault plan (faults.ts), e.g. "throttle=0.2,error500=0.1,latency=200-800,drop=0.05,stall=0.02,seed=7";
   * state.faults counts what it injected.
   */
  readonly faults?: string | FaultPlan;
}

export interface Sandbox {
  /** e.g. http://127.0.0.1:43125/ */
  readonly url: string;
  readonly state: SandboxState;
  close(): Promise<void>;
}

const MAX_BODY = 2 * 1024 * 1024;
const IAM_TABLE: Readonly<Record<string, Operation>> = { ...IAM_OPERATIONS, ...SIMULATION_OPERATIONS };

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const loader = await CatalogLoader.create(nodeFetchJson(options.catalogDir ?? DEFAULT_CATALOG_DIR));
  const entries = await loader.managedPolicies();
  const state = new SandboxState(loader.view, {
    entries,
    load: async (name) => {
      const file = await loader.managedPolicy(name);
      if (!file) throw new Error(`AWS managed policy ${name} is not in the catalog`);
      // AWS publishes its managed policies indented by four spaces.
      return JSON.stringify(file.document, null, 4);
    },
  });
  if (options.seed ?? true) state.seed();
  const plan = typeof options.faults === 'string' ? parseFaultPlan(options.faults) : options.faults;
  const injector = plan ? new FaultInjector(plan, state.faults) : undefined;

  const server = createServer((req, res) => {
    handle(state, injector, req, res).catch((error: unknown) => {
      if (!res.headersSent) {
        const message = error instanceof Error ? error.message : 'internal error';
        send(res, 500, errorXml('ServiceFailure', message, randomUUID(), IAM_XMLNS, 'Receiver'));
      } else {
        res.destroy();
      }
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** ServiceFailure's description in IAM's API reference. */
const SERVICE_FAILURE =
  'The request processing has failed because of an unknown error, exception or failure.';

async function handle(
  state: SandboxState,
  injector: FaultInjector | undefined,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const requestId = randomUUID();
  if (req.method !== 'POST' && req.method !== 'GET') {
    send(
      res,
      405,
      errorXml('InvalidAction', 'Use POST (or GET) with the Query protocol.', requestId),
      requestId,
    );
    return;
  }
  const query = new URL(req.url ?? '/', 'http://sandbox').searchParams;
  let body: string;
  try {
    body = await readBody(req);
  } catch {
    send(res, 413, errorXml('ValidationError', 'Request body too large.', requestId), requestId);
    return;
  }
  const form = new URLSearchParams(body);
  for (const [key, value] of query) if (!form.has(key)) form.append(key, value);
  const action = form.get('Action') ?? '';
  const version = form.get('Version') ?? '';
  const sts = version === STS_VERSION || (version === '' && Object.hasOwn(STS_OPERATIONS, action));
  const xmlns = sts ? STS_XMLNS : IAM_XMLNS;
  if (action !== '') {
    state.requests.push(action);
    if (state.requests.length > 20_000) state.requests.splice(0, 10_000);
  }
  try {
    if (action === '') throw new IamError('MissingAction', 'Missing Action');
    if (!String(req.headers.authorization ?? '').startsWith('AWS4-HMAC-SHA256 ')) {
      throw new IamError('MissingAuthenticationToken', 'Request is missing Authentication Token');
    }
    const table = sts ? STS_OPERATIONS : IAM_TABLE;
    const expected = sts ? STS_VERSION : IAM_VERSION;
    const operation: Operation | undefined = Object.hasOwn(table, action) ? table[action] : undefined;
    if (!operation || version !== expected) throw unknownAction(action, version || expected);
    // The plan decides before the operation runs, so a faulted request changes nothing.
    const decision = injector?.decide(action);
    if (decision?.kind === 'drop') {
      res.destroy();
      return;
    }
    if (decision?.kind === 'stall') return; // accepted, never answered (until close())
    if (decision?.kind === 'throttle') throw new IamError('Throttling', 'Rate exceeded');
    if (decision?.kind === 'error500') throw new IamError('ServiceFailure', SERVICE_FAILURE);
    if (decision?.kind === 'latency') await new Promise((resolve) => setTimeout(resolve, decision.ms));
    const fault = state.takeFault(action);
    if (fault) throw fault;
    const result = await operation({ state, params: new Params(form) });
    send(res, 200, successXml(action, result, requestId, xmlns), requestId);
  } catch (error) {
    if (!(error instanceof IamError)) throw error;
    const type = error.status >= 500 ? 'Receiver' : 'Sender';
    send(res, error.status, errorXml(error.code, error.message, requestId, xmlns, type), requestId);
  }
}

function send(res: ServerResponse, status: number, xml: string, requestId?: string): void {
  res.writeHead(status, {
    'content-type': 'text/xml',
    'content-length': Buffer.byteLength(xml),
    ...(requestId ? { 'x-amzn-requestid': requestId } : {}),
  });
  res.end(xml);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error('body too large'));
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}
