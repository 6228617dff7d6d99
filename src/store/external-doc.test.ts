import { describe, expect, it } from 'vitest';
import { createEditorStore } from './editor-store';
import { applyExternalDoc } from './external-doc';
import { createCampaign } from '../domain/factory';
import { sampleCampaign } from '../domain/edits/test-fixture';

describe('applyExternalDoc', () => {
  it('a rename from outside is not an undo step and survives undoing earlier edits', () => {
    const store = createEditorStore(createCampaign('Before'));
    store.getState().addActivity('wait', { x: 0, y: 0 });
    applyExternalDoc(store, { ...store.getState().doc, name: 'After' });
    expect(store.temporal.getState().pastStates).toHaveLength(1);
    store.temporal.getState().undo();
    expect(store.getState().doc.activities).toHaveLength(0);
    expect(store.getState().doc.name).toBe('After');
    store.temporal.getState().redo();
    expect(store.getState().doc.name).toBe('After');
  });

  it('an imported document replacing the graph is an undoable step', () => {
    const store = createEditorStore(createCampaign('Empty'));
    const imported = { ...sampleCampaign(), id: store.getState().doc.id };
    applyExternalDoc(store, imported);
    expect(store.getState().doc).toBe(imported);
    store.temporal.getState().undo();
    expect(store.getState().doc.activities).toHaveLength(0);
  });
});
