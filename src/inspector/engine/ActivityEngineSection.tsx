import { CircleAlert, CircleX, Hourglass } from 'lucide-react';
import { useActivityCount } from '../../canvas/nodes/useActivityCount';
import { recordsText } from '../../canvas/counts/format-count';
import { lastCountText } from '../../canvas/counts/count-types';
import { ActivityCodeView } from './ActivityCodeView';
import { NeedsRunNote, NoCountAlert, RecordsHeading } from './RecordsNotes';
import { TechnicalDetails } from './TechnicalDetails';
import './engine-panels.css';

/**
 * What the engine says about an activity, in its inspector: its count (per output when it has
 * several), why it has none (the error its query met, in a marketer's words with the engine's own on
 * demand; that it needs a run; that its problems above must be fixed first), and its code view. A
 * failed query's reason is told here only: the inspector's problem list above leaves it out.
 */
export function ActivityEngineSection({ activityId }: { activityId: string }) {
  const count = useActivityCount(activityId);
  return (
    <section className="insp-engine" aria-labelledby={`engine-${activityId}`}>
      <RecordsHeading id={`engine-${activityId}`} />
      {count?.needsRun ? (
        <NeedsRunNote reason={count.reason} />
      ) : count?.error !== undefined && count.fromProblems ? (
        <div className="insp-engine__block">
          <p className="insp-engine__note insp-engine__note--error">
            <CircleX size={14} aria-hidden /> <span>{count.error}</span>
          </p>
          <TechnicalDetails text={count.technical} />
        </div>
      ) : count?.error !== undefined ? (
        <NoCountAlert lead="No count." message={count.error} technical={count.technical} />
      ) : count?.count !== undefined ? (
        <div className={count.stale ? 'insp-engine__stale' : undefined} aria-busy={count.stale || undefined}>
          <p className="insp-engine__count" aria-label="Activity count">
            {recordsText(count.count)}
            {count.outputs && <span className="insp-muted"> in</span>}
            {count.lastCount ? (
              <span className="insp-muted"> ({count.incomplete ?? lastCountText()})</span>
            ) : (
              count.stale && <span className="insp-muted"> (updating…)</span>
            )}
          </p>
          {count.leftOut && (
            <p className="insp-engine__left-out" aria-label="Records left out">
              <CircleAlert size={14} aria-hidden /> {recordsText(count.leftOut.count)} {count.leftOut.text}: no output carries them.
            </p>
          )}
          {count.outputs && (
            <ul className="insp-engine__outputs" aria-label="Records per output">
              {count.outputs.map((o) => (
                <li key={o.port}>
                  <span>{o.label}</span>
                  <span className="insp-engine__num">{recordsText(o.count)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : count?.loading ? (
        <p className="insp-engine__note">Counting…</p>
      ) : (
        <div className="insp-engine__block">
          <p className="insp-engine__note">
            {count?.fromProblems && <CircleAlert size={14} aria-hidden />}
            {count?.waiting && <Hourglass size={14} aria-hidden />}
            <span>{count?.reason ?? 'No count.'}</span>
          </p>
          <TechnicalDetails text={count?.technical} />
        </div>
      )}
      <ActivityCodeView activityId={activityId} />
    </section>
  );
}
