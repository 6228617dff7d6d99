import type { CampaignDoc, PortRef, Transition } from '../campaign';
import { checkConnection } from '../connection-rules';
import { createTransition } from '../factory';

/** Result of an edit that the connection rules may refuse. */
export type EditResult<T = object> = ({ ok: true; doc: CampaignDoc } & T) | { ok: false; reason: string };

/** Connects two ports when the connection rules allow it; otherwise says why not. */
export function connect(
  doc: CampaignDoc,
  source: PortRef,
  target: PortRef,
  label = '',
): EditResult<{ transition: Transition }> {
  const check = checkConnection(doc, source, target);
  if (!check.ok) return check;
  const transition = createTransition(source, target, label);
  return { ok: true, doc: { ...doc, transitions: [...doc.transitions, transition] }, transition };
}

/** Renames a transition. */
export function relabelTransition(doc: CampaignDoc, id: string, label: string): CampaignDoc {
  let changed = false;
  const transitions = doc.transitions.map((t) => {
    if (t.id !== id || t.label === label) return t;
    changed = true;
    return { ...t, label };
  });
  return changed ? { ...doc, transitions } : doc;
}

/**
 * Removes activities and transitions. Removing an activity also removes every transition that
 * starts or ends on it, so the document never holds a dangling transition.
 */
export function removeElements(
  doc: CampaignDoc,
  ids: { activityIds?: readonly string[]; transitionIds?: readonly string[] },
): CampaignDoc {
  const activityIds = new Set(ids.activityIds ?? []);
  const transitionIds = new Set(ids.transitionIds ?? []);
  const activities = doc.activities.filter((a) => !activityIds.has(a.id));
  const transitions = doc.transitions.filter(
    (t) =>
      !transitionIds.has(t.id) && !activityIds.has(t.source.activityId) && !activityIds.has(t.target.activityId),
  );
  if (activities.length === doc.activities.length && transitions.length === doc.transitions.length) return doc;
  return { ...doc, activities, transitions };
}
