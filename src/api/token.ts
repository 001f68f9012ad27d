/**
 * The per-launch token: `npm start` prints a URL with `#token=…`. The page keeps it for this tab
 * (sessionStorage) and removes it from the address bar, so it is not copied or bookmarked.
 */
const KEY = 'workbench.token';

export function captureToken(): string | null {
  const match = /(?:^#|&)token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    const token = decodeURIComponent(match[1]);
    try {
      sessionStorage.setItem(KEY, token);
    } catch {
      // storage disabled: keep it in memory only
    }
    const rest = window.location.hash.replace(/(?:^#|&)token=[^&]+/, '').replace(/^&/, '');
    history.replaceState(null, '', window.location.pathname + window.location.search + (rest ? `#${rest}` : ''));
    memory = token;
    return token;
  }
  return apiToken();
}

let memory: string | null = null;

export function apiToken(): string | null {
  if (memory) return memory;
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}
