import { describe, expect, it } from 'vitest';
import { createEditorStore } from './editor-store';
import { copyFragment } from '../domain/clipboard';
import { sampleCampaign } from '../domain/edits/test-fixture';
import { applyExternalDoc } from './external-doc';

const REASON = 'Version 1 is published. Edit as a new draft to change it.';

/** A campaign edited once, then published: its editor is locked with the history kept. */
function publishedAfterAnEdit() {
  const store = createEditorStore(sampleCampaign());
  const first = store.getState().doc.activities[0]!;
  store.getState().relabelActivity(first.id, 'Renamed before publishing');
  store.getState().setLockReason(REASON);
  return { store, published: store.getState().doc, first };
}

describe('a published version in the editor store', () => {
  it('refuses a paste with the reason, and nothing changes', () => {
    const { store, published, first } = publishedAfterAnEdit();
    store.getState().pasteFragment(copyFragment(published, [first.id])!, { x: 900, y: 900 });
    expect(store.getState().doc).toBe(published);
    expect(store.getState().notice).toMatchObject({ message: REASON, tone: 'error' });
  });

  it('refuses undo and redo: the history does not move and the document stays', () => {
    const { store, published } = publishedAfterAnEdit();
    const before = store.temporal.getState().pastStates.length;
    expect(before).toBe(1);
    store.temporal.getState().undo();
    expect(store.getState().doc).toBe(published);
    expect(store.temporal.getState().pastStates).toHaveLength(before);
    expect(store.getState().notice?.message).toBe(REASON);
    store.temporal.getState().redo();
    expect(store.getState().doc).toBe(published);
  });

  it('refuses a document brought in from outside (an import, a rename) and every edit action', () => {
    const { store, published, first } = publishedAfterAnEdit();
    applyExternalDoc(store, { ...published, activities: [] });
    applyExternalDoc(store, { ...published, name: 'Another name' });
    store.getState().replaceDoc({ ...published, activities: [] });
    store.getState().addActivity('build-audience', { x: 0, y: 0 });
    store.getState().removeElements({ activityIds: [first.id] });
    store.getState().moveActivities({ [first.id]: { x: 999, y: 999 } });
    store.getState().updateConfig(first.id, {});
    store.getState().setSeed(7);
    expect(store.getState().doc).toBe(published);
    // Selecting is not an edit: a published campaign can still be looked at.
    store.getState().setSelection({ activityIds: [first.id] });
    expect(store.getState().selection.activityIds).toEqual([first.id]);
  });

  it('a new draft unlocks with a fresh history, so undo never reaches the published version', () => {
    const { store } = publishedAfterAnEdit();
    store.getState().setLockReason(null);
    expect(store.temporal.getState().pastStates).toHaveLength(0);
    const id = store.getState().addActivity('build-audience', { x: 0, y: 0 });
    expect(store.getState().doc.activities.some((a) => a.id === id)).toBe(true);
    store.temporal.getState().undo();
    expect(store.getState().doc.activities.some((a) => a.id === id)).toBe(false);
    expect(store.getState().doc.activities[0]!.label).toBe('Renamed before publishing');
  });
});
