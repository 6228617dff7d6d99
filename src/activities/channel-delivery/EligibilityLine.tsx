import { useActivityFigures, useCounts } from '../../canvas/counts/counts-store';
import { formatCount } from '../../canvas/counts/format-count';
import { eligibilityFigures } from './reasons';
import './eligibility.css';

/**
 * On a channel node, under its count of targeted records: how many messages are excluded and how
 * many go. Read from the counts; nothing until they are known.
 */
export function EligibilityLine({ activityId }: { activityId: string }) {
  // From the counts store, fed by the one counts query of the campaign (simulated or not).
  const figures = useActivityFigures(activityId);
  const stale = useCounts((s) => s.phase === 'computing');
  const targeted = figures?.[eligibilityFigures.targeted];
  const excluded = figures?.[eligibilityFigures.excluded];
  const toSend = figures?.[eligibilityFigures.toSend];
  if (targeted === undefined || excluded === undefined || toSend === undefined) return null;
  const name = `${formatCount(targeted)} targeted, ${formatCount(excluded)} excluded, ${formatCount(toSend)} to send${stale ? ' (updating)' : ''}`;
  return (
    <div className={`cv-node__eligibility${stale ? ' cv-node__eligibility--stale' : ''}`} role="img" aria-label={name} title={name}>
      <span className="cv-node__to-send">{formatCount(toSend)} to send</span>
      {excluded > 0 && <span className="cv-node__excluded">{formatCount(excluded)} excluded</span>}
    </div>
  );
}
