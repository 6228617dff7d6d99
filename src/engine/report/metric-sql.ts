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
 * The aggregate of a count formula over its table's rows (`alias.` prefixes its columns), counted
 * only where `extra` holds (an SQL condition) and its event time is within `range`. Always a BIGINT,
 * 0 over no rows.
 */
export function countMetricSql(formula: CountFormula, options: { alias?: string; range?: TimeRange; extra?: string } = {}): string {
  const alias = options.alias ? `${options.alias}.` : '';
  const tests: string[] = Object.entries(formula.where).map(([column, test]) => columnTestSql(column, test as ColumnTest, alias));
  const time = metricTimeSql(formula, options.alias);
  if (options.range?.from) tests.push(`${time} >= ${options.range.from}`);
  if (options.range?.to) tests.push(`${time} < ${options.range.to}`);
  if (options.extra) tests.push(options.extra);
  const filter = tests.length > 0 ? ` FILTER (WHERE ${tests.join(' AND ')})` : '';
  switch (formula.aggregate) {
    case 'count':
      return `CAST(count(*)${filter} AS BIGINT)`;
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
