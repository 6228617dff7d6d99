import { useState } from 'react';
import { Button } from 'react-aria-components';
import { Download, Link2 } from 'lucide-react';
import type { CampaignDoc } from '../../domain/campaign';
import { useDataset } from '../../queries/useDataset';
import { Dialog } from '../../ui/Dialog';
import { showToast } from '../../ui/Toast';
import './share.css';
import { downloadCampaign } from '../transfer/download-campaign';
import { encodeSharedCampaign, MAX_LINK_LENGTH, sharedDataOf, sharedLink } from './share-link';

const formatLength = (n: number) => n.toLocaleString('en-US');

/**
 * "Copy link": puts the whole campaign, and the data its counts are on, in a link and copies it.
 * Whoever opens it sees the campaign read-only, counted on the same sample. A campaign too big
 * for an address (MAX_LINK_LENGTH) is offered as a file instead; a clipboard that refuses shows
 * the link to copy by hand.
 */
export function CopyLinkButton({ doc }: { doc: CampaignDoc }) {
  const dataset = useDataset();
  const [tooLong, setTooLong] = useState<number | null>(null);
  const [manual, setManual] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const copy = async () => {
    if (!dataset.data) return;
    setBusy(true);
    try {
      const data = sharedDataOf(dataset.data);
      const link = sharedLink(window.location, data, await encodeSharedCampaign({ doc, data }));
      if (link.length > MAX_LINK_LENGTH) {
        setTooLong(link.length);
        return;
      }
      try {
        await navigator.clipboard.writeText(link);
        showToast({ title: 'Link copied', description: 'It opens this campaign read-only, counted on the same data.', tone: 'success' });
      } catch {
        setManual(link);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button className="cc-button" onPress={() => void copy()} isDisabled={busy || !dataset.data}>
        <Link2 size={16} aria-hidden />
        <span className="cc-action-label">Copy link</span>
      </Button>
      <Dialog
        title="This campaign is too big for a link"
        isOpen={tooLong !== null}
        onOpenChange={(open) => !open && setTooLong(null)}
        footer={(close) => (
          <>
            <Button className="cc-button" onPress={close}>
              Cancel
            </Button>
            <Button
              className="cc-button cc-button-primary"
              onPress={() => {
                downloadCampaign(doc);
                close();
              }}
            >
              <Download size={16} aria-hidden />
              Download the file
            </Button>
          </>
        )}
      >
        <p>
          Its link would be {formatLength(tooLong ?? 0)} characters long; links stop at {formatLength(MAX_LINK_LENGTH)} so that
          mail and chat tools pass them on whole. Share the campaign file instead: it opens with Import.
        </p>
      </Dialog>
      <Dialog title="Copy this link" isOpen={manual !== null} onOpenChange={(open) => !open && setManual(null)}>
        <p>The clipboard could not be used. Select the link and copy it:</p>
        <textarea className="cc-share-link" aria-label="Link to this campaign" readOnly rows={4} value={manual ?? ''} onFocus={(e) => e.currentTarget.select()} />
      </Dialog>
    </>
  );
}
