import { useEffect } from 'react';
import { onCampaignChangedElsewhere } from '../../campaigns/campaign-events';
import { showToast, toastQueue } from '../../ui/Toast';

/**
 * Warns, once per editor, when another tab deletes the campaign being edited. (Saves from another
 * tab cannot collide with this one's: only one tab edits a campaign, see useEditingLease.)
 */
export function useOtherTabWarning(campaignId: string): void {
  useEffect(() => {
    let key: string | undefined;
    const stop = onCampaignChangedElsewhere((change) => {
      if (change.id !== campaignId || change.kind !== 'deleted' || key !== undefined) return;
      key = showToast({
        title: 'This campaign was deleted in another tab',
        description: 'Your next edit here will save it again.',
        tone: 'error',
      });
    });
    return () => {
      stop();
      if (key !== undefined) toastQueue.close(key);
    };
  }, [campaignId]);
}
