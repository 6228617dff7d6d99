import { z } from 'zod';
import { activitySchema, transitionSchema, type Activity, type CampaignDoc, type Position, type Transition } from './campaign';
import { uniqueLabel } from './factory';
import { newId } from './ids';

/**
 * The clipboard format of the canvas: a selection of activities and the transitions between them,
 * as JSON text. Plain text travels everywhere (other campaigns, other tabs, a chat message and
 * back), so the format carries a `kind` marker and is validated on the way in.
 */
export const FRAGMENT_KIND = 'campaign-canvas/fragment';

export const fragmentSchema = z.object({
  kind: z.literal(FRAGMENT_KIND),
  version: z.literal(1),
  activities: z.array(activitySchema).min(1),
  transitions: z.array(transitionSchema),
});

export type CampaignFragment = z.infer<typeof fragmentSchema>;

/**
 * Copies the given activities and the transitions whose both ends are among them. Transitions to
 * activities outside the selection are left behind: a pasted fragment never points outside itself.
 */
export function copyFragment(doc: CampaignDoc, activityIds: readonly string[]): CampaignFragment | null {
  const ids = new Set(activityIds);
  const activities = doc.activities.filter((a) => ids.has(a.id));
  if (activities.length === 0) return null;
  const transitions = doc.transitions.filter((t) => ids.has(t.source.activityId) && ids.has(t.target.activityId));
  return { kind: FRAGMENT_KIND, version: 1, activities, transitions };
}

/** The text put on the clipboard. */
export function serializeFragment(fragment: CampaignFragment): string {
  return JSON.stringify(fragment);
}

/** Reads clipboard text; anything that is not a campaign fragment (prose, a URL, bad JSON) gives null. */
export function parseFragment(text: string): CampaignFragment | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return null;
  let json: unknown;
  try {
    json = JSON.parse(trimmed);
  } catch {
    return null;
  }
  const parsed = fragmentSchema.safeParse(json);
  if (!parsed.success) return null;
  // Drop transitions that point outside the fragment: hand-edited text must not create dangling ones.
  const ids = new Set(parsed.data.activities.map((a) => a.id));
  return {
    ...parsed.data,
    transitions: parsed.data.transitions.filter((t) => ids.has(t.source.activityId) && ids.has(t.target.activityId)),
  };
}

export interface PasteOptions {
  /** Added to every position (used by duplicate and by repeated pastes). */
  offset?: Position;
  /** Puts the fragment's top-left corner here instead (used when pasting at the viewport centre). */
  at?: Position;
}

/**
 * Pastes a fragment into a document with fresh ids, labels made unique within the document, and
 * positions offset so that the copy does not hide the original. Returns the new activities' ids
 * so that the editor can select them.
 */
export function pasteFragment(
  doc: CampaignDoc,
  fragment: CampaignFragment,
  options: PasteOptions = {},
): { doc: CampaignDoc; activityIds: string[]; transitionIds: string[] } {
  const minX = Math.min(...fragment.activities.map((a) => a.position.x));
  const minY = Math.min(...fragment.activities.map((a) => a.position.y));
  const dx = options.at ? options.at.x - minX : (options.offset?.x ?? 40);
  const dy = options.at ? options.at.y - minY : (options.offset?.y ?? 40);

  const idMap = new Map<string, string>();
  const taken: Pick<Activity, 'label'>[] = [...doc.activities];
  const activities = fragment.activities.map((a): Activity => {
    const id = newId('act');
    idMap.set(a.id, id);
    // A copy of "Email 2" is "Email 3", not "Email 2 2".
    const label = taken.some((t) => t.label === a.label) ? uniqueLabel(a.label.replace(/ \d+$/, ''), taken) : a.label;
    taken.push({ label });
    return { ...a, id, label, position: { x: a.position.x + dx, y: a.position.y + dy }, config: structuredClone(a.config) };
  });
  const transitions = fragment.transitions.flatMap((t): Transition[] => {
    const source = idMap.get(t.source.activityId);
    const target = idMap.get(t.target.activityId);
    if (!source || !target) return [];
    return [{ ...t, id: newId('tr'), source: { ...t.source, activityId: source }, target: { ...t.target, activityId: target } }];
  });
  return {
    doc: { ...doc, activities: [...doc.activities, ...activities], transitions: [...doc.transitions, ...transitions] },
    activityIds: activities.map((a) => a.id),
    transitionIds: transitions.map((t) => t.id),
  };
}
