import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** A fresh secret per launch. The page gets it from the URL the server prints. */
export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export const TOKEN_HEADER = 'x-workbench-token';

export type Refusal = { status: 401 | 403; code: string; message: string };

/**
 * Checks an API request: Host must be this server's own (no DNS rebinding), Origin (when sent)
 * must be this server's own (no cross-site requests), and the per-launch token must match.
 */
export function checkApiRequest(req: IncomingMessage, allowedHosts: ReadonlySet<string>, token: string): Refusal | null {
  const host = (req.headers.host ?? '').toLowerCase();
  if (!allowedHosts.has(host)) {
    return { status: 403, code: 'ForeignHost', message: `Requests for host "${host}" are refused.` };
  }
  const origin = req.headers.origin;
  if (origin !== undefined && origin !== `http://${host}`) {
    return { status: 403, code: 'ForeignOrigin', message: 'Requests from other origins are refused.' };
  }
  const fetchSite = req.headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') {
    return { status: 403, code: 'ForeignOrigin', message: 'Cross-site requests are refused.' };
  }
  const sent = req.headers[TOKEN_HEADER];
  if (typeof sent !== 'string' || !sameSecret(sent, token)) {
    return {
      status: 401,
      code: 'MissingToken',
      message: 'This request lacks the session token. Open the URL that `npm start` printed.',
    };
  }
  return null;
}

/** Host header values that name this server. */
export function hostsFor(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
