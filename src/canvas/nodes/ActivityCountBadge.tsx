import { Hourglass, History } from 'lucide-react';
import { fittedCount, formatCompactCount, recordsText } from '../counts/format-count';
import { lastCountText, needsRunText, type ActivityCount } from '../counts/count-types';
import './count-badge.css';

/**
 * The count on a node: the records it outputs (one output) or works on (several outputs, each one
 * listed in the tooltip), "Counting…" until known, dimmed while an edit is recomputed, a grey clock
 * ("Needs a simulation", the reason in its tooltip) when it reads what exists once the campaign is simulated,
 * "Waiting" (the branches it waits for in its name and tooltip) when an inbound branch is not
 * emitted. No
 * count otherwise (disabled, upstream, failed query) shows nothing here: the reason is in the
 * node's tooltip and status badge.
 */
export function ActivityCountBadge({ count }: { count: ActivityCount | undefined }) {
  if (!count || count.error !== undefined) return null;
  const stale = count.stale ? ' cv-node__count--stale' : '';
  if (count.count !== undefined) {
    const perOutput = count.outputs?.map((o) => `${o.label}: ${recordsText(o.count)}`) ?? [];
    const name = [recordsText(count.count), ...perOutput].join('; ') + (count.lastCount ? ` (${count.incomplete ?? lastCountText()})` : count.stale ? ' (updating)' : '');
    return (
      <span className={`cv-node__count${stale}`} role="img" aria-label={name} title={name.replaceAll('; ', '\n')} data-count={count.count}>
        {/* Both forms are drawn; CSS shows the short one when the canvas is zoomed far out. */}
        <span className="cv-node__count-full">{fittedCount(count.count)}</span>
        <span className="cv-node__count-short">{formatCompactCount(count.count)}</span>
      </span>
    );
  }
  if (count.needsRun) {
    const name = needsRunText(count.reason);
    return (
      <span className="cv-node__count cv-node__count--note" role="img" aria-label={name} title={name}>
        <History size={11} aria-hidden />
      </span>
    );
  }
  if (count.waiting) {
    return (
      <span className="cv-node__count cv-node__count--note" role="img" aria-label={count.reason} title={count.reason}>
        <Hourglass size={11} aria-hidden /> Waiting
      </span>
    );
  }
  if (count.loading) return <span className="cv-node__count cv-node__count--loading">Counting…</span>;
  return null;
}
