import { useLayoutEffect, useRef } from 'react';
import { flushSync } from 'react-dom';

/**
 * Drafts typed into fields that commit later (on Enter or blur) and not committed yet. When the
 * page is hidden or closed, the editor commits them all before it saves (see useAutosave), so that
 * text typed and not confirmed is not lost on a reload or a closed tab.
 */
const pending = new Set<{ current: () => void }>();

/**
 * Commits every draft waiting in a field, synchronously: the documents they change are rendered,
 * and scheduled for saving, before this returns. Each commit is the one a blur would make, so a
 * field edit stays one undo step. Returns whether there was any draft.
 *
 * `beforeRender` runs once the commits have changed the documents and before they are rendered:
 * rendering a large editor can take a few hundred milliseconds, and a closing tab may be gone
 * before it ends, so what must survive the tab (a backup of the document) is written there.
 */
export function flushDrafts(beforeRender?: () => void): boolean {
  if (pending.size === 0) return false;
  flushSync(() => {
    for (const commit of [...pending]) commit.current();
    beforeRender?.();
  });
  return true;
}

/**
 * Registers a field's draft while it differs from the saved value (`dirty`): `commit` stores it,
 * as leaving the field would. `commit` may change on every render; the latest one is called.
 */
export function useFlushOnHide(dirty: boolean, commit: () => void): void {
  const latest = useRef(commit);
  useLayoutEffect(() => {
    latest.current = commit;
  });
  // A layout effect, so that a draft typed just before the page is hidden is already registered.
  useLayoutEffect(() => {
    if (!dirty) return;
    pending.add(latest);
    return () => {
      pending.delete(latest);
    };
  }, [dirty]);
}
