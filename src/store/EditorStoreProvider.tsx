import type { ReactNode } from 'react';
import { EditorStoreContext } from './editor-context';
import type { EditorStore } from './editor-store';

/** Makes one campaign's editor store available to the canvas, inspector and panels below it. */
export function EditorStoreProvider({ store, children }: { store: EditorStore; children: ReactNode }) {
  return <EditorStoreContext.Provider value={store}>{children}</EditorStoreContext.Provider>;
}
