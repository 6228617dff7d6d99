import type { ReactNode } from 'react';
import { AlertCircle, Loader2 } from 'lucide-react';

/** A waiting message with a spinner, announced politely. */
export function Waiting({ children }: { children: ReactNode }) {
  return (
    <div className="dx-state" role="status">
      <Loader2 size={16} aria-hidden className="cc-spinner" />
      <span>{children}</span>
    </div>
  );
}

/** A failed query, announced at once. */
export function Failed({ children }: { children: ReactNode }) {
  return (
    <div className="dx-state dx-state-error" role="alert">
      <AlertCircle size={16} aria-hidden />
      <span>{children}</span>
    </div>
  );
}

export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));
