/**
 * Who the app is connected as: the `session` operation's answer (cached by useSession), shared by
 * the header badge and the dialogs (which always say which account they act on).
 */
import type { ApiError } from '../../api/client';
import type { SessionInfo } from '../../api/contract';

export type SessionState =
  | { readonly status: 'loading'; readonly previous?: SessionInfo }
  | { readonly status: 'ready'; readonly session: SessionInfo }
  | { readonly status: 'failed'; readonly error: ApiError };

/** The session when known (also while refreshing). */
export function currentSession(s: SessionState): SessionInfo | undefined {
  if (s.status === 'ready') return s.session;
  if (s.status === 'loading') return s.previous;
  return undefined;
}

/** "Sandbox account 123456789012", "AWS account … (profile dev)", "Not connected", … */
export function connectionLabel(s: SessionState): string {
  const session = currentSession(s);
  if (session) return session.label;
  if (s.status === 'failed') return 'Server not reachable';
  return 'Checking connection…';
}

function sentence(text: string): string {
  const t = text.trim();
  return /[.!?:]$/.test(t) ? t : `${t}.`;
}

/** Why IAM cannot be used now, or undefined when connected. */
export function notConnectedReason(s: SessionState): { message: string; hint: string } | undefined {
  const session = currentSession(s);
  if (session?.connected) return undefined;
  if (s.status === 'failed')
    return { message: s.error.message, hint: s.error.hint ?? 'Start the server with npm start.' };
  if (!session) return { message: 'Checking the connection…', hint: 'Wait a moment.' };
  const where =
    session.mode === 'endpoint'
      ? `the IAM endpoint ${session.endpointUrl ?? ''}`.trim()
      : session.mode === 'sandbox'
        ? 'the built-in sandbox'
        : 'an AWS account';
  const fallbackHint =
    session.mode === 'endpoint'
      ? `Check that ${where} is running, then Check again.`
      : session.mode === 'sandbox'
        ? 'Restart npm start -- --sandbox, then reload this page.'
        : 'Restart with npm start -- --profile NAME (your AWS account), or npm start -- --sandbox to try without an account.';
  return {
    message: sentence(session.error?.message ?? `This server is not connected to ${where}.`),
    hint: session.error?.hint ?? fallbackHint,
  };
}
