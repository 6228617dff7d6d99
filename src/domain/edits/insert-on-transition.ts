import type { Activity, CampaignDoc } from '../campaign';
import { checkConnection } from '../connection-rules';
import { createTransition } from '../factory';
import { portsOf } from '../ports';
import type { EditResult } from './transitions';

/**
 * Inserts a new activity on a transition: `source -> target` becomes `source -> activity -> target`.
 * The upstream half keeps the transition's id and label (it still carries the same records, so a
 * label such as "VIP" stays true); the downstream half starts unlabelled because the inserted
 * activity changes what flows through it. The activity connects through its first input and first
 * output port. Refused, with a reason, when the activity cannot sit in the middle of a path (no
 * input, no output) or when either half breaks a connection rule.
 */
export function insertOnTransition(
  doc: CampaignDoc,
  transitionId: string,
  activity: Activity,
): EditResult<{ activity: Activity }> {
  const transition = doc.transitions.find((t) => t.id === transitionId);
  if (!transition) return { ok: false, reason: 'That transition no longer exists.' };
  const ports = portsOf(activity);
  const inPort = ports.in[0];
  const outPort = ports.out[0];
  if (!inPort) return { ok: false, reason: `"${activity.label}" starts a branch and cannot be inserted on a transition.` };
  if (!outPort) return { ok: false, reason: `"${activity.label}" ends a branch and cannot be inserted on a transition.` };

  const withoutOld: CampaignDoc = {
    ...doc,
    activities: [...doc.activities, activity],
    transitions: doc.transitions.filter((t) => t.id !== transitionId),
  };
  const upstreamTarget = { activityId: activity.id, port: inPort.id };
  const first = checkConnection(withoutOld, transition.source, upstreamTarget);
  if (!first.ok) return first;
  const upstream = { ...transition, target: upstreamTarget };
  const half: CampaignDoc = { ...withoutOld, transitions: [...withoutOld.transitions, upstream] };
  const downstreamSource = { activityId: activity.id, port: outPort.id };
  const second = checkConnection(half, downstreamSource, transition.target);
  if (!second.ok) return second;
  const downstream = createTransition(downstreamSource, transition.target);

  // Keep the upstream half where the original transition was, so document order stays stable.
  const transitions = doc.transitions.flatMap((t) => (t.id === transitionId ? [upstream, downstream] : [t]));
  return { ok: true, doc: { ...doc, activities: withoutOld.activities, transitions }, activity };
}
