/**
 * Deep links in the fragment: `#flag=ID`, `#entity=ID`, `#lot=ID`, `#project=ID`, `#stats` (the
 * statistics dashboard), else the flag list.
 */

export type Route =
  | { view: 'list' }
  | { view: 'stats' }
  | { view: 'flag'; id: string }
  | { view: 'entity'; id: string }
  | { view: 'lot'; id: string }
  | { view: 'project'; id: string };

const VIEWS = ['flag', 'entity', 'lot', 'project'] as const;

/** Parses a fragment such as `#flag=F-12`. */
export function parseRoute(hash: string): Route {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  for (const view of VIEWS) {
    const id = params.get(view);
    if (id) return { view, id };
  }
  if (params.has('stats')) return { view: 'stats' };
  return { view: 'list' };
}

/** The fragment that opens a route. */
export function linkTo(route: Route): string {
  if (route.view === 'list') return '#';
  if (route.view === 'stats') return '#stats';
  return `#${route.view}=${encodeURIComponent(route.id)}`;
}

/** Calls `handle` now and on every change of the fragment. */
export function onRoute(handle: (route: Route) => void): void {
  window.addEventListener('hashchange', () => handle(parseRoute(location.hash)));
  handle(parseRoute(location.hash));
}
