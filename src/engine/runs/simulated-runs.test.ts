import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Engine } from '../engine';
import { openNodeDuckDB } from '../duckdb/node-duckdb';
import type { DuckConnection } from '../duckdb/connection';
import { campaign, fixtureDataset } from '../testing/fixture';
import { all, attr, audience, rules } from '../testing/activity-harness';
import { tableToRows } from '../rows';
import type { CampaignDoc } from '../../domain/campaign';
import type { RunLogLine } from './simulated-run';

// Fixture profiles (fixture.ts), created: 1 2025-06-20, 2 2024-01-15, 3 2025-05-31, 4 2023-03-01,
// 5 2025-06-30, 6 2025-06-01. Marketing email: 2 has no consent, 3 and 5 no address: 1, 4, 6 are sent.

let conn: DuckConnection;
let engine: Engine;
beforeAll(async () => {
  conn = await openNodeDuckDB();
  engine = new Engine(conn);
  await engine.loadDataset(fixtureDataset());
});
afterAll(async () => {
  await engine.close();
});

const incremental = { id: 'q', type: 'incremental-query', config: { targetDimension: 'profiles', rule: all(), dateField: 'created' } };

function withModel(doc: CampaignDoc, id: string, model: Record<string, unknown> = {}): CampaignDoc {
  return { ...doc, id, settings: { ...doc.settings, seed: 7, simulation: { launch: '', model } } };
}

function mailCampaign(id: string, email: Record<string, unknown> = {}, model: Record<string, unknown> = {}): CampaignDoc {
  return withModel(campaign([audience('q'), { id: 'm', type: 'email', config: { subject: 's', body: '<a href="https://shop.example/a">A</a>', ...email } }], [['t1', 'q', 'm']]), id, model);
}

const line = (log: RunLogLine[], id: string) => log.find((l) => l.activityId === id)!;

describe('runs over a simulated schedule', () => {
  test('an Incremental query sees only the records dated after the previous run, up to its launch', async () => {
    const doc = withModel(campaign([incremental, { id: 'e', type: 'end' }], [['t', 'q', 'e']]), 'inc');
    const first = await engine.simulateRun(doc, 'inc-1', '2025-06-15T09:00');
    expect(line(first.log, 'q').recordsOut).toBe(4); // 2, 3, 4, 6
    const second = await engine.simulateRun(doc, 'inc-2', '2025-06-30T09:00');
    expect(line(second.log, 'q').recordsOut).toBe(2); // 1 (06-20), 5 (06-30)
    const third = await engine.simulateRun(doc, 'inc-3', '2025-07-01T09:00');
    expect(line(third.log, 'q').recordsOut).toBe(0);
    // The draft's live counts ignore the runs: every record qualifies.
    expect((await engine.counts(doc)).counts.t).toBe(6);
  });

  test('capping counts the sends of earlier runs within its period', async () => {
    const doc = mailCampaign('cap', { capping: { enabled: true, maxMessages: 1, periodDays: 7 } });
    const day1 = await engine.simulateRun(doc, 'cap-1', '2025-06-02T09:00');
    expect(day1.totals).toMatchObject({ targeted: 6, sent: 3 });
    const day2 = await engine.simulateRun(doc, 'cap-2', '2025-06-03T09:00');
    expect(day2.figures.m).toMatchObject({ targeted: 6, sent: 0, 'excluded:capped': 3 });
    // Eight days after the first run's sends (and after the second's, which sent nothing): none capped.
    const day9 = await engine.simulateRun(doc, 'cap-9', '2025-06-10T09:00');
    expect(day9.figures.m).toMatchObject({ sent: 3, 'excluded:capped': 0 });
  });

  test('the denylist holds what earlier runs hard-bounced', async () => {
    const doc = mailCampaign('deny', {}, { email: { hardBounce: 1 } });
    const first = await engine.simulateRun(doc, 'deny-1', '2025-06-02T09:00');
    expect(first.figures.m).toMatchObject({ sent: 3, 'hard-bounces': 3 });
    const second = await engine.simulateRun(doc, 'deny-2', '2025-06-03T09:00');
    expect(second.figures.m).toMatchObject({ sent: 0, 'excluded:denylisted': 3 });
    expect(line(second.log, 'm').warnings.join(' ')).toContain('denylisted 3');
  });

  test('Save audience overwrites its audience at every run', async () => {
    const doc = withModel(campaign([incremental, { id: 's', type: 'save-audience', config: { audienceName: 'Newcomers' } }], [['t', 'q', 's']]), 'save');
    const first = await engine.simulateRun(doc, 'save-1', '2025-06-15T09:00');
    expect(first.audiences).toEqual({ Newcomers: 4 });
    expect(engine.savedAudiences().find((a) => a.name === 'Newcomers')?.count).toBe(4);
    await engine.simulateRun(doc, 'save-2', '2025-06-30T09:00');
    expect(engine.savedAudiences().find((a) => a.name === 'Newcomers')?.count).toBe(2);
  });

  test('runs are deterministic, and removing a run removes its events', async () => {
    const doc = mailCampaign('det', {}, { email: { open: 0.5, click: 0.3 } });
    const a = await engine.simulateRun(doc, 'det-1', '2025-06-02T09:00');
    const csv = (await engine.simulatedRunEvents('det-1', 'tracking', { csv: true })).csv;
    expect((await engine.simulatedRunEvents('det-1', 'feedback')).total).toBe(6);
    const again = await engine.simulateRun(doc, 'det-1', '2025-06-02T09:00');
    expect(again.totals).toEqual(a.totals);
    expect((await engine.simulatedRunEvents('det-1', 'tracking', { csv: true })).csv).toBe(csv);
    // The same campaign on another engine gives the same events.
    const other = new Engine(await openNodeDuckDB());
    await other.loadDataset(fixtureDataset());
    await other.simulateRun(doc, 'det-1', '2025-06-02T09:00');
    expect((await other.simulatedRunEvents('det-1', 'tracking', { csv: true })).csv).toBe(csv);
    await other.close();
    const kept = async () => Number(tableToRows(await conn.query(`SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE 'rn_%'`))[0]!.n);
    const before = await kept();
    expect(await engine.removeSimulatedRun('det-1')).toBe(true);
    expect(await kept()).toBe(before - 3); // its deliveries, feedback and tracking
    await expect(engine.simulatedRunEvents('det-1', 'feedback')).rejects.toThrow(/no run det-1/);
    expect(engine.simulatedRuns('det')).toEqual([]);
  });

  test('the log of a run: one line per activity, each taking in what the one before gave out', async () => {
    const doc = withModel(
      campaign([incremental, { id: 's', type: 'save-audience', config: { audienceName: 'Log' } }, { id: 'm', type: 'email', config: { subject: 's', body: 'x' } }], [['t1', 'q', 's'], ['t2', 's', 'm']]),
      'log',
    );
    const run = await engine.simulateRun(doc, 'log-1', '2025-06-30T09:00');
    expect(run.log.map((l) => [l.activityId, l.recordsIn, l.recordsOut])).toEqual([
      ['q', 0, 6],
      ['s', 6, 6],
      ['m', 6, 6],
    ]);
    expect(run.log[0]).toMatchObject({ start: '2025-06-30T09:00:00', end: '2025-06-30T09:00:00', durationMinutes: 0, errors: [] });
    const steps = await engine.simulatedRunEvents('log-1', 'steps');
    expect(steps.rows.map((r) => r.records_out)).toEqual([6, 6, 6]);
  });

  test('a report of one run and a report across runs read the runs’ own events', async () => {
    const doc = mailCampaign('rep');
    const r1 = await engine.simulateRun(doc, 'rep-1', '2025-06-02T09:00');
    const r2 = await engine.simulateRun(doc, 'rep-2', '2025-06-09T09:00');
    const one = await engine.simulatedRunReport(doc, ['rep-1']);
    expect(one.totals.sent).toBe(r1.totals.sent);
    expect(one.totals.delivered).toBe(r1.totals.delivered);
    const both = await engine.simulatedRunReport(doc, ['rep-1', 'rep-2']);
    expect(both.totals.sent).toBe(r1.totals.sent! + r2.totals.sent!);
    expect(both.totals['unique-opens']).toBe((r1.totals['unique-opens'] ?? 0) + (r2.totals['unique-opens'] ?? 0));
  });

  test('an End that signals another campaign tells when records reached it', async () => {
    const doc = withModel(
      campaign(
        [audience('q', rules.FR), { id: 'w', type: 'wait', config: { mode: 'duration', amount: 2, unit: 'days' } }, { id: 'e', type: 'end', config: { signalCampaignId: 'c-next' } }, { id: 'e2', type: 'end', config: { signalCampaignId: 'c-none' } }, audience('empty', all(attr('country', 'equals', 'XX')))],
        [['t1', 'q', 'w'], ['t2', 'w', 'e'], ['t3', 'empty', 'e2']],
      ),
      'sig',
    );
    const run = await engine.simulateRun(doc, 'sig-1', '2025-06-02T09:00');
    // France: 1, 3 and 6, two days later; the other End receives nobody and signals nothing.
    expect(run.signals).toEqual([{ activityId: 'e', campaignId: 'c-next', at: '2025-06-04T09:00', records: 3 }]);
  });
});
