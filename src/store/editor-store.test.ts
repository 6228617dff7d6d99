import { describe, expect, it } from 'vitest';
import { createEditorStore, READ_ONLY_NOTICE } from './editor-store';
import { createCampaign } from '../domain/factory';
import { copyFragment } from '../domain/clipboard';
import { sampleCampaign } from '../domain/edits/test-fixture';

const history = (store: ReturnType<typeof createEditorStore>) => store.temporal.getState();

describe('editor store history', () => {
  it('records document edits and undoes / redoes them', () => {
    const store = createEditorStore(createCampaign('Undo'));
    const id = store.getState().addActivity('build-audience', { x: 0, y: 0 });
    store.getState().relabelActivity(id, 'Everyone');
    expect(history(store).pastStates).toHaveLength(2);
    history(store).undo();
    expect(store.getState().doc.activities[0]!.label).toBe('Build audience');
    history(store).undo();
    expect(store.getState().doc.activities).toHaveLength(0);
    history(store).redo();
    history(store).redo();
    expect(store.getState().doc.activities[0]!.label).toBe('Everyone');
  });

  it('does not record selection, notices, measuring or drags in progress', () => {
    const store = createEditorStore(sampleCampaign());
    const a = store.getState().doc.activities[0]!;
    store.getState().setSelection({ activityIds: [a.id] });
    store.getState().notify('hello');
    store.getState().setMeasured({ [a.id]: { width: 10, height: 10 } });
    store.getState().setDragPositions({ [a.id]: { x: 1, y: 1 } });
    store.getState().setDragPositions({ [a.id]: { x: 2, y: 2 } });
    store.getState().requestFocus([a.id]);
    store.getState().clearSelection();
    expect(history(store).pastStates).toHaveLength(0);
  });

  it('makes a whole drag one step', () => {
    const store = createEditorStore(sampleCampaign());
    const [a, b] = store.getState().doc.activities;
    for (let i = 1; i <= 20; i++)
      store.getState().setDragPositions({ [a!.id]: { x: i, y: i }, [b!.id]: { x: i, y: 0 } });
    store.getState().moveActivities({ [a!.id]: { x: 20, y: 20 }, [b!.id]: { x: 20, y: 0 } });
    expect(history(store).pastStates).toHaveLength(1);
    expect(store.drag.getState().positions).toBeNull();
    history(store).undo();
    expect(store.getState().doc.activities[0]!.position).toEqual({ x: 0, y: 0 });
  });

  it('keeps a drag in progress out of the editor state, so its subscribers are not run on every move', () => {
    const store = createEditorStore(sampleCampaign());
    const a = store.getState().doc.activities[0]!;
    let editorNotifications = 0;
    let overlayNotifications = 0;
    store.subscribe(() => editorNotifications++);
    store.drag.subscribe(() => overlayNotifications++);
    for (let i = 1; i <= 5; i++) store.getState().setDragPositions({ [a.id]: { x: i, y: i } });
    expect(editorNotifications).toBe(0);
    expect(overlayNotifications).toBe(5);
    expect(store.drag.getState().positions).toEqual({ [a.id]: { x: 5, y: 5 } });
    store.getState().moveActivities({ [a.id]: { x: 5, y: 5 } });
    expect(editorNotifications).toBe(1);
    expect(store.getState().doc.activities[0]!.position).toEqual({ x: 5, y: 5 });
  });

  it('does not record no-op edits', () => {
    const store = createEditorStore(sampleCampaign());
    const a = store.getState().doc.activities[0]!;
    store.getState().relabelActivity(a.id, a.label);
    store.getState().moveActivities({ [a.id]: a.position });
    store.getState().setDisabled([a.id], false);
    expect(history(store).pastStates).toHaveLength(0);
  });

  it('refuses an invalid connection with a notice and no history step', () => {
    const store = createEditorStore(sampleCampaign());
    const [audience, split] = store.getState().doc.activities;
    const ok = store
      .getState()
      .connect({ activityId: split!.id, port: 'subset-1' }, { activityId: split!.id, port: 'in' });
    expect(ok).toBe(false);
    expect(store.getState().notice?.tone).toBe('error');
    expect(store.getState().notice?.message).toMatch(/itself/);
    expect(history(store).pastStates).toHaveLength(0);
    expect(audience).toBeDefined();
  });

  it('removes the selection in one step and selects what duplicate and paste create', () => {
    const store = createEditorStore(sampleCampaign());
    const ids = store
      .getState()
      .doc.activities.slice(0, 2)
      .map((a) => a.id);
    store.getState().setSelection({ activityIds: ids });
    store.getState().duplicateSelection();
    expect(store.getState().doc.activities).toHaveLength(6);
    expect(store.getState().selection.activityIds).toHaveLength(2);
    expect(store.getState().selection.activityIds).not.toContain(ids[0]);
    store.getState().removeSelection();
    expect(store.getState().doc.activities).toHaveLength(4);
    expect(history(store).pastStates).toHaveLength(2);

    const fragment = copyFragment(store.getState().doc, ids)!;
    store.getState().pasteFragment(fragment, { x: 500, y: 500 });
    expect(store.getState().doc.activities).toHaveLength(6);
    expect(store.getState().selection.activityIds).toHaveLength(2);
  });

  it('inserts on a transition as one step', () => {
    const store = createEditorStore(sampleCampaign());
    const t = store.getState().doc.transitions[1]!;
    const id = store.getState().insertActivityOnTransition('wait', t.id, { x: 0, y: 0 });
    expect(id).not.toBeNull();
    expect(store.getState().doc.transitions).toHaveLength(4);
    history(store).undo();
    expect(store.getState().doc.transitions).toHaveLength(3);
    expect(store.getState().doc.activities).toHaveLength(4);
  });
});

describe('addActivityFrom', () => {
  it("adds and connects in one step, or refuses with the rule's reason", () => {
    const store = createEditorStore(createCampaign('From'));
    const audience = store.getState().addActivity('build-audience', { x: 0, y: 0 });
    const email = store
      .getState()
      .addActivityFrom('email', { x: 300, y: 0 }, { activityId: audience, port: 'out' });
    expect(email).not.toBeNull();
    expect(store.getState().doc.transitions).toHaveLength(1);
    expect(store.getState().selection.activityIds).toEqual([email]);
    history(store).undo();
    expect(store.getState().doc.activities).toHaveLength(1);

    const wait = store.getState().addActivity('wait', { x: 0, y: 200 });
    expect(
      store.getState().addActivityFrom('sms', { x: 300, y: 200 }, { activityId: wait, port: 'out' }),
    ).toBeNull();
    expect(store.getState().notice?.message).toMatch(/needs an audience/);
    expect(store.getState().doc.activities).toHaveLength(2);
  });
});

describe('settings edits', () => {
  const subjectOf = (store: ReturnType<typeof createEditorStore>, id: string) =>
    store.getState().doc.activities.find((a) => a.id === id)!.config.subject;

  it('makes each edit one step, and one step for consecutive edits of the same group', () => {
    const store = createEditorStore(sampleCampaign());
    const email = store.getState().doc.activities.find((a) => a.type === 'email')!;
    const edit = (subject: string, group?: string) =>
      store.getState().updateConfig(email.id, { ...email.config, subject }, group);
    edit('Plain');
    edit('Other');
    expect(history(store).pastStates).toHaveLength(2);
    edit('H', 'subject');
    edit('Hi', 'subject');
    edit('Hi!', 'subject');
    expect(history(store).pastStates).toHaveLength(3);
    edit('Hi!', 'sender');
    expect(history(store).pastStates).toHaveLength(4);
    history(store).undo();
    expect(subjectOf(store, email.id)).toBe('Hi!');
    history(store).undo();
    expect(subjectOf(store, email.id)).toBe('Other');
  });

  it('starts a new step after an undo, even in the same group', () => {
    const store = createEditorStore(sampleCampaign());
    const email = store.getState().doc.activities.find((a) => a.type === 'email')!;
    store.getState().updateConfig(email.id, { ...email.config, subject: 'A' }, 'subject');
    history(store).undo();
    store.getState().updateConfig(email.id, { ...email.config, subject: 'B' }, 'subject');
    expect(history(store).pastStates).toHaveLength(1);
    expect(history(store).futureStates).toHaveLength(0);
    expect(subjectOf(store, email.id)).toBe('B');
  });
});

describe('a read-only editor store', () => {
  it('refuses every document edit, says why, and keeps selection and view state', () => {
    const doc = sampleCampaign();
    const store = createEditorStore(doc, { readOnly: true });
    const a = doc.activities[0]!;
    store.getState().setSelection({ activityIds: [a.id] });
    store.getState().removeSelection();
    store.getState().relabelActivity(a.id, 'Changed');
    store.getState().duplicateSelection();
    store.getState().pasteFragment(copyFragment(doc, [a.id])!);
    expect(store.getState().doc).toBe(doc);
    expect(store.getState().notice?.message).toBe(READ_ONLY_NOTICE);
    expect(store.getState().selection.activityIds).toEqual([a.id]);
    expect(history(store).pastStates).toHaveLength(0);
  });
});
