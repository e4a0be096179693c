/** Hash routes (#/karta, #/rangordning, #/kommun/1281, #/efterlevnad) with their settings as query parameters. */
import { useEffect, useState } from 'preact/hooks';

export interface Route {
  /** The path's parts, e.g. ['kommun', '1281']. */
  parts: string[];
  params: URLSearchParams;
}

export function parseHash(hash: string = location.hash): Route {
  const text = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = text.split('?', 2);
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query) };
}

/** The address of a page with settings; empty settings are left out. */
export function href(path: string, params: Record<string, string | number | boolean | null | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '' && value !== false) query.set(key, String(value));
  const text = query.toString();
  return `#/${path}${text ? `?${text}` : ''}`;
}

/** Changes settings of the current page (replacing the history entry, so Back leaves the page). */
export function updateParams(changes: Record<string, string | number | boolean | null | undefined>): void {
  const { parts, params } = parseHash();
  const next: Record<string, string> = Object.fromEntries(params.entries());
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined || value === null || value === '' || value === false) delete next[key];
    else next[key] = String(value);
  }
  history.replaceState(null, '', href(parts.join('/'), next));
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(parseHash);
  useEffect(() => {
    const changed = () => setRoute(parseHash());
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return route;
}
