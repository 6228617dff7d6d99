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
export function createEditorStore(
  doc: CampaignDoc,
  options: { readOnly?: boolean; lockReason?: string | null } = {},
) {
  const drag = createDragOverlay();
  const readOnly = options.readOnly ?? false;
  const store = createStore<EditorState>()(
    temporal(
      (set, get, api) => {
        const guarded = refuseDocumentEdits(set, get);
        return {
          ...createDocumentSlice(doc, drag)(guarded, get, api),
          ...createSelectionSlice(guarded, get, api),
          ...createViewSlice(drag)(guarded, get, api),
          readOnly,
          lockReason: options.lockReason ?? null,
          setLockReason: (reason) => {
            if (reason === get().lockReason) return;
            set({ lockReason: reason });
            // A new draft starts its own history: undo never reaches back into the version
            // published before it.
            if (reason === null) (api as unknown as { temporal: StoreApi<{ clear: () => void }> }).temporal.getState().clear();
          },
        };
      },
      {
        partialize: (state) => ({ doc: state.doc }),
        equality: (past, current) => past.doc === current.doc,
        limit: HISTORY_LIMIT,
        // Undo and redo write the document with the store's own `set`, past the guard above:
        // a locked document refuses them here, before the history moves.
        wrapTemporal: (init) => (set, get, api) => {
          const temporalState = init(set, get, api);
          const refused = () => {
            const reason = lockedReason(store.getState());
            if (reason !== null) store.getState().notify(reason, 'error');
            return reason !== null;
          };
          return {
            ...temporalState,
            undo: (steps) => {
              if (!refused()) temporalState.undo(steps);
            },
            redo: (steps) => {
              if (!refused()) temporalState.redo(steps);
            },
          };
        },
      },
    ),
  );
  return Object.assign(store, { drag });
}

export type EditorStore = ReturnType<typeof createEditorStore>;

/** What a read-only editor says when an edit is refused. */
export const READ_ONLY_NOTICE = 'This campaign is read-only here. Save a copy to edit it.';

type SetState = StoreApi<EditorState>['setState'];

/** Why the document cannot be changed now, or null when it can. */
function lockedReason(state: EditorState): string | null {
  if (state.lockReason !== null) return state.lockReason;
  return state.readOnly ? READ_ONLY_NOTICE : null;
}

/**
 * The `set` of every editor: while the document is read-only (a shared campaign) or locked (a
 * published version), any change of the document is refused with a notice saying why, so that no
 * edit, drag, paste, import or form can change it, whatever control asked; selection and view
 * state still change.
 */
function refuseDocumentEdits(set: SetState, get: () => EditorState): SetState {
  return ((partial: Parameters<SetState>[0]) => {
    const current = get();
    const next = typeof partial === 'function' ? partial(current) : partial;
    const reason = lockedReason(current);
    if (reason !== null && next.doc !== undefined && next.doc !== current.doc) {
      set({ notice: { id: Date.now(), message: reason, tone: current.lockReason !== null ? 'error' : 'info' } });
      return;
    }
    set(next);
  }) as SetState;
}
