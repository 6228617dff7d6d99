import { useId, type KeyboardEvent } from 'react';
import { useFlushOnHide } from '../ui/draft-flush';
import { useDraft } from '../ui/useDraft';

export interface LabelFieldProps {
  value: string;
  onCommit: (value: string) => void;
  label?: string;
  placeholder?: string;
  /** Refuse an empty value (activities need a name; transitions may have none). */
  required?: boolean;
}

/**
 * A text field that edits a label and commits it once, on Enter or when focus leaves, so that a
 * rename is one undo step rather than one per keystroke. Escape restores the saved value. A draft
 * not committed yet is committed when the page is hidden or closed.
 */
export function LabelField({ value, onCommit, label = 'Label', placeholder, required }: LabelFieldProps) {
  const id = useId();
  const [draft, setDraft] = useDraft(value);

  const commit = () => {
    const next = draft.trim();
    if (required && next === '') {
      setDraft(value);
      return;
    }
    if (next !== value) onCommit(next);
    else setDraft(value);
  };
  // A draft still in the field when the page is hidden is committed then (one step, as a blur).
  useFlushOnHide(draft !== value, commit);
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setDraft(value);
    }
  };

  return (
    <div className="insp-field">
      <label htmlFor={id} className="insp-field__label">
        {label}
      </label>
      <input
        id={id}
        className="insp-field__input"
        value={draft}
        placeholder={placeholder}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={onKeyDown}
        aria-required={required}
      />
    </div>
  );
}
