import { MousePointerClick } from 'lucide-react';

/** What an empty campaign shows: how to start. */
export function EmptyCanvas() {
  return (
    <div className="cv-empty" role="note" aria-label="Empty campaign">
      <div className="cv-empty__card">
        <span className="cv-empty__icon" aria-hidden>
          <MousePointerClick size={22} />
        </span>
        <h2 className="cv-empty__title">Start your campaign</h2>
        <p className="cv-empty__text">
          Drag an activity from the palette onto the canvas, or select one and press Enter. Most campaigns start with{' '}
          <strong>Build audience</strong>.
        </p>
        <p className="cv-empty__text">
          Prefer a head start? <a href="#/">Open a starter template</a> from the campaign list.
        </p>
      </div>
    </div>
  );
}
