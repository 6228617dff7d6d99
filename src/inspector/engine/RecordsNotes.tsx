import { SimulateAction } from '../../simulation/SimulateAction';
import type { ReactNode } from 'react';
import { CircleX, History } from 'lucide-react';
import { TechnicalDetails } from './TechnicalDetails';

/*
 * The parts of the "Records" section that an activity's and a transition's inspector both show:
 * the heading, why there is no count because a run is needed, and the alert for a query that failed.
 * They live here once so that both say it in the same words and with the same roles.
 */

/** The "Records" heading that names the section (the section is labelled by its id). */
export function RecordsHeading({ id }: { id: string }) {
  return (
    <h3 className="insp-subtitle" id={id}>
      Records
    </h3>
  );
}

/** No count until the campaign is simulated (it reads message results): says so, with the reason and Simulate. */
export function NeedsRunNote({ reason }: { reason: string | undefined }) {
  return (
    <p className="insp-engine__note insp-engine__note--run">
      <History size={14} aria-hidden />
      <span>
        <strong>Needs a simulation.</strong> {reason}
        <SimulateAction />
      </span>
    </p>
  );
}

/**
 * An alert for a count that failed: `lead` (in bold, when given) before the reason, and the
 * engine's own message folded under it.
 */
export function NoCountAlert({ lead, message, technical }: { lead?: ReactNode; message: string; technical: string | undefined }) {
  return (
    <div className="insp-engine__block">
      <p className="insp-engine__error" role="alert">
        <CircleX size={15} aria-hidden />
        {lead === undefined ? (
          <span>{message}</span>
        ) : (
          <span>
            <strong>{lead}</strong> {message}
          </span>
        )}
      </p>
      <TechnicalDetails text={technical} />
    </div>
  );
}
