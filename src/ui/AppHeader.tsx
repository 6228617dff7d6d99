/**
 * The header of the app's screens (campaign list, Data): the brand and the main navigation, with
 * the screen shown marked as current. One component so that both screens link the same way.
 * `brandIsHeading`: the brand is the page's top heading (on a screen whose title is not an h1).
 */
export function AppHeader({ current, brandIsHeading }: { current: 'campaigns' | 'data'; brandIsHeading: boolean }) {
  const Brand = brandIsHeading ? 'h1' : 'span';
  return (
    <header className="cc-app-header">
      <div className="cc-brand">
        <span className="cc-brand-mark" aria-hidden>
          CC
        </span>
        <Brand className="cc-brand-name">Campaign Canvas</Brand>
      </div>
      <nav className="cc-app-nav" aria-label="Main">
        <a className="cc-button cc-button-quiet" href="#/" aria-current={current === 'campaigns' ? 'page' : undefined}>
          Campaigns
        </a>
        <a className="cc-button cc-button-quiet" href="#/data" aria-current={current === 'data' ? 'page' : undefined}>
          Data
        </a>
      </nav>
    </header>
  );
}
