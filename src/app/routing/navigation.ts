import { hrefFor, parseRoute, type Route } from './routes';

/**
 * Goes to a route. `replace` swaps the current history entry, for redirects such as `#/new` ->
 * the created campaign, so that Back does not create another campaign.
 */
export function navigate(route: Route, options: { replace?: boolean } = {}): void {
  const href = hrefFor(route);
  if (options.replace) {
    window.history.replaceState(window.history.state, '', href);
    // replaceState fires no hashchange; tell the router ourselves.
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else window.location.hash = href;
}

/** The route of the current location. */
export function currentRoute(): Route {
  return parseRoute(window.location.hash);
}

/**
 * `?campaign=<relative URL>` (test fixtures, demos) becomes the `#/open/<url>` route at start-up:
 * the parameter leaves the address, so that going to the list or saving a copy does not open the
 * file again, and Back returns to it like to any other page.
 */
export function redirectCampaignParam(): void {
  const params = new URLSearchParams(window.location.search);
  const url = params.get('campaign');
  if (url === null) return;
  params.delete('campaign');
  const query = params.toString();
  const href = `${window.location.pathname}${query ? `?${query}` : ''}${hrefFor({ name: 'open-file', url })}`;
  window.history.replaceState(window.history.state, '', href);
}
