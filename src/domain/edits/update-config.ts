import type { CampaignDoc } from '../campaign';
import { portsOf } from '../ports';

/**
 * Replaces an activity's config. When the new config removes ports (a Split subset deleted, a
 * channel's outbound transition switched off), transitions attached to ports that no longer exist
 * are removed with it, in the same edit.
 */
export function updateActivityConfig(doc: CampaignDoc, id: string, config: Record<string, unknown>): CampaignDoc {
  const current = doc.activities.find((a) => a.id === id);
  if (!current || current.config === config) return doc;
  const updated = { ...current, config };
  const ports = portsOf(updated);
  const inIds = new Set(ports.in.map((p) => p.id));
  const outIds = new Set(ports.out.map((p) => p.id));
  const transitions = doc.transitions.filter(
    (t) =>
      !(t.source.activityId === id && !outIds.has(t.source.port)) &&
      !(t.target.activityId === id && !inIds.has(t.target.port)),
  );
  return {
    ...doc,
    activities: doc.activities.map((a) => (a.id === id ? updated : a)),
    transitions: transitions.length === doc.transitions.length ? doc.transitions : transitions,
  };
}
