import { useEffect } from 'react';
import { CampaignListPage } from '../campaigns/list/CampaignListPage';
import { DataPage } from '../data-explorer/DataPage';
import { EditorPage } from './editor/EditorPage';
import { NewCampaignPage } from './NewCampaignPage';
import { NotFoundPage } from './NotFoundPage';
import { navigate } from './routing/navigation';
import { hrefFor, type Route } from './routing/routes';
import { useRoute } from './routing/useRoute';

const titleOf = (route: Route) => (route.name === 'not-found' ? 'Not found – Campaign Canvas' : 'Campaign Canvas');

/** Picks the page for the current hash route. */
export function AppRoutes() {
  const route = useRoute();
  useEffect(() => {
    // The editor and the Data screen set their own titles.
    if (route.name !== 'editor' && route.name !== 'data') document.title = titleOf(route);
  }, [route]);

  switch (route.name) {
    case 'list':
      return (
        <CampaignListPage
          onOpen={(id) => navigate({ name: 'editor', campaignId: id })}
          campaignHref={(id) => hrefFor({ name: 'editor', campaignId: id })}
        />
      );
    case 'editor':
      // Keyed: opening another campaign starts a fresh editor (store, history, autosaver).
      return <EditorPage key={route.campaignId} campaignId={route.campaignId} />;
    case 'new':
      return <NewCampaignPage key={route.templateId ?? ''} templateId={route.templateId} />;
    case 'data':
      return <DataPage />;
    case 'not-found':
      return <NotFoundPage />;
  }
}
