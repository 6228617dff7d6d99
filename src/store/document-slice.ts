import type { StateCreator } from 'zustand';
import { createActivity } from '../domain/factory';
import { pasteFragment } from '../domain/clipboard';
import { portsOf } from '../domain/ports';
import * as edits from '../domain/edits';
import type { DragOverlay } from './drag-overlay';
import { NODE_BOX } from './node-size';
import type { DocumentSlice, EditorState } from './types';

type TemporalApi = { temporal: { getState: () => { pause: () => void; resume: () => void } } };

/**
 * Document edits. Each action is one `set` of a new document, which the temporal middleware records
 * as one undo step; actions that also select what they created do it in the same `set`. The one
 * exception: consecutive settings edits of one activity that a form marks with the same `group`
 * (keystrokes in one text field, say) make a single step.
 */
export const createDocumentSlice =
  (initial: EditorState['doc'], drag: DragOverlay): StateCreator<EditorState, [], [], DocumentSlice> =>
  (set, get, api) => {
    let lastConfigEdit: { id: string; group?: string; doc: EditorState['doc'] | null } = {
      id: '',
      doc: null,
    };
    // The temporal middleware wraps this slice; its API is on the store, typed by editor-store.ts.
    const history = () => (api as unknown as TemporalApi).temporal.getState();
    return {
      doc: initial,
      replaceDoc: (doc) => set({ doc }),

      addActivity: (type, position) => {
        const activity = createActivity(type, position, get().doc);
        set((s) => ({
          doc: edits.addActivity(s.doc, activity),
          selection: { activityIds: [activity.id], transitionIds: [] },
        }));
        return activity.id;
      },

      insertActivityOnTransition: (type, transitionId, position) => {
        const { doc, notify } = get();
        const activity = createActivity(type, position, doc);
        const r = edits.insertOnTransition(doc, transitionId, activity);
        if (!r.ok) {
          notify(r.reason, 'error');
          return null;
        }
        const t = doc.transitions.find((x) => x.id === transitionId)!;
        const placed = edits.placeBetween(
          r.doc,
          activity.id,
          t.source.activityId,
          t.target.activityId,
          NODE_BOX,
        );
        set({ doc: placed, selection: { activityIds: [activity.id], transitionIds: [] } });
        // Room was made by moving what follows: the view follows it, so that neither the new
        // activity nor the one after it ends up off screen.
        get().requestFocus([activity.id, t.target.activityId], 'reveal');
        return activity.id;
      },

      connect: (source, target) => {
        const r = edits.connect(get().doc, source, target);
        if (!r.ok) {
          get().notify(r.reason, 'error');
          return false;
        }
        set({ doc: r.doc });
        return true;
      },

      addActivityFrom: (type, position, source) => {
        const { doc, notify } = get();
        const activity = createActivity(type, position, doc);
        const input = portsOf(activity).in[0];
        if (!input) {
          notify(`"${activity.label}" starts a branch and cannot follow another activity.`, 'error');
          return null;
        }
        const r = edits.connect(edits.addActivity(doc, activity), source, {
          activityId: activity.id,
          port: input.id,
        });
        if (!r.ok) {
          notify(r.reason, 'error');
          return null;
        }
        set({ doc: r.doc, selection: { activityIds: [activity.id], transitionIds: [] } });
        return activity.id;
      },

      // The document takes the final positions first, then the overlay is cleared: both reach
      // React in the same render, so the nodes never show the positions from before the drag.
      moveActivities: (positions) => {
        set((s) => ({ doc: edits.moveActivities(s.doc, positions) }));
        drag.setState({ positions: null });
      },

      removeElements: (ids) => set((s) => ({ doc: edits.removeElements(s.doc, ids) })),

      removeSelection: () =>
        set((s) => ({
          doc: edits.removeElements(s.doc, s.selection),
          selection: { activityIds: [], transitionIds: [] },
        })),

      duplicateSelection: () => {
        const { doc, selection, requestFocus } = get();
        const r = edits.duplicateActivities(doc, selection.activityIds);
        if (r.activityIds.length === 0) return;
        set({ doc: r.doc, selection: { activityIds: r.activityIds, transitionIds: [] } });
        if (get().doc !== r.doc) return; // refused (a read-only campaign)
        requestFocus(r.activityIds);
      },

      setDisabled: (ids, disabled) =>
        set((s) => ({ doc: edits.setActivitiesDisabled(s.doc, ids, disabled) })),
      relabelActivity: (id, label) => set((s) => ({ doc: edits.relabelActivity(s.doc, id, label) })),
      relabelTransition: (id, label) => set((s) => ({ doc: edits.relabelTransition(s.doc, id, label) })),
      updateConfig: (id, config, group) => {
        // A group continues only if nothing else (another edit, an undo) happened since its last edit.
        const grouped =
          group !== undefined &&
          lastConfigEdit.id === id &&
          lastConfigEdit.group === group &&
          lastConfigEdit.doc === get().doc;
        // The first edit of a group records the state before it; the rest update it in place.
        if (grouped) history().pause();
        set((s) => ({ doc: edits.updateActivityConfig(s.doc, id, config) }));
        if (grouped) history().resume();
        lastConfigEdit = { id, group, doc: get().doc };
      },
      setOrientation: (orientation, positions) =>
        set((s) => {
          const oriented = edits.setOrientation(s.doc, orientation);
          return { doc: positions ? edits.moveActivities(oriented, positions) : oriented };
        }),

      setSeed: (seed) => set((s) => ({ doc: edits.setSeed(s.doc, seed) })),
      setSimulationSettings: (simulation) => set((s) => ({ doc: edits.setSimulationSettings(s.doc, simulation) })),
      setSchedule: (schedule) => set((s) => ({ doc: edits.setSchedule(s.doc, schedule) })),
      setVariables: (variables) => set((s) => ({ doc: edits.setVariables(s.doc, variables) })),

      pasteFragment: (fragment, at) => {
        const r = pasteFragment(get().doc, fragment, at ? { at } : {});
        set({ doc: r.doc, selection: { activityIds: r.activityIds, transitionIds: r.transitionIds } });
        if (get().doc !== r.doc) return; // refused (a read-only campaign), which said so
        get().requestFocus(r.activityIds);
        const n = r.activityIds.length;
        get().notify(`Pasted ${n} ${n === 1 ? 'activity' : 'activities'}.`);
      },
    };
  };
