import './pages.css';

/** An address that leads nowhere: a way back instead of a blank page. */
export function NotFoundPage({ what = 'page' }: { what?: 'page' | 'campaign' | 'template' }) {
  return (
    <main className="cc-center-page">
      <div className="cc-center-card">
        <h1>{what === 'page' ? 'Page not found' : what === 'campaign' ? 'Campaign not found' : 'Template not found'}</h1>
        <p>
          {what === 'campaign'
            ? 'This campaign does not exist in this browser. It may have been deleted, or created in another browser.'
            : `There is no ${what} at this address.`}
        </p>
        <a className="cc-button cc-button-primary" href="#/">
          Back to campaigns
        </a>
      </div>
    </main>
  );
}
