import { useCallback } from 'react';
import type { CampaignDoc } from '../domain/campaign';
import type { ReportBreakdownId, ReportResult } from '../domain/report';
import { formatSimTime } from '../simulation/sim-format';
import { KpiGrid } from './KpiGrid';
import { PlotFigure } from './PlotFigure';
import { ReportFilters } from './ReportFilters';
import { ReportTableView } from './ReportTableView';
import { funnelChart, timelineChart } from './charts';
import { BREAKDOWNS, type ReportViewState } from './report-state';
import { breakdownTable, formatRate, funnelTable, splitTable, timelineTable } from './report-tables';
import { metricInfo } from './report-metrics';

/** The report once computed: filters, key figures, charts, breakdowns and Split comparisons. */
export function ReportBody({ doc, result, state, onState, updating }: { doc: CampaignDoc; result: ReportResult; state: ReportViewState; onState: (next: ReportViewState) => void; updating: boolean }) {
  const drawTimeline = useCallback((width: number) => timelineChart(result, width), [result]);
  const drawFunnels = useCallback(
    (width: number) => {
      // Small multiples, as many side by side as fit at 360 px or more each, drawn at their width
      // (a chart scaled down would shrink its text).
      const gap = 24;
      const columns = Math.max(1, Math.min(result.funnels.length, Math.floor((width + gap) / (360 + gap))));
      const each = Math.floor((width - gap * (columns - 1)) / columns);
      const box = document.createElement('div');
      box.className = 'report-funnels';
      box.style.gridTemplateColumns = `repeat(${columns}, ${each}px)`;
      for (const row of result.funnels) {
        const item = document.createElement('div');
        const title = document.createElement('h4');
        title.textContent = row.label;
        item.append(title, funnelChart(row, each));
        box.append(item);
      }
      return box;
    },
    [result],
  );
  const name = doc.name;
  return (
    <div className="report-body" aria-busy={updating} data-updating={updating || undefined}>
      <ReportFilters doc={doc} filters={state.filters} bucket={state.bucket} span={result.span} onChange={(next) => onState({ ...state, filters: next.filters, bucket: next.bucket })} />
      <p className="report-summary">
        {result.launch && <>Simulated from {formatSimTime(result.launch)}. </>}
        {result.span ? (
          <>
            Events from {formatSimTime(result.span.from)} to {formatSimTime(result.span.to)}.
          </>
        ) : (
          'No event in this view.'
        )}
        {updating && <span role="status"> Updating…</span>}
      </p>

      <KpiGrid totals={result.totals} />

      <section className="report-section" aria-labelledby="report-time-title">
        <h2 id="report-time-title" className="report-section-title">
          Over simulated time
        </h2>
        {result.timeline.points.length === 0 ? (
          <p className="report-table__empty">No message was sent in this view.</p>
        ) : (
          <PlotFigure title={timelineTable(result).title} description="sent, delivered, unique opens and unique clicks per time bucket" table={timelineTable(result)} campaignName={name} draw={drawTimeline} />
        )}
        {result.funnels.length > 0 && (
          <PlotFigure title="Funnel per channel activity" description="targeted, sent, delivered, opened and clicked for each channel activity" table={funnelTable(result)} campaignName={name} draw={drawFunnels} />
        )}
      </section>

      <section className="report-section" aria-labelledby="report-breakdown-title">
        <div className="report-section-head">
          <h2 id="report-breakdown-title" className="report-section-title">
            Breakdown
          </h2>
          <label className="report-filters__field report-breakdown-pick">
            <span>Break down by</span>
            <select value={state.breakdown} onChange={(e) => onState({ ...state, breakdown: e.target.value as ReportBreakdownId })}>
              {BREAKDOWNS.map((b) => (
                <option key={b.id} value={b.id}>
                  {b.label}
                </option>
              ))}
            </select>
          </label>
        </div>
        {result.breakdowns.some((b) => b.id === state.breakdown) ? (
          <ReportTableView table={breakdownTable(result, state.breakdown)} campaignName={name} />
        ) : (
          // Shown while the engine computes it (the domain breakdown is asked for only when chosen).
          <p className="report-table__empty">Computing this breakdown…</p>
        )}
      </section>

      {result.splits.length > 0 && (
        <section className="report-section" aria-labelledby="report-splits-title">
          <h2 id="report-splits-title" className="report-section-title">
            Split tests
          </h2>
          {result.splits.map((split) => {
            const table = splitTable(split);
            const lift = split.kind === 'holdout' ? split.comparisons.find((c) => c.lift !== undefined) : undefined;
            return (
              <div key={split.splitActivityId} className="report-split">
                {lift && (
                  <p className="report-split__lift">
                    {lift.lift === null || lift.lift === undefined
                      ? `Not enough data for a lift on ${metricInfo(lift.metric).label.toLowerCase()}.`
                      : `Lift of the messages: ${lift.lift >= 0 ? '+' : '−'}${formatRate(Math.abs(lift.lift))} on ${metricInfo(lift.metric).label.toLowerCase()} (${formatRate(lift.variantRate)} treated, ${formatRate(lift.controlRate)} without a message), ${lift.significant ? 'a significant difference' : 'not a significant difference'}.`}
                  </p>
                )}
                <ReportTableView table={table} campaignName={name} empty="No rate to compare: no branch has delivered messages in this view." />
              </div>
            );
          })}
        </section>
      )}
    </div>
  );
}
