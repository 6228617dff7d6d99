import { lazy, Suspense, useEffect, useState } from 'react';
import { Loader2 } from 'lucide-react';
import { CampaignListPage } from '../campaigns/list/CampaignListPage';
import { DataPage } from '../data-explorer/DataPage';
import { EditorPage } from './editor/EditorPage';
import { NewCampaignPage } from './NewCampaignPage';
import { NotFoundPage } from './NotFoundPage';
import { SharedCampaignPage } from './shared/SharedCampaignPage';
import { navigate } from './routing/navigation';
import { hrefFor, type Route } from './routing/routes';
import { useRoute } from './routing/useRoute';
import { loadReportPage, loadedReportPage } from '../report/load-report-page';

// The Report screen and its charting library load only when a report is opened (or once a
// simulation is done in the editor: report/load-report-page.ts).
const ReportPage = lazy(loadReportPage);
// The Runs screen reuses the report's charts: loaded the same way.
const RunsPage = lazy(() => import('../runs/RunsPage'));

const titleOf = (route: Route) => (route.name === 'not-found' ? 'Not found – Campaign Canvas' : 'Campaign Canvas');

/** Picks the page for the current hash route. */
export function AppRoutes() {
  const route = useRoute();
  useEffect(() => {
    // The editor, the report, the Data screen and a shared campaign set their own titles.
    if (route.name !== 'editor' && route.name !== 'report' && route.name !== 'runs' && route.name !== 'data' && route.name !== 'shared' && route.name !== 'open-file') document.title = titleOf(route);
  }, [route]);

  switch (route.name) {
    case 'list':
      return (
        <CampaignListPage
          onOpen={(id) => navigate({ name: 'editor', campaignId: id })}
          campaignHref={(id) => hrefFor({ name: 'editor', campaignId: id })}
          onOpenReport={(id) => navigate({ name: 'report', campaignId: id, query: '' })}
          onOpenRuns={(id) => navigate({ name: 'runs', campaignId: id })}
        />
      );
    case 'editor':
      // Keyed: opening another campaign starts a fresh editor (store, history, autosaver).
      return <EditorPage key={route.campaignId} campaignId={route.campaignId} />;
    case 'report':
      return <ReportRoute key={route.campaignId} campaignId={route.campaignId} query={route.query} />;
    case 'runs':
      return (
        <Suspense
          fallback={
            <main className="cc-center-page">
              <p role="status" className="cc-center-status">
                <Loader2 size={18} aria-hidden className="cc-spinner" /> Opening the runs…
              </p>
            </main>
          }
        >
          <RunsPage key={route.campaignId} campaignId={route.campaignId} />
        </Suspense>
      );
    case 'new':
      return <NewCampaignPage key={route.templateId ?? ''} templateId={route.templateId} />;
    case 'data':
      return <DataPage />;
    case 'shared':
      return <SharedCampaignPage key={route.payload} source={{ kind: 'link', payload: route.payload }} />;
    case 'open-file':
      return <SharedCampaignPage key={route.url} source={{ kind: 'file', url: route.url }} />;
    case 'not-found':
      return <NotFoundPage />;
  }
}

/**
 * The Report screen: drawn in this very render when its code is already loaded, else once it is.
 * Decided once per campaign: switching from one to the other would start the screen afresh.
 */
function ReportRoute({ campaignId, query }: { campaignId: string; query: string }) {
  const [Loaded] = useState(loadedReportPage);
  if (Loaded) return <Loaded campaignId={campaignId} query={query} />;
  return (
    <Suspense
      fallback={
        <main className="cc-center-page">
          <p role="status" className="cc-center-status">
            <Loader2 size={18} aria-hidden className="cc-spinner" /> Opening the report…
          </p>
        </main>
      }
    >
      <ReportPage campaignId={campaignId} query={query} />
    </Suspense>
  );
}
