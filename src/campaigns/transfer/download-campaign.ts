import type { CampaignDoc } from '../../domain/campaign';
import { serializeCampaign } from '../../domain/serialization';
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

/** Downloads the campaign as `<name>.json`, the format Import reads back. */
export function downloadCampaign(doc: CampaignDoc): void {
  downloadBlob(new Blob([serializeCampaign(doc)], { type: 'application/json' }), exportFileName(doc.name));
}
