import { useEffect, useState } from 'react';
import { Button } from 'react-aria-components';
import { ArrowLeft, CopyPlus, Download, Eye, Loader2, TriangleAlert } from 'lucide-react';
import type { CampaignDoc } from '../../domain/campaign';
import type { PathError } from '../../domain/zod-issues';
import { EditorSurface } from '../editor/EditorSurface';
import { useCampaignMutations } from '../../campaigns/useCampaigns';
import { downloadCampaign } from '../../campaigns/transfer/download-campaign';
import { readSharedSource, type SharedSource } from '../../campaigns/share/read-shared-source';
import { sameData, sharedDataLabel, sharedDataOf, type SharedData } from '../../campaigns/share/share-link';
import { useDataset } from '../../queries/useDataset';
import { showToast } from '../../ui/Toast';
import { navigate } from '../routing/navigation';
import '../editor/editor.css';
import './shared.css';

type Loaded = { state: 'loading' } | { state: 'refused'; errors: PathError[] } | { state: 'ready'; doc: CampaignDoc; data: SharedData | null };

/**
 * `#/shared/<payload>` and `#/open/<url>`: a campaign from a link or a file served with the app,
 * shown read-only. Nothing is stored until "Save a copy", which creates a new campaign (new id),
 * so a campaign already in this browser is never overwritten; a link that cannot be read is
 * refused with the reason and changes nothing.
 */
export function SharedCampaignPage({ source }: { source: SharedSource }) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    void readSharedSource(source).then((result) => {
      if (!live) return;
      setLoaded(result.ok ? { state: 'ready', doc: result.doc, data: result.data } : { state: 'refused', errors: result.errors });
    });
    return () => {
      live = false;
    };
  }, [source]);

  useEffect(() => {
    document.title = `${loaded.state === 'ready' ? loaded.doc.name : 'Shared campaign'} – Campaign Canvas`;
  }, [loaded]);

  if (loaded.state === 'loading')
    return (
      <main className="cc-center-page">
        <p role="status" className="cc-center-status">
          <Loader2 size={18} aria-hidden className="cc-spinner" /> Opening the shared campaign…
        </p>
      </main>
    );
  if (loaded.state === 'refused') return <Refused errors={loaded.errors} what={source.kind} />;
  return <SharedEditor doc={loaded.doc} data={loaded.data} />;
}

function SharedEditor({ doc, data }: { doc: CampaignDoc; data: SharedData | null }) {
  const { createFrom } = useCampaignMutations();
  const dataset = useDataset();
  const current = dataset.data ? sharedDataOf(dataset.data) : null;
  const otherData = data !== null && current !== null && !sameData(data, current);

  const saveCopy = async () => {
    try {
      const saved = await createFrom.mutateAsync({ doc });
      showToast({ title: `Saved “${saved.name}” as a new campaign`, tone: 'success' });
      navigate({ name: 'editor', campaignId: saved.id });
    } catch (e) {
      showToast({ title: 'The copy could not be saved', description: e instanceof Error ? e.message : String(e), tone: 'error' });
    }
  };

  return (
    <div className="cc-editor-page">
      <header className="cc-topbar">
        <a className="cc-button cc-button-quiet cc-topbar-back" href="#/">
          <ArrowLeft size={16} aria-hidden />
          Campaigns
        </a>
        <span className="cc-topbar-divider" aria-hidden />
        <h1 className="cc-shared-title" title={doc.name}>
          {doc.name}
        </h1>
        <span className="cc-shared-badge">
          <Eye size={14} aria-hidden /> Read-only
        </span>
        {data && (
          <span className={`cc-shared-data${otherData ? ' cc-shared-data--other' : ''}`} title={otherData && current ? `Counts here are on ${sharedDataLabel(current)}` : undefined}>
            {otherData && <TriangleAlert size={14} aria-hidden />}
            Counted on {sharedDataLabel(data)}
            {otherData && current ? ` · shown on ${sharedDataLabel(current)}` : ''}
          </span>
        )}
        <div className="cc-topbar-actions">
          <Button className="cc-button" onPress={() => downloadCampaign(doc)}>
            <Download size={16} aria-hidden />
            Export JSON
          </Button>
          <Button className="cc-button cc-button-primary" onPress={() => void saveCopy()} isDisabled={createFrom.isPending}>
            <CopyPlus size={16} aria-hidden />
            Save a copy
          </Button>
        </div>
      </header>
      <main className="cc-editor-main" aria-label="Shared campaign">
        <EditorSurface doc={doc} onChange={ignoreEdits} readOnly={false} shared />
      </main>
    </div>
  );
}

/** A read-only editor never changes its document; nothing to do with one. */
const ignoreEdits = () => {};

function Refused({ errors, what }: { errors: PathError[]; what: SharedSource['kind'] }) {
  return (
    <main className="cc-center-page">
      <div className="cc-center-card" role="alert">
        <h1>{what === 'link' ? 'This campaign link could not be opened' : 'This campaign file could not be opened'}</h1>
        <p>Nothing was saved or changed. Problems found:</p>
        <ul className="cc-load-errors">
          {errors.slice(0, 20).map((e, i) => (
            <li key={i}>
              <code>{e.path}</code>: {e.message}
            </li>
          ))}
        </ul>
        <a className="cc-button cc-button-primary" href="#/">
          Back to campaigns
        </a>
      </div>
    </main>
  );
}
