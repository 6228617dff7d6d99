import { useMemo, useState } from 'react';
import { Button } from 'react-aria-components';
import { Download, X } from 'lucide-react';
import type { CampaignDoc } from '../domain/campaign';
import { csvFileName } from '../domain/csv';
import { downloadText } from '../ui/download-text';
import { formatSimTime } from '../simulation/sim-format';
import type { StoredRun } from '../campaigns/lifecycle/runs-repository';
import { scrollIntoView } from './scroll-into-view';
import { filterLog, formatDuration, logCsv, NO_LOG_FILTER, type LogFilter } from './run-log';

const number = new Intl.NumberFormat('en-US');

/**
 * A run's execution log: one line per activity, from the step events of its event tables, with
 * simulated start and end, records in and out, duration, warnings and errors. Filterable by
 * activity, by text and to errors only; the lines shown download as CSV.
 */
export function RunLogPanel({ doc, run, onClose }: { doc: CampaignDoc; run: StoredRun; onClose: () => void }) {
  const [filter, setFilter] = useState<LogFilter>(NO_LOG_FILTER);
  const lines = useMemo(() => filterLog(run.log, filter), [run.log, filter]);
  const when = formatSimTime(run.launch);
  return (
    <section ref={scrollIntoView} className="report-section" aria-labelledby="runs-log-title">
      <div className="report-section-head">
        <h2 id="runs-log-title" className="report-section-title">
          Execution log · run of {when}
        </h2>
        <div className="runs-head-actions">
          <Button className="cc-button" onPress={() => downloadText(logCsv(lines), csvFileName(doc.name, `log-${run.launch.replace(':', '')}`))}>
            <Download size={16} aria-hidden />
            Download CSV
          </Button>
          <Button className="cc-button cc-button-quiet cc-button-icon" aria-label="Close the log" onPress={onClose}>
            <X size={16} aria-hidden />
          </Button>
        </div>
      </div>
      <div className="report-filters runs-log-filters" role="group" aria-label="Filter the log">
        <label className="report-filters__field">
          <span>Activity</span>
          <select value={filter.activityId} onChange={(e) => setFilter({ ...filter, activityId: e.target.value })}>
            <option value="">All activities</option>
            {run.log.map((l) => (
              <option key={l.activityId} value={l.activityId}>
                {l.label || l.type}
              </option>
            ))}
          </select>
        </label>
        <label className="report-filters__field">
          <span>Text</span>
          <input type="search" value={filter.text} placeholder="Activity, warning, error…" onChange={(e) => setFilter({ ...filter, text: e.target.value })} />
        </label>
        <label className="report-filters__check">
          <input type="checkbox" checked={filter.errorsOnly} onChange={(e) => setFilter({ ...filter, errorsOnly: e.target.checked })} />
          Errors only
        </label>
        <span className="report-summary" role="status">
          {lines.length} of {run.log.length} lines
        </span>
      </div>
      <div className="runs-table-wrap">
        <table className="runs-table runs-log" aria-label={`Execution log of the run of ${when}`}>
          <thead>
            <tr>
              <th scope="col">Activity</th>
              <th scope="col">Start</th>
              <th scope="col">End</th>
              <th scope="col" className="runs-table__num">
                Records in
              </th>
              <th scope="col" className="runs-table__num">
                Records out
              </th>
              <th scope="col" className="runs-table__num">
                Duration
              </th>
              <th scope="col">Warnings and errors</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.activityId} data-failed={l.errors.length > 0 || undefined}>
                <th scope="row">
                  {l.label || l.type}
                  <span className="runs-log__type">{l.type}</span>
                </th>
                <td>{l.start ? formatSimTime(l.start) : '—'}</td>
                <td>{l.end ? formatSimTime(l.end) : '—'}</td>
                <td className="runs-table__num">{number.format(l.recordsIn)}</td>
                <td className="runs-table__num">{number.format(l.recordsOut)}</td>
                <td className="runs-table__num">{formatDuration(l.durationMinutes)}</td>
                <td>
                  {l.errors.map((e) => (
                    <span key={e} className="runs-log__error">
                      Error: {e}
                    </span>
                  ))}
                  {l.warnings.map((w) => (
                    <span key={w} className="runs-log__warning">
                      {w}
                    </span>
                  ))}
                  {l.errors.length + l.warnings.length === 0 && <span className="runs-log__none">—</span>}
                </td>
              </tr>
            ))}
            {lines.length === 0 && (
              <tr>
                <td colSpan={7} className="runs-log__none">
                  No line matches the filter.
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
}
