import { memo } from 'react';
import { CircleX, History } from 'lucide-react';
import { fittedCount, recordsText } from '../counts/format-count';
import { lastCountText, needsRunText, type TransitionCount } from '../counts/count-types';
import './count-badge.css';

/**
 * The count on a transition: "Counting…" until known, the number (compact only when the full
 * number would not fit; the full one in the tooltip and accessible name), dimmed while an edit is
 * recomputed, a small error mark when the source activity's query failed or it has errors to fix,
 * a grey clock when what it carries exists once the campaign is simulated ("Needs a simulation"), a dash when the
 * transition is not counted, its last count dimmed while the settings of the activity before it are
 * incomplete. The reason is in the tooltip and the accessible name of each. Memoised:
 * the count object is kept while unchanged, and the edge around it draws again on every move of a
 * drag that moves one of its ends.
 */
export const TransitionCountBadge = memo(function TransitionCountBadge({
  count,
}: {
  count: TransitionCount | undefined;
}) {
  if (!count) return null;
  if (count.error !== undefined) {
    // An error of the source activity is told as such; a query that failed says so first.
    const name = count.fromProblems ? count.error : `Count failed: ${count.error}`;
    return (
      <span className="cv-edge-label__count cv-edge-label__count--error" role="img" aria-label={name} title={name}>
        <CircleX size={12} aria-hidden />
      </span>
    );
  }
  if (count.needsRun) {
    const name = needsRunText(count.reason);
    return (
      <span className="cv-edge-label__count cv-edge-label__count--needs-run" role="img" aria-label={name} title={name}>
        <History size={12} aria-hidden />
      </span>
    );
  }
  if (count.count !== undefined) {
    const full = recordsText(count.count);
    // Kept while the settings of its source (or of an activity before it) are incomplete: told so.
    const name = count.lastCount ? `${full} (${count.incomplete ?? lastCountText()})` : count.stale ? `${full} (updating)` : full;
    return (
      <span
        className={`cv-edge-label__count${count.stale ? ' cv-edge-label__count--stale' : ''}`}
        role="img"
        aria-label={name}
        title={name}
        data-count={count.count}
      >
        {fittedCount(count.count)}
      </span>
    );
  }
  if (count.loading) {
    return (
      <span
        className="cv-edge-label__count cv-edge-label__count--loading"
        role="img"
        aria-label="Counting"
        title="Counting…"
      >
        Counting…
      </span>
    );
  }
  if (count.reason) {
    return (
      <span
        className="cv-edge-label__count cv-edge-label__count--none"
        role="img"
        aria-label={count.reason}
        title={count.reason}
      >
        –
      </span>
    );
  }
  return null;
});
