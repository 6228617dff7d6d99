import type { CampaignDoc } from '../domain/campaign';
import { getActivityDef } from '../activities/registry';

/**
 * What the campaign list shows of a campaign. Stored apart from the document so that listing a
 * hundred campaigns never reads (or parses) a hundred documents.
 */
export interface CampaignSummary {
  id: string;
  name: string;
  description: string;
  activityCount: number;
  /** Channel activity types used, deduplicated, in palette order (e.g. `['email', 'sms']`). */
  channels: string[];
  createdAt: string;
  updatedAt: string;
}

/** The summary of a document; timestamps missing from old documents fall back to `now`. */
export function summarize(doc: CampaignDoc, now: string): CampaignSummary {
  const channels = new Set<string>();
  for (const a of doc.activities) if (getActivityDef(a.type)?.meta.category === 'channel') channels.add(a.type);
  return {
    id: doc.id,
    name: doc.name,
    description: doc.description,
    activityCount: doc.activities.length,
    channels: [...channels],
    createdAt: doc.createdAt ?? now,
    updatedAt: doc.updatedAt ?? now,
  };
}

/** Most recently modified first; ties broken by name so the order is stable. */
export function byLastModified(a: CampaignSummary, b: CampaignSummary): number {
  if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? 1 : -1;
  return a.name.localeCompare(b.name);
}

/** Case- and accent-insensitive name search; an empty query matches everything. */
export function matchesSearch(summary: Pick<CampaignSummary, 'name'>, query: string): boolean {
  const q = fold(query.trim());
  return q === '' || fold(summary.name).includes(q);
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
