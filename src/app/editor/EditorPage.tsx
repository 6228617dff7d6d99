import { useCallback, useEffect, useState } from 'react';
import { Loader2 } from 'lucide-react';
import type { CampaignDoc } from '../../domain/campaign';
import { CampaignLoadError } from '../../campaigns/campaign-repository';
import { useCampaignDoc } from '../../campaigns/useCampaigns';
import { useAutosave } from '../../campaigns/useAutosave';
import { NotFoundPage } from '../NotFoundPage';
import { EditorTopBar } from './EditorTopBar';
import { EditorSurface } from './EditorSurface';
import { FollowingBanner } from './FollowingBanner';
import { useEditingLease } from './useEditingLease';
import { useOtherTabWarning } from './useOtherTabWarning';
import './editor.css';

/** `#/campaigns/<id>`: loads the campaign, then edits it with autosave. */
export function EditorPage({ campaignId }: { campaignId: string }) {
  const query = useCampaignDoc(campaignId);
  if (query.isPending)
    return (
      <main className="cc-center-page">
        <p role="status" className="cc-center-status">
          <Loader2 size={18} aria-hidden className="cc-spinner" /> Opening campaign…
        </p>
      </main>
    );
  if (query.isError) return <LoadFailure error={query.error} />;
  if (query.data === null) return <NotFoundPage what="campaign" />;
  return <LoadedEditor initial={query.data} />;
}

/**
 * One tab edits a campaign; another tab open on it follows its changes, read-only, until the
 * person takes over editing there (see campaigns/editing-lease.ts). A following tab saves nothing.
 */
function LoadedEditor({ initial }: { initial: CampaignDoc }) {
  const [doc, setDoc] = useState(initial);
  const editing = useEditingLease(doc, setDoc);
  const readOnly = editing.role !== 'editor';
  const saveState = useAutosave(doc, { paused: readOnly });
  useOtherTabWarning(doc.id);
  const onChange = useCallback((next: CampaignDoc) => setDoc(next), []);

  useEffect(() => {
    document.title = `${doc.name} – Campaign Canvas`;
  }, [doc.name]);

  return (
    <div className="cc-editor-page">
      <EditorTopBar
        doc={doc}
        saveState={saveState}
        readOnly={readOnly}
        onRename={(name) => setDoc((d) => ({ ...d, name }))}
      />
      {editing.role === 'follower' && <FollowingBanner onTakeOver={editing.takeOver} />}
      <main className="cc-editor-main" aria-label="Campaign editor">
        <EditorSurface key={editing.epoch} doc={doc} onChange={onChange} readOnly={readOnly} />
      </main>
    </div>
  );
}

function LoadFailure({ error }: { error: Error }) {
  return (
    <main className="cc-center-page">
      <div className="cc-center-card" role="alert">
        <h1>This campaign could not be opened</h1>
        <p>
          {error instanceof CampaignLoadError
            ? 'Its saved copy is damaged. Problems found:'
            : `It could not be read from this browser’s storage: ${error.message}`}
        </p>
        {error instanceof CampaignLoadError && (
          <ul className="cc-load-errors">
            {error.errors.slice(0, 20).map((e, i) => (
              <li key={i}>
                <code>{e.path}</code>: {e.message}
              </li>
            ))}
          </ul>
        )}
        <a className="cc-button cc-button-primary" href="#/">
          Back to campaigns
        </a>
      </div>
    </main>
  );
}
