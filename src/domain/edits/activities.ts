import { byId } from '../ids';
import type { Activity, CampaignDoc, Position } from '../campaign';

/**
 * Pure edits of the activities of a campaign document. Every function returns a new document and
 * leaves the input untouched; when nothing changes it returns the very same document, so that the
 * editor's history can tell a real edit from a no-op by identity.
 */

/** Adds an activity (created with `createActivity`) to the document. */
export function addActivity(doc: CampaignDoc, activity: Activity): CampaignDoc {
  return { ...doc, activities: [...doc.activities, activity] };
}

/** Maps the activities whose id is in `ids`; returns `doc` itself when `fn` changes none of them. */
function mapActivities(doc: CampaignDoc, ids: ReadonlySet<string>, fn: (a: Activity) => Activity): CampaignDoc {
  let changed = false;
  const activities = doc.activities.map((a) => {
    if (!ids.has(a.id)) return a;
    const next = fn(a);
    if (next !== a) changed = true;
    return next;
  });
  return changed ? { ...doc, activities } : doc;
}

/** Moves activities to new positions (a whole drag or a tidy-up is one call, hence one undo step). */
export function moveActivities(doc: CampaignDoc, positions: Readonly<Record<string, Position>>): CampaignDoc {
  return mapActivities(doc, new Set(Object.keys(positions)), (a) => {
    const p = byId(positions, a.id);
    if (!p || (p.x === a.position.x && p.y === a.position.y)) return a;
    return { ...a, position: { x: p.x, y: p.y } };
  });
}

/** Disables (or enables) activities: a disabled activity and what follows it on its path do not run. */
export function setActivitiesDisabled(doc: CampaignDoc, ids: readonly string[], disabled: boolean): CampaignDoc {
  return mapActivities(doc, new Set(ids), (a) => (a.disabled === disabled ? a : { ...a, disabled }));
}

/** Renames an activity. */
export function relabelActivity(doc: CampaignDoc, id: string, label: string): CampaignDoc {
  return mapActivities(doc, new Set([id]), (a) => (a.label === label ? a : { ...a, label }));
}
