import type { CampaignDoc, Transition } from '../../domain/campaign';
import { updateActivityConfig } from '../../domain/edits';

/**
 * Transitions a new config of an activity would remove, because the ports they are attached to no
 * longer exist (a Split subset deleted, a Fork branch removed, a complement switched off). The edit
 * itself removes them in the same undo step; forms use this to say so before applying it.
 */
export function droppedTransitions(doc: CampaignDoc, activityId: string, config: Record<string, unknown>): Transition[] {
  const next = updateActivityConfig(doc, activityId, config);
  if (next.transitions === doc.transitions) return [];
  const kept = new Set(next.transitions.map((t) => t.id));
  return doc.transitions.filter((t) => !kept.has(t.id));
}

/** "Email, End 2": where the dropped transitions led, for a confirmation message. */
export function describeTargets(doc: CampaignDoc, transitions: readonly Transition[]): string {
  return transitions.map((t) => doc.activities.find((a) => a.id === t.target.activityId)?.label ?? 'an activity').join(', ');
}
