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
