import type { ColumnTest, CountFormula, CountMetric } from '../../domain/metrics';
import { appliesTo, countMetrics } from '../../domain/metrics';
import { quoteIdent, sqlLiteral } from '../sql/quote';
import type { SqlDialect } from '../sql/dialect';

/**
 * The one place a count metric of the registry (src/domain/metrics.ts) becomes SQL: an aggregate
 * over the rows of its event table (feedback or tracking). The channel figures, the report and
 * the command line all use it, so a metric is computed the same everywhere. Column names come
 * from the registry (the event tables' own columns), values go through sqlLiteral.
 */

/** A simulated time range, inclusive start, exclusive end (TIMESTAMP literals or SQL expressions). */
export interface TimeRange {
  from?: string;
  to?: string;
}

function columnTestSql(column: string, test: ColumnTest, alias: string): string {
  const col = `${alias}${quoteIdent(column)}`;
  if (test === 'present') return `${col} IS NOT NULL`;
  if (test === 'absent') return `${col} IS NULL`;
  const values = test.filter((v): v is string => v !== null);
  const parts = [];
  if (values.length > 0) parts.push(`${col} IN (${values.map((v) => sqlLiteral(v)).join(', ')})`);
  if (values.length < test.length) parts.push(`${col} IS NULL`);
  return parts.length === 0 ? 'FALSE' : parts.length === 1 ? parts[0]! : `(${parts.join(' OR ')})`;
}

/** When a row of the formula's table counts for the metric: the time its event happened. */
export function metricTimeSql(formula: CountFormula, alias?: string): string {
  const cols = formula.time.map((c) => `${alias ? `${alias}.` : ''}${quoteIdent(c)}`);
  return cols.length === 1 ? cols[0]! : `coalesce(${cols.join(', ')})`;
}

/**
 * Over rows already grouped (`grouped`), each row stands for `GROUPED_ROWS` rows of the table, whose
 * `retries` it sums: see `groupedRowsSql`.
 */
export const GROUPED_ROWS = '"grouped_rows"';

/**
 * Whether a feedback formula can be computed over grouped rows: its aggregate adds up (a count, a
 * sum) and no time range tests its event times (a group keeps only whether a time is set).
 */
export function addsUpOverGroups(formula: CountFormula, range: TimeRange | undefined): boolean {
  return formula.table === 'feedback' && !range?.from && !range?.to;
}

/**
 * Rows of the feedback relation `source` (alias `x`) grouped by `keys` (SQL over `x`, named `d0`,
 * `d1`…) and by every column the formulas test, with their number of rows and sum of retries: the
 * formulas then read these few rows (`countMetricSql(…, { grouped: true })`) rather than every
 * message. A column the formulas only test for being set keeps only that (1 or NULL), so that its
 * times do not split the groups.
 */
export function groupedRowsSql(formulas: readonly CountFormula[], keys: readonly string[], source: string): string {
  const tests = new Map<string, ColumnTest[]>();
  for (const f of formulas) for (const [column, test] of Object.entries(f.where)) tests.set(column, [...(tests.get(column) ?? []), test as ColumnTest]);
  const columns = [...tests].map(([column, ts]) => {
    const col = `x.${quoteIdent(column)}`;
    const setOnly = ts.every((t) => t === 'present' || t === 'absent');
    return { name: quoteIdent(column), sql: setOnly ? `CASE WHEN ${col} IS NOT NULL THEN 1 END` : col };
  });
  const named = [...keys.map((k, i) => ({ name: `d${i}`, sql: k })), ...columns];
  const inner = `SELECT ${[...named.map((c) => `${c.sql} AS ${c.name}`), 'x."retries" AS "retries"'].join(', ')} FROM (${source}) x`;
  const by = named.map((c) => c.name);
  return `SELECT ${[...by, `count(*) AS ${GROUPED_ROWS}`, 'sum(r."retries") AS "retries"'].join(', ')} FROM (${inner}) r${by.length > 0 ? ` GROUP BY ${by.join(', ')}` : ''}`;
}

/**
 * The aggregate of a count formula over its table's rows (`alias.` prefixes its columns), counted
 * only where `extra` holds (an SQL condition) and its event time is within `range`. Always a BIGINT,
 * 0 over no rows.
 */
export function countMetricSql(formula: CountFormula, options: { alias?: string; range?: TimeRange; extra?: string; grouped?: boolean } = {}): string {
  const alias = options.alias ? `${options.alias}.` : '';
  const tests: string[] = Object.entries(formula.where).map(([column, test]) => columnTestSql(column, test as ColumnTest, alias));
  const time = metricTimeSql(formula, options.alias);
  if (options.range?.from) tests.push(`${time} >= ${options.range.from}`);
  if (options.range?.to) tests.push(`${time} < ${options.range.to}`);
  if (options.extra) tests.push(options.extra);
  const filter = tests.length > 0 ? ` FILTER (WHERE ${tests.join(' AND ')})` : '';
  switch (formula.aggregate) {
    case 'count':
      return options.grouped ? `CAST(coalesce(sum(${alias}${GROUPED_ROWS})${filter}, 0) AS BIGINT)` : `CAST(count(*)${filter} AS BIGINT)`;
    case 'sum-retries':
      return `CAST(coalesce(sum(${alias}"retries")${filter}, 0) AS BIGINT)`;
    case 'distinct-messages':
      return `CAST(count(DISTINCT ${alias}"message_id")${filter} AS BIGINT)`;
  }
}

/** The count metrics of one event table that apply to a channel. */
export function metricsOf(table: 'feedback' | 'tracking', channel?: string): CountMetric[] {
  return countMetrics.filter((m) => m.formula.table === table && (channel === undefined || appliesTo(m, channel)));
}

/**
 * The simulation figures of a channel activity, rows `(name, value)` keyed by registry id, over its
 * feedback and tracking tables: one scan of each.
 */
export function channelFiguresSql(d: SqlDialect, channel: string, feedback: string, tracking: string | undefined): string {
  const part = (table: 'feedback' | 'tracking', relation: string) => {
    const ms = metricsOf(table, channel);
    if (ms.length === 0) return undefined;
    return d.namedValues(ms.map((m) => m.id), ms.map((m) => countMetricSql(m.formula)), relation);
  };
  return [part('feedback', feedback), tracking === undefined ? undefined : part('tracking', tracking)].filter((s) => s !== undefined).join('\nUNION ALL\n');
}
