import { createStore, type StoreApi } from 'zustand/vanilla';
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
export function createEditorStore(doc: CampaignDoc, options: { readOnly?: boolean } = {}) {
  const drag = createDragOverlay();
  const readOnly = options.readOnly ?? false;
  const store = createStore<EditorState>()(
    temporal(
      (set, get, api) => {
        const guarded = readOnly ? refuseDocumentEdits(set, get) : set;
        return {
          ...createDocumentSlice(doc, drag)(guarded, get, api),
          ...createSelectionSlice(guarded, get, api),
          ...createViewSlice(drag)(guarded, get, api),
          readOnly,
        };
      },
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

/** What a read-only editor says when an edit is refused. */
export const READ_ONLY_NOTICE = 'This campaign is read-only here. Save a copy to edit it.';

type SetState = StoreApi<EditorState>['setState'];

/**
 * The `set` of a read-only editor: any change of the document is refused (with a notice), so that
 * no edit, drag, paste or form can change what is shown; selection and view state still change.
 */
function refuseDocumentEdits(set: SetState, get: () => EditorState): SetState {
  return ((partial: Parameters<SetState>[0]) => {
    const current = get();
    const next = typeof partial === 'function' ? partial(current) : partial;
    if (next.doc !== undefined && next.doc !== current.doc) {
      set({ notice: { id: Date.now(), message: READ_ONLY_NOTICE, tone: 'info' } });
      return;
    }
    set(next);
  }) as SetState;
}
