import type { CampaignDoc } from '../../domain/campaign';
import { serializeCampaign } from '../../domain/serialization';
import type { CampaignLifecycle } from '../../domain/lifecycle/versions';
import { withLifecycle } from '../../domain/lifecycle/transfer';
import { downloadBlob } from '../../ui/download-text';

/**
 * A file name from a campaign name: characters that file systems refuse are replaced, spaces are
 * kept (people recognise their campaign's name), and an empty result falls back to "campaign".
 */
export function exportFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '-').replace(/\s+/g, ' ').trim().replace(/^\.+/, '');
  return `${cleaned.slice(0, 120) || 'campaign'}.json`;
}

/**
 * Downloads the campaign as `<name>.json`, the format Import reads back, with its versions and
 * status when it has been published.
 */
export function downloadCampaign(doc: CampaignDoc, lifecycle?: CampaignLifecycle): void {
  downloadBlob(new Blob([serializeCampaign(withLifecycle(doc, lifecycle))], { type: 'application/json' }), exportFileName(doc.name));
}
