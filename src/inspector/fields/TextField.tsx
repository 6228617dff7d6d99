import { useId } from 'react';
import type { Problem } from '../../domain/problems';
import { describedByOf, FieldHelp } from './FieldHelp';
import { useFlushOnHide } from '../../ui/draft-flush';
import { useDraft } from '../../ui/useDraft';

export interface TextFieldProps {
  label: string;
  value: string;
  /**
   * Receives the text. With `commit: 'live'` on every keystroke (the form passes an undo group so
   * that a burst of typing is one step); with `'blur'` once, on Enter or when focus leaves (or when
   * the page is hidden with the text still in the field).
   */
  onChange: (value: string) => void;
  commit?: 'live' | 'blur';
  help?: string;
  placeholder?: string;
  multiline?: boolean;
  /** Values suggested while typing (a datalist). */
  suggestions?: readonly string[];
  problems?: readonly Pick<Problem, 'severity' | 'message'>[];
  required?: boolean;
}

/** A labelled text field with help text and its problems underneath. */
export function TextField({ label, value, onChange, commit = 'live', help, placeholder, multiline, suggestions, problems = [], required }: TextFieldProps) {
  const id = useId();
  const [draft, setDraft] = useDraft(value);
  const describedBy = describedByOf(id, help, problems);
  const change = (text: string) => {
    setDraft(text);
    if (commit === 'live') onChange(text);
  };
  const commitDraft = () => {
    if (commit === 'blur' && draft !== value) onChange(draft);
  };
  useFlushOnHide(commit === 'blur' && draft !== value, commitDraft);
  const common = {
    id,
    value: draft,
    placeholder,
    'aria-describedby': describedBy,
    'aria-invalid': problems.some((p) => p.severity === 'error') || undefined,
    'aria-required': required || undefined,
    onBlur: commitDraft,
  };
  return (
    <div className="insp-field">
      <label className="insp-field__label" htmlFor={id}>
        {label}
      </label>
      {multiline ? (
        <textarea {...common} className="insp-field__input ff-input ff-textarea" onChange={(e) => change(e.target.value)} />
      ) : (
        <input
          {...common}
          className="insp-field__input ff-input"
          list={suggestions && suggestions.length > 0 ? `${id}-list` : undefined}
          onChange={(e) => change(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitDraft();
            if (e.key === 'Escape') setDraft(value);
          }}
        />
      )}
      {suggestions && suggestions.length > 0 && (
        <datalist id={`${id}-list`}>
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
      )}
      <FieldHelp id={id} help={help} problems={problems} />
    </div>
  );
}
