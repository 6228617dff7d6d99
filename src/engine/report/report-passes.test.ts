import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { Engine } from '../engine';
import { openNodeDuckDB } from '../duckdb/node-duckdb';
import { sampleDataset } from '../data/sample-dataset';
import { campaign } from '../testing/fixture';
import type { CampaignDoc } from '../../domain/campaign';
import type { CampaignPlan } from '../compile/compile-campaign';
import type { MetricCounts, ReportFilters, ReportResult } from '../../domain/report';
import { appliesTo, countMetric, countMetrics } from '../../domain/metrics';
import { tableToRows, type PlainRow } from '../rows';
import { quoteIdent, sqlLiteral, timestampLiteral } from '../sql/quote';
import { countMetricSql, metricTimeSql, type TimeRange } from './metric-sql';
import { reportStructure, type ReportStructure } from './report-relations';

/**
 * The report adds up a few aggregated passes (report-passes.ts). Here every part of it is computed
 * the long way instead, one query per breakdown, per Split and per timeline metric, over relations
 * copied with text record keys (as a person would write each table by hand), on random campaigns
 * with nested and overlapping Splits, random delivery models and random filters: both must agree
 * on every number. A cell added to the wrong key, a condition lost or a branch mixed up fails it.
 */

const half = (id: string, label: string, limit?: number) => ({ id, label, order: { mode: 'random' }, ...(limit ? { limit: { kind: 'percent', value: limit } } : {}) });
const tier = (value: string) => ({ kind: 'group', id: 'g', combinator: 'and', children: [{ kind: 'attribute', id: 'a', path: ['loyalty_tier'], operator: 'equals', value }] });
const body = '<a href="https://shop.example/new">New</a> <a href="https://shop.example/sale">Sale</a>';

interface Shape {
  seed: number;
  share: number;
  overlap: boolean;
  nestedShare: number;
  model: unknown;
}

/** Gold: a Split (a → email, b → another Split: c → email, d → SMS; a and c also → a Combine → email); silver: treated push or holdout; bronze: SMS. */
function randomCampaign(shape: Shape): CampaignDoc {
  const doc = campaign(
    [
      { id: 'q', type: 'build-audience', config: { rule: tier('gold') } },
      { id: 's', type: 'split', config: { overlap: shape.overlap, subsets: [half('a', 'A', shape.share), half('b', 'B')] } },
      { id: 'm1', type: 'email', config: { subject: 'A', body } },
      { id: 's2', type: 'split', config: { subsets: [half('c', 'C', shape.nestedShare), half('d', 'D')] } },
      { id: 'm2', type: 'email', config: { subject: 'C', body } },
      { id: 'x2', type: 'sms', config: { body: 'Sale https://shop.example/d STOP to 1234' } },
      { id: 'q2', type: 'build-audience', config: { rule: tier('silver') } },
      { id: 'h', type: 'split', config: { subsets: [half('treated', 'Treated', 70), half('control', 'Holdout')] } },
      { id: 'p', type: 'push', config: { title: 'Hi', body: 'Sale https://shop.example/p' } },
      { id: 'e', type: 'end' },
      { id: 'q3', type: 'build-audience', config: { rule: tier('bronze') } },
      { id: 'x', type: 'sms', config: { body: 'Sale https://shop.example/s STOP to 1234' } },
      // Records of two Split outputs joined again (each copied by a Fork): each record's outputs are tested one by one.
      { id: 'fa', type: 'fork', config: { branches: [{ id: 'f1', label: 'F1' }, { id: 'f2', label: 'F2' }] } },
      { id: 'fc', type: 'fork', config: { branches: [{ id: 'f1', label: 'F1' }, { id: 'f2', label: 'F2' }] } },
      { id: 'u', type: 'combine', config: { mode: 'union' } },
      { id: 'm3', type: 'email', config: { subject: 'U', body } },
    ],
    [
      ['t1', 'q', 's'],
      ['t2', 's', 'fa', 'a'],
      ['t2b', 'fa', 'm1', 'f1'],
      ['t3', 's', 's2', 'b'],
      ['t4', 's2', 'fc', 'c'],
      ['t4b', 'fc', 'm2', 'f1'],
      ['t5', 's2', 'x2', 'd'],
      ['t6', 'q2', 'h'],
      ['t7', 'h', 'p', 'treated'],
      ['t8', 'h', 'e', 'control'],
      ['t9', 'q3', 'x'],
      ['t10', 'fa', 'u', 'f2'],
      ['t11', 'fc', 'u', 'f2'],
      ['t12', 'u', 'm3'],
    ],
  );
  return { ...doc, settings: { ...doc.settings, seed: shape.seed, simulation: { launch: '2025-03-14T10:30', model: shape.model } } };
}

let engine: Engine;
let query: (sql: string) => Promise<PlainRow[]>;
beforeAll(async () => {
  const conn = await openNodeDuckDB();
  engine = new Engine(conn);
  query = async (sql) => tableToRows(await conn.query(sql));
  await engine.loadDataset(sampleDataset({ profiles: 600, seed: 5 }));
}, 60_000);
afterAll(async () => {
  await engine.close();
});

/** The plan of the simulated campaign and the tables it computed (the engine's own, read as they are). */
async function planOf(doc: CampaignDoc): Promise<CampaignPlan> {
  return (await engine['simulatedPlan'](doc)) as CampaignPlan;
}
async function structureOf(doc: CampaignDoc): Promise<ReportStructure> {
  return reportStructure(doc, await planOf(doc), engine['requireData']().model, (t: string) => engine['rowCount'].has(t));
}

let made = 0;
async function table(sql: string): Promise<string> {
  const name = quoteIdent(`oracle_${made++}`);
  await query(`CREATE OR REPLACE TEMP TABLE ${name} AS ${sql}`);
  return name;
}

const EXCLUDED = "('exclude', 'denylist', 'duplicate')";
const FAILURE = ['sent', 'retries', 'delivered', 'bounces', 'hard-bounces', 'soft-bounces', 'errors'];

/** Every number of the report, one query per part. */
async function longWay(s: ReportStructure, filters: ReportFilters, bucket: 'hour' | 'day') {
  const memberships = await table(
    s.channels
      .flatMap((c) => c.memberships.map((m) => `SELECT ${sqlLiteral(m.split)} AS split_id, ${sqlLiteral(m.branch)} AS branch, ${sqlLiteral(c.activity.id)} AS activity_id, CAST(${quoteIdent(c.key)} AS VARCHAR) AS record_key, ${c.nearest === m.split} AS nearest FROM ${quoteIdent(m.table)}`))
      .join(' UNION ALL ') || 'SELECT NULL AS split_id, NULL AS branch, NULL AS activity_id, NULL AS record_key, FALSE AS nearest WHERE FALSE',
  );
  const messages = await table(`SELECT f.*, CASE WHEN f.channel = 'email' AND f.address LIKE '%@%' THEN lower(trim(split_part(f.address, '@', -1))) END AS domain, b.branch
FROM (${s.channels.map((c) => `SELECT message_id, activity_id, channel, CAST(${quoteIdent(c.key)} AS VARCHAR) AS record_key, address, status, failure_type, failure_reason, retries, sent_at, status_at FROM ${quoteIdent(c.feedback)}`).join(' UNION ALL ')}) f
LEFT JOIN (SELECT activity_id, record_key, min(branch) AS branch FROM ${memberships} WHERE nearest GROUP BY ALL) b USING (activity_id, record_key)`);
  const events = await table(`SELECT t.*, m.record_key, m.domain, m.branch FROM (${s.channels
    .filter((c) => c.tracking)
    .map((c) => `SELECT message_id, activity_id, channel, event, url, "at" FROM ${quoteIdent(c.tracking!)}`)
    .join(' UNION ALL ')}) t JOIN ${messages} m USING (message_id, activity_id, channel)`);
  const range: TimeRange = { ...(filters.from ? { from: timestampLiteral(filters.from.replace(' ', 'T')) } : {}), ...(filters.to ? { to: timestampLiteral(filters.to.replace(' ', 'T')) } : {}) };
  const where = (alias: string) => [
    ...(filters.activities?.length ? [`${alias}.activity_id IN (${filters.activities.map((a) => sqlLiteral(a)).join(', ')})`] : []),
    ...(filters.branch ? [`EXISTS (SELECT 1 FROM ${memberships} mb WHERE mb.branch = ${sqlLiteral(filters.branch)} AND mb.activity_id = ${alias}.activity_id AND mb.record_key = ${alias}.record_key)`] : []),
  ];
  const grouped = async (key: string, ids: readonly string[] | undefined, extra: { messages?: string; events?: string; join?: string } = {}) => {
    const out = new Map<string, { channels: Set<string>; counts: MetricCounts }>();
    const chosen = ids ? ids.map((id) => countMetric(id)!) : countMetrics;
    for (const t of ['feedback', 'tracking'] as const) {
      const ms = chosen.filter((m) => m.formula.table === t);
      if (ms.length === 0) continue;
      const condition = t === 'feedback' ? extra.messages : extra.events;
      const conditions = [...where('x'), ...(condition ? [condition] : [])];
      for (const row of await query(`SELECT coalesce(${key}, '') AS k, string_agg(DISTINCT x.channel, ',') AS channels, ${ms.map((m, i) => `${countMetricSql(m.formula, { alias: 'x', range })} AS m${i}`).join(', ')}
FROM ${t === 'feedback' ? messages : events} x ${extra.join ?? ''} ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''} GROUP BY 1`)) {
        const g = out.get(String(row.k)) ?? { channels: new Set<string>(), counts: {} };
        String(row.channels).split(',').forEach((c) => g.channels.add(c));
        ms.forEach((m, i) => (g.counts[m.id] = Number(row[`m${i}`])));
        out.set(String(row.k), g);
      }
    }
    const rows: Record<string, MetricCounts> = {};
    for (const [k, g] of out) rows[k] = Object.fromEntries(chosen.filter((m) => [...g.channels].some((c) => appliesTo(m, c))).map((m) => [m.id, g.counts[m.id] ?? 0]));
    return rows;
  };
  const timeline: Record<string, MetricCounts> = {};
  for (const id of ['sent', 'delivered', 'unique-opens', 'unique-clicks']) {
    const m = countMetric(id)!;
    const time = metricTimeSql(m.formula, 'x');
    for (const row of await query(`SELECT strftime(date_trunc('${bucket}', ${time}), '%Y-%m-%d %H:%M') AS b, ${countMetricSql(m.formula, { alias: 'x', range })} AS v
FROM ${m.formula.table === 'feedback' ? messages : events} x WHERE ${[...where('x'), `${time} IS NOT NULL`].join(' AND ')} GROUP BY 1`))
      if (Number(row.v) > 0) (timeline[String(row.b)] ??= {})[id] = Number(row.v);
  }
  const splits: Record<string, Record<string, MetricCounts>> = {};
  for (const split of s.splits) splits[split.activity.id] = await grouped('sm.branch', undefined, { join: `JOIN ${memberships} sm ON sm.split_id = ${sqlLiteral(split.activity.id)} AND sm.activity_id = x.activity_id AND sm.record_key = x.record_key` });
  // Totals: every metric that applies to a channel the filters keep, 0 when no row matched.
  const all = (await grouped("''", undefined))[''] ?? {};
  const kept = s.channels.filter((c) => !filters.activities?.length || filters.activities.includes(c.activity.id));
  const totals = Object.fromEntries(countMetrics.filter((m) => kept.some((c) => appliesTo(m, c.activity.type))).map((m) => [m.id, all[m.id] ?? 0]));
  return {
    totals,
    activity: await grouped('x.activity_id', undefined),
    channel: await grouped('x.channel', undefined),
    domain: await grouped('x.domain', undefined, { messages: "x.channel = 'email'", events: "x.channel = 'email'" }),
    link: await grouped('x.url', ['clicks', 'unique-clicks'], { events: "x.event = 'click'" }),
    'exclusion-reason': await grouped('x.failure_reason', ['excluded'], { messages: `x.status IN ${EXCLUDED}` }),
    'failure-reason': await grouped('x.failure_reason', FAILURE, { messages: 'x.sent_at IS NOT NULL AND x.failure_reason IS NOT NULL' }),
    branch: await grouped('x.branch', undefined, { messages: 'x.branch IS NOT NULL', events: 'x.branch IS NOT NULL' }),
    timeline,
    splits,
  };
}

const breakdownOf = (r: ReportResult, id: string) => Object.fromEntries(r.breakdowns.find((b) => b.id === id)!.rows.map((row) => [row.key, row.counts]));

const rate = fc.double({ min: 0, max: 1, noNaN: true });
const shapeArb: fc.Arbitrary<Shape> = fc.record({
  seed: fc.integer({ min: 0, max: 10_000 }),
  share: fc.integer({ min: 10, max: 90 }),
  overlap: fc.boolean(),
  nestedShare: fc.integer({ min: 10, max: 90 }),
  model: fc.record({
    email: fc.record({ hardBounce: fc.double({ min: 0, max: 0.3, noNaN: true }), softBounce: fc.double({ min: 0, max: 0.3, noNaN: true }), open: rate, click: rate, unsubscribe: rate, complaint: rate }),
    sms: fc.record({ click: rate, optOut: rate }),
    push: fc.record({ open: rate, click: rate }),
    retry: fc.record({ periodMinutes: fc.integer({ min: 1, max: 600 }), maxRetries: fc.integer({ min: 0, max: 4 }), retrySuccess: rate }),
  }),
});
const filtersArb = fc.record(
  {
    activities: fc.subarray(['m1', 'm2', 'x2', 'p', 'x', 'm3'], { minLength: 1 }),
    branch: fc.constantFrom('s/a', 's/b', 's2/c', 's2/d', 'h/treated'),
    // Minutes after the launch: a range that cuts the sends, deliveries and events apart.
    from: fc.integer({ min: 0, max: 600 }),
    to: fc.integer({ min: 1, max: 20_000 }),
  },
  { requiredKeys: [] },
);
const at = (minutes: number) => new Date(Date.parse('2025-03-14T10:30:00Z') + minutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');

describe('the report in a few passes', () => {
  test('equals every part computed one query at a time, unfiltered and filtered', async () => {
    await fc.assert(
      fc.asyncProperty(shapeArb, filtersArb, fc.constantFrom('hour' as const, 'day' as const), async (shape, f, bucket) => {
        const doc = randomCampaign(shape);
        const filters: ReportFilters = {
          ...(f.activities ? { activities: f.activities } : {}),
          ...(f.branch ? { branch: f.branch } : {}),
          ...(f.from !== undefined ? { from: at(f.from) } : {}),
          ...(f.to !== undefined ? { to: at(f.to) } : {}),
        };
        for (const cut of [{}, filters]) {
          const report = await engine.report(doc, { filters: cut, bucket });
          const structure = await structureOf(doc);
          const expected = await longWay(structure, cut, bucket);
          const where = JSON.stringify(cut);
          // Without the breakdown by domain: the same report, that breakdown left out.
          const lean = await engine.report(doc, { filters: cut, bucket, omitDomain: true });
          expect(lean, `without domain ${where}`).toEqual({ ...report, breakdowns: report.breakdowns.filter((b) => b.id !== 'domain') });
          expect(report.totals, `totals ${where}`).toEqual(expected.totals);
          for (const id of ['activity', 'channel', 'domain', 'link', 'exclusion-reason', 'failure-reason', 'branch'] as const) {
            expect(breakdownOf(report, id), `${id} ${where}`).toEqual(expected[id]);
            expect(Object.keys(breakdownOf(report, id)).length, `${id} rows`).toBe(Object.keys(expected[id]).length);
          }
          expect(Object.fromEntries(report.timeline.points.map((p) => [p.at, Object.fromEntries(Object.entries(p.counts).filter(([, v]) => v > 0))])), `timeline ${where}`).toEqual(expected.timeline);
          for (const split of report.splits) {
            const long = expected.splits[split.splitActivityId]!;
            for (const row of split.branches) {
              const counts = { ...(long[`${split.splitActivityId}/${row.key}`] ?? {}) };
              // A holdout's size and conversions are the records of its branch (not messages): the same query either way.
              if (split.kind === 'holdout' && row.key === 'control') continue;
              expect(row.counts, `split ${split.splitActivityId}/${row.key} ${where}`).toEqual(counts);
            }
          }
          for (const funnel of report.funnels) for (const [id, n] of Object.entries(funnel.counts)) expect(n, `funnel ${funnel.key} ${id}`).toBe(expected.activity[funnel.key]?.[id] ?? 0);
        }
      }),
      { numRuns: 8 },
    );
  }, 600_000);
});

describe('which Split outputs hold every record of a channel', () => {
  test('a channel fed by one output, directly or through Splits and Forks only, needs no test; one behind a Combine does', async () => {
    const doc = randomCampaign({ seed: 1, share: 50, overlap: true, nestedShare: 50, model: {} });
    await engine.report(doc);
    const certain = Object.fromEntries((await structureOf(doc)).channels.map((c) => [c.activity.id, Object.fromEntries(c.memberships.map((m) => [m.branch, m.certain]))]));
    expect(certain).toEqual({
      m1: { 's/a': true },
      m2: { 's/b': true, 's2/c': true },
      x2: { 's/b': true, 's2/d': true },
      p: { 'h/treated': true },
      x: {},
      m3: { 's/a': false, 's/b': false, 's2/c': false },
    });
  }, 60_000);
});
