import { useEffect, useSyncExternalStore } from 'react';
import { sessionStore, type SessionState } from './sessionStore';

/** The connection (loaded on first use) and a way to check it again. */
export function useSession(): { state: SessionState; refresh: () => Promise<void> } {
  const state = useSyncExternalStore(sessionStore.subscribe, sessionStore.get);
  useEffect(() => sessionStore.ensure(), []);
  return { state, refresh: sessionStore.refresh };
}
