/**
 * The app's places, addressed by the URL hash so that a static build needs no server rewrites:
 * `#/` campaign list, `#/campaigns/<id>` editor, `#/new` a new empty campaign,
 * `#/new/<templateId>` a new campaign from a starter template, `#/data` the data explorer,
 * `#/shared/<payload>` a campaign carried in the link itself, `#/open/<url>` a campaign file served
 * with the app (what `?campaign=<url>` becomes), both shown read-only, and
 * `#/campaigns/<id>/runs` a campaign's runs, `#/campaigns/<id>/report?<state>` a campaign's report, its filters and view in the query so that a
 * copied link opens the same view (src/report/report-state.ts reads it).
 */
export type Route =
  | { name: 'list' }
  | { name: 'editor'; campaignId: string }
  /** `query`: the report's state as URL search parameters, without the `?` (may be empty). */
  | { name: 'report'; campaignId: string; query: string }
  /** A campaign's runs over a simulated schedule, their log and reports (docs/lifecycle.md#runs). */
  | { name: 'runs'; campaignId: string }
  | { name: 'new'; templateId?: string }
  | { name: 'data' }
  | { name: 'shared'; payload: string }
  | { name: 'open-file'; url: string }
  | { name: 'not-found'; hash: string };

/** The route a hash (with or without its leading `#`) points to. */
export function parseRoute(hash: string): Route {
  const [rawPath = '', query = ''] = hash.replace(/^#/, '').split(/\?(.*)/s);
  const path = rawPath.replace(/^\/?/, '/');
  const parts = path.split('/').filter(Boolean).map(safeDecode);
  if (parts.length === 0) return { name: 'list' };
  if (parts[0] === 'campaigns' && parts.length === 1) return { name: 'list' };
  if (parts[0] === 'campaigns' && parts.length === 2 && parts[1]) return { name: 'editor', campaignId: parts[1] };
  if (parts[0] === 'campaigns' && parts.length === 3 && parts[1] && parts[2] === 'report') return { name: 'report', campaignId: parts[1], query };
  if (parts[0] === 'campaigns' && parts.length === 3 && parts[1] && parts[2] === 'runs') return { name: 'runs', campaignId: parts[1] };
  if (parts[0] === 'data' && parts.length === 1) return { name: 'data' };
  if (parts[0] === 'shared' && parts.length === 2 && parts[1]) return { name: 'shared', payload: parts[1] };
  if (parts[0] === 'open' && parts.length === 2 && parts[1]) return { name: 'open-file', url: parts[1] };
  if (parts[0] === 'new' && parts.length === 1) return { name: 'new' };
  if (parts[0] === 'new' && parts.length === 2 && parts[1]) return { name: 'new', templateId: parts[1] };
  return { name: 'not-found', hash };
}

/** The `href` of a route, e.g. `#/campaigns/cmp_1`. */
export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'list':
      return '#/';
    case 'editor':
      return `#/campaigns/${encodeURIComponent(route.campaignId)}`;
    case 'report':
      return `#/campaigns/${encodeURIComponent(route.campaignId)}/report${route.query ? `?${route.query}` : ''}`;
    case 'runs':
      return `#/campaigns/${encodeURIComponent(route.campaignId)}/runs`;
    case 'data':
      return '#/data';
    case 'new':
      return route.templateId ? `#/new/${encodeURIComponent(route.templateId)}` : '#/new';
    case 'shared':
      return `#/shared/${route.payload}`;
    case 'open-file':
      return `#/open/${encodeURIComponent(route.url)}`;
    case 'not-found':
      return route.hash.startsWith('#') ? route.hash : `#${route.hash}`;
  }
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
