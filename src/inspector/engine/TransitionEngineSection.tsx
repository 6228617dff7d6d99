import { useState } from 'react';
import { Table2 } from 'lucide-react';
import { recordsText } from '../../canvas/counts/format-count';
import { lastCountText } from '../../canvas/counts/count-types';
import { useTransitionCount } from '../../canvas/edges/useTransitionCount';
import { PreviewResultsDialog } from './PreviewResultsDialog';
import { PreviewSchema } from './PreviewSchema';
import { NeedsRunNote, NoCountAlert, RecordsHeading } from './RecordsNotes';
import { TechnicalDetails } from './TechnicalDetails';
import './engine-panels.css';

/** A transition's records in its inspector: the count, its preview schema and preview results. */
export function TransitionEngineSection({ transitionId, title }: { transitionId: string; title: string }) {
  const count = useTransitionCount(transitionId);
  const [resultsOpen, setResultsOpen] = useState(false);
  // Previews read the transition's working table: only a transition with a count has one (a last
  // count kept while settings are incomplete has none any more).
  const available = count?.count !== undefined && !count.lastCount;
  return (
    <section className="insp-engine" aria-labelledby={`engine-${transitionId}`}>
      <RecordsHeading id={`engine-${transitionId}`} />
      {count?.needsRun ? (
        <NeedsRunNote reason={count.reason} />
      ) : count?.error !== undefined ? (
        <NoCountAlert lead={count.fromProblems ? undefined : 'The activity before it has no count.'} message={count.error} technical={count.technical} />
      ) : count?.count !== undefined ? (
        <p className={`insp-engine__count${count.stale ? ' insp-engine__stale' : ''}`} aria-label="Transition count">
          {recordsText(count.count)}
          {count.lastCount ? (
            <span className="insp-muted"> ({count.incomplete ?? lastCountText()})</span>
          ) : (
            count.stale && <span className="insp-muted"> (updating…)</span>
          )}
        </p>
      ) : (
        <div className="insp-engine__block">
          <p className="insp-engine__note">{count?.loading ? 'Counting…' : (count?.reason ?? 'No count.')}</p>
          <TechnicalDetails text={count?.loading ? undefined : count?.technical} />
        </div>
      )}
      <PreviewSchema transitionId={transitionId} available={available} />
      <div className="insp-engine__block">
        <button type="button" className="insp-button" disabled={!available} onClick={() => setResultsOpen(true)}>
          <Table2 size={15} aria-hidden /> Preview results
        </button>
      </div>
      <PreviewResultsDialog transitionId={transitionId} title={title} isOpen={resultsOpen} onOpenChange={setResultsOpen} />
    </section>
  );
}
