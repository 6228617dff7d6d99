import { useEffect, useRef } from 'react';
import type { CampaignDoc } from '../domain/campaign';
import type { EditorStore } from '../store/editor-store';

/**
 * Keeps the editor store and its owner in step. Every document change made in the editor (edits,
 * undo, redo) is reported through `onChange`. A document coming back from the owner that is not the
 * one the editor reported (a rename in the header, an import) replaces the editor's document without
 * being echoed back; when its graph differs it is an undoable step, otherwise (name, dates) it is not.
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
    const current = store.getState().doc;
    if (doc === current) return;
    external.current = doc;
    const graphChanged =
      doc.activities !== current.activities || doc.transitions !== current.transitions || doc.settings !== current.settings;
    const history = store.temporal.getState();
    if (!graphChanged) history.pause();
    store.getState().replaceDoc(doc);
    if (!graphChanged) history.resume();
  }, [doc, store]);
}
