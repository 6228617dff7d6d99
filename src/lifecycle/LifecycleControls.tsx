import { useState } from 'react';
import { Button } from 'react-aria-components';
import { History, Send } from 'lucide-react';
import type { CampaignDoc } from '../domain/campaign';
import { StatusBadge } from './StatusBadge';
import { PublishDialog } from './PublishDialog';
import { VersionsDialog } from './VersionsDialog';
import type { EditorLifecycle } from './useEditorLifecycle';

/**
 * The lifecycle part of the editor's top bar, beside the name: the status badge, Versions, and
 * Publish (a published version has "Edit as a new draft" in its banner instead).
 */
export function LifecycleControls({
  doc,
  life,
  following,
  onOpenVersion,
  onRevert,
}: {
  doc: CampaignDoc;
  life: EditorLifecycle;
  /** Another tab edits the campaign: this one publishes nothing. */
  following: boolean;
  onOpenVersion: (number: number) => void;
  onRevert: (number: number) => Promise<boolean>;
}) {
  const [publishing, setPublishing] = useState(false);
  const [listing, setListing] = useState(false);
  const lifecycle = life.lifecycle;
  if (!lifecycle) return null;
  const next = (lifecycle.versions.at(-1)?.number ?? 0) + 1;
  return (
    <div className="lc-controls">
      <StatusBadge status={lifecycle.status} draftOf={lifecycle.draft?.from} />
      <Button className="cc-button" onPress={() => setListing(true)}>
        <History size={16} aria-hidden />
        Versions{lifecycle.versions.length > 0 ? ` (${lifecycle.versions.length})` : ''}
      </Button>
      {/* A published version: "Edit as a new draft" is in the banner under the bar, with the reason. */}
      {life.lockReason === null && (
        <Button className="cc-button cc-button-primary" onPress={() => setPublishing(true)} isDisabled={following}>
          <Send size={16} aria-hidden />
          Publish
        </Button>
      )}
      {/* Mounted while open only: it validates the whole campaign, which a closed dialog need not do at every edit. */}
      {publishing && <PublishDialog isOpen onOpenChange={setPublishing} doc={doc} nextNumber={next} onPublish={life.publishDraft} />}
      <VersionsDialog
        isOpen={listing}
        onOpenChange={setListing}
        lifecycle={lifecycle}
        onOpenVersion={onOpenVersion}
        onRevert={onRevert}
      />
    </div>
  );
}
