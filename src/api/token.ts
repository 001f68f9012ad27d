/**
 * The per-launch token: `npm start` prints a URL with `#token=…`. The page removes it from the
 * address bar (so it is not copied or bookmarked) and keeps it in this origin's storage, so that
 * other tabs of the same browser on the same server (a share link opened in a new tab) can talk to
 * it too. A restarted server has a new token and refuses the old one with a clear message.
 */
const KEY = 'workbench.token';

let memory: string | null = null;

function store(token: string): void {
  for (const storage of [sessionStorage, localStorage]) {
    try {
      storage.setItem(KEY, token);
    } catch {
      // storage disabled: keep it in memory only
    }
  }
}

export function captureToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    store(token);
    const rest = window.location.hash.replace(/(?:^#|&)token=[^&]+/, '').replace(/^&/, '');
    history.replaceState(null, '', window.location.pathname + window.location.search + (rest ? `#${rest}` : ''));
    memory = token;
    return token;
  }
  return apiToken();
}

export function apiToken(): string | null {
  if (memory) return memory;
  for (const storage of [() => sessionStorage, () => localStorage]) {
    try {
      const token = storage().getItem(KEY);
      if (token) return token;
    } catch {
      // storage disabled
    }
  }
  return null;
}
