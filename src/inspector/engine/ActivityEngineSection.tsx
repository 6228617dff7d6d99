import { CircleX } from 'lucide-react';
import { useActivityCount } from '../../canvas/nodes/useActivityCount';
import { recordsText } from '../../canvas/counts/format-count';
import { ActivityCodeView } from './ActivityCodeView';
import './engine-panels.css';

/**
 * What the engine says about an activity, in its inspector: its count (per output when it has
 * several), why it has none, or the error its query met; and its code view.
 */
export function ActivityEngineSection({ activityId }: { activityId: string }) {
  const count = useActivityCount(activityId);
  return (
    <section className="insp-engine" aria-labelledby={`engine-${activityId}`}>
      <h3 className="insp-subtitle" id={`engine-${activityId}`}>
        Records
      </h3>
      {count?.error !== undefined ? (
        // The message itself is listed with the activity's problems above (code `engine-error`).
        <p className="insp-engine__note insp-engine__note--error">
          <CircleX size={14} aria-hidden /> No count: the query of this activity failed.
        </p>
      ) : count?.count !== undefined ? (
        <div className={count.stale ? 'insp-engine__stale' : undefined} aria-busy={count.stale || undefined}>
          <p className="insp-engine__count" aria-label="Activity count">
            {recordsText(count.count)}
            {count.outputs && <span className="insp-muted"> in</span>}
            {count.stale && <span className="insp-muted"> (updating…)</span>}
          </p>
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
        <p className="insp-engine__note">{count?.reason ?? 'No count.'}</p>
      )}
      <ActivityCodeView activityId={activityId} />
    </section>
  );
}
