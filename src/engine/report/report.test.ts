import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { Engine } from '../engine';
import { openNodeDuckDB } from '../duckdb/node-duckdb';
import { sampleDataset } from '../data/sample-dataset';
import { campaign } from '../testing/fixture';
import type { CampaignDoc } from '../../domain/campaign';
import type { MetricCounts, ReportResult } from '../../domain/report';

/**
 * The engine's report on a simulated campaign of the sample data: an A/B Split (two emails), a
 * holdout Split (push or nothing) and an SMS on another audience. Its breakdowns add up to its
 * totals, it is the same every time, and it gives the channel figures' numbers.
 */
const tier = (value: string) => ({ kind: 'group', id: 'g', combinator: 'and', children: [{ kind: 'attribute', id: 'a', path: ['loyalty_tier'], operator: 'equals', value }] });
const half = (id: string, label: string, limit?: number) => ({ id, label, order: { mode: 'random' }, ...(limit ? { limit: { kind: 'percent', value: limit } } : {}) });
const body = '<a href="https://shop.example/new">New</a> <a href="https://shop.example/sale">Sale</a>';

function abCampaign(model: unknown, seed: number): CampaignDoc {
  const doc = campaign(
    [
      { id: 'q', type: 'build-audience', config: { rule: tier('gold') } },
      { id: 's', type: 'split', config: { subsets: [half('a', 'Subject A', 50), half('b', 'Subject B')] } },
      { id: 'm1', type: 'email', config: { subject: 'A', body } },
      { id: 'm2', type: 'email', config: { subject: 'B', body } },
      { id: 'q2', type: 'build-audience', config: { rule: tier('silver') } },
      { id: 'h', type: 'split', config: { subsets: [half('treated', 'Treated', 80), half('control', 'Holdout')] } },
      { id: 'p', type: 'push', config: { title: 'Hi', body: 'Sale https://shop.example/p' } },
      { id: 'e', type: 'end' },
      { id: 'q3', type: 'build-audience', config: { rule: tier('bronze') } },
      { id: 'x', type: 'sms', config: { body: 'Sale https://shop.example/s STOP to 1234' } },
    ],
    [
      ['t1', 'q', 's'],
      ['t2', 's', 'm1', 'a'],
      ['t3', 's', 'm2', 'b'],
      ['t4', 'q2', 'h'],
      ['t5', 'h', 'p', 'treated'],
      ['t6', 'h', 'e', 'control'],
      ['t7', 'q3', 'x'],
    ],
  );
  return { ...doc, settings: { ...doc.settings, seed, simulation: { launch: '2025-03-14T10:30', model } } };
}

let engine: Engine;
beforeAll(async () => {
  engine = new Engine(await openNodeDuckDB());
  await engine.loadDataset(sampleDataset({ profiles: 800, seed: 3 }));
}, 60_000);
afterAll(async () => {
  await engine.close();
});

const sum = (rows: { counts: MetricCounts }[], id: string) => rows.reduce((n, r) => n + (r.counts[id] ?? 0), 0);
const breakdown = (r: ReportResult, id: string) => r.breakdowns.find((b) => b.id === id)!.rows;

const rate = fc.double({ min: 0, max: 1, noNaN: true });
const modelArb = fc.record({
  email: fc.record({ hardBounce: fc.double({ min: 0, max: 0.3, noNaN: true }), softBounce: fc.double({ min: 0, max: 0.3, noNaN: true }), open: rate, click: rate, unsubscribe: rate, complaint: rate }),
  sms: fc.record({ click: rate, optOut: rate }),
  push: fc.record({ open: rate, click: rate }),
  retry: fc.record({ periodMinutes: fc.integer({ min: 1, max: 600 }), maxRetries: fc.integer({ min: 0, max: 4 }), retrySuccess: rate }),
});

describe('the report', () => {
  test('breakdown rows add up to the totals, and the same campaign gives the same report', async () => {
    await fc.assert(
      fc.asyncProperty(modelArb, fc.integer({ min: 0, max: 1000 }), async (model, seed) => {
        const doc = abCampaign(model, seed);
        const report = await engine.report(doc);
        expect(report.simulated).toBe(true);
        for (const id of Object.keys(report.totals)) {
          expect(sum(breakdown(report, 'activity'), id), `activity ${id}`).toBe(report.totals[id]);
          expect(sum(breakdown(report, 'channel'), id), `channel ${id}`).toBe(report.totals[id]);
        }
        expect(sum(breakdown(report, 'exclusion-reason'), 'excluded')).toBe(report.totals.excluded);
        for (const id of ['hard-bounces', 'soft-bounces', 'errors', 'bounces']) expect(sum(breakdown(report, 'failure-reason'), id), id).toBe(report.totals[id]);
        expect(sum(breakdown(report, 'link'), 'clicks')).toBe(report.totals.clicks);
        // Every message of m1, m2 and p came through a Split branch; the SMS through none.
        const activity = new Map(breakdown(report, 'activity').map((r) => [r.key, r.counts]));
        expect(sum(breakdown(report, 'branch'), 'targeted')).toBe(report.totals.targeted! - (activity.get('x')?.targeted ?? 0));
        expect(await engine.report(doc)).toEqual(report);
      }),
      { numRuns: 4 },
    );
  }, 300_000);

  test('one number per metric: the report gives each channel the figures of its node, and its funnel', async () => {
    const doc = abCampaign({}, 11);
    const counts = await engine.counts(doc, { simulate: true });
    const report = await engine.report(doc);
    for (const row of breakdown(report, 'activity')) {
      const figures = counts.figures![row.key]!;
      for (const [id, n] of Object.entries(row.counts)) expect(figures[id], `${row.key} ${id}`).toBe(n);
      const funnel = report.funnels.find((f) => f.key === row.key)!;
      for (const [id, n] of Object.entries(funnel.counts)) expect(n, `${row.key} funnel ${id}`).toBe(row.counts[id]);
    }
    expect(report.funnels.map((f) => f.key)).toEqual(['m1', 'm2', 'p', 'x']);
  }, 120_000);

  test('an A/B Split compares every rate of its branches; a branch without a channel makes a holdout', async () => {
    const report = await engine.report(abCampaign({ email: { open: 0.3, click: 0.1 } }, 5));
    const ab = report.splits.find((s) => s.splitActivityId === 's')!;
    expect(ab.kind).toBe('ab');
    expect(ab.branches.map((b) => b.key)).toEqual(['a', 'b']);
    const open = ab.comparisons.find((c) => c.metric === 'open-rate')!;
    const [a, b] = ab.branches.map((r) => r.counts);
    expect(open.controlRate).toBe(a!['unique-opens']! / a!.delivered!);
    expect(open.variantRate).toBe(b!['unique-opens']! / b!.delivered!);
    expect(open.low! <= open.difference! && open.difference! <= open.high!).toBe(true);
    expect(ab.comparisons.some((c) => c.metric === 'opt-out-rate')).toBe(false); // no SMS in either branch
    const holdout = report.splits.find((s) => s.splitActivityId === 'h')!;
    expect(holdout.kind).toBe('holdout');
    expect(holdout.comparisons.map((c) => [c.metric, c.control, c.variant])).toEqual([['conversion-rate', 'control', 'treated']]);
    expect(holdout.branches.find((r) => r.key === 'control')!.counts.targeted).toBeGreaterThan(0);
    const [control, treated] = ['control', 'treated'].map((k) => holdout.branches.find((r) => r.key === k)!.counts);
    expect(holdout.comparisons[0]!.controlRate).toBe(control!.conversions! / control!.targeted!);
    expect(holdout.comparisons[0]!.variantRate).toBe(treated!.conversions! / treated!.targeted!);
  }, 120_000);

  test('filters: a channel activity, a branch and a time range cut every part', async () => {
    const doc = abCampaign({ email: { open: 0.5, click: 0.2 } }, 9);
    const all = await engine.report(doc);
    const m1 = breakdown(all, 'activity').find((r) => r.key === 'm1')!;
    const only = await engine.report(doc, { filters: { activities: ['m1'] } });
    expect(only.totals).toEqual(m1.counts);
    expect(breakdown(only, 'activity').map((r) => r.key)).toEqual(['m1']);
    expect(only.funnels.map((f) => f.key)).toEqual(['m1']);
    const branchA = await engine.report(doc, { filters: { branch: 's/a' } });
    expect(branchA.totals.targeted).toBe(m1.counts.targeted);
    expect(branchA.totals['unique-opens']).toBe(m1.counts['unique-opens']);
    // Nothing happens before the launch; everything happens before the end of the span.
    const before = await engine.report(doc, { filters: { to: '2025-03-14 10:00' } });
    expect(before.totals.sent).toBe(0);
    expect(before.timeline.points).toEqual([]);
    const to = new Date(Date.parse(`${all.span!.to.replace(' ', 'T')}Z`) + 60_000).toISOString().slice(0, 16);
    expect((await engine.report(doc, { filters: { from: all.span!.from, to } })).totals).toEqual(all.totals);
    await expect(engine.report(doc, { filters: { branch: 's/zzz' } })).rejects.toThrow('The campaign has no Split branch "s/zzz"');
    await expect(engine.report(doc, { filters: { from: 'soon' } })).rejects.toThrow('is not a date and time');
  }, 120_000);

  test('a channel behind more Split outputs than a number has bits: its branches are still told apart', async () => {
    // 60 Splits in a row, each keeping everyone in its first output (its complement empty), then an
    // A/B Split: each email's messages came through 61 outputs, the nearest being the A/B test's.
    const chain = Array.from({ length: 60 }, (_, i) => ({ id: `c${i + 1}`, type: 'split', config: { complement: true, subsets: [{ id: 'x', label: `Step ${i + 1}` }] } }));
    const base = campaign(
      [
        { id: 'q', type: 'build-audience', config: { rule: tier('gold') } },
        ...chain,
        { id: 's', type: 'split', config: { subsets: [half('a', 'Subject A', 50), half('b', 'Subject B')] } },
        { id: 'm1', type: 'email', config: { subject: 'A', body } },
        { id: 'm2', type: 'email', config: { subject: 'B', body } },
      ],
      [['t0', 'q', 'c1'], ...chain.slice(1).map((c, i): [string, string, string, string] => [`tc${i}`, `c${i + 1}`, c.id, 'x']), ['tl', 'c60', 's', 'x'], ['ta', 's', 'm1', 'a'], ['tb', 's', 'm2', 'b']],
    );
    const doc = { ...base, settings: { ...base.settings, seed: 4, simulation: { launch: '2025-03-14T10:30', model: { email: { open: 0.5, click: 0.2 } } } } };
    const report = await engine.report(doc);
    const byActivity = new Map(breakdown(report, 'activity').map((r) => [r.key, r.counts]));
    expect(byActivity.get('m1')!.targeted).toBeGreaterThan(0);
    expect(breakdown(report, 'branch').map((r) => [r.key, r.counts.targeted])).toEqual([
      ['s/a', byActivity.get('m1')!.targeted],
      ['s/b', byActivity.get('m2')!.targeted],
    ]);
    expect((await engine.report(doc, { filters: { branch: 'c1/x' } })).totals).toEqual(report.totals);
    expect((await engine.report(doc, { filters: { branch: 's/b' } })).totals).toEqual(byActivity.get('m2'));
  }, 120_000);

  test('the timeline counts sends, deliveries, opens and clicks by bucket of their own times', async () => {
    const doc = abCampaign({ email: { open: 0.5, click: 0.2 } }, 9);
    const report = await engine.report(doc, { bucket: 'day' });
    expect(report.timeline.bucket).toBe('day');
    expect(report.timeline.points.reduce((n, p) => n + p.counts.sent!, 0)).toBe(report.totals.sent);
    expect(report.timeline.points.reduce((n, p) => n + p.counts.delivered!, 0)).toBe(report.totals.delivered);
    expect(report.timeline.points[0]!.at).toBe('2025-03-14 00:00');
    expect(report.launch).toBe('2025-03-14 10:30');
  }, 120_000);

  test('conversions: every targeted record converts at the baseline, a clicker with the uplift; a holdout at the baseline', async () => {
    const everyone = await engine.report(abCampaign({ conversion: { baseline: 1, clickUplift: 0 } }, 4));
    const messaging = breakdown(everyone, 'activity');
    for (const r of messaging) expect(r.counts.conversions, r.key).toBe(r.counts.targeted);
    const holdout = everyone.splits.find((s) => s.splitActivityId === 'h')!;
    const control = holdout.branches.find((r) => r.key === 'control')!.counts;
    expect(control.conversions).toBe(control.targeted);
    expect(holdout.comparisons[0]).toMatchObject({ controlRate: 1, variantRate: 1, difference: 0, lift: 0, significant: false });
    const clickers = await engine.report(abCampaign({ email: { open: 0.6, click: 0.3 }, conversion: { baseline: 0, clickUplift: 1 } }, 4));
    expect(clickers.totals.conversions).toBe(clickers.totals['unique-clicks']);
    expect(clickers.totals.conversions).toBeGreaterThan(0);
    expect(clickers.splits.find((s) => s.splitActivityId === 'h')!.branches.find((r) => r.key === 'control')!.counts.conversions).toBe(0);
  }, 120_000);
});
