import { useState, type Dispatch, type SetStateAction } from 'react';

/**
 * The text being typed into a field whose value is committed later (on Enter, on blur, or once it
 * is valid). The draft follows outside changes of the saved value (undo, another panel) but is not
 * reset by renders that leave the value as it was, so typing is never lost. Every field that edits
 * a saved value through a draft keeps it this way.
 */
export function useDraft<T>(value: T, toDraft: (value: T) => string = String): [string, Dispatch<SetStateAction<string>>] {
  const [draft, setDraft] = useState(() => toDraft(value));
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setDraft(toDraft(value));
  }
  return [draft, setDraft];
}
