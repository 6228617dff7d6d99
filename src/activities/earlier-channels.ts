import type { CampaignDoc } from '../domain/campaign';
import { downstreamOf, indexGraph, upstreamOf } from '../domain/graph';
import { getActivityDef } from './registry';

// Apart from rule-problems.ts: it reads the registry, which definitions (that check rules) must not
// import, or importing a definition first would find the registry half-built.

/**
 * Channel activities whose delivery results a rule of `activityId` may read. Upstream ones when the
 * activity has an input (a split after an email); for an activity that starts a branch (Build
 * audience), every channel activity that is not downstream of it, since a branch that starts later
 * in a recurring campaign reads the results of sends made elsewhere in the campaign.
 */
export function earlierChannelActivities(doc: CampaignDoc, activityId: string): { id: string; label: string }[] {
  const g = indexGraph(doc);
  const up = upstreamOf(g, activityId);
  const down = downstreamOf(g, activityId);
  const isChannel = (type: string) => getActivityDef(type)?.meta.category === 'channel';
  const candidates = up.size > 0 ? doc.activities.filter((a) => up.has(a.id)) : doc.activities.filter((a) => a.id !== activityId && !down.has(a.id));
  return candidates.filter((a) => isChannel(a.type)).map((a) => ({ id: a.id, label: a.label }));
}

