import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Engine } from '../engine';
import { openNodeDuckDB } from '../duckdb/node-duckdb';
import { openChdb } from './chdb-connection';
import { fixtureDataset, fixtureModel, fixtureRows } from '../testing/fixture';
import { rowsToArrow } from '../data/rows-to-arrow';
import { checkDateRange } from '../data/date-range';
import { clickhouseDialect } from '../sql/dialect';
import { campaign } from '../testing/fixture';
import { attr, rowsOf } from '../testing/activity-harness';

/**
 * ClickHouse holds the dates from 1900-01-01 to 2299-12-31 (Date32, DateTime64) and would keep
 * another date in place of one outside them: loading such a value onto a warehouse is refused,
 * with the table, the column, the row and the value. DuckDB holds them all.
 */

let click: Engine;
beforeAll(async () => {
  click = new Engine(await openChdb());
}, 60_000);
afterAll(async () => click.close());

/** The fixture with profile `id`'s `field` set to `value` (profiles are rows 1 to 6 in key order). */
const withProfile = (id: number, field: string, value: string) => ({
  ...fixtureRows,
  profiles: fixtureRows.profiles!.map((r) => (r.profile_id === id ? { ...r, [field]: value } : r)),
});

describe('dates a warehouse cannot hold', () => {
  test('a date before 1900 is refused with its table, column and row; the data in use stays', async () => {
    await click.loadDataset(fixtureDataset());
    await expect(click.loadDataset(fixtureDataset(withProfile(3, 'birth_date', '1899-12-31')))).rejects.toThrow(
      'table profiles, column birth_date, row 3: 1899-12-31 is outside the dates the warehouse holds (1900-01-01 to 2299-12-31',
    );
    await expect(click.loadDataset(fixtureDataset(withProfile(1, 'birth_date', '0001-01-01')))).rejects.toThrow('row 1: 0001-01-01 is outside');
    expect(click.dataset?.rowCounts.profiles).toBe(6);
    expect((await click.entityRows('profiles', 3)).map((r) => r.birth_date)).toEqual(['1990-07-05', '1985-02-28', null]);
  });

  test('a date-time after 2299 is refused; the first and last days load and read back as they are', async () => {
    await expect(click.loadDataset(fixtureDataset(withProfile(6, 'last_seen', '2300-01-01T00:00:00')))).rejects.toThrow(
      'table profiles, column last_seen, row 6: 2300-01-01T00:00:00 is outside',
    );
    const edges = { ...withProfile(1, 'birth_date', '1900-01-01'), profiles: withProfile(1, 'birth_date', '1900-01-01').profiles!.map((r) => (r.profile_id === 2 ? { ...r, birth_date: '2299-12-31', last_seen: '2299-12-31T23:59:59' } : r)) };
    await click.loadDataset(fixtureDataset(edges));
    expect((await click.entityRows('profiles', 2)).map((r) => [r.birth_date, r.last_seen])).toEqual([
      ['1900-01-01', '2025-06-29T10:00:00'],
      ['2299-12-31', '2299-12-31T23:59:59'],
    ]);
  });

  test('DuckDB holds them: the same data loads and reads back there', async () => {
    const duck = new Engine(await openNodeDuckDB());
    try {
      await duck.loadDataset(fixtureDataset(withProfile(1, 'birth_date', '0001-01-01')));
      expect((await duck.entityRows('profiles', 1))[0]!.birth_date).toBe('0001-01-01');
    } finally {
      await duck.close();
    }
  });

  test('rows are counted across the batches of a table', () => {
    const profiles = fixtureModel.entities.find((e) => e.name === 'profiles')!;
    const batch = rowsToArrow(profiles, withProfile(2, 'created', '1850-06-01').profiles!);
    // This batch starts at row 1001 of its table: its second row is row 1002.
    expect(() => checkDateRange(batch, 'profiles', 1001, clickhouseDialect.dateRange!)).toThrow('table profiles, column created, row 1002: 1850-06-01 is outside');
    expect(() => checkDateRange(rowsToArrow(profiles, fixtureRows.profiles!), 'profiles', 1, clickhouseDialect.dateRange!)).not.toThrow();
  });
});

describe('dates typed in a campaign that a warehouse cannot hold', () => {
  const after = (value: string) =>
    campaign(
      [{ id: 'a', type: 'build-audience', config: { targetDimension: 'profiles', rule: { kind: 'group', id: 'g', combinator: 'and', children: [{ ...attr('birth_date', 'gt', value), id: 'c' }] } } }, { id: 'e', type: 'end' }],
      [['t', 'a', 'e']],
    );
  const csv = 'email,joined\nann@x.com,2025-01-02\nbob@x.com,1850-06-01\ncid@x.com,2300-01-01T10:00';
  const loadFile = (onError: string) =>
    campaign(
      [{ id: 'load', type: 'load-file', config: { fileName: 'list.csv', content: csv, columns: [{ name: 'email', type: 'string' }, { name: 'joined', type: onError === 'default' ? 'date' : 'timestamp', onError, defaultValue: '2000-01-01' }] } }, { id: 'e', type: 'end' }],
      [['out', 'load', 'e'], ['bad', 'load', 'e', 'rejected']],
    );

  test('the date of a rule outside 1900–2299 is a problem on its activity on ClickHouse, not another day; DuckDB counts it', async () => {
    await click.loadDataset(fixtureDataset());
    const duck = new Engine(await openNodeDuckDB());
    try {
      await duck.loadDataset(fixtureDataset());
      const r = await click.counts(after('1800-01-01'));
      expect(r.errors.a).toBe('birth_date: 1800-01-01 is outside the dates the warehouse holds (1900-01-01 to 2299-12-31, ClickHouse’s Date32 and DateTime64)');
      expect(r.counts.t).toBeUndefined();
      // DuckDB holds it: the profiles with a birth date (5 of 6 in the fixture).
      expect((await duck.counts(after('1800-01-01'))).counts.t).toBe(5);
      // The first and last days are held, and count the same on both engines.
      for (const day of ['1900-01-01', '2299-12-31']) expect((await click.counts(after(day))).counts.t).toBe((await duck.counts(after(day))).counts.t);
    } finally {
      await duck.close();
    }
  });

  test('a Load file date outside 1900–2299 is a cell in error on ClickHouse, handled as its column says', async () => {
    const rejected = await click.counts(loadFile('reject'));
    expect(rejected.errors).toEqual({});
    expect(rejected.counts).toEqual({ out: 1, bad: 2 });
    const rows = (await rowsOf(click, loadFile('reject'), 'bad')).map((r) => ({ line: Number(r.line), reason: r.reason }));
    expect(rows).toEqual([
      { line: 2, reason: 'joined: "1850-06-01 00:00:00" is outside the dates the warehouse holds (1900-01-01 to 2299-12-31)' },
      { line: 3, reason: 'joined: "2300-01-01 10:00:00" is outside the dates the warehouse holds (1900-01-01 to 2299-12-31)' },
    ]);
    // As a date with a default: the two out-of-range lines take the default, none is rejected.
    expect((await click.counts(loadFile('default'))).counts).toEqual({ out: 3, bad: 0 });
  });
});
