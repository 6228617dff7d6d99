import { quoteIdent, sqlLiteral } from '../sql/quote';
import type { SqlDialect } from '../sql/dialect';
import type { ReportChannel } from './report-relations';

/**
 * The rows a report aggregates, as SQL over each channel's own tables: its messages (`@feedback`)
 * and its events (`@tracking`), each with the message's `domain` (the email address's domain,
 * lower-cased) and `branch` (report-relations.ts), and the channel filters applied. A record's
 * Split branches are tested on the channel's native key against the branch's working table, so
 * nothing is copied, cast to text or joined on text keys first: the aggregated passes
 * (report-passes.ts) read these rows once each.
 *
 * An event's message is in its channel's feedback table (the simulation draws events from
 * delivered messages): only an email's events read it, for the address's domain.
 */

/** The channel activities and the Split branch a report is cut to (absent: all). */
export interface SourceFilters {
  activities?: ReadonlySet<string>;
  /** `<split id>/<output id>`. */
  branch?: string;
}

export type EventTable = 'feedback' | 'tracking';

/** Columns of a source row, whatever its channel. */
const FEEDBACK_COLUMNS = ['message_id', 'activity_id', 'channel', 'status', 'failure_type', 'failure_reason', 'retries', 'sent_at', 'status_at'];
const TRACKING_COLUMNS = ['message_id', 'activity_id', 'channel', 'event', 'url', 'at'];

function inBranch(c: ReportChannel, alias: string, table: string): string {
  const key = quoteIdent(c.key);
  return `${alias}.${key} IN (SELECT ${key} FROM ${quoteIdent(table)})`;
}

/** The message's branch of the Split nearest upstream: the first of its outputs, by id, holding the record. */
function branchSql(d: SqlDialect, c: ReportChannel, alias: string): string {
  const branches = c.memberships.filter((m) => m.split === c.nearest);
  if (branches.length === 0) return `CAST(NULL AS ${d.sqlType('string')})`;
  return `CASE ${branches.map((m) => `WHEN ${inBranch(c, alias, m.table)} THEN ${sqlLiteral(m.branch)}`).join(' ')} END`;
}

function domainSql(d: SqlDialect, c: ReportChannel, address: string): string {
  return c.activity.type === 'email' ? `CASE WHEN ${address} LIKE '%@%' THEN lower(trim(${d.lastPart(address, '@')})) END` : `CAST(NULL AS ${d.sqlType('string')})`;
}

/**
 * How a source's rows come: `plain` (the table's columns), `described` (with the message's
 * `domain` and `branch`), `split` (each row once for each branch, of any Split, its record came
 * through, as `split_branch`: a message reached through two branches counts in both).
 */
export type SourceShape = 'plain' | 'described' | 'split';

/** The rows of one channel's table: none when the filters leave none of them. */
function channelRows(d: SqlDialect, c: ReportChannel, table: EventTable, filters: SourceFilters, shape: SourceShape): string[] {
  if (filters.activities && !filters.activities.has(c.activity.id)) return [];
  const relation = table === 'feedback' ? c.feedback : c.tracking;
  if (relation === undefined) return [];
  const conditions: string[] = [];
  if (filters.branch) {
    const m = c.memberships.find((b) => b.branch === filters.branch);
    if (!m) return [];
    conditions.push(inBranch(c, 'x', m.table));
  }
  const where = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
  const columns = (table === 'feedback' ? FEEDBACK_COLUMNS : TRACKING_COLUMNS).map((col) => `x.${quoteIdent(col)}`).join(', ');
  if (shape === 'plain') return [`SELECT ${columns} FROM ${quoteIdent(relation)} x${where}`];
  if (shape === 'split') {
    const key = quoteIdent(c.key);
    return c.memberships.map((m) => `SELECT ${columns}, ${sqlLiteral(m.branch)} AS split_branch FROM ${quoteIdent(relation)} x JOIN ${quoteIdent(m.table)} sm ON sm.${key} = x.${key}${where}`);
  }
  if (table === 'feedback') return [`SELECT ${columns}, ${domainSql(d, c, 'x.address')} AS domain, ${branchSql(d, c, 'x')} AS branch FROM ${quoteIdent(relation)} x${where}`];
  const email = c.activity.type === 'email';
  const join = email ? ` JOIN (SELECT message_id, address FROM ${quoteIdent(c.feedback)}) f ON f.message_id = x.message_id` : '';
  return [`SELECT ${columns}, ${domainSql(d, c, 'f.address')} AS domain, ${branchSql(d, c, 'x')} AS branch FROM ${quoteIdent(relation)} x${join}${where}`];
}

/** Every channel's rows of `table` as one relation, or undefined when there are none. */
export function sourceSql(d: SqlDialect, channels: readonly ReportChannel[], table: EventTable, filters: SourceFilters, shape: SourceShape): string | undefined {
  const parts = channels.flatMap((c) => channelRows(d, c, table, filters, shape));
  return parts.length === 0 ? undefined : parts.join('\nUNION ALL\n');
}

/** First and last event times of every channel, unfiltered (the range a time filter can take), as one row `(from, to)`. */
export function spanSql(d: SqlDialect, channels: readonly ReportChannel[]): string | undefined {
  const times = channels.flatMap((c) => [
    `SELECT coalesce(sent_at, status_at) AS t FROM ${quoteIdent(c.feedback)}`,
    `SELECT status_at AS t FROM ${quoteIdent(c.feedback)}`,
    ...(c.tracking ? [`SELECT "at" AS t FROM ${quoteIdent(c.tracking)}`] : []),
  ]);
  if (times.length === 0) return undefined;
  return `SELECT ${d.formatTime('min(t)', '%Y-%m-%d %H:%M')} AS "from", ${d.formatTime('max(t)', '%Y-%m-%d %H:%M')} AS "to" FROM (${times.join('\nUNION ALL\n')})`;
}
