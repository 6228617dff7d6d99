import type { CountMetric } from '../../domain/metrics';
import { appliesTo, countMetric, countMetrics } from '../../domain/metrics';
import type { MetricCounts } from '../../domain/report';
import type { PlainRow } from '../rows';
import { countMetricSql, type TimeRange } from './metric-sql';
import type { EventTable } from './report-sources';

/**
 * One aggregated pass over a relation (report-sources.ts) gives every part of the report that
 * reads it: the pass groups the rows by a few columns (`dims`, and always `channel`) into small
 * **cells**, each with the value of every count metric it needs (the registry's one SQL formula,
 * metric-sql.ts, with the report's time range); each part (a **cut**: the totals, a breakdown, the
 * timeline…) then adds up the cells by its key. Adding up is exact: a feedback metric counts or
 * sums rows, and a tracking metric that counts distinct messages is only added over cells that
 * split messages apart (a pass over tracking groups by message-level columns only, or by the cut's
 * own key, e.g. the link or the time bucket).
 *
 * A cut restricted to some rows (`condition`, SQL over alias `x`) gets its own columns: the rows
 * that meet it (a key with none has no row, as a `WHERE` would) and its metrics counted over them.
 */

export interface Cut {
  id: string;
  /** The dim whose value is the row's key ('' for NULL); absent: one row, key ''. */
  key?: string;
  /** Count metric ids (absent: every metric of the pass's table). */
  metrics?: readonly string[];
  /** Only the rows where this holds (SQL over alias `x`). */
  condition?: string;
  /** Only the cells where this holds (a test on dims, e.g. a time bucket that is set). */
  cells?: (dims: Readonly<Record<string, string | null>>) => boolean;
}

export interface Pass {
  table: EventTable;
  /** The rows (report-sources.ts), or undefined when the filters leave none. */
  source: string | undefined;
  /** Grouping columns: name → SQL over alias `x`. */
  dims: Readonly<Record<string, string>>;
  cuts: readonly Cut[];
}

/** A row of a cut: the channels of its rows and its counts. */
export interface Grouped {
  channels: Set<string>;
  counts: MetricCounts;
}

const metricsOfCut = (cut: Cut, table: EventTable): CountMetric[] =>
  (cut.metrics ? cut.metrics.map((id) => countMetric(id)!) : countMetrics).filter((m) => m.formula.table === table);

/** The SQL of a pass and the column of each measure: `m:<metric>` unrestricted, `c:<cut>` and `c:<cut>:<metric>` for a cut's condition. */
export function passSql(pass: Pass, range: TimeRange): { sql: string; dims: string[]; measures: string[] } | undefined {
  if (!pass.source) return undefined;
  const dims = Object.keys(pass.dims);
  const measures = new Map<string, string>();
  for (const cut of pass.cuts) {
    const ms = metricsOfCut(cut, pass.table);
    if (ms.length === 0) continue;
    if (cut.condition) {
      measures.set(`c:${cut.id}`, `CAST(count(*) FILTER (WHERE ${cut.condition}) AS BIGINT)`);
      for (const m of ms) measures.set(`c:${cut.id}:${m.id}`, countMetricSql(m.formula, { alias: 'x', range, extra: cut.condition }));
    } else for (const m of ms) measures.set(`m:${m.id}`, countMetricSql(m.formula, { alias: 'x', range }));
  }
  if (measures.size === 0) return undefined;
  const names = [...measures.keys()];
  const select = [...dims.map((name, i) => `${pass.dims[name]} AS d${i}`), 'x.channel AS channel', ...names.map((name, i) => `${measures.get(name)} AS v${i}`)];
  return { sql: `SELECT ${select.join(', ')}\nFROM (${pass.source}) x\nGROUP BY ${[...dims.map((_, i) => `d${i}`), 'channel'].join(', ')}`, dims, measures: names };
}

/** Runs a pass and adds up its cells into each cut's rows (key → row), metrics that apply to none of a row's channels left out. */
export async function runPass(pass: Pass, range: TimeRange, query: (sql: string) => Promise<PlainRow[]>, into: Map<string, Map<string, Grouped>>): Promise<void> {
  const built = passSql(pass, range);
  if (!built) return;
  const names = built.measures;
  const cells = (await query(built.sql)).map((row) => ({
    dims: Object.fromEntries(built.dims.map((name, i) => [name, row[`d${i}`] === null || row[`d${i}`] === undefined ? null : String(row[`d${i}`])])) as Record<string, string | null>,
    channel: String(row.channel),
    values: new Map(names.map((name, i) => [name, Number(row[`v${i}`] ?? 0)])),
  }));
  for (const cut of pass.cuts) {
    const ms = metricsOfCut(cut, pass.table);
    if (ms.length === 0) continue;
    const rows = into.get(cut.id) ?? new Map<string, Grouped>();
    into.set(cut.id, rows);
    for (const cell of cells) {
      if (cut.cells && !cut.cells(cell.dims)) continue;
      if (cut.condition && cell.values.get(`c:${cut.id}`) === 0) continue;
      const key = cut.key ? (cell.dims[cut.key] ?? '') : '';
      const g = rows.get(key) ?? { channels: new Set<string>(), counts: {} };
      rows.set(key, g);
      g.channels.add(cell.channel);
      for (const m of ms) g.counts[m.id] = (g.counts[m.id] ?? 0) + cell.values.get(cut.condition ? `c:${cut.id}:${m.id}` : `m:${m.id}`)!;
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
