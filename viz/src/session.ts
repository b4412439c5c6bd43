/**
 * The API key of this tab: pasted into the sign-in form or passed as a `#key=…` fragment (for
 * scripted use), kept in sessionStorage only, and removed from the address bar at once so it
 * does not linger in history or screenshots.
 */

const STORAGE_KEY = 'collusion.apiKey';

/** Takes `key=…` out of the fragment (keeping any other part, e.g. `flag=F-1`) and stores it. */
export function takeKeyFromFragment(): string | null {
  const params = new URLSearchParams(location.hash.replace(/^#/, ''));
  const key = params.get('key');
  if (!key) return null;
  params.delete('key');
  const rest = params.toString();
  history.replaceState(null, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
  saveKey(key);
  return key;
}

export function currentKey(): string | null {
  return sessionStorage.getItem(STORAGE_KEY);
}

export function saveKey(key: string): void {
  sessionStorage.setItem(STORAGE_KEY, key.trim());
}

export function signOut(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}
