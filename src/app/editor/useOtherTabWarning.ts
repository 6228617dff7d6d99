import { useEffect } from 'react';
import { onCampaignChangedElsewhere } from '../../campaigns/campaign-events';
import { showToast, toastQueue } from '../../ui/Toast';

/**
 * Warns, once per editor, when another tab saves or deletes the campaign being edited: both tabs
 * autosave, so the last one to write wins, and the person should know before losing work.
 */
export function useOtherTabWarning(campaignId: string): void {
  useEffect(() => {
    let key: string | undefined;
    const stop = onCampaignChangedElsewhere((change) => {
      if (change.id !== campaignId || key !== undefined) return;
      key = showToast({
        title:
          change.kind === 'deleted'
            ? 'This campaign was deleted in another tab'
            : 'This campaign is also being edited in another tab',
        description:
          change.kind === 'deleted'
            ? 'Your next edit here will save it again.'
            : 'Both tabs save automatically, and the last change wins. Keep editing in one tab only.',
        tone: 'error',
      });
    });
    return () => {
      stop();
      if (key !== undefined) toastQueue.close(key);
    };
  }, [campaignId]);
}
