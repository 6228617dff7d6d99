import type { Activity, CampaignDoc, Transition } from '../domain/campaign';
import type { DataModel } from '../domain/data-model';
import type { Problem } from '../domain/problems';
import { problemsByActivity, validateCampaign } from '../domain/validate';
import type { EditorState } from './types';

type Validation = { all: Problem[]; byActivity: Map<string, Problem[]> };

/**
 * Validation results per document version and data model. Documents and models are immutable, so
 * WeakMaps keyed by them compute the problems once per edit however many nodes ask.
 */
const validation = new WeakMap<CampaignDoc, WeakMap<object, Validation>>();
const noModel = {};

export function problemsOf(doc: CampaignDoc, model?: DataModel | null): Validation {
  let byModel = validation.get(doc);
  if (!byModel) {
    byModel = new WeakMap();
    validation.set(doc, byModel);
  }
  const key = model ?? noModel;
  let v = byModel.get(key);
  if (!v) {
    const all = validateCampaign(doc, model ?? undefined);
    v = { all, byActivity: problemsByActivity(all) };
    byModel.set(key, v);
  }
  return v;
}

const noProblems: Problem[] = [];

/** Problems of one activity (the same empty array when there are none, so selectors stay stable). */
export const selectActivityProblems = (id: string) => (s: EditorState) =>
  problemsOf(s.doc, s.dataModel).byActivity.get(id) ?? noProblems;

// Activities by id, once per activities array: a selector per node or transition that searched
// the list would cost activities x transitions on every store change of a large campaign.
const activityIndexes = new WeakMap<readonly Activity[], Map<string, Activity>>();
export function activityById(activities: readonly Activity[], id: string): Activity | undefined {
  let index = activityIndexes.get(activities);
  if (!index) {
    index = new Map(activities.map((a) => [a.id, a]));
    activityIndexes.set(activities, index);
  }
  return index.get(id);
}

export const selectActivity =
  (id: string) =>
  (s: EditorState): Activity | undefined =>
    activityById(s.doc.activities, id);

export const selectTransition =
  (id: string) =>
  (s: EditorState): Transition | undefined =>
    s.doc.transitions.find((t) => t.id === id);

/** The single selected activity or transition the inspector shows, if exactly one thing is selected. */
export function selectInspected(s: EditorState): { kind: 'activity' | 'transition'; id: string } | { kind: 'none' | 'many'; count: number } {
  const activityIds = s.selection.activityIds.filter((id) => s.doc.activities.some((a) => a.id === id));
  const transitionIds = s.selection.transitionIds.filter((id) => s.doc.transitions.some((t) => t.id === id));
  const count = activityIds.length + transitionIds.length;
  if (count === 0) return { kind: 'none', count };
  if (count > 1) return { kind: 'many', count };
  return activityIds[0] ? { kind: 'activity', id: activityIds[0] } : { kind: 'transition', id: transitionIds[0]! };
}
