import { CircleAlert, CircleX } from 'lucide-react';
import type { Problem } from '../domain/problems';

/** Problems as a list; each one a button when `onSelect` is given (the problems panel). */
export function ProblemList({
  problems,
  onSelect,
  compact,
  labelOf,
  label,
}: {
  problems: readonly Problem[];
  onSelect?: (p: Problem) => void;
  compact?: boolean;
  labelOf?: (p: Problem) => string | undefined;
  /** Accessible name of the list. */
  label?: string;
}) {
  return (
    <ul className={`insp-problems${compact ? ' insp-problems--compact' : ''}`} aria-label={label}>
      {problems.map((p, i) => {
        const Icon = p.severity === 'error' ? CircleX : CircleAlert;
        const body = (
          <>
            <Icon size={15} aria-hidden className={`insp-problem__icon insp-problem__icon--${p.severity}`} />
            <span className="insp-problem__text">
              {labelOf?.(p) && <span className="insp-problem__where">{labelOf(p)}</span>}
              <span>{p.message}</span>
            </span>
          </>
        );
        return (
          <li key={`${p.code}-${p.activityId ?? ''}-${p.transitionId ?? ''}-${i}`}>
            {onSelect && p.activityId ? (
              <button type="button" className="insp-problem insp-problem--button" onClick={() => onSelect(p)}>
                {body}
              </button>
            ) : (
              <div className="insp-problem">{body}</div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
