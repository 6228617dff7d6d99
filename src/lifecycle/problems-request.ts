/**
 * Asks the editor's Problems panel to open and take the focus (a refused publish points at the
 * errors). The panel lives inside the editor, the Publish button in the top bar above it: a
 * window event joins them without either knowing the other's store.
 */
const EVENT = 'cc:open-problems';

export function requestProblemsPanel(): void {
  window.dispatchEvent(new Event(EVENT));
}

/** Calls `onRequest` on each request; returns the unsubscribe. */
export function onProblemsPanelRequest(onRequest: () => void): () => void {
  window.addEventListener(EVENT, onRequest);
  return () => window.removeEventListener(EVENT, onRequest);
}
