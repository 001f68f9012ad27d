/**
 * Who the app is connected as: the `session` operation's answer, shared by the header badge and
 * the dialogs (which always say which account they act on). Loaded once; `refresh` asks again.
 */
import { call, toApiError, type ApiError } from '../../api/client';
import type { SessionInfo } from '../../api/contract';

export type SessionState =
  | { readonly status: 'loading'; readonly previous?: SessionInfo }
  | { readonly status: 'ready'; readonly session: SessionInfo }
  | { readonly status: 'failed'; readonly error: ApiError };

type Listener = () => void;

let state: SessionState = { status: 'loading' };
let started = false;
let request = 0;
const listeners = new Set<Listener>();

function set(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

export const sessionStore = {
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
  get(): SessionState {
    return state;
  },
  /** loads the session the first time it is needed */
  ensure(): void {
    if (started) return;
    started = true;
    void sessionStore.refresh(false);
  },
  /** asks the server again (`force`: past its cache, e.g. after `aws sso login`) */
  async refresh(force = true): Promise<void> {
    started = true;
    const mine = ++request;
    set({ status: 'loading', ...(state.status === 'ready' ? { previous: state.session } : {}) });
    try {
      const session = await call('session', force ? { refresh: true } : {});
      if (mine === request) set({ status: 'ready', session });
    } catch (error) {
      if (mine === request) set({ status: 'failed', error: toApiError(error) });
    }
  },
};

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
  return {
    message: sentence(session.error?.message ?? 'This server is not connected to an AWS account.'),
    hint:
      session.error?.hint ??
      'Restart with npm start -- --profile NAME (your AWS account), or npm start -- --sandbox to try without an account.',
  };
}
