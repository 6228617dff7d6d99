import type { Activity, CampaignDoc, Transition } from './campaign';

/** Index of a campaign's graph, built once per document version and shared by rules and the engine. */
export interface GraphIndex {
  activities: Map<string, Activity>;
  incoming: Map<string, Transition[]>;
  outgoing: Map<string, Transition[]>;
}

export function indexGraph(doc: Pick<CampaignDoc, 'activities' | 'transitions'>): GraphIndex {
  const activities = new Map(doc.activities.map((a) => [a.id, a]));
  const incoming = new Map<string, Transition[]>();
  const outgoing = new Map<string, Transition[]>();
  for (const a of doc.activities) {
    incoming.set(a.id, []);
    outgoing.set(a.id, []);
  }
  for (const t of doc.transitions) {
    incoming.get(t.target.activityId)?.push(t);
    outgoing.get(t.source.activityId)?.push(t);
  }
  return { activities, incoming, outgoing };
}

/**
 * Activities in an order where every activity comes after all its upstream ones (Kahn's algorithm,
 * stable on document order). Activities on a cycle are left out; `hasCycle` tells whether any were.
 */
export function topologicalOrder(doc: Pick<CampaignDoc, 'activities' | 'transitions'>): {
  order: Activity[];
  hasCycle: boolean;
} {
  const g = indexGraph(doc);
  const indegree = new Map<string, number>();
  for (const a of doc.activities) indegree.set(a.id, 0);
  for (const t of doc.transitions) {
    if (indegree.has(t.target.activityId) && g.activities.has(t.source.activityId))
      indegree.set(t.target.activityId, (indegree.get(t.target.activityId) ?? 0) + 1);
  }
  const queue = doc.activities.filter((a) => indegree.get(a.id) === 0);
  const order: Activity[] = [];
  while (queue.length > 0) {
    const a = queue.shift()!;
    order.push(a);
    for (const t of g.outgoing.get(a.id) ?? []) {
      const left = (indegree.get(t.target.activityId) ?? 0) - 1;
      indegree.set(t.target.activityId, left);
      const next = g.activities.get(t.target.activityId);
      if (left === 0 && next) queue.push(next);
    }
  }
  return { order, hasCycle: order.length < doc.activities.length };
}

/** True when `to` can be reached from `from` by following transitions downstream. */
export function isReachable(g: GraphIndex, from: string, to: string): boolean {
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const t of g.outgoing.get(id) ?? []) stack.push(t.target.activityId);
  }
  return false;
}

/** Every activity upstream of `id` (not including it). */
export function upstreamOf(g: GraphIndex, id: string): Set<string> {
  const seen = new Set<string>();
  const stack = (g.incoming.get(id) ?? []).map((t) => t.source.activityId);
  while (stack.length > 0) {
    const a = stack.pop()!;
    if (seen.has(a)) continue;
    seen.add(a);
    for (const t of g.incoming.get(a) ?? []) stack.push(t.source.activityId);
  }
  return seen;
}

/** Every activity downstream of `id` (not including it). */
export function downstreamOf(g: GraphIndex, id: string): Set<string> {
  const seen = new Set<string>();
  const stack = (g.outgoing.get(id) ?? []).map((t) => t.target.activityId);
  while (stack.length > 0) {
    const a = stack.pop()!;
    if (seen.has(a)) continue;
    seen.add(a);
    for (const t of g.outgoing.get(a) ?? []) stack.push(t.target.activityId);
  }
  return seen;
}

/**
 * The part of a campaign a transition's records depend on: what is upstream of it, and the
 * transition itself. Asking the engine about it keeps the answer cached while the activity the
 * transition leads to is edited. Undefined when there is no such transition.
 */
export function upstreamDoc(doc: CampaignDoc, transitionId: string | undefined): CampaignDoc | undefined {
  const t = doc.transitions.find((x) => x.id === transitionId);
  if (!t) return undefined;
  const ids = upstreamOf(indexGraph(doc), t.source.activityId);
  ids.add(t.source.activityId);
  return {
    ...doc,
    activities: doc.activities.filter((a) => ids.has(a.id)),
    transitions: doc.transitions.filter((x) => x.id === t.id || (ids.has(x.source.activityId) && ids.has(x.target.activityId))),
  };
}
