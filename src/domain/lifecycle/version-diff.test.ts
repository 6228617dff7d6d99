import { describe, expect, it } from 'vitest';
import type { Activity, CampaignDoc } from '../campaign';
import { createCampaign } from '../factory';
import { diffSummary, diffVersions } from './version-diff';

const activity = (id: string, over: Partial<Activity> = {}): Activity => ({
  id,
  type: 'build-audience',
  label: id,
  position: { x: 0, y: 0 },
  config: { rule: { kind: 'group', op: 'and', children: [] } },
  configVersion: 1,
  disabled: false,
  ...over,
});

function campaign(activities: Activity[], links: [string, string][]): CampaignDoc {
  const doc = createCampaign('Welcome');
  doc.activities = activities;
  doc.transitions = links.map(([s, t], i) => ({
    id: `t${i}`,
    source: { activityId: s, port: 'out' },
    target: { activityId: t, port: 'in' },
    label: '',
  }));
  return doc;
}

describe('the difference between two versions', () => {
  const v1 = campaign(
    [activity('a'), activity('b', { type: 'email' }), activity('c', { type: 'end' })],
    [
      ['a', 'b'],
      ['b', 'c'],
    ],
  );

  it('finds activities added, removed, changed (by field) and only moved, and transitions by their ends', () => {
    const v2 = campaign(
      [
        activity('a', { label: 'New sign-ups', config: { rule: { kind: 'group', op: 'or', children: [] } } }),
        activity('b', { type: 'email', position: { x: 300, y: 0 } }),
        activity('d', { type: 'sms' }),
      ],
      [
        ['a', 'b'],
        ['b', 'd'],
      ],
    );
    v2.transitions[0]!.id = 'renamed'; // the same ends under another id is the same transition
    v2.settings.seed = 7;
    const diff = diffVersions(v1, v2);
    expect(diff.added.map((a) => a.id)).toEqual(['d']);
    expect(diff.removed.map((a) => a.id)).toEqual(['c']);
    expect(diff.changed.map((c) => [c.after.id, c.fields])).toEqual([['a', ['label', 'config']]]);
    expect(diff.moved).toEqual(['b']);
    expect(diff.transitionsAdded.map((t) => t.target.activityId)).toEqual(['d']);
    expect(diff.transitionsRemoved.map((t) => t.target.activityId)).toEqual(['c']);
    expect(diff.settings).toEqual(['seed']);
    expect(diffSummary(diff)).toBe(
      'Activities 1 added, 1 removed, 1 changed; transitions 1 added, 1 removed; settings changed (seed); 1 activity moved',
    );
  });

  it('a config that differs only in key order is no change; the same document is "No change"', () => {
    const again = structuredClone(v1);
    again.activities[0]!.config = JSON.parse('{"rule":{"children":[],"op":"and","kind":"group"}}');
    expect(diffSummary(diffVersions(v1, again))).toBe('No change');
  });

  it('disabling one activity', () => {
    const v2 = structuredClone(v1);
    v2.activities[1]!.disabled = true;
    expect(diffSummary(diffVersions(v1, v2))).toBe('Activity 1 changed');
  });
});
