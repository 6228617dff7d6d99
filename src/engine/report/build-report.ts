import type { CampaignDoc } from '../../domain/campaign';
import { appliesTo, countMetric, countMetrics, rateMetrics } from '../../domain/metrics';
import type { MetricCounts, RateComparison, ReportBreakdown, ReportBucket, ReportParams, ReportResult, ReportRow, SplitReport } from '../../domain/report';
import type { PlainRow } from '../rows';
import { quoteIdent, sqlLiteral, timestampLiteral } from '../sql/quote';
import { readSimulationSettings, type ConversionModel } from '../../domain/simulation-settings';
import { drawGroupSql, uniformSql } from '../simulation/draws';
import { compareProportions } from './compare-rates';
import { metricTimeSql, type TimeRange } from './metric-sql';
import type { ReportSplit, ReportStructure } from './report-relations';
import { finishCut, runPass, type Cut, type Dim, type Grouped, type Pass } from './report-passes';
import { branchesOf, domainOf, nearestBranchOf, sourceParts, spanSql, type SourceFilters } from './report-sources';
import { duckdbDialect, type SqlDialect } from '../sql/dialect';

/**
 * A campaign's report (src/domain/report.ts, docs/reports.md) over the channels' event tables
 * (report-relations.ts, report-sources.ts): every number is a count metric of the registry,
 * computed by its one SQL formula (metric-sql.ts) in a few aggregated passes (report-passes.ts)
 * whose small results every part adds up by its key. Filters (channel activities, a Split branch,
 * a time range on each metric's own event time) apply to every part.
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

export async function buildReport(env: ReportEnv, doc: CampaignDoc, structure: ReportStructure, launch: string, params: ReportParams = {}): Promise<ReportResult> {
  const filters = params.filters ?? {};
  const withDomain = params.omitDomain !== true;
  const d = env.dialect ?? duckdbDialect;
  const empty: ReportResult = { simulated: false, totals: {}, breakdowns: [], splits: [], timeline: { bucket: params.bucket ?? 'hour', points: [] }, funnels: [] };
  if (structure.channels.length === 0) return empty;
  const range: TimeRange = { ...(timeLiteral('from', filters.from) ? { from: timeLiteral('from', filters.from)! } : {}), ...(timeLiteral('to', filters.to) ? { to: timeLiteral('to', filters.to)! } : {}) };
  const branches = new Set(structure.splits.flatMap((s) => s.branches.map((b) => `${s.activity.id}/${b.port}`)));
  if (filters.branch && !branches.has(filters.branch)) throw new ReportInputError(`The campaign has no Split branch "${filters.branch}" (expected <split activity id>/<output id>).`);

  const wanted = filters.activities && filters.activities.length > 0 ? new Set(filters.activities) : undefined;
  const channels = structure.channels.filter((c) => !wanted || wanted.has(c.activity.id));
  const cutTo: SourceFilters = { ...(wanted ? { activities: wanted } : {}), ...(filters.branch ? { branch: filters.branch } : {}) };
  const source = (table: 'feedback' | 'tracking', shape: 'described' | 'plain') => sourceParts(d, structure.channels, table, cutTo, shape === 'described' && !withDomain ? 'branched' : shape);
  const channelOf = new Map(structure.channels.map((c) => [c.activity.id, c]));
  // The Split outputs a cell's messages came through (its `branches` dim, of its activity's channel).
  const nearestBranch = (dims: Readonly<Record<string, string | null>>) => {
    const b = nearestBranchOf(channelOf.get(dims.activity!)!, dims.branches);
    return b === null ? [] : [b];
  };
  const throughBranches = (dims: Readonly<Record<string, string | null>>) => branchesOf(channelOf.get(dims.activity!)!, dims.branches);

  // The bucket follows the unfiltered span of event times; the timeline's cells need it.
  const spanQuery = spanSql(d, structure.channels);
  const spanRow = spanQuery ? (await env.query(spanQuery))[0] : undefined;
  const span = spanRow && spanRow.from !== null && spanRow.to !== null ? { from: String(spanRow.from), to: String(spanRow.to) } : undefined;
  const bucket: ReportBucket = params.bucket ?? (span && Date.parse(span.to.replace(' ', 'T') + 'Z') - Date.parse(span.from.replace(' ', 'T') + 'Z') <= 2 * 86_400_000 ? 'hour' : 'day');

  // The timeline: each metric by bucket of its own event time (the dim named by that time's SQL).
  const timelineCuts = (table: 'feedback' | 'tracking'): Cut[] =>
    TIMELINE_METRICS.map((id) => countMetric(id)!)
      .filter((m) => m.formula.table === table)
      .map((m) => {
        const time = metricTimeSql(m.formula, 'x');
        return { id: `timeline:${m.id}`, key: time, metrics: [m.id], cells: (dims) => dims[time] !== null };
      });
  const bucketDims = (cuts: Cut[]): Record<string, Dim> =>
    Object.fromEntries(cuts.map((c) => [c.key!, { sql: d.truncTime(bucket, c.key!), show: (column: string) => d.formatTime(column, '%Y-%m-%d %H:%M') }]));

  // One pass over the messages, one over the events (the breakdowns and Split outputs they share),
  // one over the events by link and one by time: every total, breakdown, funnel and comparison.
  const shared: Cut[] = [
    { id: 'totals' },
    { id: 'activity', key: 'activity' },
    { id: 'channel', key: 'channel' },
    ...(withDomain ? [{ id: 'domain', key: 'domain', cells: (dims: Readonly<Record<string, string | null>>) => dims.channel === 'email' }] : []),
    { id: 'branch', keysOf: nearestBranch },
    // Every Split's outputs at once: a message counts in each output it came through.
    { id: 'split', keysOf: throughBranches },
  ];
  const messageCuts: Cut[] = [
    ...shared,
    { id: 'exclusion-reason', key: 'reason', metrics: ['excluded'], condition: `x.status IN ${EXCLUDED_STATUSES}` },
    { id: 'failure-reason', key: 'reason', metrics: FAILURE_METRICS, condition: 'x.sent_at IS NOT NULL AND x.failure_reason IS NOT NULL' },
  ];
  const messageTimeline = timelineCuts('feedback');
  const domain: Dim = { sql: 'x.domain', show: domainOf };
  const messageDims = { ...(withDomain ? { domain } : {}), branches: 'x.branches', reason: 'x.failure_reason', ...bucketDims(messageTimeline) };
  const eventTimeline = timelineCuts('tracking');
  const passes: Pass[] = [
    { table: 'feedback', parts: source('feedback', 'described'), dims: messageDims, cuts: [...messageCuts, ...messageTimeline], grouping: 'part' },
    { table: 'tracking', parts: source('tracking', 'described'), dims: { ...(withDomain ? { domain } : {}), branches: 'x.branches' }, cuts: shared, grouping: 'whole' },
    { table: 'tracking', parts: source('tracking', 'plain'), dims: { url: 'x.url' }, cuts: [{ id: 'link', key: 'url', metrics: ['clicks', 'unique-clicks'], condition: "x.event = 'click'" }], grouping: 'whole' },
    { table: 'tracking', parts: source('tracking', 'plain'), dims: bucketDims(eventTimeline), cuts: eventTimeline, grouping: 'whole' },
  ];
  const cuts = new Map<string, Map<string, Grouped>>();
  for (const pass of passes) await runPass(pass, range, env.query, cuts);
  const cut = (id: string, metricIds?: readonly string[]) => finishCut(cuts.get(id), metricIds);

  // Totals: every metric that applies to a channel of the report, 0 when no row matched.
  const totalRows = cut('totals');
  const totals: MetricCounts = {};
  for (const m of countMetrics) if (channels.some((c) => appliesTo(m, c.activity.type))) totals[m.id] = totalRows.get('')?.counts[m.id] ?? 0;

  const labelOf = new Map(doc.activities.map((a) => [a.id, a.label || a.id]));
  const rowsOf = (groups: Map<string, Grouped>, label: (key: string) => string): ReportRow[] => [...groups].map(([key, g]) => ({ key, label: label(key), counts: g.counts }));
  const splitLabel = new Map<string, string>(structure.splits.flatMap((s) => s.branches.map((b): [string, string] => [`${s.activity.id}/${b.port}`, `${labelOf.get(s.activity.id)} › ${b.label}`])));

  const byActivity = cut('activity');
  const channelOrder = new Map(structure.channels.map((c, i) => [c.activity.id, i]));
  const activityRows = rowsOf(byActivity, (k) => labelOf.get(k) ?? k).sort((a, b) => (channelOrder.get(a.key) ?? 0) - (channelOrder.get(b.key) ?? 0));
  const breakdowns: ReportBreakdown[] = [
    { id: 'activity', rows: activityRows },
    { id: 'channel', rows: rowsOf(cut('channel'), (k) => CHANNEL_LABELS[k] ?? k) },
    ...(withDomain ? [{ id: 'domain' as const, rows: rowsOf(cut('domain'), (k) => k || '(no address)') }] : []),
    { id: 'link', rows: rowsOf(cut('link', ['clicks', 'unique-clicks']), (k) => k) },
    { id: 'exclusion-reason', rows: rowsOf(cut('exclusion-reason', ['excluded']), (k) => k) },
    { id: 'failure-reason', rows: rowsOf(cut('failure-reason', FAILURE_METRICS), (k) => k) },
    { id: 'branch', rows: rowsOf(cut('branch'), (k) => splitLabel.get(k) ?? k) },
  ];

  const funnels: ReportRow[] = channels.map((c) => {
    const counts = byActivity.get(c.activity.id)?.counts ?? {};
    const picked: MetricCounts = {};
    for (const id of FUNNEL_METRICS) if (appliesTo(countMetric(id)!, c.activity.type)) picked[id] = counts[id] ?? 0;
    return { key: c.activity.id, label: labelOf.get(c.activity.id) ?? c.activity.id, counts: picked };
  });

  const conversion = { seed: doc.settings.seed, model: readSimulationSettings(doc.settings.simulation).settings.model.conversion };
  const byBranch = cut('split');
  const splits: SplitReport[] = [];
  for (const split of structure.splits) {
    const report = await splitReport(split, byBranch, labelOf.get(split.activity.id) ?? split.activity.id, env, conversion, range);
    if (report) splits.push(report);
  }

  const points = new Map<string, MetricCounts>();
  for (const id of TIMELINE_METRICS)
    for (const [at, g] of cut(`timeline:${id}`, [id])) {
      const v = g.counts[id] ?? 0;
      if (v === 0) continue;
      const point = points.get(at) ?? {};
      point[id] = v;
      points.set(at, point);
    }
  const timeline = [...points.keys()].sort().map((at) => ({ at, counts: Object.fromEntries(TIMELINE_METRICS.map((id) => [id, points.get(at)![id] ?? 0])) }));

  return { simulated: true, launch: launch.slice(0, 16), ...(span ? { span } : {}), totals, breakdowns, splits, timeline: { bucket, points: timeline }, funnels };
}

/** A Split's branches compared: an A/B test when two of them or more lead to channels, else a holdout. */
async function splitReport(
  split: ReportSplit,
  counts: Map<string, Grouped>,
  label: string,
  env: ReportEnv,
  conversion: { seed: number; model: ConversionModel },
  range: TimeRange,
): Promise<SplitReport | undefined> {
  const treated = split.branches.filter((b) => b.channels.length > 0);
  const holdouts = split.branches.filter((b) => b.channels.length === 0);
  const kind = treated.length >= 2 ? 'ab' : treated.length === 1 && holdouts.length > 0 ? 'holdout' : undefined;
  if (!kind) return undefined;
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
