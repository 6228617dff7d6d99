import { afterAll, beforeEach, describe, expect, test } from 'vitest';
import type { Engine } from '../../engine/engine';
import { campaign, fixtureDataset, fixtureRows } from '../../engine/testing/fixture';
import { engineWith, keysOf, rules } from '../../engine/testing/activity-harness';

// Opted-in fixture profiles {1, 3, 4, 6}: created 2025-06-20, 2025-05-31, 2023-03-01, 2025-06-01;
// last seen 2025-06-29 10:00, none, 2025-06-30 23:59, 2024-12-31 23:00.
const incDoc = (dateField: string, id = 'c1') => ({
  ...campaign(
    [
      {
        id: 'inc',
        type: 'incremental-query',
        config: { targetDimension: 'profiles', rule: rules.OPT, dateField },
      },
      { id: 'e', type: 'end' },
    ],
    [['out', 'inc', 'e']],
  ),
  id,
});

/** The fixture plus new opted-in profiles arriving after the first run. */
const withNewcomers = {
  ...fixtureRows,
  profiles: [
    ...fixtureRows.profiles!,
    { profile_id: 7, opt_in: true, created: '2025-06-25', last_seen: '2025-06-30T23:58:00' },
    { profile_id: 8, opt_in: true, created: '2025-06-20', last_seen: '2025-07-01T08:00:00' },
    { profile_id: 9, opt_in: false, created: '2025-06-29', last_seen: '2025-07-02T08:00:00' },
  ],
};

let engine: Engine;
beforeEach(async () => {
  await engine?.close();
  engine = await engineWith();
}, 60_000);
afterAll(async () => engine.close());

describe('Incremental query', () => {
  test('until a first run, every record of the rule qualifies', async () => {
    expect((await engine.counts(incDoc('created'))).counts.out).toBe(4);
  });

  test('after a run, only records with a later date (date field)', async () => {
    const run = await engine.recordRun(incDoc('created'), '2025-06-30T12:00:00Z');
    expect(run.marks).toEqual({ inc: '2025-06-20' });
    expect(run.result.counts.out).toBe(4);
    expect((await engine.counts(incDoc('created'))).counts.out).toBe(0);
    await engine.loadDataset(fixtureDataset(withNewcomers));
    // 7 was created on 06-25, after the mark; 8 on the mark's day itself; 9 is not opted in.
    expect(await keysOf(engine, incDoc('created'), 'out')).toEqual([7]);
  });

  test('a date-time field compares to the second', async () => {
    const run = await engine.recordRun(incDoc('last_seen'));
    expect(run.marks).toEqual({ inc: '2025-06-30 23:59:00' });
    await engine.loadDataset(fixtureDataset(withNewcomers));
    expect(await keysOf(engine, incDoc('last_seen'), 'out')).toEqual([8]);
  });

  test('a run that finds nothing keeps the previous mark; the history lists every run', async () => {
    await engine.recordRun(incDoc('created'), '2025-06-30T12:00:00Z');
    const second = await engine.recordRun(incDoc('created'), '2025-07-01T12:00:00Z');
    expect(second.result.counts.out).toBe(0);
    expect(second.marks).toEqual({ inc: '2025-06-20' });
    expect(engine.runs('c1').map((r) => [r.runAt, r.marks.inc])).toEqual([
      ['2025-06-30T12:00:00Z', '2025-06-20'],
      ['2025-07-01T12:00:00Z', '2025-06-20'],
    ]);
  });

  test('a counts request arriving while a run computes does not cost the run its marks', async () => {
    const [run, other] = await Promise.all([
      engine.recordRun(incDoc('created', 'c1')),
      engine.counts(incDoc('last_seen', 'c2')),
    ]);
    expect(other.superseded).toBe(false);
    expect(run.marks).toEqual({ inc: '2025-06-20' });
    expect(run.result.superseded).toBe(false);
    expect((await engine.counts(incDoc('created', 'c1'))).counts.out).toBe(0);
  });

  test('each campaign has its own history', async () => {
    await engine.recordRun(incDoc('created', 'c1'));
    expect((await engine.counts(incDoc('created', 'c2'))).counts.out).toBe(4);
  });

  test('a field that is not a date is an error', async () => {
    expect((await engine.counts(incDoc('score'))).errors.inc).toMatch(/not a date/);
    expect((await engine.counts(incDoc(''))).errors.inc).toMatch(/Choose the date field/);
  });
});
