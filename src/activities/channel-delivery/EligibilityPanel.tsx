import { useActivityFigures, useCounts } from '../../canvas/counts/counts-store';
import { formatCount } from '../../canvas/counts/format-count';
import { eligibilityFigures, exclusionReasons, reasonLabels } from './reasons';
import './eligibility.css';

/**
 * In a channel's inspector: messages targeted, excluded and to send, then the exclusions by reason
 * in the order they are tried (docs/simulation.md). Reasons that exclude nobody are listed dimmed,
 * so the list keeps its order and shape from one edit to the next.
 */
export function EligibilityPanel({ activityId }: { activityId: string }) {
  // From the counts store, fed by the one counts query of the campaign (simulated or not).
  const figures = useActivityFigures(activityId);
  const stale = useCounts((s) => s.phase === 'computing');
  const targeted = figures?.[eligibilityFigures.targeted];
  return (
    <section className={`ch-eligibility${stale ? ' ch-eligibility--stale' : ''}`} aria-label="Who can be reached" aria-busy={stale}>
      <h3>Who can be reached</h3>
      {targeted === undefined ? (
        <p className="ch-eligibility__summary">Counted once the channel has an audience.</p>
      ) : (
        <>
          <p className="ch-eligibility__summary">
            {formatCount(targeted)} targeted · {formatCount(figures![eligibilityFigures.excluded] ?? 0)} excluded · <strong>{formatCount(figures![eligibilityFigures.toSend] ?? 0)} to send</strong>
          </p>
          <ul className="ch-eligibility__reasons" aria-label="Exclusions by reason">
            {exclusionReasons.map((r) => {
              const n = figures![eligibilityFigures.reason(r)] ?? 0;
              return (
                <li key={r} data-zero={n === 0 ? '' : undefined}>
                  <span>{reasonLabels[r]}</span>
                  <span className="ch-eligibility__n">{formatCount(n)}</span>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
