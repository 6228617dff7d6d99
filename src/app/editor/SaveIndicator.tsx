import { AlertCircle, CheckCircle2, Loader2 } from 'lucide-react';
import type { SaveState } from '../../campaigns/autosaver';

const texts: Record<SaveState, string> = {
  saved: 'Saved',
  saving: 'Saving…',
  error: 'Not saved – retrying',
};

/** Autosave state, announced politely to screen readers when it changes. */
export function SaveIndicator({ state }: { state: SaveState }) {
  const Icon = state === 'saved' ? CheckCircle2 : state === 'saving' ? Loader2 : AlertCircle;
  return (
    <span className={`cc-save-indicator cc-save-${state}`} role="status" aria-live="polite">
      <Icon size={15} aria-hidden className={state === 'saving' ? 'cc-spinner' : undefined} />
      {texts[state]}
    </span>
  );
}
