import { describe, expect, it } from 'vitest';
import { createActivity } from '../factory';
import {
  addActivity,
  connect,
  duplicateActivities,
  insertOnTransition,
  moveActivities,
  relabelActivity,
  relabelTransition,
  removeElements,
  setActivitiesDisabled,
  setOrientation,
  updateActivityConfig,
  placeBetween,
} from './index';
import { byType, sampleCampaign } from './test-fixture';

describe('activity edits', () => {
  it('adds an activity without touching the input document', () => {
    const doc = sampleCampaign();
    const wait = createActivity('wait', { x: 10, y: 20 }, doc);
    const next = addActivity(doc, wait);
    expect(next.activities).toHaveLength(5);
    expect(doc.activities).toHaveLength(4);
  });

  it('moves several activities at once and returns the same document for a no-op', () => {
    const doc = sampleCampaign();
    const a = byType(doc, 'build-audience');
    const s = byType(doc, 'split');
    const next = moveActivities(doc, { [a.id]: { x: 5, y: 6 }, [s.id]: { x: 7, y: 8 } });
    expect(byType(next, 'build-audience').position).toEqual({ x: 5, y: 6 });
    expect(byType(next, 'split').position).toEqual({ x: 7, y: 8 });
    expect(byType(next, 'email')).toBe(byType(doc, 'email'));
    expect(moveActivities(doc, { [a.id]: { x: 0, y: 0 } })).toBe(doc);
  });

  it('disables and enables', () => {
    const doc = sampleCampaign();
    const id = byType(doc, 'email').id;
    const off = setActivitiesDisabled(doc, [id], true);
    expect(byType(off, 'email').disabled).toBe(true);
    expect(byType(setActivitiesDisabled(off, [id], false), 'email').disabled).toBe(false);
    expect(setActivitiesDisabled(doc, [id], false)).toBe(doc);
  });

  it('relabels activities and transitions', () => {
    const doc = sampleCampaign();
    expect(byType(relabelActivity(doc, byType(doc, 'email').id, 'Welcome'), 'email').label).toBe('Welcome');
    const t = doc.transitions[0]!;
    expect(relabelTransition(doc, t.id, 'Everyone').transitions[0]!.label).toBe('Everyone');
    expect(relabelTransition(doc, t.id, t.label)).toBe(doc);
  });
});

describe('connect', () => {
  it('adds a transition when the rules allow it', () => {
    const doc = sampleCampaign();
    const wait = createActivity('wait', { x: 0, y: 0 }, doc);
    const withWait = addActivity(doc, wait);
    const r = connect(withWait, { activityId: byType(doc, 'email').id, port: 'out' }, { activityId: wait.id, port: 'in' });
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.doc.transitions).toHaveLength(4);
  });

  it('refuses a loop with a reason', () => {
    const doc = sampleCampaign();
    const r = connect(doc, { activityId: byType(doc, 'email').id, port: 'out' }, { activityId: byType(doc, 'split').id, port: 'in' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(/inbound|loop/);
  });
});

describe('removeElements', () => {
  it('removes an activity with its transitions', () => {
    const doc = sampleCampaign();
    const next = removeElements(doc, { activityIds: [byType(doc, 'split').id] });
    expect(next.activities.map((a) => a.type)).toEqual(['build-audience', 'email', 'end']);
    expect(next.transitions).toHaveLength(0);
  });

  it('removes a transition alone', () => {
    const doc = sampleCampaign();
    const next = removeElements(doc, { transitionIds: [doc.transitions[1]!.id] });
    expect(next.activities).toHaveLength(4);
    expect(next.transitions).toHaveLength(2);
    expect(removeElements(doc, { activityIds: ['nope'] })).toBe(doc);
  });
});

describe('insertOnTransition', () => {
  it('splits the transition in two, the upstream half keeping id and label', () => {
    const doc = sampleCampaign();
    const vip = doc.transitions[1]!;
    const wait = createActivity('wait', { x: 450, y: -100 }, doc);
    const r = insertOnTransition(doc, vip.id, wait);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.transitions).toHaveLength(4);
    const up = r.doc.transitions.find((t) => t.id === vip.id)!;
    expect(up.source).toEqual(vip.source);
    expect(up.target).toEqual({ activityId: wait.id, port: 'in' });
    expect(up.label).toBe('VIP');
    const down = r.doc.transitions.find((t) => t.source.activityId === wait.id)!;
    expect(down.target).toEqual(vip.target);
    expect(down.label).toBe('');
    expect(r.doc.transitions.indexOf(up)).toBe(1);
  });

  it('refuses activities without an input or an output', () => {
    const doc = sampleCampaign();
    const t = doc.transitions[1]!.id;
    const noIn = insertOnTransition(doc, t, createActivity('build-audience', { x: 0, y: 0 }, doc));
    const noOut = insertOnTransition(doc, t, createActivity('end', { x: 0, y: 0 }, doc));
    expect(noIn.ok).toBe(false);
    expect(noOut.ok).toBe(false);
    if (!noOut.ok) expect(noOut.reason).toMatch(/ends a branch/);
  });
});

describe('duplicateActivities', () => {
  it('copies activities with the transitions between them, fresh ids and unique labels', () => {
    const doc = sampleCampaign();
    const ids = [byType(doc, 'split').id, byType(doc, 'email').id];
    const r = duplicateActivities(doc, ids);
    expect(r.activityIds).toHaveLength(2);
    expect(r.doc.activities).toHaveLength(6);
    expect(r.doc.transitions).toHaveLength(4);
    const copies = r.doc.activities.filter((a) => r.activityIds.includes(a.id));
    expect(copies.map((a) => a.label)).toEqual(['Split 2', 'Email 2']);
    expect(copies[0]!.position).toEqual({ x: 340, y: 40 });
    const copied = r.doc.transitions.at(-1)!;
    expect(copied.source.activityId).toBe(copies[0]!.id);
    expect(copied.target.activityId).toBe(copies[1]!.id);
    expect(copied.label).toBe('VIP');
  });
});

describe('updateActivityConfig', () => {
  it('removes transitions on ports that disappear', () => {
    const doc = sampleCampaign();
    const split = byType(doc, 'split');
    const config = { ...split.config, subsets: [(split.config.subsets as unknown[])[0]] };
    const next = updateActivityConfig(doc, split.id, config);
    expect(byType(next, 'split').config).toBe(config);
    expect(next.transitions).toHaveLength(2);
    expect(next.transitions.some((t) => t.source.port === 'subset-2')).toBe(false);
  });
});

describe('setOrientation', () => {
  it('switches the layout direction', () => {
    const doc = sampleCampaign();
    expect(setOrientation(doc, 'vertical').settings.orientation).toBe('vertical');
    expect(setOrientation(doc, 'horizontal')).toBe(doc);
  });
});

describe('placeBetween', () => {
  it('places the inserted activity between its neighbours and pushes downstream ones to make room', () => {
    const doc = sampleCampaign();
    const vip = doc.transitions[1]!;
    const wait = createActivity('wait', { x: 0, y: 0 }, doc);
    const r = insertOnTransition(doc, vip.id, wait);
    if (!r.ok) throw new Error(r.reason);
    const split = byType(doc, 'split');
    const placed = placeBetween(r.doc, wait.id, split.id, byType(doc, 'email').id, { width: 200, height: 60, gap: 50 });
    expect(byType(placed, 'wait').position).toEqual({ x: 550, y: -50 });
    // Email was at 600: it needs to start at 550 + 200 + 50 = 800.
    expect(byType(placed, 'email').position).toEqual({ x: 800, y: -100 });
    // End is not downstream of the insertion and stays.
    expect(byType(placed, 'end').position).toEqual({ x: 600, y: 100 });
  });
});
