import { useMemo } from 'react';
import { History, Loader2 } from 'lucide-react';
import type { CampaignDoc } from '../../domain/campaign';
import { useRecordRun, useRuns } from '../../queries/useEngineState';
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
 * of every Incremental query of the campaign.
 */
export function RunHistory({ doc, activityId }: Props) {
  const runs = useRuns(doc.id);
  const record = useRecordRun();
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
          type="button"
          className="insp-button"
          onClick={() => record.mutate(doc)}
          disabled={record.isPending || runs.isPending}
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
            {formatMark(last!.marks[activityId])} count now.
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
                      <td key={a.id}>{a.id in r.marks ? formatMark(r.marks[a.id]) : 'not run'}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
