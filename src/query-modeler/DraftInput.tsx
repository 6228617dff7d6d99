import type { InputHTMLAttributes, KeyboardEvent } from 'react';
import { useFlushOnHide } from '../ui/draft-flush';
import { useDraft } from '../ui/useDraft';

export interface DraftInputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> {
  value: string;
  /** Called once the person is done typing: on Enter, or when focus leaves. */
  onCommit: (value: string) => void;
}

/**
 * An input that keeps what is typed to itself and commits it on Enter or blur, so that a value
 * typed into a rule is one undo step and does not recompute counts at every keystroke. A draft
 * still in the input when the page is hidden or closed is committed then.
 */
export function DraftInput({ value, onCommit, onKeyDown, onBlur, ...rest }: DraftInputProps) {
  const [draft, setDraft] = useDraft(value);
  const commit = () => {
    if (draft !== value) onCommit(draft);
  };
  useFlushOnHide(draft !== value, commit);
  const keyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
    } else if (e.key === 'Escape' && draft !== value) {
      e.preventDefault();
      e.stopPropagation();
      setDraft(value);
    }
    onKeyDown?.(e);
  };
  return (
    <input
      {...rest}
      value={draft}
      onChange={(e) => setDraft(e.target.value)}
      onKeyDown={keyDown}
      onBlur={(e) => {
        commit();
        onBlur?.(e);
      }}
    />
  );
}
