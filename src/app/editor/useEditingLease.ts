import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { CampaignDoc } from '../../domain/campaign';
import { EditingLease, type EditingRole } from '../../campaigns/editing-lease';
import { flushDrafts } from '../../ui/draft-flush';
import { showToast } from '../../ui/Toast';

export interface EditingState {
  role: EditingRole;
  /** Grows each time this tab starts editing after following: the editor opens afresh (new history). */
  epoch: number;
  takeOver: () => void;
}

/**
 * The tab policy of the editor page (see campaigns/editing-lease.ts): whether this tab edits the
 * campaign or follows the tab that does. While following, `onFollowedDoc` receives each new
 * version; while editing, every version of `doc` is sent to the followers.
 */
export function useEditingLease(doc: CampaignDoc, onFollowedDoc: (doc: CampaignDoc) => void): EditingState {
  const [role, setRole] = useState<EditingRole>('opening');
  const [epoch, setEpoch] = useState(0);
  const [lease, setLease] = useState<EditingLease | null>(null);
  const latest = useRef(doc);
  const onDoc = useRef(onFollowedDoc);
  useLayoutEffect(() => {
    latest.current = doc;
    onDoc.current = onFollowedDoc;
  });

  const campaignId = doc.id;
  useEffect(() => {
    let previous: EditingRole = 'opening';
    const created = new EditingLease({
      campaignId,
      onRole: (next, reason) => {
        if (next === 'editor' && previous === 'follower') setEpoch((e) => e + 1);
        previous = next;
        setRole(next);
        if (reason === 'taken-over')
          showToast({
            title: 'Another tab took over editing this campaign',
            description: 'This tab is read-only now and shows its changes as they are made.',
          });
        else if (reason === 'editor-left')
          showToast({ title: 'The tab editing this campaign was closed', description: 'You can edit it here now.', tone: 'success' });
      },
      onDoc: (next) => onDoc.current(next),
      // Handing over: what is typed in a field becomes part of the document first.
      latestDoc: () => {
        flushDrafts();
        return latest.current;
      },
    });
    setLease(created);
    return () => created.close();
  }, [campaignId]);

  useEffect(() => {
    lease?.publish(doc);
  }, [lease, doc]);

  return { role, epoch, takeOver: () => lease?.takeOver() };
}
