import type { StateCreator } from 'zustand';
import type { EditorState, ViewSlice } from './types';

let counter = 0;

/** Transient view state: drags in progress, measured sizes, notices, focus requests. */
export const createViewSlice: StateCreator<EditorState, [], [], ViewSlice> = (set) => ({
  dragPositions: null,
  measured: {},
  notice: null,
  focusRequest: null,
  dropTransitionId: null,
  pendingConnection: null,
  dataModel: null,
  setDataModel: (dataModel) => set((s) => (s.dataModel === dataModel ? s : { dataModel })),
  setPendingConnection: (pendingConnection) => set({ pendingConnection }),
  setDragPositions: (dragPositions) => set({ dragPositions }),
  setMeasured: (sizes) => set((s) => ({ measured: { ...s.measured, ...sizes } })),
  notify: (message, tone = 'info') => set({ notice: { id: ++counter, message, tone } }),
  dismissNotice: () => set({ notice: null }),
  requestFocus: (activityIds, mode = 'reveal') => set({ focusRequest: { activityIds, mode, id: ++counter } }),
  setDropTransition: (id) => set((s) => (s.dropTransitionId === id ? s : { dropTransitionId: id })),
});
