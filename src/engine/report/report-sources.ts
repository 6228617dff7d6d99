import { quoteIdent, sqlLiteral } from '../sql/quote';
import type { SqlDialect } from '../sql/dialect';
import type { ReportChannel } from './report-relations';

/**
 * The rows a report aggregates, as SQL over each channel's own tables: its messages (`@feedback`)
 * and its events (`@tracking`), each with the message's `domain` (the email address's domain, as
 * written: see `domainOf`) and the Split outputs its record came through (report-relations.ts), and the
 * channel filters applied. A record's Split outputs are tested on the channel's native key against
 * each output's working table (one row per record), so nothing is copied, cast to text or joined
 * on text keys first: the aggregated passes (report-passes.ts) read these rows once each.
 *
 * An event's message is in its channel's feedback table (the simulation draws events from
 * delivered messages): only an email's events read it, for the address's domain, found by the
 * record's key when the channel sends one message per record (a number, cheaper to match than the
 * message id's text), else by message id.
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

/**
 * The Split outputs the record came through, as a text of one character per output: `1` at place
 * i when it is in the working table of the channel's membership i (ReportChannel.memberships, in
 * that order), else `0`. One test per output, read by every part (the `branch` breakdown, the Split
 * comparisons): see `branchesOf`. A text, not a number, so that any number of outputs fits.
 */
function branchesSql(c: ReportChannel, alias: string): string {
  if (c.memberships.length === 0) return "''";
  if (c.memberships.every((m) => m.certain)) return sqlLiteral('1'.repeat(c.memberships.length));
  return c.memberships.map((m) => (m.certain ? "'1'" : `(CASE WHEN ${inBranch(c, alias, m.table)} THEN '1' ELSE '0' END)`)).join(' || ');
}

/** The Split outputs (`<split id>/<output id>`) of a `branches` text of channel `c`'s rows. */
export function branchesOf(c: ReportChannel, branches: string | null | undefined): string[] {
  return c.memberships.filter((_, i) => branches?.[i] === '1').map((m) => m.branch);
}

/**
 * A message's branch: of the Split nearest upstream of its channel, the first output, by id,
 * holding its record; null when none does.
 */
export function nearestBranchOf(c: ReportChannel, branches: string | null | undefined): string | null {
  const through = new Set(branchesOf(c, branches));
  return c.memberships.find((m) => m.split === c.nearest && through.has(m.branch))?.branch ?? null;
}

/** The text after an email address's last `@`, as written: `domainOf` gives the domain once rows are grouped by it. */
function domainSql(d: SqlDialect, c: ReportChannel, address: string): string {
  return c.activity.type === 'email' ? `CASE WHEN ${address} LIKE '%@%' THEN ${d.lastPart(address, '@')} END` : `CAST(NULL AS ${d.sqlType('string')})`;
}

/** The domain of a source's `domain` column (lower-cased, trimmed): per group, not per row. */
export const domainOf = (column: string): string => `lower(trim(${column}))`;

/**
 * How a source's rows come: `plain` (the table's columns), `branched` (with `branches`, the Split
 * outputs its record came through: see branchesSql) or `described` (with the message's `domain`
 * too).
 */
export type SourceShape = 'plain' | 'branched' | 'described';

/** The rows of one channel's table: none when the filters leave none of them. */
function channelRows(d: SqlDialect, c: ReportChannel, table: EventTable, filters: SourceFilters, shape: SourceShape): string[] {
  if (filters.activities && !filters.activities.has(c.activity.id)) return [];
  const relation = table === 'feedback' ? c.feedback : c.tracking;
  if (relation === undefined) return [];
  const conditions: string[] = [];
  if (filters.branch) {
    const m = c.memberships.find((b) => b.branch === filters.branch);
    if (!m) return [];
    if (!m.certain) conditions.push(inBranch(c, 'x', m.table));
  }
  const where = conditions.length ? ` WHERE ${conditions.join(' AND ')}` : '';
  const columns = (table === 'feedback' ? FEEDBACK_COLUMNS : TRACKING_COLUMNS).map((col) => `x.${quoteIdent(col)}`).join(', ');
  if (shape === 'plain') return [`SELECT ${columns} FROM ${quoteIdent(relation)} x${where}`];
  if (shape === 'branched') return [`SELECT ${columns}, ${branchesSql(c, 'x')} AS branches FROM ${quoteIdent(relation)} x${where}`];
  if (table === 'feedback') return [`SELECT ${columns}, ${domainSql(d, c, 'x.address')} AS domain, ${branchesSql(c, 'x')} AS branches FROM ${quoteIdent(relation)} x${where}`];
  const email = c.activity.type === 'email';
  const on = c.perRecord ? `f.${quoteIdent(c.key)} = x.${quoteIdent(c.key)}` : 'f.message_id = x.message_id';
  const join = email ? ` JOIN (SELECT ${c.perRecord ? quoteIdent(c.key) : 'message_id'}, address FROM ${quoteIdent(c.feedback)}) f ON ${on}` : '';
  return [`SELECT ${columns}, ${domainSql(d, c, 'f.address')} AS domain, ${branchesSql(c, 'x')} AS branches FROM ${quoteIdent(relation)} x${join}${where}`];
}

/** Rows of one channel activity's table: its `activity_id` and `channel` are the same on every row. */
export interface SourcePart {
  activity: string;
  channel: string;
  sql: string;
}

/** Every channel's rows of `table` (none when the filters leave none). */
export function sourceParts(d: SqlDialect, channels: readonly ReportChannel[], table: EventTable, filters: SourceFilters, shape: SourceShape): SourcePart[] {
  return channels.flatMap((c) => channelRows(d, c, table, filters, shape).map((sql) => ({ activity: c.activity.id, channel: c.activity.type, sql })));
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
