import { useEffect, useState } from 'react';
import { Loader2 } from 'lucide-react';
import type { CampaignDoc } from '../domain/campaign';
import type { CampaignRepository } from '../campaigns/campaign-repository';
import { useCampaignRepository } from '../campaigns/useCampaignRepository';
import { findTemplate, templateDoc } from '../templates';
import { navigate } from './routing/navigation';
import { NotFoundPage } from './NotFoundPage';
import './pages.css';

/**
 * Creations in flight, by target. React's strict mode runs effects twice in development; sharing
 * the promise keeps `#/new` from creating two campaigns.
 */
const inFlight = new Map<string, Promise<CampaignDoc>>();

function createOnce(repo: CampaignRepository, templateId: string | undefined): Promise<CampaignDoc> {
  const key = templateId ?? '';
  let p = inFlight.get(key);
  if (!p) {
    const template = templateId ? findTemplate(templateId) : undefined;
    p = (template ? repo.createFrom(templateDoc(template)) : repo.create()).finally(() => {
      // Released a moment later, so that the second strict-mode run still finds it.
      setTimeout(() => inFlight.delete(key), 1000);
    });
    inFlight.set(key, p);
  }
  return p;
}

/** `#/new` and `#/new/<template>`: creates the campaign, then replaces the URL with its editor. */
export function NewCampaignPage({ templateId }: { templateId?: string | undefined }) {
  const repo = useCampaignRepository();
  const [error, setError] = useState<string | null>(null);
  const unknownTemplate = templateId !== undefined && !findTemplate(templateId);

  useEffect(() => {
    if (unknownTemplate) return;
    let live = true;
    createOnce(repo, templateId).then(
      (doc) => live && navigate({ name: 'editor', campaignId: doc.id }, { replace: true }),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, [repo, templateId, unknownTemplate]);

  if (unknownTemplate) return <NotFoundPage what="template" />;
  return (
    <main className="cc-center-page">
      {error ? (
        <div role="alert">
          <h1>The campaign could not be created</h1>
          <p>{error}</p>
          <a className="cc-button" href="#/">
            Back to campaigns
          </a>
        </div>
      ) : (
        <p role="status" className="cc-center-status">
          <Loader2 size={18} aria-hidden className="cc-spinner" /> Creating campaign…
        </p>
      )}
    </main>
  );
}
