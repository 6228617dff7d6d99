import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { engineWith } from './testing/activity-harness';
import type { Engine } from './engine';

/**
 * The Data screen's queries (a table's first rows, a field's distribution, which also gives the
 * query modeler its value suggestions) on the fixture, worked out by hand from testing/fixture.ts.
 * The suite runs on DuckDB and on ClickHouse with the same expected values.
 */

let engine: Engine;
beforeAll(async () => {
  engine = await engineWith();
});
afterAll(async () => {
  await engine.close();
});

describe('a field distribution', () => {
  test('text values by frequency, the empty value last, with their share of rows', async () => {
    expect(await engine.distribution('profiles', 'country')).toEqual([
      { value: 'FR', count: 3, share: 0.5 },
      { value: 'DE', count: 1, share: 1 / 6 },
      { value: 'US', count: 1, share: 1 / 6 },
      { value: null, count: 1, share: 1 / 6 },
    ]);
  });

  test('booleans, numbers, decimals, dates and date-times keep their type', async () => {
    expect(await engine.distribution('profiles', 'opt_in')).toEqual([
      { value: true, count: 4, share: 4 / 6 },
      { value: false, count: 2, share: 2 / 6 },
    ]);
    // Ties are ordered by value: the two lowest scores of six single ones.
    expect(await engine.distribution('profiles', 'score', 2)).toEqual([
      { value: 20, count: 1, share: 1 / 6 },
      { value: 40, count: 1, share: 1 / 6 },
    ]);
    expect(await engine.distribution('purchases', 'amount')).toEqual([
      { value: 15.5, count: 2, share: 2 / 6 },
      { value: 5, count: 1, share: 1 / 6 },
      { value: 20, count: 1, share: 1 / 6 },
      { value: 50, count: 1, share: 1 / 6 },
      { value: 200, count: 1, share: 1 / 6 },
    ]);
    expect((await engine.distribution('profiles', 'birth_date')).map((d) => d.value)).toEqual(['1979-12-31', '1985-02-28', '1990-07-05', '1995-06-30', '2000-07-10', null]);
    expect((await engine.distribution('profiles', 'last_seen', 3)).map((d) => d.value)).toEqual(['2024-12-31T23:00:00', '2025-01-02T08:30:00', '2025-06-15T12:00:00']);
  });

  test('a field the data does not have is refused by name', async () => {
    await expect(engine.distribution('profiles', 'nope')).rejects.toThrow('The data has no profiles.nope.');
  });
});

describe('the first rows of a table', () => {
  test('ordered by key, every column with its type', async () => {
    expect(await engine.entityRows('profiles', 2)).toEqual([
      { profile_id: 1, name: 'Ann', email: 'ann@x.com', country: 'FR', birth_date: '1990-07-05', tier: 'gold', score: 80, opt_in: true, created: '2025-06-20', last_seen: '2025-06-29T10:00:00', account_id: 10 },
      { profile_id: 2, name: 'Bob', email: 'bob@x.com', country: 'US', birth_date: '1985-02-28', tier: 'none', score: 20, opt_in: false, created: '2024-01-15', last_seen: '2025-01-02T08:30:00', account_id: null },
    ]);
    expect(await engine.entityRows('purchases', 2)).toEqual([
      { purchase_id: 1, profile_id: 1, product_id: 100, amount: 50, purchase_date: '2025-06-01' },
      { purchase_id: 2, profile_id: 1, product_id: 101, amount: 20, purchase_date: '2025-06-25' },
    ]);
  });

  test('empty values stay empty: NULL and the empty text differ', async () => {
    const rows = await engine.entityRows('profiles', 10);
    expect(rows.map((r) => r.profile_id)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows.map((r) => r.email)).toEqual(['ann@x.com', 'bob@x.com', null, 'DEE@y.org', '', 'fay@x.com']);
    expect(rows[4]).toMatchObject({ name: "O'Eve", country: null, score: null });
    expect(await engine.entityRows('products', 0)).toEqual([]);
  });
});
