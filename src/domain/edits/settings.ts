import type { CampaignDoc, CampaignSettings } from '../campaign';

/** Sets the layout direction of the canvas (handles on nodes and tidy-up follow it). */
export function setOrientation(doc: CampaignDoc, orientation: CampaignSettings['orientation']): CampaignDoc {
  if (doc.settings.orientation === orientation) return doc;
  return { ...doc, settings: { ...doc.settings, orientation } };
}
