import { memo } from 'react';
import { CircleX } from 'lucide-react';
import { fittedCount, recordsText } from '../counts/format-count';
import type { TransitionCount } from '../counts/count-types';
import './count-badge.css';

/**
 * The count on a transition: "Counting…" until known, the number (compact only when the full
 * number would not fit; the full one in the tooltip and accessible name), dimmed while an edit is
 * recomputed, a small error mark when the source activity's query failed, nothing (with the
 * reason in a tooltip) when the transition is not counted. Memoised: the count object is kept while
 * unchanged, and the edge around it draws again on every move of a drag that moves one of its ends.
 */
export const TransitionCountBadge = memo(function TransitionCountBadge({
  count,
}: {
  count: TransitionCount | undefined;
}) {
  if (!count) return null;
  if (count.error !== undefined) {
    return (
      <span
        className="cv-edge-label__count cv-edge-label__count--error"
        role="img"
        aria-label="Count failed"
        title={count.error}
      >
        <CircleX size={12} aria-hidden />
      </span>
    );
  }
  if (count.count !== undefined) {
    const full = recordsText(count.count);
    const name = count.stale ? `${full} (updating)` : full;
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
