import type { CountMetric } from '../../domain/metrics';
import { appliesTo, countMetric, countMetrics } from '../../domain/metrics';
import type { MetricCounts } from '../../domain/report';
import type { PlainRow } from '../rows';
import { addsUpOverGroups, countMetricSql, groupedRowsSql, type TimeRange } from './metric-sql';
import { sqlLiteral } from '../sql/quote';
import type { EventTable, SourcePart } from './report-sources';

/**
 * One aggregated pass over a relation (report-sources.ts) gives every part of the report that
 * reads it: the pass groups the rows by a few columns (`dims`, and always the activity and its
 * channel) into small **cells**, each with the value of every count metric it needs (the
 * registry's one SQL formula, metric-sql.ts, with the report's time range); each part (a **cut**:
 * the totals, a breakdown, the timeline…) then adds up the cells by its key. Adding up is exact: a
 * feedback metric counts or sums rows, and a tracking metric that counts distinct messages is only
 * added over cells that split messages apart (a pass over tracking groups by message-level columns
 * only, or by the cut's own key, e.g. the link or the time bucket).
 *
 * A cut restricted to some rows (`condition`) adds that condition to the grouping, so that each
 * metric is computed once per cell whatever the number of cuts.
 */

export interface Cut {
  id: string;
  /** The dim whose value is the row's key ('' for NULL); absent (and no `keysOf`): one row, key ''. */
  key?: string;
  /** Instead of `key`: the rows a cell adds to, from its dims (several: it counts in each; none: in no row). */
  keysOf?: (dims: Readonly<Record<string, string | null>>) => readonly string[];
  /** Count metric ids (absent: every metric of the pass's table). */
  metrics?: readonly string[];
  /**
   * Only the rows where this holds (SQL over alias `x`): the pass groups by it too, and the cut
   * reads the cells where it held (a key with none has no row, as a `WHERE` would give).
   */
  condition?: string;
  /** Only the cells where this holds (a test on dims, e.g. a time bucket that is set). */
  cells?: (dims: Readonly<Record<string, string | null>>) => boolean;
}

/** A grouping column: SQL over alias `x`, and how its value is shown once grouped (e.g. a time bucket as text). */
export type Dim = string | { sql: string; show: (column: string) => string };

export interface Pass {
  table: EventTable;
  /** The rows (report-sources.ts), one part per channel activity. */
  parts: readonly SourcePart[];
  /** Grouping columns by name, besides `activity` and `channel` (each part's own, always there). */
  dims: Readonly<Record<string, Dim>>;
  cuts: readonly Cut[];
  /**
   * `part`: each part grouped on its own (cheaper over many rows: a part's activity and channel
   * are not grouping columns); `whole`: the parts' rows grouped together (cheaper for counts of
   * distinct messages over few rows, which set up their own tables for each grouping).
   */
  grouping: 'part' | 'whole';
}

/** A row of a cut: the channels of its rows and its counts. */
export interface Grouped {
  channels: Set<string>;
  counts: MetricCounts;
}

const metricsOfCut = (cut: Cut, table: EventTable): CountMetric[] =>
  (cut.metrics ? cut.metrics.map((id) => countMetric(id)!) : countMetrics).filter((m) => m.formula.table === table);

const conditionDim = (cut: Cut) => `when ${cut.id}`;

/**
 * The SQL of a pass: columns `activity`, `channel`, d0… (dims, conditions as 0/1), v0… (each
 * metric of the registry the cuts read). Each channel activity's rows are grouped on their own
 * (their activity and channel are the same on every row, so they are not grouping columns).
 */
export function passSql(pass: Pass, range: TimeRange): { sql: string; dims: string[]; metrics: CountMetric[] } | undefined {
  if (pass.parts.length === 0) return undefined;
  const cuts = pass.cuts.filter((cut) => metricsOfCut(cut, pass.table).length > 0);
  const metrics = countMetrics.filter((m) => cuts.some((cut) => metricsOfCut(cut, pass.table).includes(m)));
  if (metrics.length === 0) return undefined;
  const dims: [string, Dim][] = [...Object.entries(pass.dims), ...cuts.filter((cut) => cut.condition).map((cut): [string, Dim] => [conditionDim(cut), `CASE WHEN ${cut.condition} THEN 1 ELSE 0 END`])];
  const keys = dims.map(([, dim]) => (typeof dim === 'string' ? dim : dim.sql));
  const group = keys.map((key, i) => `${key} AS d${i}`);
  const values = metrics.map((m, i) => `${countMetricSql(m.formula, { alias: 'x', range })} AS v${i}`);
  // Without a grouping column, a part with no row must give no cell (not one of zeros).
  const groupBy = dims.length > 0 ? `GROUP BY ${dims.map((_, i) => `d${i}`).join(', ')}` : 'HAVING count(*) > 0';
  // Shown values (text) are computed once per cell, not once per row.
  const shown = dims.map(([, dim], i) => `${typeof dim === 'string' ? `d${i}` : dim.show(`d${i}`)} AS d${i}`);
  const outer = (activity: string, channel: string) => `SELECT ${[`${activity} AS activity`, `${channel} AS channel`, ...shown, ...metrics.map((_, i) => `v${i}`)].join(', ')}`;
  // Messages are first grouped by the cells' keys and the columns the formulas test, counting and
  // summing only; each metric's filtered aggregate then runs over those few groups. Over 850,000
  // messages this is about half the time of filtering every message once per metric.
  const inGroups = pass.grouping === 'part' && metrics.every((m) => addsUpOverGroups(m.formula, range));
  const cellsOf = (source: string) =>
    inGroups
      ? `SELECT ${[...dims.map((_, i) => `x.d${i} AS d${i}`), ...metrics.map((m, i) => `${countMetricSql(m.formula, { alias: 'x', grouped: true })} AS v${i}`)].join(', ')} FROM (${groupedRowsSql(metrics.map((m) => m.formula), keys, source)}) x ${groupBy}`
      : `SELECT ${[...group, ...values].join(', ')} FROM (${source}) x ${groupBy}`;
  const sql =
    pass.grouping === 'part'
      ? pass.parts.map((part) => `${outer(sqlLiteral(part.activity), sqlLiteral(part.channel))}\nFROM (${cellsOf(part.sql)}) cells`).join('\nUNION ALL\n')
      : `${outer('a', 'c')}\nFROM (SELECT ${['x.activity_id AS a', 'x.channel AS c', ...group, ...values].join(', ')}\nFROM (${pass.parts.map((part) => part.sql).join('\nUNION ALL\n')}) x\nGROUP BY ${['a', 'c', ...dims.map((_, i) => `d${i}`)].join(', ')}) cells`;
  return { sql, dims: dims.map(([name]) => name), metrics };
}

/** Runs a pass and adds up its cells into each cut's rows (cut id → key → row). */
export async function runPass(pass: Pass, range: TimeRange, query: (sql: string) => Promise<PlainRow[]>, into: Map<string, Map<string, Grouped>>): Promise<void> {
  const built = passSql(pass, range);
  if (!built) return;
  const text = (v: unknown) => (v === null || v === undefined ? null : String(v));
  const cells = (await query(built.sql)).map((row) => ({
    dims: { activity: String(row.activity), channel: String(row.channel), ...Object.fromEntries(built.dims.map((name, i) => [name, text(row[`d${i}`])])) } as Record<string, string | null>,
    channel: String(row.channel),
    values: new Map(built.metrics.map((m, i) => [m.id, Number(row[`v${i}`] ?? 0)])),
  }));
  for (const cut of pass.cuts) {
    const ms = metricsOfCut(cut, pass.table);
    if (ms.length === 0) continue;
    const rows = into.get(cut.id) ?? new Map<string, Grouped>();
    into.set(cut.id, rows);
    for (const cell of cells) {
      if (cut.cells && !cut.cells(cell.dims)) continue;
      if (cut.condition && Number(cell.dims[conditionDim(cut)]) !== 1) continue;
      for (const key of cut.keysOf ? cut.keysOf(cell.dims) : [cut.key ? (cell.dims[cut.key] ?? '') : '']) {
        const g = rows.get(key) ?? { channels: new Set<string>(), counts: {} };
        rows.set(key, g);
        g.channels.add(cell.channel);
        for (const m of ms) g.counts[m.id] = (g.counts[m.id] ?? 0) + cell.values.get(m.id)!;
      }
    }
  }
}

/**
 * The rows of a cut once its passes have run, in key order: a metric that applies to none of a
 * row's channels is not a number of that row (not 0); one that applies has 0 when no row counted.
 */
export function finishCut(rows: Map<string, Grouped> | undefined, metricIds: readonly string[] | undefined): Map<string, Grouped> {
  const chosen = metricIds ? metricIds.map((id) => countMetric(id)!) : countMetrics;
  const out = new Map<string, Grouped>();
  for (const key of [...(rows?.keys() ?? [])].sort()) {
    const g = rows!.get(key)!;
    const counts: MetricCounts = {};
    for (const m of chosen) if ([...g.channels].some((c) => appliesTo(m, c))) counts[m.id] = g.counts[m.id] ?? 0;
    out.set(key, { channels: g.channels, counts });
  }
  return out;
}
