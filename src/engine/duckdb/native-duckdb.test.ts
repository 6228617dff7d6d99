import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Table } from 'apache-arrow';
import { openNativeDuckDB } from './native-duckdb';
import { openNodeDuckDB } from './node-duckdb';
import type { DuckConnection } from './connection';
import { Engine } from '../engine';
import { tableToRows } from '../rows';
import { fixtureDataset, campaign } from '../testing/fixture';
import { sampleDataset } from '../data/sample-dataset';
import { rules, attr, all } from '../testing/activity-harness';
import { keysToIPC } from '../state/keys-ipc';
import { withoutTimings } from '../testing/comparable';

/** Every column's Arrow type and every value as the engine reads them (toArray), comparable across engines. */
function shape(table: Table): { types: string[]; rows: string } {
  const types = table.schema.fields.map((f) => `${f.name}: ${String(f.type)}`);
  const rows = JSON.stringify(table.toArray(), (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : ArrayBuffer.isView(v) ? [...(v as Uint32Array)] : v));
  return { types, rows };
}

let wasm: DuckConnection;
let native: DuckConnection;
beforeAll(async () => {
  [wasm, native] = await Promise.all([openNodeDuckDB(), openNativeDuckDB({ threads: 2 })]);
});
afterAll(async () => {
  await Promise.all([wasm.close(), native.close()]);
});

describe('native DuckDB answers as DuckDB-WASM does', () => {
  test.each([
    ['integers', `SELECT 1::TINYINT a, 2::SMALLINT b, 3::INTEGER c, 4::BIGINT d, 7::UBIGINT e, -5::INTEGER f`],
    ['big numbers and decimals', `SELECT 5::HUGEINT a, -123456789012345678901234::HUGEINT b, 12.34::DECIMAL(10,2) c, -12.34::DECIMAL(20,4) d, sum(x) s, count(*) n FROM range(3) t(x)`],
    ['floats, text, booleans', `SELECT 1.5::DOUBLE a, 1.5::FLOAT b, 'x''y' c, true d, false e, '' f, 'é€' g`],
    ['dates and times', `SELECT DATE '2025-01-02' a, DATE '1901-12-31' b, TIMESTAMP '2025-01-02 03:04:05' c, TIMESTAMP '2025-01-02 03:04:05'::TIMESTAMP_S d, TIMESTAMP '2025-01-02 03:04:05.123'::TIMESTAMP_MS e, TIME '01:02:03' f`],
    ['NULLs of every kind', `SELECT NULL::INTEGER a, NULL::BIGINT b, NULL::VARCHAR c, NULL::DATE d, NULL::TIMESTAMP e, NULL::DECIMAL(10,2) f, NULL::BOOLEAN g, NULL::DOUBLE h`],
    ['several rows with gaps', `SELECT CASE WHEN x % 2 = 0 THEN x END AS a, CASE WHEN x % 3 = 0 THEN 'v' || x END AS b, x::BIGINT AS c FROM range(10) t(x) ORDER BY x`],
    ['no rows', `SELECT 1::INTEGER a, 'x' b FROM range(0)`],
    ['a statement', `CREATE OR REPLACE TEMP TABLE t_probe AS SELECT * FROM range(5)`],
  ])('%s', async (_, sql) => {
    const [a, b] = [await wasm.query(sql), await native.query(sql)];
    expect(shape(b)).toEqual(shape(a));
    expect(tableToRows(b)).toEqual(tableToRows(a));
  });

  test('lists and structs read the same', async () => {
    const sql = `SELECT [1, 2, NULL] a, ['x', NULL] b, {'k': 1, 's': 'v'} c, []::INTEGER[] d`;
    const [a, b] = [await wasm.query(sql), await native.query(sql)];
    expect(b.schema.fields.map((f) => String(f.type))).toEqual(a.schema.fields.map((f) => String(f.type)));
    expect(JSON.stringify(b.toArray())).toEqual(JSON.stringify(a.toArray()));
  });

  test('errors carry DuckDB’s message', async () => {
    await expect(native.query('SELECT * FROM no_such_table')).rejects.toThrow(/no_such_table/);
    // The connection goes on answering after an error.
    expect(tableToRows(await native.query('SELECT 1 AS a'))).toEqual([{ a: 1 }]);
  });
});

describe('loading Arrow data', () => {
  test('creates the same column types as DuckDB-WASM and keeps every value', async () => {
    const describeTables = `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'fx' ORDER BY ALL`;
    const everything = `SELECT * FROM fx.profiles ORDER BY profile_id`;
    for (const c of [wasm, native]) {
      await c.query('CREATE SCHEMA fx');
      for (const t of fixtureDataset().tables)
        for (const batch of t.batches()) {
          const { tableToIPC } = await import('apache-arrow');
          await c.insertArrowIPC(tableToIPC(batch, 'stream'), { schema: 'fx', name: t.entity, create: true });
        }
    }
    expect(tableToRows(await native.query(describeTables))).toEqual(tableToRows(await wasm.query(describeTables)));
    expect(shape(await native.query(everything))).toEqual(shape(await wasm.query(everything)));
  });

  test('text keeps every character, ASCII or not, in every batch', async () => {
    const { Table, Utf8, tableToIPC, vectorFromArray } = await import('apache-arrow');
    const ascii = new Table({ t: vectorFromArray(['plain', "O'Eve", '', 'x%y'], new Utf8()) });
    const other = new Table({ t: vectorFromArray(['Zoë', '東京', 'plain', '€ 5'], new Utf8()) });
    expect(String(ascii.schema.fields[0]!.type)).toBe('Utf8');
    await native.query('CREATE SCHEMA tx');
    await native.insertArrowIPC(tableToIPC(ascii, 'stream'), { schema: 'tx', name: 't', create: true });
    await native.insertArrowIPC(tableToIPC(other, 'stream'), { schema: 'tx', name: 't', create: false });
    expect(tableToRows(await native.query('SELECT t FROM tx.t')).map((r) => r.t)).toEqual(['plain', "O'Eve", '', 'x%y', 'Zoë', '東京', 'plain', '€ 5']);
  });

  test('appends to an existing table, also in an attached database, and saved keys load back', async () => {
    await native.query(`ATTACH ':memory:' AS store_probe`);
    const keys = keysToIPC(await native.query('SELECT range::BIGINT AS k FROM range(5000)'), 'k');
    await native.insertArrowIPC(keys, { schema: 'store_probe', name: 'keys', create: true });
    await native.insertArrowIPC(keys, { schema: 'store_probe', name: 'keys', create: false });
    expect(tableToRows(await native.query('SELECT count(*) n, count(DISTINCT k) d, sum(k)::BIGINT s FROM store_probe.keys'))).toEqual([{ n: 10_000, d: 5000, s: 2 * (4999 * 5000) / 2 }]);
  });
});

describe('the engine on native DuckDB', () => {
  test('counts and previews of the fixture equal those of DuckDB-WASM', async () => {
    const doc = campaign(
      [
        { id: 'q', type: 'build-audience', config: { targetDimension: 'profiles', rule: rules.OPT } },
        { id: 's', type: 'split', config: { complement: true, subsets: [{ id: 'fr', label: 'FR', filter: rules.FR }] } },
        { id: 'e', type: 'end' },
        { id: 'e2', type: 'end' },
      ],
      [['t1', 'q', 's'], ['t2', 's', 'e', 'fr'], ['t3', 's', 'e2', 'complement']],
    );
    const results = [];
    for (const open of [openNodeDuckDB, () => openNativeDuckDB({ threads: 2 })]) {
      const engine = new Engine(await open());
      await engine.loadDataset(fixtureDataset());
      const counts = await engine.counts(doc);
      const previews = await Promise.all(['t1', 't2', 't3'].map((t) => engine.preview(doc, t, 100)));
      results.push(withoutTimings({ counts, previews }));
      await engine.close();
    }
    expect(results[0]!.counts.counts.t1).toBe(4);
    expect(results[1]).toEqual(results[0]);
  });

  test('a database file holds the sample and gives the counts of DuckDB-WASM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'native-duckdb-'));
    try {
      const doc = campaign(
        [
          { id: 'q', type: 'build-audience', config: { targetDimension: 'profiles', rule: all(attr('country', 'equals', 'FR')) } },
          { id: 'e', type: 'end' },
        ],
        [['t', 'q', 'e']],
      );
      const counts = [];
      for (const open of [openNodeDuckDB, () => openNativeDuckDB({ path: join(dir, 'engine.duckdb') })]) {
        const engine = new Engine(await open());
        await engine.loadDataset(sampleDataset({ profiles: 1000, seed: 7 }));
        counts.push((await engine.counts(doc)).counts);
        await engine.close();
      }
      expect(counts[0]!.t).toBeGreaterThan(0);
      expect(counts[1]).toEqual(counts[0]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
