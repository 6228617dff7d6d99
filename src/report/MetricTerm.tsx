import { useId, useState } from 'react';
import { metricInfo } from './report-metrics';

/**
 * A metric's name that tells its definition (from the registry) on hover and on keyboard focus:
 * a focusable term described by its tooltip, which Escape hides (WCAG 1.4.13).
 */
export function MetricTerm({ metric, className }: { metric: string; className?: string }) {
  const info = metricInfo(metric);
  const tipId = useId();
  const [open, setOpen] = useState(false);
  return (
    <span className={`metric-term ${className ?? ''}`} onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <button
        type="button"
        className="metric-term__name"
        aria-describedby={info.definition ? tipId : undefined}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') setOpen(false);
        }}
      >
        {info.label}
      </button>
      {info.definition && (
        <span role="tooltip" id={tipId} className="metric-term__tip" data-open={open || undefined}>
          {info.definition}
        </span>
      )}
    </span>
  );
}
