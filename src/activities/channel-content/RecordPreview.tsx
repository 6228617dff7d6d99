import type { ReactNode } from 'react';
import { ChevronLeft, ChevronRight } from 'lucide-react';
import type { Activity } from '../../domain/campaign';
import { useRecipientPreview, type PreviewRecord } from './useChannelContent';
import './channel-content.css';

/**
 * The message as one real recipient gets it: a record of the channel's audience (by key) with
 * its tokens filled in, and Previous / Next record to check others (missing values show fallbacks).
 */
export function RecordPreview({ activity, paths, title = 'Preview', children }: { activity: Activity; paths: readonly string[]; title?: string; children: (record: PreviewRecord) => ReactNode }) {
  const { state, fetching, previous, next } = useRecipientPreview(activity, paths);
  return (
    <section className="cc-preview" aria-label={title} aria-busy={fetching || undefined}>
      <div className="cc-preview__head">
        <h3 className="cc-preview__title">{title}</h3>
        {state.status === 'ready' && (
          <span className="cc-preview__nav">
            <button type="button" className="ff-icon-button" aria-label="Previous record" disabled={!previous} onClick={previous}>
              <ChevronLeft size={16} aria-hidden />
            </button>
            <span className="cc-preview__position" aria-live="polite">
              Record {(state.offset + 1).toLocaleString('en-US')} of {state.total.toLocaleString('en-US')}
            </span>
            <button type="button" className="ff-icon-button" aria-label="Next record" disabled={!next} onClick={next}>
              <ChevronRight size={16} aria-hidden />
            </button>
          </span>
        )}
      </div>
      {state.status === 'no-audience' && <p className="ff-hint">Connect an audience to preview the message with a real record.</p>}
      {state.status === 'loading' && <p className="ff-hint">Loading a record of the audience…</p>}
      {state.status === 'error' && <p className="ff-message ff-message--warning">No preview: {state.message}</p>}
      {state.status === 'empty' && <p className="ff-hint">The audience is empty: there is no record to preview.</p>}
      {state.status === 'ready' && (
        <>
          <p className="ff-hint">
            Key {String(state.record.key)} · tokens without a value show their fallback.
          </p>
          {children(state.record)}
        </>
      )}
    </section>
  );
}
