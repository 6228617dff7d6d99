import { useEffect } from 'react';
import { CampaignListPage } from '../campaigns/list/CampaignListPage';
import { DataPage } from '../data-explorer/DataPage';
import { EditorPage } from './editor/EditorPage';
import { NewCampaignPage } from './NewCampaignPage';
import { NotFoundPage } from './NotFoundPage';
import { SharedCampaignPage } from './shared/SharedCampaignPage';
import { navigate } from './routing/navigation';
import { hrefFor, type Route } from './routing/routes';
import { useRoute } from './routing/useRoute';

const titleOf = (route: Route) => (route.name === 'not-found' ? 'Not found – Campaign Canvas' : 'Campaign Canvas');

/** Picks the page for the current hash route. */
export function AppRoutes() {
  const route = useRoute();
  useEffect(() => {
    // The editor, the Data screen and a shared campaign set their own titles.
    if (route.name !== 'editor' && route.name !== 'data' && route.name !== 'shared' && route.name !== 'open-file') document.title = titleOf(route);
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
    case 'shared':
      return <SharedCampaignPage key={route.payload} source={{ kind: 'link', payload: route.payload }} />;
    case 'open-file':
      return <SharedCampaignPage key={route.url} source={{ kind: 'file', url: route.url }} />;
    case 'not-found':
      return <NotFoundPage />;
  }
}
