import { useRef, useState, type KeyboardEvent } from 'react';
import { Pencil } from 'lucide-react';
import { useFlushOnHide } from '../../ui/draft-flush';

/**
 * The campaign name as an always-editable title: click or tab into it and type. Enter or leaving
 * the field commits, Escape restores the previous name, and a blank name is refused (restored).
 * A name typed and not committed yet is committed when the page is hidden or closed.
 */
export function CampaignNameField({
  name,
  onRename,
  readOnly = false,
  readOnlyReason = 'Read-only: edited in another tab',
}: {
  name: string;
  onRename: (name: string) => void;
  readOnly?: boolean;
  /** Why the name cannot be changed, shown as the field's title and description. */
  readOnlyReason?: string;
}) {
  const [draft, setDraft] = useState(name);
  const [editing, setEditing] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const cancelled = useRef(false);
  // While not editing, follow renames from elsewhere (undo, import).
  const shown = editing ? draft : name;

  const commit = () => {
    setEditing(false);
    const next = draft.trim();
    if (next !== '' && next !== name) onRename(next);
  };
  // The page is hidden while a name is being typed: keep it (the field stays in editing, so typing
  // on after coming back continues the same name).
  useFlushOnHide(editing && draft.trim() !== '' && draft.trim() !== name, () => {
    const next = draft.trim();
    if (next !== '' && next !== name) onRename(next);
  });
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      commit();
      input.current?.blur();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      cancelled.current = true;
      input.current?.blur();
    }
  };

  return (
    <label className="cc-name-field">
      <span className="sr-only">Campaign name</span>
      <input
        ref={input}
        className="cc-name-input"
        value={readOnly ? name : shown}
        readOnly={readOnly}
        maxLength={200}
        spellCheck={false}
        onFocus={(e) => {
          if (readOnly) return;
          setDraft(name);
          setEditing(true);
          e.currentTarget.select();
        }}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={() => {
          if (cancelled.current) {
            cancelled.current = false;
            setDraft(name);
            setEditing(false);
          } else if (editing) commit();
        }}
        onKeyDown={onKeyDown}
        aria-invalid={editing && draft.trim() === '' ? true : undefined}
        title={readOnly ? readOnlyReason : 'Rename campaign'}
      />
      {!readOnly && <Pencil size={14} aria-hidden className="cc-name-pencil" />}
    </label>
  );
}
