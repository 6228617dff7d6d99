import type { CampaignDoc } from '../domain/campaign';
import { channelTypes } from '../activities/channel-content/content-problems';

/** The channel activities and Split branches of a campaign, as the filters offer them. */
export function filterOptions(doc: CampaignDoc) {
  const activities = doc.activities.filter((a) => channelTypes.includes(a.type) && !a.disabled).map((a) => ({ id: a.id, label: a.label }));
  const branches = doc.activities
    .filter((a) => a.type === 'split' && !a.disabled)
    .flatMap((a) => {
      const config = a.config as { subsets?: { id: string; label: string }[]; complement?: boolean; complementLabel?: string };
      const subsets = [...(config.subsets ?? []), ...(config.complement ? [{ id: 'complement', label: config.complementLabel ?? 'Rest' }] : [])];
      return subsets.map((s) => ({ value: `${a.id}/${s.id}`, label: `${a.label}: ${s.label}` }));
    });
  return { activities, branches };
}
