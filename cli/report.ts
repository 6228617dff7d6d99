import type { CampaignDoc } from '../src/domain/campaign';
import { countMetrics, metrics, rateMetrics, rateValue, type Metric } from '../src/domain/metrics';
import type { MetricCounts, ReportBreakdownId, ReportResult } from '../src/domain/report';
import { rowsToCsv } from '../src/engine/simulation/event-tables';
import type { PlainRow } from '../src/engine/rows';
import { oneLine } from '../src/domain/one-line';

/**
 * `campaign report`: the campaign's report through the engine's report request (the one the app
 * reads), printed with the registry's metrics: every count and rate, labelled by the registry, for
 * the whole campaign and for each row of the breakdowns.
 */

export const reportBreakdownIds: readonly ReportBreakdownId[] = ['activity', 'channel', 'domain', 'link', 'exclusion-reason', 'failure-reason', 'branch'];
export const reportFormats = ['text', 'json', 'csv'] as const;
export type ReportFormat = (typeof reportFormats)[number];

/** Every metric of the registry that `counts` has or can give: counts as they are, rates computed (null over nothing). */
function metricValues(counts: MetricCounts): { metric: Metric; value: number | null }[] {
  const out: { metric: Metric; value: number | null }[] = [];
  for (const m of countMetrics) if (counts[m.id] !== undefined) out.push({ metric: m, value: counts[m.id]! });
  for (const m of rateMetrics) if (counts[m.numerator] !== undefined && counts[m.denominator] !== undefined) out.push({ metric: m, value: rateValue(m, counts) });
  return out;
}

const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);
const whole = (v: number) => v.toLocaleString('en-US');

function valueText(metric: Metric, value: number | null): string {
  return metric.kind === 'rate' ? percent(value) : whole(value ?? 0);
}

/** One CSV/JSON row: the metric ids as columns, rates as numbers (empty over nothing). */
function flatRow(counts: MetricCounts): Record<string, number | null> {
  return Object.fromEntries(metricValues(counts).map(({ metric, value }) => [metric.id, value]));
}

/** The report as a JSON value: the registry's metrics of the whole campaign, the breakdowns' rows, the split comparisons. */
export function reportJson(report: ReportResult, breakdowns: readonly ReportBreakdownId[]): unknown {
  return {
    simulated: report.simulated,
    ...(report.launch ? { launch: report.launch } : {}),
    metrics: metricValues(report.totals).map(({ metric, value }) => ({ id: metric.id, label: metric.label, kind: metric.kind, value })),
    breakdowns: report.breakdowns.filter((b) => breakdowns.includes(b.id)).map((b) => ({ id: b.id, rows: b.rows.map((r) => ({ key: r.key, label: r.label, ...flatRow(r.counts) })) })),
    splits: report.splits,
  };
}

/** The report as CSV (a row for the total, then one per breakdown row; metric ids as columns) or as text. */
export function printReport(doc: CampaignDoc, report: ReportResult, format: 'text' | 'csv', breakdowns: readonly ReportBreakdownId[]): string {
  const chosen = report.breakdowns.filter((b) => breakdowns.includes(b.id));
  if (format === 'csv') {
    const rows: PlainRow[] = [{ breakdown: 'total', key: '', label: 'Total', ...flatRow(report.totals) }];
    for (const b of chosen) for (const r of b.rows) rows.push({ breakdown: b.id, key: r.key, label: r.label, ...flatRow(r.counts) });
    const used = new Set(rows.flatMap((r) => Object.keys(r)));
    const columns = ['breakdown', 'key', 'label', ...metrics.map((m) => m.id).filter((id) => used.has(id))];
    return rowsToCsv(columns, rows).trimEnd();
  }
  if (!report.simulated) return `${oneLine(doc.name)}: no channel was simulated`;
  const lines = [`${oneLine(doc.name)}: simulated from ${report.launch ?? '?'}${report.span ? `, events ${report.span.from} to ${report.span.to}` : ''}`, ''];
  const block = (counts: MetricCounts, indent: string) => metricValues(counts).map(({ metric, value }) => `${indent}${metric.label} (${metric.id}): ${valueText(metric, value)}`);
  lines.push(...block(report.totals, '  '));
  for (const b of chosen) {
    lines.push('', `By ${b.id}:`);
    if (b.rows.length === 0) lines.push('  (none)');
    for (const r of b.rows) lines.push(`  ${oneLine(r.label || '(none)')}${r.key && r.key !== r.label ? ` [${oneLine(r.key)}]` : ''}`, ...block(r.counts, '    '));
  }
  return lines.join('\n');
}
