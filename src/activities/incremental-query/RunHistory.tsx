import { byId } from '../../domain/ids';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Eraser, History, Loader2 } from 'lucide-react';
import type { CampaignDoc } from '../../domain/campaign';
import { useClearRuns, useRecordRun, useRuns } from '../../queries/useEngineState';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { formatMark, formatRunTime } from './format-run-time';
import './run-history.css';

interface Props {
  doc: CampaignDoc;
  /** The Incremental query whose form shows the history: its mark comes first. */
  activityId: string;
}

/**
 * Runs of the campaign: recording one (the campaign run as of now, which saves its audiences and
 * remembers each Incremental query's high-water mark) and the history, newest first, with the mark
 * of every Incremental query of the campaign. Clearing the history (after a confirmation) makes its
 * incremental queries count every matching record again.
 */
export function RunHistory({ doc, activityId }: Props) {
  const runs = useRuns(doc.id);
  const record = useRecordRun();
  const clear = useClearRuns();
  const [confirming, setConfirming] = useState(false);
  const [cleared, setCleared] = useState<string | undefined>();
  const recordButton = useRef<HTMLButtonElement>(null);
  const focusRecord = useRef(false);
  // The button that opened the dialog goes with the history: focus moves to "Record a run now".
  useEffect(() => {
    if (confirming || !focusRecord.current) return;
    focusRecord.current = false;
    const frame = requestAnimationFrame(() => recordButton.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [confirming]);
  const incremental = useMemo(() => {
    const all = doc.activities.filter((a) => a.type === 'incremental-query');
    return [...all.filter((a) => a.id === activityId), ...all.filter((a) => a.id !== activityId)];
  }, [doc.activities, activityId]);
  const history = [...(runs.data ?? [])].reverse();
  const last = history[0];

  return (
    <section className="iq-runs" aria-labelledby={`iq-runs-${activityId}`}>
      <div className="iq-runs__head">
        <h4 id={`iq-runs-${activityId}`} className="iq-runs__title">
          Runs
        </h4>
        <button
          ref={recordButton}
          type="button"
          className="insp-button"
          onClick={() => {
            setCleared(undefined);
            record.mutate(doc);
          }}
          disabled={record.isPending || runs.isPending || clear.isPending}
        >
          {record.isPending ? (
            <Loader2 size={14} className="cc-spinner" aria-hidden />
          ) : (
            <History size={14} aria-hidden />
          )}
          Record a run now
        </button>
      </div>
      <p className="ff-hint">
        A run computes the campaign as it is now, writes its saved audiences and remembers, for each
        incremental query, the latest date among the records it returned. The next count has only records
        after that date.
      </p>
      {record.error && (
        <p className="iq-runs__error" role="alert">
          The run could not be recorded: {record.error.message}
        </p>
      )}
      {clear.error && (
        <p className="iq-runs__error" role="alert">
          The run history could not be cleared: {clear.error.message}
        </p>
      )}
      <p className="iq-runs__status" role="status">
        {cleared}
      </p>
      {runs.error && (
        <p className="iq-runs__error" role="alert">
          The runs could not be read: {runs.error.message}
        </p>
      )}
      {history.length === 0 ? (
        <p className="ff-note" role="note">
          {runs.isPending
            ? 'Reading the runs…'
            : 'No run recorded yet on this data, so the count is every record matching the rule.'}
        </p>
      ) : (
        <>
          <p className="ff-note" role="note">
            Last run {formatRunTime(last!.runAt)}: only records with a date after{' '}
            {formatMark(byId(last!.marks, activityId))} count now.
          </p>
          <div className="iq-runs__scroll">
            <table className="iq-runs__table" aria-label="Run history">
              <thead>
                <tr>
                  <th scope="col">Run</th>
                  {incremental.map((a) => (
                    <th key={a.id} scope="col">
                      {a.label} <span className="iq-runs__sub">high-water mark</span>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {history.map((r) => (
                  <tr key={r.runAt}>
                    <th scope="row">{formatRunTime(r.runAt)}</th>
                    {incremental.map((a) => (
                      <td key={a.id}>{Object.hasOwn(r.marks, a.id) ? formatMark(byId(r.marks, a.id)) : 'not run'}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="iq-runs__foot">
            <button
              type="button"
              className="insp-button iq-runs__clear"
              onClick={() => {
                setCleared(undefined);
                setConfirming(true);
              }}
              disabled={record.isPending || clear.isPending}
            >
              <Eraser size={14} aria-hidden />
              Clear history
            </button>
          </div>
        </>
      )}
      {confirming && (
        <ConfirmDialog
          isOpen
          onOpenChange={setConfirming}
          title="Clear the run history?"
          confirmLabel="Clear history"
          destructive
          onConfirm={async () => {
            try {
              const { removed } = await clear.mutateAsync(doc.id);
              setCleared(
                `Run history cleared: ${removed} ${removed === 1 ? 'run' : 'runs'} removed. The next count has every matching record.`,
              );
              focusRecord.current = true;
            } catch {
              // Reported under the buttons (clear.error).
            }
          }}
        >
          <p>
            The {history.length === 1 ? 'run' : `${history.length} runs`} of “{doc.name}” recorded on the data in use
            {history.length === 1 ? ' is removed from this browser, with its' : ' are removed from this browser, with their'}{' '}
            high-water marks.
          </p>
          <p>
            Its incremental queries then count every record matching their rule again, as before a first run. Saved
            audiences are not changed.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}
