import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
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
import { useEditorLifecycle } from '../../lifecycle/useEditorLifecycle';
import { LifecycleControls } from '../../lifecycle/LifecycleControls';
import { LifecycleErrorBanner, PublishedBanner, ViewingBanner } from '../../lifecycle/LifecycleBanners';
import { showToast } from '../../ui/Toast';
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
  const latest = useRef(doc);
  useLayoutEffect(() => {
    latest.current = doc;
  });
  const editing = useEditingLease(doc, setDoc);
  const readOnly = editing.role !== 'editor';
  const newestDoc = useCallback(() => latest.current, []);
  const saveState = useAutosave(doc, { paused: readOnly, current: newestDoc });
  useOtherTabWarning(doc.id);
  const onChange = useCallback((next: CampaignDoc) => {
    latest.current = next;
    setDoc(next);
  }, []);
  const life = useEditorLifecycle(
    doc.id,
    useCallback(() => latest.current, []),
  );
  // A version looked at read-only, in place of the campaign; a revert opens a fresh editor.
  const [viewing, setViewing] = useState<number | null>(null);
  const [draftEpoch, setDraftEpoch] = useState(0);
  const viewed = viewing === null ? undefined : life.lifecycle?.versions.find((v) => v.number === viewing);

  useEffect(() => {
    document.title = `${doc.name} – Campaign Canvas`;
  }, [doc.name]);

  const editAsDraft = async () => {
    const from = life.lifecycle?.versions.at(-1)?.number;
    if (from === undefined) return;
    const started = await life.draftFrom(from);
    if (!started.ok) showToast({ title: 'A new draft could not be started', description: started.reason, tone: 'error' });
    else showToast({ title: `Editing a new draft of version ${from}`, description: 'Publish it to make it the next version.', tone: 'success' });
  };

  // A revert replaces the draft: only the tab that edits the campaign may do it, so that a draft
  // being typed in another tab is never overwritten from here.
  const revert = async (number: number): Promise<boolean> => {
    if (editing.role !== 'editor') {
      showToast({
        title: 'Not reverted: this campaign is being edited in another tab',
        description: 'Take over editing here first, or revert from the tab that edits it. Nothing was changed.',
        tone: 'error',
      });
      return false;
    }
    const started = await life.draftFrom(number);
    if (!started.ok) {
      showToast({ title: 'Not reverted', description: started.reason, tone: 'error' });
      return false;
    }
    // The campaign keeps its current name: a version is what it does, not what it is called.
    const next = { ...started.doc, name: latest.current.name, description: latest.current.description };
    latest.current = next;
    setDoc(next);
    setViewing(null);
    setDraftEpoch((e) => e + 1);
    showToast({ title: `Reverted to version ${number} as a new draft`, description: 'Publish it to make it the next version.', tone: 'success' });
    return true;
  };

  const lockReason = viewed ? `Version ${viewed.number} is shown read-only.` : life.lockReason;
  return (
    <div className="cc-editor-page">
      <EditorTopBar
        doc={doc}
        saveState={saveState}
        readOnly={readOnly}
        lockReason={lockReason}
        versions={life.lifecycle}
        onRename={(name) => {
          // Through `latest` too, so that a name committed as the page goes away is in its backup.
          const next = { ...latest.current, name };
          latest.current = next;
          setDoc(next);
        }}
        lifecycle={
          <LifecycleControls
            doc={doc}
            life={life}
            following={readOnly}
            onOpenVersion={setViewing}
            onRevert={revert}
          />
        }
      />
      {editing.role === 'follower' && <FollowingBanner onTakeOver={editing.takeOver} />}
      {life.error && <LifecycleErrorBanner error={life.error} />}
      {viewed ? (
        <ViewingBanner version={viewed} onBack={() => setViewing(null)} />
      ) : (
        life.lockReason !== null && (
          <PublishedBanner reason={life.lockReason} onEditAsDraft={() => void editAsDraft()} disabled={readOnly} />
        )
      )}
      <main className="cc-editor-main" aria-label="Campaign editor">
        {viewed ? (
          <EditorSurface key={`version-${viewed.number}`} doc={viewed.doc} onChange={ignoreEdits} readOnly={false} lockReason={lockReason} />
        ) : (
          // The lock waits for the versions to be read: a published campaign never opens editable.
          !life.isPending && (
            <EditorSurface
              key={`${editing.epoch}-${draftEpoch}`}
              doc={doc}
              onChange={onChange}
              readOnly={readOnly}
              lockReason={life.lockReason}
            />
          )
        )}
      </main>
    </div>
  );
}

/** A version looked at is never edited: its editor's store refuses every change anyway. */
const ignoreEdits = () => {};

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
