import { describe, expect, it } from 'vitest';
import { copyFragment, parseFragment, pasteFragment, serializeFragment } from './clipboard';
import { createCampaign } from './factory';
import { byType, sampleCampaign } from './edits/test-fixture';

describe('clipboard fragments', () => {
  it('copies the selection and only the transitions inside it', () => {
    const doc = sampleCampaign();
    const f = copyFragment(doc, [byType(doc, 'build-audience').id, byType(doc, 'split').id])!;
    expect(f.activities).toHaveLength(2);
    expect(f.transitions).toHaveLength(1);
    expect(copyFragment(doc, [])).toBeNull();
  });

  it('round-trips through text and pastes into another campaign with fresh ids', () => {
    const doc = sampleCampaign();
    const text = serializeFragment(copyFragment(doc, doc.activities.map((a) => a.id))!);
    const parsed = parseFragment(text)!;
    expect(parsed).not.toBeNull();
    const other = createCampaign('Other');
    const r = pasteFragment(other, parsed, { at: { x: 1000, y: 1000 } });
    expect(r.doc.activities).toHaveLength(4);
    expect(r.doc.transitions).toHaveLength(3);
    const oldIds = new Set(doc.activities.map((a) => a.id));
    expect(r.doc.activities.some((a) => oldIds.has(a.id))).toBe(false);
    expect(Math.min(...r.doc.activities.map((a) => a.position.x))).toBe(1000);
    expect(Math.min(...r.doc.activities.map((a) => a.position.y))).toBe(1000);
    const ids = new Set(r.doc.activities.map((a) => a.id));
    for (const t of r.doc.transitions) {
      expect(ids.has(t.source.activityId)).toBe(true);
      expect(ids.has(t.target.activityId)).toBe(true);
    }
    expect(r.activityIds).toHaveLength(4);
  });

  it('pasting twice into the same campaign gives unique labels', () => {
    const doc = sampleCampaign();
    const f = copyFragment(doc, [byType(doc, 'email').id])!;
    const once = pasteFragment(doc, f);
    const twice = pasteFragment(once.doc, f);
    expect(twice.doc.activities.map((a) => a.label).slice(-2)).toEqual(['Email 2', 'Email 3']);
    const copyOfCopy = pasteFragment(twice.doc, copyFragment(twice.doc, [twice.activityIds[0]!])!);
    expect(copyOfCopy.doc.activities.at(-1)!.label).toBe('Email 4');
  });

  it('ignores text that is not a fragment', () => {
    expect(parseFragment('hello')).toBeNull();
    expect(parseFragment('{not json')).toBeNull();
    expect(parseFragment('{"kind":"something-else"}')).toBeNull();
    expect(parseFragment(JSON.stringify({ kind: 'campaign-canvas/fragment', version: 1, activities: [], transitions: [] }))).toBeNull();
  });

  it('drops transitions pointing outside the fragment', () => {
    const doc = sampleCampaign();
    const f = copyFragment(doc, [byType(doc, 'split').id, byType(doc, 'email').id])!;
    const tampered = { ...f, transitions: [...f.transitions, doc.transitions[0]!] };
    expect(parseFragment(JSON.stringify(tampered))!.transitions).toHaveLength(1);
  });
});
