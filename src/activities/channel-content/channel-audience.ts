import type { CampaignDoc } from '../../domain/campaign';
import { upstreamDoc } from '../../domain/graph';

/**
 * The question to ask the engine about a channel's records: the part of the campaign upstream of
 * its inbound transition, with the channel itself replaced by a plain End of the same id (a
 * transition must lead somewhere to carry records). The channel's own settings are left out, so
 * editing the message keeps the answer cached and recomputes nothing.
 */
export function channelAudienceDoc(doc: CampaignDoc, transitionId: string | undefined): CampaignDoc | undefined {
  const upstream = upstreamDoc(doc, transitionId);
  const t = doc.transitions.find((x) => x.id === transitionId);
  const channel = t && doc.activities.find((a) => a.id === t.target.activityId);
  if (!upstream || !t || !channel) return undefined;
  const standIn = { ...channel, type: 'end', label: '', config: {}, configVersion: 1, disabled: false };
  return { ...upstream, activities: [...upstream.activities, standIn], transitions: upstream.transitions.map((x) => (x.id === t.id ? { ...x, target: { activityId: channel.id, port: 'in' } } : x)) };
}
