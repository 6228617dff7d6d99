import type { CampaignDoc, PortRef } from './campaign';
import { getActivityDef } from '../activities/registry';
import { indexGraph, isReachable, upstreamOf } from './graph';
import { portsOf } from './ports';

export type ConnectionCheck = { ok: true } | { ok: false; reason: string };

const refuse = (reason: string): ConnectionCheck => ({ ok: false, reason });

/**
 * Whether a new transition from `source` to `target` is allowed, with a reason a marketer can read
 * when it is not. Rules: both ports exist; no self-loop; no cycle; an output feeds one transition
 * unless its port allows more; an input accepts one transition unless its port allows more
 * (Combine, And-join); the same two ports are not linked twice; a channel activity needs an
 * audience upstream.
 */
export function checkConnection(doc: CampaignDoc, source: PortRef, target: PortRef): ConnectionCheck {
  const from = doc.activities.find((a) => a.id === source.activityId);
  const to = doc.activities.find((a) => a.id === target.activityId);
  if (!from || !to) return refuse('Both ends of a transition must be activities of this campaign.');
  if (from.id === to.id) return refuse('An activity cannot be connected to itself.');

  const outPort = portsOf(from).out.find((p) => p.id === source.port);
  if (!outPort) return refuse(`"${from.label}" has no output "${source.port}".`);
  const inPort = portsOf(to).in.find((p) => p.id === target.port);
  if (!inPort) return refuse(`"${to.label}" has no input "${target.port}".`);

  const duplicate = doc.transitions.some(
    (t) =>
      t.source.activityId === source.activityId &&
      t.source.port === source.port &&
      t.target.activityId === target.activityId &&
      t.target.port === target.port,
  );
  if (duplicate) return refuse(`"${from.label}" is already connected to "${to.label}".`);

  if (!outPort.multiple) {
    const used = doc.transitions.some((t) => t.source.activityId === from.id && t.source.port === source.port);
    if (used)
      return refuse(
        `The output "${outPort.label}" of "${from.label}" already has a transition. Use a Fork to send it to several activities.`,
      );
  }
  if (!inPort.multiple) {
    const used = doc.transitions.some((t) => t.target.activityId === to.id && t.target.port === target.port);
    if (used)
      return refuse(
        `"${to.label}" already has an inbound transition. Use a Combine or an And-join to merge branches.`,
      );
  }

  const g = indexGraph(doc);
  if (isReachable(g, to.id, from.id))
    return refuse(`Connecting "${from.label}" to "${to.label}" would create a loop.`);

  const toDef = getActivityDef(to.type);
  if (toDef?.needsAudience && !providesAudience(doc, from.id))
    return refuse(`"${to.label}" needs an audience: connect it after a targeting activity such as Build audience.`);

  return { ok: true };
}

/** True when `activityId` is, or has upstream, an activity that produces an audience. */
export function providesAudience(doc: CampaignDoc, activityId: string): boolean {
  const g = indexGraph(doc);
  const ids = upstreamOf(g, activityId);
  ids.add(activityId);
  for (const id of ids) {
    const a = g.activities.get(id);
    if (a && getActivityDef(a.type)?.producesAudience) return true;
  }
  return false;
}
