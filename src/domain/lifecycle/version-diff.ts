import type { Activity, CampaignDoc, Transition } from '../campaign';
import { stableStringify } from '../stable-json';

/**
 * What changed from one version of a campaign to another (docs/lifecycle.md#versions): the list of
 * versions summarises it, the comparison highlights it. Activities are matched by id (an id is
 * never reused); transitions by their ends, whatever their ids; a move on the canvas is not a
 * change of what the campaign does, so it is listed apart.
 */
export interface ActivityChange {
  before: Activity;
  after: Activity;
  /** What differs: `label`, `config`, `disabled`, `type`. */
  fields: ('label' | 'config' | 'disabled' | 'type')[];
}

export interface VersionDiff {
  added: Activity[];
  removed: Activity[];
  changed: ActivityChange[];
  /** Ids of activities only moved on the canvas. */
  moved: string[];
  transitionsAdded: Transition[];
  transitionsRemoved: Transition[];
  /** Campaign settings whose value differs (e.g. `seed`, `schedule`). */
  settings: string[];
}

const ends = (t: Transition) =>
  `${t.source.activityId}:${t.source.port}>${t.target.activityId}:${t.target.port}`;

export function diffVersions(before: CampaignDoc, after: CampaignDoc): VersionDiff {
  const old = new Map(before.activities.map((a) => [a.id, a]));
  const now = new Map(after.activities.map((a) => [a.id, a]));
  const changed: ActivityChange[] = [];
  const moved: string[] = [];
  for (const a of after.activities) {
    const b = old.get(a.id);
    if (!b) continue;
    const fields: ActivityChange['fields'] = [];
    if (a.type !== b.type) fields.push('type');
    if (a.label !== b.label) fields.push('label');
    if (stableStringify(a.config) !== stableStringify(b.config)) fields.push('config');
    if (a.disabled !== b.disabled) fields.push('disabled');
    if (fields.length > 0) changed.push({ before: b, after: a, fields });
    else if (a.position.x !== b.position.x || a.position.y !== b.position.y) moved.push(a.id);
  }
  const oldEnds = new Set(before.transitions.map(ends));
  const newEnds = new Set(after.transitions.map(ends));
  const keys = new Set([...Object.keys(before.settings), ...Object.keys(after.settings)]);
  const setting = (doc: CampaignDoc, key: string) =>
    stableStringify((doc.settings as Record<string, unknown>)[key]);
  return {
    added: after.activities.filter((a) => !old.has(a.id)),
    removed: before.activities.filter((a) => !now.has(a.id)),
    changed,
    moved,
    transitionsAdded: after.transitions.filter((t) => !oldEnds.has(ends(t))),
    transitionsRemoved: before.transitions.filter((t) => !newEnds.has(ends(t))),
    settings: [...keys].filter((k) => setting(before, k) !== setting(after, k)).sort(),
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** One line for the list of versions, e.g. "2 activities added, 1 changed, 1 transition removed". */
export function diffSummary(diff: VersionDiff): string {
  const parts: string[] = [];
  const acts = [
    diff.added.length ? `${diff.added.length} added` : '',
    diff.removed.length ? `${diff.removed.length} removed` : '',
    diff.changed.length ? `${diff.changed.length} changed` : '',
  ].filter(Boolean);
  if (acts.length) {
    const total = diff.added.length + diff.removed.length + diff.changed.length;
    parts.push(`${total === 1 ? 'activity' : 'activities'} ${acts.join(', ')}`);
  }
  const trans = [
    diff.transitionsAdded.length ? `${diff.transitionsAdded.length} added` : '',
    diff.transitionsRemoved.length ? `${diff.transitionsRemoved.length} removed` : '',
  ].filter(Boolean);
  if (trans.length)
    parts.push(
      `${diff.transitionsAdded.length + diff.transitionsRemoved.length === 1 ? 'transition' : 'transitions'} ${trans.join(', ')}`,
    );
  if (diff.settings.length) parts.push(`settings changed (${diff.settings.join(', ')})`);
  if (diff.moved.length) parts.push(`${plural(diff.moved.length, 'activity', 'activities')} moved`);
  if (parts.length === 0) return 'No change';
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
