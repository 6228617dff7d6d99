import type { CampaignDoc } from '../../domain/campaign';
import type { CountMetric } from '../../domain/metrics';
import { appliesTo, countMetric, countMetrics, rateMetrics } from '../../domain/metrics';
import type { MetricCounts, RateComparison, ReportBreakdown, ReportBucket, ReportParams, ReportResult, ReportRow, SplitReport, TimePoint } from '../../domain/report';
import type { PlainRow } from '../rows';
import { quoteIdent, sqlLiteral, timestampLiteral } from '../sql/quote';
import { readSimulationSettings, type ConversionModel } from '../../domain/simulation-settings';
import { drawGroupSql, uniformSql } from '../simulation/draws';
import { compareProportions } from './compare-rates';
import { countMetricSql, metricTimeSql, type TimeRange } from './metric-sql';
import type { ReportSplit, ReportStructure } from './report-relations';
import { duckdbDialect, type SqlDialect } from '../sql/dialect';

/**
 * A campaign's report (src/domain/report.ts, docs/reports.md) over the relations of
 * report-relations.ts: every number is a count metric of the registry, computed by its one SQL
 * formula (metric-sql.ts), grouped by the breakdown's key. Filters (channel activities, a Split
 * branch, a time range on each metric's own event time) apply to every part.
 */

/** A filter the report cannot apply, said in words (the engine answers it as its error). */
export class ReportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReportInputError';
  }
}

export interface ReportEnv {
  query: (sql: string) => Promise<PlainRow[]>;
  /** A table holding the rows of `sql` (created once, named by the engine), for the report's queries to read. */
  table: (sql: string) => Promise<string>;
  /** The SQL engine's dialect; DuckDB when absent. */
  dialect?: SqlDialect;
}

const CHANNEL_LABELS: Record<string, string> = { email: 'Email', sms: 'SMS', push: 'Push', 'direct-mail': 'Direct mail' };
const TIMELINE_METRICS = ['sent', 'delivered', 'unique-opens', 'unique-clicks'];
const FUNNEL_METRICS = ['targeted', 'sent', 'delivered', 'unique-opens', 'unique-clicks'];
const FAILURE_METRICS = ['sent', 'retries', 'delivered', 'bounces', 'hard-bounces', 'soft-bounces', 'errors'];
const EXCLUDED_STATUSES = "('exclude', 'denylist', 'duplicate')";

/** `YYYY-MM-DD HH:MM` or `YYYY-MM-DDTHH:MM` as a TIMESTAMP literal, or a clear error naming the filter. */
function timeLiteral(name: string, value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  try {
    return timestampLiteral(value.trim().replace(' ', 'T'));
  } catch {
    throw new ReportInputError(`The report's "${name}" time "${value}" is not a date and time (YYYY-MM-DD HH:MM).`);
  }
}

interface Grouped {
  channels: Set<string>;
  counts: MetricCounts;
}

export async function buildReport(env: ReportEnv, doc: CampaignDoc, structure: ReportStructure, launch: string, params: ReportParams = {}): Promise<ReportResult> {
  const filters = params.filters ?? {};
  const empty: ReportResult = { simulated: false, totals: {}, breakdowns: [], splits: [], timeline: { bucket: params.bucket ?? 'hour', points: [] }, funnels: [] };
  if (!structure.messagesSql || !structure.eventsSql) return empty;
  const range: TimeRange = { ...(timeLiteral('from', filters.from) ? { from: timeLiteral('from', filters.from)! } : {}), ...(timeLiteral('to', filters.to) ? { to: timeLiteral('to', filters.to)! } : {}) };
  const branches = new Set(structure.splits.flatMap((s) => s.branches.map((b) => `${s.activity.id}/${b.port}`)));
  if (filters.branch && !branches.has(filters.branch)) throw new ReportInputError(`The campaign has no Split branch "${filters.branch}" (expected <split activity id>/<output id>).`);

  const memberships = await env.table(structure.membershipsSql);
  const messages = await env.table(structure.messagesSql(memberships));
  const events = await env.table(structure.eventsSql(messages));

  const wanted = filters.activities && filters.activities.length > 0 ? new Set(filters.activities) : undefined;
  const channels = structure.channels.filter((c) => !wanted || wanted.has(c.activity.id));
  const where = (alias: string): string[] => {
    const out: string[] = [];
    if (wanted) out.push(`${alias}.activity_id IN (${[...wanted].map((id) => sqlLiteral(id)).join(', ')})`);
    if (filters.branch)
      out.push(`EXISTS (SELECT 1 FROM ${memberships} mb WHERE mb.branch = ${sqlLiteral(filters.branch)} AND mb.activity_id = ${alias}.activity_id AND mb.record_key = ${alias}.record_key)`);
    return out;
  };

  /** Count metrics grouped by `key` (an SQL expression over alias x), over messages and events. */
  const grouped = async (key: string, metricIds: readonly string[] | undefined, extra: { messages?: string; events?: string; join?: string } = {}): Promise<Map<string, Grouped>> => {
    const result = new Map<string, Grouped>();
    const chosen = (metricIds ? metricIds.map((id) => countMetric(id)!) : countMetrics) as CountMetric[];
    for (const table of ['feedback', 'tracking'] as const) {
      const ms = chosen.filter((m) => m.formula.table === table);
      const condition = table === 'feedback' ? extra.messages : extra.events;
      if (ms.length === 0 || condition === 'FALSE') continue;
      const conditions = [...where('x'), ...(condition ? [condition] : [])];
      const sql = `SELECT coalesce(CAST(${key} AS VARCHAR), '') AS k, ${(env.dialect ?? duckdbDialect).distinctTexts('x.channel', ',')} AS channels, ${ms.map((m, i) => `${countMetricSql(m.formula, { alias: 'x', range })} AS m${i}`).join(', ')}
FROM ${table === 'feedback' ? messages : events} x${extra.join ? ` ${extra.join}` : ''}${conditions.length ? `\nWHERE ${conditions.join(' AND ')}` : ''}
GROUP BY 1 ORDER BY 1`;
      for (const row of await env.query(sql)) {
        const k = String(row.k);
        const g = result.get(k) ?? { channels: new Set<string>(), counts: {} };
        String(row.channels ?? '').split(',').filter(Boolean).forEach((c) => g.channels.add(c));
        ms.forEach((m, i) => (g.counts[m.id] = Number(row[`m${i}`] ?? 0)));
        result.set(k, g);
      }
    }
    // A metric that applies to none of a row's channels is not a number of that row (not 0).
    // A row with no event of a metric that applies to it has 0 of it.
    for (const g of result.values()) {
      const counts: MetricCounts = {};
      for (const m of chosen) if ([...g.channels].some((c) => appliesTo(m, c))) counts[m.id] = g.counts[m.id] ?? 0;
      g.counts = counts;
    }
    return result;
  };

  // Totals: every metric that applies to a channel of the report, 0 when no row matched.
  const totalRows = await grouped("''", undefined);
  const totals: MetricCounts = {};
  for (const m of countMetrics) if (channels.some((c) => appliesTo(m, c.activity.type))) totals[m.id] = totalRows.get('')?.counts[m.id] ?? 0;

  const labelOf = new Map(doc.activities.map((a) => [a.id, a.label || a.id]));
  const rowsOf = (groups: Map<string, Grouped>, label: (key: string) => string): ReportRow[] => [...groups].map(([key, g]) => ({ key, label: label(key), counts: g.counts }));
  const splitLabel = new Map<string, string>(structure.splits.flatMap((s) => s.branches.map((b): [string, string] => [`${s.activity.id}/${b.port}`, `${labelOf.get(s.activity.id)} › ${b.label}`])));

  const byActivity = await grouped('x.activity_id', undefined);
  const channelOrder = new Map(structure.channels.map((c, i) => [c.activity.id, i]));
  const activityRows = rowsOf(byActivity, (k) => labelOf.get(k) ?? k).sort((a, b) => (channelOrder.get(a.key) ?? 0) - (channelOrder.get(b.key) ?? 0));
  const breakdowns: ReportBreakdown[] = [
    { id: 'activity', rows: activityRows },
    { id: 'channel', rows: rowsOf(await grouped('x.channel', undefined), (k) => CHANNEL_LABELS[k] ?? k) },
    { id: 'domain', rows: rowsOf(await grouped('x.domain', undefined, { messages: "x.channel = 'email'", events: "x.channel = 'email'" }), (k) => k || '(no address)') },
    { id: 'link', rows: rowsOf(await grouped('x.url', ['clicks', 'unique-clicks'], { events: "x.event = 'click'" }), (k) => k) },
    { id: 'exclusion-reason', rows: rowsOf(await grouped('x.failure_reason', ['excluded'], { messages: `x.status IN ${EXCLUDED_STATUSES}` }), (k) => k) },
    { id: 'failure-reason', rows: rowsOf(await grouped('x.failure_reason', FAILURE_METRICS, { messages: 'x.sent_at IS NOT NULL AND x.failure_reason IS NOT NULL' }), (k) => k) },
    { id: 'branch', rows: rowsOf(await grouped('x.branch', undefined, { messages: 'x.branch IS NOT NULL', events: 'x.branch IS NOT NULL' }), (k) => splitLabel.get(k) ?? k) },
  ];

  const funnels: ReportRow[] = channels.map((c) => {
    const counts = byActivity.get(c.activity.id)?.counts ?? {};
    const picked: MetricCounts = {};
    for (const id of FUNNEL_METRICS) if (appliesTo(countMetric(id)!, c.activity.type)) picked[id] = counts[id] ?? 0;
    return { key: c.activity.id, label: labelOf.get(c.activity.id) ?? c.activity.id, counts: picked };
  });

  const conversion = { seed: doc.settings.seed, model: readSimulationSettings(doc.settings.simulation).settings.model.conversion };
  const splits: SplitReport[] = [];
  for (const split of structure.splits) {
    const report = await splitReport(split, memberships, grouped, labelOf.get(split.activity.id) ?? split.activity.id, env, conversion, range);
    if (report) splits.push(report);
  }

  const span = await spanOf(env, messages, events);
  const bucket: ReportBucket = params.bucket ?? (span && Date.parse(span.to.replace(' ', 'T') + 'Z') - Date.parse(span.from.replace(' ', 'T') + 'Z') <= 2 * 86_400_000 ? 'hour' : 'day');
  const timeline = await timelineOf(env, { messages, events }, bucket, range, where);

  return { simulated: true, launch: launch.slice(0, 16), ...(span ? { span } : {}), totals, breakdowns, splits, timeline: { bucket, points: timeline }, funnels };
}

type GroupedFn = (key: string, metricIds: readonly string[] | undefined, extra?: { messages?: string; events?: string; join?: string }) => Promise<Map<string, Grouped>>;

/** A Split's branches compared: an A/B test when two of them or more lead to channels, else a holdout. */
async function splitReport(
  split: ReportSplit,
  memberships: string,
  grouped: GroupedFn,
  label: string,
  env: ReportEnv,
  conversion: { seed: number; model: ConversionModel },
  range: TimeRange,
): Promise<SplitReport | undefined> {
  const treated = split.branches.filter((b) => b.channels.length > 0);
  const holdouts = split.branches.filter((b) => b.channels.length === 0);
  const kind = treated.length >= 2 ? 'ab' : treated.length === 1 && holdouts.length > 0 ? 'holdout' : undefined;
  if (!kind) return undefined;
  const join = `JOIN ${memberships} sm ON sm.split_id = ${sqlLiteral(split.activity.id)} AND sm.activity_id = x.activity_id AND sm.record_key = x.record_key`;
  const counts = await grouped('sm.branch', undefined, { join });
  const branchKey = (port: string) => `${split.activity.id}/${port}`;
  const rows: ReportRow[] = [];
  for (const b of split.branches) {
    const c = { ...(counts.get(branchKey(b.port))?.counts ?? {}) };
    // A branch without a channel has no messages: its size is its records, its conversions drawn as the simulator's.
    if (b.channels.length === 0 && b.table && b.key) {
      const row = (await env.query(holdoutConversionsSql(env.dialect ?? duckdbDialect, split, b.table, b.key, conversion, range)))[0];
      c.targeted = Number(row?.targeted ?? 0);
      c.conversions = Number(row?.conversions ?? 0);
    }
    rows.push({ key: b.port, label: b.label, counts: c });
  }
  const comparisons: RateComparison[] = [];
  const compare = (metricId: string, control: ReportRow, variant: ReportRow, withLift: boolean) => {
    const m = rateMetrics.find((r) => r.id === metricId)!;
    const [x1, n1, x2, n2] = [control.counts[m.numerator], control.counts[m.denominator], variant.counts[m.numerator], variant.counts[m.denominator]];
    // Only a rate both branches have (an SMS branch has no unsubscribe rate to compare); a holdout's
    // conversion rate is always listed, without a value while its group has no conversion events.
    const known = x1 !== undefined && n1 !== undefined && x2 !== undefined && n2 !== undefined;
    if (!known && !withLift) return;
    const d = known ? compareProportions(x1, n1, x2, n2) : compareProportions(0, 0, 0, 0);
    comparisons.push({
      metric: m.id,
      control: control.key,
      variant: variant.key,
      controlRate: d.controlRate,
      variantRate: d.variantRate,
      difference: d.difference,
      low: d.low,
      high: d.high,
      significant: d.significant,
      ...(withLift ? { lift: d.lift } : {}),
    });
  };
  if (kind === 'ab') {
    const [control, ...variants] = rows.filter((r) => treated.some((b) => b.port === r.key));
    for (const variant of variants) for (const m of rateMetrics) compare(m.id, control!, variant, false);
  } else {
    const control = rows.find((r) => r.key === holdouts[0]!.port)!;
    const variant = rows.find((r) => r.key === treated[0]!.port)!;
    compare('conversion-rate', control, variant, true);
  }
  return { splitActivityId: split.activity.id, label, kind, branches: rows, comparisons };
}

/**
 * The records of a holdout branch and those that convert: each with the baseline probability, at a
 * uniform time within the attribution window after the Split, drawn as the simulator draws a
 * channel's conversions (draw group `convert` of `<split id>:<record key>`), time range applied.
 */
function holdoutConversionsSql(d: SqlDialect, split: ReportSplit, table: string, key: string, conversion: { seed: number; model: ConversionModel }, range: TimeRange): string {
  const h = drawGroupSql(d, conversion.seed, split.activity.id, `${sqlLiteral(`${split.activity.id}:`)} || CAST(${quoteIdent(key)} AS VARCHAR)`, 'convert');
  const at = `${d.timestamp(split.end.replace(' ', 'T'))} + ${d.seconds(`CAST(floor(${uniformSql(d, 'h', 2)} * ${conversion.model.windowDays * 86400}) AS BIGINT)`)}`;
  const tests = [`${uniformSql(d, 'h', 1)} < ${sqlLiteral(conversion.model.baseline)}`, ...(range.from ? [`${at} >= ${range.from}`] : []), ...(range.to ? [`${at} < ${range.to}`] : [])];
  return `SELECT count(*) AS targeted, count(*) FILTER (WHERE ${tests.join(' AND ')}) AS conversions FROM (SELECT ${h} AS h FROM ${quoteIdent(table)})`;
}

/** First and last event times, unfiltered (the range a time filter can take). */
async function spanOf(env: ReportEnv, messages: string, events: string): Promise<{ from: string; to: string } | undefined> {
  const d = env.dialect ?? duckdbDialect;
  const rows = await env.query(`SELECT ${d.formatTime('min(t)', '%Y-%m-%d %H:%M')} AS "from", ${d.formatTime('max(t)', '%Y-%m-%d %H:%M')} AS "to" FROM (
  SELECT coalesce(sent_at, status_at) AS t FROM ${messages} UNION ALL SELECT status_at FROM ${messages} UNION ALL SELECT "at" FROM ${events})`);
  const r = rows[0];
  return r && r.from !== null && r.to !== null ? { from: String(r.from), to: String(r.to) } : undefined;
}

/** Sent, delivered, unique opens and unique clicks per bucket of their own event times. */
async function timelineOf(env: ReportEnv, relations: { messages: string; events: string }, bucket: ReportBucket, range: TimeRange, where: (alias: string) => string[]): Promise<TimePoint[]> {
  const points = new Map<string, MetricCounts>();
  for (const id of TIMELINE_METRICS) {
    const m = countMetric(id)!;
    const time = metricTimeSql(m.formula, 'x');
    const relation = m.formula.table === 'feedback' ? relations.messages : relations.events;
    const conditions = [...where('x'), `${time} IS NOT NULL`];
    const d = env.dialect ?? duckdbDialect;
    const rows = await env.query(`SELECT ${d.formatTime(d.truncTime(bucket, time), '%Y-%m-%d %H:%M')} AS b, ${countMetricSql(m.formula, { alias: 'x', range })} AS v
FROM ${relation} x WHERE ${conditions.join(' AND ')} GROUP BY 1 ORDER BY 1`);
    for (const r of rows) {
      const v = Number(r.v ?? 0);
      if (v === 0) continue;
      const point = points.get(String(r.b)) ?? {};
      point[id] = v;
      points.set(String(r.b), point);
    }
  }
  return [...points.keys()].sort().map((at) => ({ at, counts: Object.fromEntries(TIMELINE_METRICS.map((id) => [id, points.get(at)![id] ?? 0])) }));
}
