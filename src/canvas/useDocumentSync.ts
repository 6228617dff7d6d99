import { useEffect, useRef } from 'react';
import type { CampaignDoc } from '../domain/campaign';
import type { EditorStore } from '../store/editor-store';
import { applyExternalDoc } from '../store/external-doc';

/**
 * Keeps the editor store and its owner in step. Every document change made in the editor (edits,
 * undo, redo) is reported through `onChange`. A document coming back from the owner that is not the
 * one the editor reported (a rename in the header, an import) replaces the editor's document without
 * being echoed back (see applyExternalDoc for how it enters the history).
 */
export function useDocumentSync(store: EditorStore, doc: CampaignDoc, onChange: (doc: CampaignDoc) => void) {
  const onChangeRef = useRef(onChange);
  const external = useRef<CampaignDoc | null>(null);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(
    () =>
      store.subscribe((state, prev) => {
        if (state.doc === prev.doc || state.doc === external.current) return;
        onChangeRef.current(state.doc);
      }),
    [store],
  );

  useEffect(() => {
    if (doc === store.getState().doc) return;
    external.current = doc;
    applyExternalDoc(store, doc);
  }, [doc, store]);
}
