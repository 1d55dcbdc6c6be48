// Screens are addressed by the URL's fragment (#/search?q=…, #/entity/ID): a link can be shared, Back works, and the
// server needs to know only one page.
import { useEffect, useState } from 'preact/hooks';

export interface Route {
  /** The first path segment: 'search', 'document', 'entity', … ('' on the bare page). */
  screen: string;
  /** The second path segment, when there is one (a document or entity id). */
  id: string | null;
  params: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const text = hash.replace(/^#\/?/, '');
  const [path = '', query = ''] = text.split('?', 2) as [string, string?];
  const [screen = '', id = null] = path.split('/').map((part) => decodeURIComponent(part));
  return { screen, id: id || null, params: new URLSearchParams(query) };
}

export function href(screen: string, id?: string | null, params: Record<string, string | string[] | null | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) continue;
    query.set(key, Array.isArray(value) ? value.join(',') : value);
  }
  const text = query.toString();
  return `#/${screen}${id ? '/' + encodeURIComponent(id) : ''}${text ? '?' + text : ''}`;
}

export function navigate(target: string, options: { replace?: boolean } = {}): void {
  if (options.replace) {
    history.replaceState(null, '', target);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    location.hash = target.replace(/^#/, '');
  }
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const changed = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', changed);
    return () => window.removeEventListener('hashchange', changed);
  }, []);
  return route;
}

/** A comma-separated list parameter as an array (empty when absent). */
export function listParam(params: URLSearchParams, name: string): string[] {
  return (params.get(name) ?? '').split(',').filter(Boolean);
}
