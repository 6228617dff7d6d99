import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Engine } from './engine';
import { openNodeDuckDB } from './duckdb/node-duckdb';
import { and } from './testing/engine-harness';
import { campaign, fixtureDataset } from './testing/fixture';
import type { Dataset } from './data/dataset';

// Fixture sets (testing/fixture.ts): profiles with purchases = {1, 2, 4, 6}; country FR = {1, 3, 6}.
const buyers = and({ kind: 'collection', id: 'p', path: ['purchases'], quantifier: 'exists', where: and() });
const french = and({ kind: 'attribute', id: 'c', path: ['country'], operator: 'equals', value: 'FR' });
const doc = campaign(
  [
    { id: 'b', type: 'build-audience', config: { rule: buyers } },
    { id: 'f', type: 'build-audience', config: { rule: french } },
    { id: 'e', type: 'end' },
  ],
  [
    ['tb', 'b', 'e'],
    ['tf', 'f', 'e'],
  ],
);

/** The fixture with purchases loaded in the background: failing, or in batches of `batchRows` rows. */
function withDeferredPurchases(fail: boolean, batchRows?: number): Dataset {
  const d = fixtureDataset();
  d.tables = d.tables.map((t) =>
    t.entity !== 'purchases'
      ? t
      : {
          entity: t.entity,
          deferred: true,
          *batches() {
            if (fail) throw new Error('disk on fire');
            for (const table of t.batches()) {
              if (batchRows === undefined) yield table;
              else for (let i = 0; i < table.numRows; i += batchRows) yield table.slice(i, i + batchRows);
            }
          },
        },
  );
  return d;
}

describe('tables loaded in the background', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = new Engine(await openNodeDuckDB());
  }, 60_000);
  afterAll(async () => engine.close());

  test('the engine is ready before a deferred table is in; rules that read it wait for it', async () => {
    const info = await engine.loadDataset(withDeferredPurchases(false));
    expect(info.rowCounts.purchases).toBeUndefined();
    expect(info.loading).toEqual(['purchases']);
    expect((await engine.counts(doc)).counts).toEqual({ tb: 4, tf: 3 });
    expect(engine.dataset!.loading).toEqual([]);
    expect(engine.dataset!.rowCounts.purchases).toBe(6);
    expect(await engine.entityRows('purchases', 1)).toHaveLength(1);
  });

  test('activities that read no table still loading are computed while it loads, not after it', async () => {
    const order: string[] = [];
    const conn = await openNodeDuckDB();
    const recording = new Engine({
      query: (sql) => {
        order.push(sql);
        return conn.query(sql);
      },
      insertArrowIPC: (bytes, target) => {
        order.push(`insert ${target.name}`);
        return conn.insertArrowIPC(bytes, target);
      },
      close: () => conn.close(),
    });
    // Purchases in three batches, so that the load leaves room between them.
    await recording.loadDataset(withDeferredPurchases(false, 2));
    expect((await recording.counts(doc)).counts).toEqual({ tb: 4, tf: 3 });
    const french = order.findIndex((sql) => sql.startsWith('CREATE') && sql.includes("'FR'"));
    const lastPurchases = order.lastIndexOf('insert purchases');
    expect(order.filter((x) => x === 'insert purchases')).toHaveLength(3);
    expect(french).toBeGreaterThan(-1);
    expect(french).toBeLessThan(lastPurchases);
    await recording.close();
  });

  test('a deferred table that fails to load is an error on the activities that read it only', async () => {
    await engine.loadDataset(withDeferredPurchases(true));
    const r = await engine.counts(doc);
    expect(r.counts).toEqual({ tf: 3 });
    expect(r.errors).toEqual({ b: expect.stringMatching(/Loading purchases failed: disk on fire/) });
  });

  test('a deferred table is kept compressed in its own store, read through a view; the store goes with its data', async () => {
    const conn = await openNodeDuckDB();
    const own = new Engine(conn);
    await own.loadDataset(withDeferredPurchases(false));
    expect((await own.counts(doc)).counts).toEqual({ tb: 4, tf: 3 });
    const where = async () =>
      (await conn.query(`SELECT database_name, schema_name, table_name FROM duckdb_tables() WHERE table_name = 'purchases'`)).toArray().map((r) => `${String(r.database_name)}.${String(r.schema_name)}`);
    const views = async () => (await conn.query(`SELECT schema_name FROM duckdb_views() WHERE view_name = 'purchases'`)).toArray().map((r) => String(r.schema_name));
    expect(await where()).toEqual(['ds_1_store.main']);
    expect(await views()).toEqual(['ds_1']);
    // Compressed once loaded, down to the last row group (6 rows: the ids are bit-packed; DuckDB
    // leaves a column plain where compressing would not pay).
    const segments = (await conn.query(`SELECT column_name, compression FROM pragma_storage_info('ds_1_store.purchases') WHERE segment_type <> 'VALIDITY'`)).toArray();
    expect(segments.filter((r) => String(r.compression) !== 'Uncompressed').map((r) => String(r.column_name))).toContain('purchase_id');
    await own.loadDataset(withDeferredPurchases(false));
    expect((await own.counts(doc)).counts).toEqual({ tb: 4, tf: 3 });
    expect(await where()).toEqual(['ds_2_store.main']);
    expect(await views()).toEqual(['ds_2']);
    const attached = (await conn.query(`SELECT database_name FROM duckdb_databases() WHERE database_name LIKE 'ds_%'`)).toArray().map((r) => String(r.database_name));
    expect(attached).toEqual(['ds_2_store']);
    await own.close();
  });

  test('loading other data replaces a dataset still loading', async () => {
    await engine.loadDataset(withDeferredPurchases(false));
    const info = await engine.loadDataset(fixtureDataset());
    expect(info.loading).toEqual([]);
    expect((await engine.counts(doc)).counts).toEqual({ tb: 4, tf: 3 });
  });
});
