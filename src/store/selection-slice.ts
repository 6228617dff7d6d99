import type { StateCreator } from 'zustand';
import type { EditorState, SelectionSlice } from './types';

const empty = { activityIds: [], transitionIds: [] } as const;

/** Selection of activities and transitions; kept out of undo history by the store's partialize. */
export const createSelectionSlice: StateCreator<EditorState, [], [], SelectionSlice> = (set) => ({
  selection: empty,
  setSelection: (selection) =>
    set((s) => ({
      selection: {
        activityIds: selection.activityIds ?? s.selection.activityIds,
        transitionIds: selection.transitionIds ?? s.selection.transitionIds,
      },
    })),
  clearSelection: () => set({ selection: empty }),
});
