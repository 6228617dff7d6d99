import { useContext } from 'react';
import { useStore } from 'zustand';
import type { TemporalState } from 'zundo';
import { EditorStoreContext } from './editor-context';
import type { DragPositions } from './drag-overlay';
import type { EditorStore } from './editor-store';
import type { EditorState } from './types';

/** The store itself, for event handlers that read state without subscribing. */
export function useEditorStoreApi(): EditorStore {
  const store = useContext(EditorStoreContext);
  if (!store) throw new Error('useEditorStore must be used inside an EditorStoreProvider');
  return store;
}

/** Subscribes to a narrow slice of the editor state. Keep selectors small: they run on every change. */
export function useEditorStore<T>(selector: (state: EditorState) => T): T {
  return useStore(useEditorStoreApi(), selector);
}

/** Subscribes to the undo history (can undo, can redo). */
export function useHistory<T>(selector: (state: TemporalState<Pick<EditorState, 'doc'>>) => T): T {
  return useStore(useEditorStoreApi().temporal, selector);
}

/** The positions of the drag in progress (null when none): changes on every pointer move. */
export function useDragPositions(): DragPositions {
  return useStore(useEditorStoreApi().drag, (s) => s.positions);
}
