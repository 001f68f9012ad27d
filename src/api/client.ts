/**
 * The browser's typed client for the local server (src/server/server.ts): `call(op, input)` posts
 * the input as JSON to /api/<op> with the per-launch token, and answers the operation's output or
 * throws an ApiError with a stable code, what happened and what to do next.
 *
 * Types only from the contract: the zod schemas stay on the server.
 */
import { apiToken } from './token';
import type {
  ApiErrorInfo,
  FindingInfo,
  OperationInputs,
  OperationName,
  OperationOutputs,
  PolicyVersionInfo,
} from './contract';

export const TOKEN_HEADER = 'x-workbench-token';
export const API_PREFIX = '/api/';

/** the code of every error raised when the server did not answer (or not as our server answers) */
export const SERVER_UNREACHABLE = 'ServerUnreachable';
export const SERVER_UNREACHABLE_MESSAGE =
  'The local server is not running: start it again with npm start; your draft is saved';

/** An operation's failure as the server reported it, or ServerUnreachable when it did not answer. */
export class ApiError extends Error {
  readonly code: string;
  readonly hint?: string;
  /** HTTP status; 0 when there was no answer */
  readonly status: number;
  /** createRole: the trust policy's error findings */
  readonly findings?: readonly FindingInfo[];
  /** createPolicyVersion at the version quota: the policy's versions, newest first */
  readonly versions?: readonly PolicyVersionInfo[];

  constructor(info: ApiErrorInfo, status: number) {
    super(info.message);
    this.name = 'ApiError';
    this.code = info.code;
    this.status = status;
    if (info.hint !== undefined) this.hint = info.hint;
    if (info.findings !== undefined) this.findings = info.findings;
    if (info.versions !== undefined) this.versions = info.versions;
  }

  get info(): ApiErrorInfo {
    return {
      code: this.code,
      message: this.message,
      ...(this.hint !== undefined ? { hint: this.hint } : {}),
      ...(this.findings !== undefined ? { findings: this.findings } : {}),
      ...(this.versions !== undefined ? { versions: this.versions } : {}),
    };
  }
}

export interface CallOptions {
  readonly signal?: AbortSignal;
  /** defaults to the page's token (src/app/token.ts) */
  readonly token?: string | null;
  /** for tests */
  readonly fetch?: typeof fetch;
  /** for tests; default: this page's origin */
  readonly baseUrl?: string;
}

/** True for the error a call throws when its signal aborted it (nothing to show). */
export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Any thrown value as an ApiError (unexpected ones become InternalError). */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(
    { code: 'InternalError', message: error instanceof Error ? error.message : String(error) },
    0,
  );
}

function unreachable(detail?: string): ApiError {
  return new ApiError(
    {
      code: SERVER_UNREACHABLE,
      message: detail ? `${SERVER_UNREACHABLE_MESSAGE} (${detail}).` : `${SERVER_UNREACHABLE_MESSAGE}.`,
      hint: 'Run npm start again and open the URL it prints; this page keeps your draft and the form as you left them.',
    },
    0,
  );
}

function isErrorInfo(value: unknown): value is ApiErrorInfo {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'string' && typeof v.message === 'string';
}

/** The hint for refusals the page can do something about. */
function defaultHint(code: string): string | undefined {
  if (code === 'MissingToken') {
    return 'Open the URL that npm start printed (it carries the session token; a restarted server has a new one). Your draft is saved in this browser and comes back.';
  }
  if (code === 'ForeignHost' || code === 'ForeignOrigin') {
    return 'Open the app at the address npm start printed (http://127.0.0.1:PORT/).';
  }
  return undefined;
}

/** Calls one API operation. */
export async function call<K extends OperationName>(
  op: K,
  input: OperationInputs[K],
  options: CallOptions = {},
): Promise<OperationOutputs[K]> {
  const token = options.token === undefined ? apiToken() : options.token;
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const url = `${options.baseUrl ?? ''}${API_PREFIX}${op}`;
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  // Without the launch token the server refuses every call: say so without sending one (a refused
  // request would only add noise to the browser's console).
  if (!token) {
    throw new ApiError(
      { code: 'MissingToken', message: 'This tab has no session token, so it cannot reach your account.', hint: defaultHint('MissingToken') },
      0,
    );
  }
  headers[TOKEN_HEADER] = token;
  let response: Response;
  try {
    response = await doFetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify(input),
      credentials: 'same-origin',
      cache: 'no-store',
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (isAbortError(error) || options.signal?.aborted) throw error;
    throw unreachable();
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch (error) {
    if (isAbortError(error) || options.signal?.aborted) throw error;
    // Something answered, but not our server (e.g. a dev server without the API, or a proxy).
    throw unreachable(`HTTP ${response.status} without an API answer`);
  }
  if (response.ok) return body as OperationOutputs[K];
  const info = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  if (!isErrorInfo(info)) {
    throw new ApiError(
      {
        code: 'HttpError',
        message: `The server answered HTTP ${response.status} without saying why.`,
        hint: 'Retry; if it keeps failing, restart the server with npm start.',
      },
      response.status,
    );
  }
  const hint = info.hint ?? defaultHint(info.code);
  throw new ApiError(hint !== undefined ? { ...info, hint } : info, response.status);
}
