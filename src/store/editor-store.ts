import { createStore } from 'zustand/vanilla';
import { temporal } from 'zundo';
import type { CampaignDoc } from '../domain/campaign';
import { createDocumentSlice } from './document-slice';
import { createDragOverlay } from './drag-overlay';
import { createSelectionSlice } from './selection-slice';
import { createViewSlice } from './view-slice';
import type { EditorState } from './types';

/** How many document versions undo keeps. */
export const HISTORY_LIMIT = 200;

/**
 * The editor store of one open campaign: a vanilla zustand store built from slices, wrapped in
 * zundo's temporal middleware. History records the document only (`partialize`), and only when the
 * document object changed (`equality`), so selecting, measuring, notices and drags in progress
 * never become undo steps. The positions of a drag in progress live in `store.drag`, a small store
 * of its own (see drag-overlay.ts).
 */
export function createEditorStore(doc: CampaignDoc) {
  const drag = createDragOverlay();
  const store = createStore<EditorState>()(
    temporal(
      (...a) => ({
        ...createDocumentSlice(doc, drag)(...a),
        ...createSelectionSlice(...a),
        ...createViewSlice(drag)(...a),
      }),
      {
        partialize: (state) => ({ doc: state.doc }),
        equality: (past, current) => past.doc === current.doc,
        limit: HISTORY_LIMIT,
      },
    ),
  );
  return Object.assign(store, { drag });
}

export type EditorStore = ReturnType<typeof createEditorStore>;
