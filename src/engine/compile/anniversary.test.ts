import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Engine } from '../engine';
import { openNodeDuckDB } from '../duckdb/node-duckdb';
import { campaign, fixtureDataset, fixtureRows } from '../testing/fixture';
import { all, attr, audience, engineWith, keysOf } from '../testing/activity-harness';

// The fixture's reference date is 2025-06-30; 2026 has no 29 February.
const people = [
  { profile_id: 1, birth_date: '2000-02-29' },
  { profile_id: 2, birth_date: '1990-02-28' },
  { profile_id: 3, birth_date: '1985-03-01' },
  { profile_id: 4, birth_date: '1970-06-30' },
  { profile_id: 5, birth_date: '1970-06-29' },
  { profile_id: 6, birth_date: null },
];

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith({ ...fixtureRows, profiles: people });
}, 60_000);
afterAll(async () => engine.close());

async function within(days: number, on: Engine = engine): Promise<number[]> {
  const doc = campaign(
    [audience('a', all(attr('birth_date', 'anniversary-within', days))), { id: 'e', type: 'end' }],
    [['t', 'a', 'e']],
  );
  expect((await on.counts(doc)).errors).toEqual({});
  return keysOf(on, doc, 't');
}

describe('birthday within N days', () => {
  test('N = 0 is today only; yesterday’s birthday is a year away', async () => {
    expect(await within(0)).toEqual([4]);
    expect(await within(363)).toEqual([1, 2, 3, 4]);
    expect(await within(364)).toEqual([1, 2, 3, 4, 5]);
  });

  test('29 February counts on 1 March in a year without it', async () => {
    // 243 days after 30 Jun 2025 is 28 Feb 2026; 244 days is 1 Mar 2026.
    expect(await within(243)).toEqual([2, 4]);
    expect(await within(244)).toEqual([1, 2, 3, 4]);
  });
});

describe('birthday within N days, from a year before a leap year', () => {
  let late: Engine;
  beforeAll(async () => {
    late = new Engine(await openNodeDuckDB());
    const data = fixtureDataset({ ...fixtureRows, profiles: people });
    await late.loadDataset({ ...data, model: { ...data.model, referenceDate: '2023-12-31' } });
  }, 60_000);
  afterAll(async () => late.close());

  test('the next 29 February is a 29 February when the next year has one', async () => {
    // 59 days after 31 Dec 2023 is 28 Feb 2024, 60 days is 29 Feb 2024, 61 days is 1 Mar 2024.
    expect(await within(59, late)).toEqual([2]);
    expect(await within(60, late)).toEqual([1, 2]);
    expect(await within(61, late)).toEqual([1, 2, 3]);
  });
});
