import type { CampaignDoc } from '../domain/campaign';
import type { EditorStore } from './editor-store';

/**
 * Takes a document handed to the editor from outside (the header renamed the campaign, a file was
 * imported). A change of activities, transitions or settings is an edit like any other and can be
 * undone. A change of the campaign's own fields only (name, description, dates) is not an editor
 * edit: it is applied without a history step, and to every document in the history too, so that
 * undoing a canvas edit later never brings back an old name.
 */
export function applyExternalDoc(store: EditorStore, doc: CampaignDoc): void {
  const current = store.getState().doc;
  if (doc === current) return;
  const graphChanged =
    doc.activities !== current.activities || doc.transitions !== current.transitions || doc.settings !== current.settings;
  if (graphChanged) {
    store.getState().replaceDoc(doc);
    return;
  }
  const history = store.temporal;
  const { name, description, createdAt, updatedAt } = doc;
  const patch = <T extends { doc?: CampaignDoc }>(s: T): T =>
    s.doc ? { ...s, doc: { ...s.doc, name, description, createdAt, updatedAt } } : s;
  history.getState().pause();
  store.getState().replaceDoc(doc);
  history.getState().resume();
  history.setState((h) => ({ pastStates: h.pastStates.map(patch), futureStates: h.futureStates.map(patch) }));
}
