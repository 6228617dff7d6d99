import { useState } from 'react';
import { Button } from 'react-aria-components';
import { BarChart3, ScrollText, Trash2 } from 'lucide-react';
import { countMetric } from '../domain/metrics';
import { formatSimTime } from '../simulation/sim-format';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import type { StoredRun } from '../campaigns/lifecycle/runs-repository';

/** What is opened under the history: a run's log or report, or the report across runs. */
export type RunView = { kind: 'log' | 'report'; runId: string } | { kind: 'across' };

/** The figures of the run history, registry ids in this order. */
export const HISTORY_FIGURES = ['targeted', 'sent', 'delivered', 'unique-opens', 'unique-clicks'] as const;

const number = new Intl.NumberFormat('en-US');

/** One row per run: its launch and figures (metric registry), its log, report and removal. */
export function RunHistoryTable({ runs, busy, view, onView, onRemove }: { runs: StoredRun[] | undefined; busy: boolean; view: RunView | undefined; onView: (v: RunView) => void; onRemove: (runId: string) => Promise<void> }) {
  const [removing, setRemoving] = useState<StoredRun | undefined>(undefined);
  return (
    <section className="report-section" aria-labelledby="runs-history-title">
      <div className="report-section-head">
        <h2 id="runs-history-title" className="report-section-title">
          Run history
        </h2>
        <span className="report-summary">{runs === undefined ? 'Reading…' : runs.length === 0 ? 'No run yet.' : `${runs.length} run${runs.length === 1 ? '' : 's'}`}</span>
        {runs && runs.length > 1 && (
          <Button className="cc-button runs-history__across" isDisabled={busy} onPress={() => onView({ kind: 'across' })}>
            <BarChart3 size={16} aria-hidden />
            Report across runs
          </Button>
        )}
      </div>
      {runs && runs.length > 0 && (
        <div className="runs-table-wrap">
          <table className="runs-table" aria-labelledby="runs-history-title">
            <thead>
              <tr>
                <th scope="col">Launch</th>
                {HISTORY_FIGURES.map((id) => (
                  <th scope="col" key={id} className="runs-table__num" title={countMetric(id)!.definition}>
                    {countMetric(id)!.label}
                  </th>
                ))}
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => {
                const when = formatSimTime(r.launch);
                const open = view && view.kind !== 'across' && view.runId === r.runId;
                return (
                  <tr key={r.runId} data-open={open || undefined}>
                    <th scope="row">{when}</th>
                    {HISTORY_FIGURES.map((id) => (
                      <td key={id} className="runs-table__num">
                        {number.format(r.totals[id] ?? 0)}
                      </td>
                    ))}
                    <td className="runs-table__actions">
                      <Button className="cc-button cc-button-quiet" aria-label={`Log of the run of ${when}`} onPress={() => onView({ kind: 'log', runId: r.runId })}>
                        <ScrollText size={15} aria-hidden /> Log
                      </Button>
                      <Button className="cc-button cc-button-quiet" isDisabled={busy} aria-label={`Report of the run of ${when}`} onPress={() => onView({ kind: 'report', runId: r.runId })}>
                        <BarChart3 size={15} aria-hidden /> Report
                      </Button>
                      <Button className="cc-button cc-button-quiet cc-button-icon" isDisabled={busy} aria-label={`Remove the run of ${when}`} onPress={() => setRemoving(r)}>
                        <Trash2 size={15} aria-hidden />
                      </Button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        title="Remove this run?"
        isOpen={removing !== undefined}
        onOpenChange={(open) => !open && setRemoving(undefined)}
        confirmLabel="Remove"
        destructive
        onConfirm={async () => {
          if (removing) await onRemove(removing.runId);
          setRemoving(undefined);
        }}
      >
        The run of {removing ? formatSimTime(removing.launch) : ''} and its events (messages, opens, clicks, log) are removed. Runs after it keep what they computed.
      </ConfirmDialog>
    </section>
  );
}
