import { useState } from 'react';

/**
 * Which inspector sections (code view, schema preview...) are open, per activity or transition, for
 * as long as the page lives. Kept here and not in the campaign document: it is how the marketer
 * last looked at an item, not part of the campaign, and must not make the document "unsaved".
 */
const openSections = new Map<string, boolean>();

/**
 * Open state of the section `section` of the item `ownerId`: closed until the marketer opens it,
 * then as they last left it on that item, whichever item was selected in between.
 */
export function useRememberedOpen(ownerId: string, section: string): [boolean, (open: boolean) => void] {
  const key = `${ownerId}\u0000${section}`;
  const [state, setState] = useState({ key, open: openSections.get(key) ?? false });
  // Another item shown by the same component: read its own state, not the previous one's.
  const current = state.key === key ? state : { key, open: openSections.get(key) ?? false };
  if (current !== state) setState(current);
  const setOpen = (open: boolean) => {
    openSections.set(key, open);
    setState({ key, open });
  };
  return [current.open, setOpen];
}
