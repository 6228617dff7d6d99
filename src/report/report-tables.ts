import type { MetricCounts, RateComparison, ReportBreakdownId, ReportResult, ReportRow, SplitReport, TimePoint } from '../domain/report';
import { rowsToCsv } from '../domain/csv';
import { formatSimTime } from '../simulation/sim-format';
import { formatCount } from '../canvas/counts/format-count';
import { metricInfo, rateApplies, rateOf } from './report-metrics';
import { BREAKDOWNS } from './report-state';

/**
 * Every table of the report as data: the screen shows it and its CSV is written from the same
 * rows, so a download always holds what the table shows (numbers without separators, rates in
 * percent with one decimal, "—" left empty). Pure, for unit tests.
 */
export type CellKind = 'text' | 'count' | 'rate' | 'points';
export type Cell = string | number | null;

export interface TableColumn {
  key: string;
  label: string;
  kind: CellKind;
  /** The registry metric the column shows, for its definition. */
  metric?: string;
}

export interface ReportTable {
  /** Stable id, also the CSV file's suffix (`report-by-channel`). */
  id: string;
  title: string;
  columns: TableColumn[];
  rows: Record<string, Cell>[];
}

const rate1 = (v: number) => Math.round(v * 1000) / 10;
const signed = (v: number) => `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(1)}`;

/** How a cell reads on screen: 1,234 · 22.7 % · +2.1 pts · — for nothing. */
export function formatCell(value: Cell, kind: CellKind): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value;
  switch (kind) {
    case 'count':
      return formatCount(value);
    case 'rate':
      return `${rate1(value).toFixed(1)} %`;
    case 'points':
      return `${signed(value * 100)} pts`;
    case 'text':
      return String(value);
  }
}

/** A rate (0–1) as a percentage with one decimal, as the screen rounds it. */
export function formatRate(value: number | null): string {
  return formatCell(value, 'rate');
}

/** The table as CSV: headers as shown; counts whole, rates and points in percent with one decimal. */
export function tableCsv(table: ReportTable): string {
  const header = table.columns.map((c) => (c.kind === 'rate' ? `${c.label} (%)` : c.kind === 'points' ? `${c.label} (points)` : c.label));
  const rows = table.rows.map((r) =>
    Object.fromEntries(
      table.columns.map((c) => {
        const v = r[c.key];
        // One decimal, as shown: "100.0", not "100".
        return [c.key, typeof v === 'number' && (c.kind === 'rate' || c.kind === 'points') ? rate1(v).toFixed(1) : v];
      }),
    ),
  );
  return rowsToCsv(table.columns.map((c) => c.key), rows, header);
}

const BREAKDOWN_COUNTS: Record<ReportBreakdownId, { counts: string[]; rates: string[] }> = {
  activity: { counts: ['targeted', 'excluded', 'sent', 'delivered', 'unique-opens', 'unique-clicks', 'unsubscribes', 'extracted'], rates: ['delivery-rate', 'open-rate', 'click-rate'] },
  channel: { counts: ['targeted', 'excluded', 'sent', 'delivered', 'unique-opens', 'unique-clicks', 'unsubscribes', 'extracted'], rates: ['delivery-rate', 'open-rate', 'click-rate'] },
  domain: { counts: ['sent', 'delivered', 'bounces', 'hard-bounces', 'soft-bounces', 'unique-opens', 'unique-clicks', 'complaints'], rates: ['delivery-rate', 'bounce-rate', 'open-rate'] },
  link: { counts: ['clicks', 'unique-clicks'], rates: [] },
  'exclusion-reason': { counts: ['excluded'], rates: [] },
  'failure-reason': { counts: ['hard-bounces', 'soft-bounces', 'errors', 'retries'], rates: [] },
  branch: { counts: ['targeted', 'sent', 'delivered', 'unique-opens', 'unique-clicks', 'conversions'], rates: ['delivery-rate', 'open-rate', 'click-rate', 'conversion-rate'] },
};

/** Columns for metrics that at least one row has (a Link breakdown has no "delivered"). */
function metricColumns(rows: readonly { counts: MetricCounts }[], counts: readonly string[], rates: readonly string[]): TableColumn[] {
  const has = (id: string) => rows.some((r) => r.counts[id] !== undefined);
  const applies = (id: string) => rows.some((r) => rateApplies(id, r.counts));
  return [
    ...counts.filter(has).map((id) => ({ key: id, label: metricInfo(id).label, kind: 'count' as const, metric: id })),
    ...rates.filter(applies).map((id) => ({ key: id, label: metricInfo(id).label, kind: 'rate' as const, metric: id })),
  ];
}

function metricCells(counts: MetricCounts, columns: readonly TableColumn[]): Record<string, Cell> {
  return Object.fromEntries(columns.filter((c) => c.metric).map((c) => [c.key, c.kind === 'rate' ? rateOf(c.key, counts) : (counts[c.key] ?? null)]));
}

function rowsTable(id: string, title: string, firstLabel: string, rows: readonly ReportRow[], counts: readonly string[], rates: readonly string[]): ReportTable {
  const columns = [{ key: 'label', label: firstLabel, kind: 'text' as const }, ...metricColumns(rows, counts, rates)];
  return { id, title, columns, rows: rows.map((r) => ({ label: r.label, ...metricCells(r.counts, columns) })) };
}

/** One breakdown of the report (empty rows when the engine gave none). */
export function breakdownTable(result: ReportResult, id: ReportBreakdownId): ReportTable {
  const label = BREAKDOWNS.find((b) => b.id === id)?.label ?? id;
  const rows = result.breakdowns.find((b) => b.id === id)?.rows ?? [];
  const { counts, rates } = BREAKDOWN_COUNTS[id];
  return rowsTable(`report-by-${id}`, `By ${label.toLowerCase()}`, label, rows, counts, rates);
}

const STEP_MS = { hour: 3_600_000, day: 86_400_000 } as const;
const TIMELINE_SERIES = ['sent', 'delivered', 'unique-opens', 'unique-clicks'];

/**
 * The time series with every bucket from the first to the last: the engine answers only buckets
 * with events, and a quiet day is 0, not a line drawn across it. At most 2,000 buckets (beyond,
 * the engine's points as they are).
 */
export function filledTimeline(result: ReportResult): TimePoint[] {
  const points = result.timeline.points;
  if (points.length < 2) return points;
  const step = STEP_MS[result.timeline.bucket];
  const ms = (at: string) => Date.parse(`${at.replace(' ', 'T')}Z`);
  const first = ms(points[0]!.at);
  const last = ms(points[points.length - 1]!.at);
  if (!Number.isFinite(first) || !Number.isFinite(last) || (last - first) / step > 2000) return points;
  const byAt = new Map(points.map((p) => [ms(p.at), p]));
  const out: TimePoint[] = [];
  for (let t = first; t <= last; t += step) {
    const at = new Date(t).toISOString().slice(0, 16).replace('T', ' ');
    out.push(byAt.get(t) ?? { at, counts: Object.fromEntries(TIMELINE_SERIES.map((id) => [id, 0])) });
  }
  return out;
}

/** Sends, deliveries, opens and clicks per bucket of simulated time (quiet buckets 0). */
export function timelineTable(result: ReportResult): ReportTable {
  const ids = TIMELINE_SERIES;
  const columns: TableColumn[] = [
    { key: 'at', label: result.timeline.bucket === 'day' ? 'Day' : 'Hour', kind: 'text' },
    ...ids.map((m) => ({ key: m, label: metricInfo(m).label, kind: 'count' as const, metric: m })),
  ];
  const at = (s: string) => (result.timeline.bucket === 'day' ? formatSimTime(s).slice(0, -6) : formatSimTime(s));
  return { id: 'report-over-time', title: `Over time, per ${result.timeline.bucket}`, columns, rows: filledTimeline(result).map((p) => ({ at: at(p.at), ...metricCells(p.counts, columns) })) };
}

export const FUNNEL_STEPS = ['targeted', 'sent', 'delivered', 'unique-opens', 'unique-clicks'] as const;

/** One funnel per channel activity: targeted → sent → delivered → opened → clicked. */
export function funnelTable(result: ReportResult): ReportTable {
  return rowsTable('report-funnels', 'Funnel per channel activity', 'Channel activity', result.funnels, FUNNEL_STEPS, []);
}

/** "Significantly higher", "Significantly lower", "No significant difference", "Not enough data". */
export function verdict(c: Pick<RateComparison, 'difference' | 'significant'>): string {
  if (c.difference === null) return 'Not enough data';
  if (!c.significant) return 'No significant difference';
  return c.difference > 0 ? 'Significantly higher' : 'Significantly lower';
}

/** "+0.8 to +3.4 pts" (the 95 % interval of a difference). */
export function intervalText(c: Pick<RateComparison, 'low' | 'high'>): string | null {
  return c.low === null || c.high === null ? null : `${signed(c.low * 100)} to ${signed(c.high * 100)} pts`;
}

function branchLabel(split: SplitReport, key: string): string {
  return split.branches.find((b) => b.key === key)?.label ?? key;
}

/**
 * An A/B Split: for each variant and rate, both rates, the difference with its 95 % interval and
 * whether it is significant, in words. A holdout: the lift of the treated group over the control.
 */
export function splitTable(split: SplitReport): ReportTable {
  const holdout = split.kind === 'holdout';
  const columns: TableColumn[] = [
    { key: 'variant', label: holdout ? 'Groups' : 'Branches', kind: 'text' },
    { key: 'metric', label: 'Rate', kind: 'text' },
    { key: 'controlRate', label: holdout ? 'Control rate (no message)' : 'Control rate', kind: 'rate' },
    { key: 'variantRate', label: holdout ? 'Treated rate' : 'Branch rate', kind: 'rate' },
    { key: 'difference', label: 'Difference', kind: 'points' },
    ...(holdout ? [{ key: 'lift', label: 'Lift', kind: 'rate' as const }] : []),
    { key: 'interval', label: '95 % interval', kind: 'text' },
    { key: 'verdict', label: 'Result', kind: 'text' },
  ];
  const rows = split.comparisons.map((c) => ({
    variant: `${branchLabel(split, c.variant)} vs ${branchLabel(split, c.control)}`,
    metric: metricInfo(c.metric).label,
    controlRate: c.controlRate,
    variantRate: c.variantRate,
    difference: c.difference,
    ...(holdout ? { lift: c.lift ?? null } : {}),
    interval: intervalText(c),
    verdict: verdict(c),
  }));
  return { id: `report-${holdout ? 'holdout' : 'ab'}-${split.splitActivityId}`, title: `${holdout ? 'Holdout' : 'A/B comparison'}: ${split.label}`, columns, rows };
}
