import { idRecord } from '../domain/ids';
import type { StateCreator } from 'zustand';
import type { DragOverlay } from './drag-overlay';
import type { EditorState, ViewSlice } from './types';

let counter = 0;

/**
 * Transient view state: measured sizes, notices, focus requests. Drags in progress go to the
 * separate drag overlay, which changes on every pointer move.
 */
export const createViewSlice =
  (drag: DragOverlay): StateCreator<EditorState, [], [], ViewSlice> =>
  (set) => ({
    measured: idRecord(),
    notice: null,
    focusRequest: null,
    dropTransitionId: null,
    pendingConnection: null,
    dataModel: null,
    setDataModel: (dataModel) => set((s) => (s.dataModel === dataModel ? s : { dataModel })),
    setPendingConnection: (pendingConnection) => set({ pendingConnection }),
    setDragPositions: (positions) => drag.setState({ positions }),
    setMeasured: (sizes) => set((s) => ({ measured: Object.assign(idRecord<{ width: number; height: number }>(), s.measured, sizes) })),
    forgetMeasured: () => set({ measured: idRecord() }),
    notify: (message, tone = 'info') => set({ notice: { id: ++counter, message, tone } }),
    dismissNotice: () => set({ notice: null }),
    requestFocus: (activityIds, mode = 'reveal') =>
      set({ focusRequest: { activityIds, mode, id: ++counter } }),
    setDropTransition: (id) => set((s) => (s.dropTransitionId === id ? s : { dropTransitionId: id })),
  });
