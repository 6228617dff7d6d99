import type { CampaignDoc } from '../domain/campaign';
import { parseCampaignValue } from '../domain/serialization';
import welcomeSeries from './welcome-series.json';
import winBack from './win-back.json';
import newsletter from './multichannel-newsletter.json';
import mergedLists from './merged-lists.json';

/** A starter campaign offered on the campaign list. Opening one creates an editable copy. */
export interface CampaignTemplate {
  /** Stable id, used in `#/new/<id>`. */
  id: string;
  /** Short tagline under the title. */
  tagline: string;
  /** The raw JSON document; read it through templateDoc(). */
  source: unknown;
}

/** Every starter template, in the order the list shows them. */
export const campaignTemplates: readonly CampaignTemplate[] = [
  { id: 'welcome-series', tagline: 'Onboard new sign-ups over a week', source: welcomeSeries },
  { id: 'win-back', tagline: 'Re-engage lapsed customers, measure uplift with a holdout', source: winBack },
  { id: 'multichannel-newsletter', tagline: 'Reach each customer on their preferred channel', source: newsletter },
  { id: 'merged-lists', tagline: 'Merge two audiences, one message per address', source: mergedLists },
];

/** The template with this id, if any. */
export function findTemplate(id: string): CampaignTemplate | undefined {
  return campaignTemplates.find((t) => t.id === id);
}

/**
 * The template's document, validated like an imported file so that it gets the same defaults and
 * migrations. Templates are checked by unit tests; a failure here is a bug, hence the throw.
 */
export function templateDoc(template: CampaignTemplate): CampaignDoc {
  const parsed = parseCampaignValue(structuredClone(template.source));
  if (!parsed.ok) throw new Error(`Template ${template.id} is invalid: ${parsed.errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`);
  return parsed.doc;
}
