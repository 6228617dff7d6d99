import type { ReactNode } from 'react';
import type { Problem } from '../../domain/problems';
import { FieldMessages } from './FieldMessages';

type FieldProblem = Pick<Problem, 'severity' | 'message'>;

/**
 * What a field's control is described by (`aria-describedby`): its help text and its problems,
 * when there are any. Text, number and select fields all name them this way, with `FieldHelp`.
 */
export function describedByOf(id: string, help: ReactNode, problems: readonly FieldProblem[]): string | undefined {
  return [help ? `${id}-help` : '', problems.length > 0 ? `${id}-problems` : ''].filter(Boolean).join(' ') || undefined;
}

/** The help text and the problems under a field's control, with the ids `describedByOf` gives. */
export function FieldHelp({ id, help, problems }: { id: string; help: ReactNode; problems: readonly FieldProblem[] }) {
  return (
    <>
      {help && (
        <p id={`${id}-help`} className="ff-hint">
          {help}
        </p>
      )}
      <FieldMessages problems={problems} id={`${id}-problems`} />
    </>
  );
}
