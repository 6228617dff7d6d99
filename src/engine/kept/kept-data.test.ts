import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Engine } from '../engine';
import { openNodeDuckDB } from '../duckdb/node-duckdb';
import type { DatabaseFiles, DuckConnection } from '../duckdb/connection';
import { and } from '../testing/engine-harness';
import { campaign, fixtureDataset } from '../testing/fixture';
import type { Dataset } from '../data/dataset';
import { KEPT_DB, KeptData } from './kept-data';
import { createMemoryKeptStorage } from './kept-storage';
import { KEPT_BUDGET, keptFileName } from './kept-keys';

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

/** The fixture (purchases in the background, as the sample's large tables), counting how often its rows are read. */
function dataset(id = 'fixture-kept'): Dataset & { reads: () => number } {
  const d = fixtureDataset();
  let reads = 0;
  return {
    ...d,
    id,
    reads: () => reads,
    tables: d.tables.map((t) => ({
      entity: t.entity,
      ...(t.entity === 'purchases' ? { deferred: true } : {}),
      *batches() {
        reads++;
        yield* t.batches();
      },
    })),
  };
}

/** Database files in memory: every kept file is an in-memory database, which lives while attached. */
const files: DatabaseFiles = { create: async () => undefined, register: async () => undefined, release: async () => undefined };

/**
 * One DuckDB for every "visit": what a visit made is dropped before the next one starts (as a new
 * page starts with an empty database), except the kept database, whose detaching is ignored so that
 * it holds what the previous visit wrote (as the browser's storage does).
 */
function visits(base: DuckConnection) {
  const statements: string[] = [];
  const conn: DuckConnection = {
    ...base,
    query: async (sql) => {
      statements.push(sql);
      if (/^(ATTACH|DETACH DATABASE IF EXISTS) .*cc_kept/.test(sql)) {
        const attached = (await base.query(`SELECT count(*)::INT AS n FROM duckdb_databases() WHERE database_name = '${KEPT_DB}'`)).toArray()[0].n > 0;
        if (attached) return base.query('SELECT 1');
      }
      return base.query(sql);
    },
  };
  return {
    conn,
    statements,
    /** The browser's storage emptied too: the next visit finds nothing kept. */
    async clear() {
      await this.next();
      await base.query(`DETACH DATABASE IF EXISTS ${KEPT_DB}`);
    },
    /** Forgets what the previous visit made, but the kept database. */
    async next() {
      statements.length = 0;
      for (const r of (await base.query(`SELECT schema_name FROM duckdb_schemas() WHERE schema_name LIKE 'ds_%'`)).toArray())
        await base.query(`DROP SCHEMA "${r.schema_name}" CASCADE`);
      for (const r of (await base.query(`SELECT database_name FROM duckdb_databases() WHERE database_name LIKE 'ds_%_store'`)).toArray()) await base.query(`DETACH "${r.database_name}"`);
      for (const r of (await base.query(`SELECT view_name AS name, 'VIEW' AS kind FROM duckdb_views() WHERE temporary AND NOT internal UNION ALL SELECT table_name, 'TABLE' FROM duckdb_tables() WHERE temporary`)).toArray())
        await base.query(`DROP ${r.kind} "${r.name}"`);
    },
  };
}

async function firstVisit(conn: DuckConnection, storage: ReturnType<typeof createMemoryKeptStorage>, data: Dataset) {
  const engine = new Engine(conn);
  const kept = new KeptData(conn, files, storage, 'build-1', 0);
  engine.keepDataIn(kept);
  await engine.loadDataset(data);
  const counts = await engine.counts(doc);
  // The data is kept once the background tables are in; the working tables follow it.
  while (kept.status?.status === 'keeping' || kept.status === undefined) await new Promise((r) => setTimeout(r, 10));
  await engine.keptWritten();
  return { engine, kept, counts };
}

describe('data kept between visits', () => {
  let base: DuckConnection;
  beforeAll(async () => {
    base = await openNodeDuckDB();
  }, 60_000);
  afterAll(async () => base.close());

  test('data with fewer rows in all than the kept minimum is not kept: nothing is written, and it says why', async () => {
    const v = visits(base);
    await v.clear();
    const storage = createMemoryKeptStorage();
    const data = dataset();
    const engine = new Engine(v.conn);
    // The fixture's tables hold a few rows: under a minimum of 1,000 rows.
    const kept = new KeptData(v.conn, files, storage, 'build-1', 1_000);
    engine.keepDataIn(kept);
    await engine.loadDataset(data);
    expect((await engine.counts(doc)).counts).toEqual({ tb: 4, tf: 3 });
    // Decided once its tables loading in the background are in and the engine is quiet.
    while (kept.status?.status === 'keeping' || kept.status === undefined) await new Promise((r) => setTimeout(r, 10));
    await engine.keptWritten();
    expect(kept.status).toEqual({ status: 'small' });
    expect(engine.dataset!.kept).toEqual({ status: 'small' });
    expect([...storage.files]).toEqual([]);
    expect(v.statements.filter((s) => /cc_kept/.test(s))).toEqual([]);
  });

  test('the next visit with the same data opens the kept tables and working tables: nothing is loaded or computed again', async () => {
    const v = visits(base);
    await v.clear();
    const storage = createMemoryKeptStorage();
    const data = dataset();
    const first = await firstVisit(v.conn, storage, data);
    expect(first.kept.status).toEqual({ status: 'kept' });
    expect(first.counts.counts).toEqual({ tb: 4, tf: 3 });
    expect([...storage.files]).toEqual([keptFileName('fixture-kept', 'build-1')]);
    const readsBefore = data.reads();

    await v.next();
    const engine = new Engine(v.conn);
    const kept = new KeptData(v.conn, files, storage, 'build-1', 0);
    engine.keepDataIn(kept);
    const found = await kept.reopen('fixture-kept');
    expect(found).toBeDefined();
    const info = await engine.reopenDataset(data, found!);
    expect(info.kept).toEqual({ status: 'opened' });
    expect(info.rowCounts).toEqual(first.engine.dataset!.rowCounts);
    const again = await engine.counts(doc);
    expect(again.counts).toEqual({ tb: 4, tf: 3 });
    expect(data.reads()).toBe(readsBefore);
    // Working tables and facts were found under their names: no table was created.
    expect(v.statements.filter((s) => /CREATE (OR REPLACE )?TEMP TABLE/.test(s))).toEqual([]);
    // An edit computes what changed, on the kept data.
    const edited = { ...doc, activities: doc.activities.map((a) => (a.id === 'f' ? { ...a, config: { rule: and({ kind: 'attribute', id: 'c', path: ['country'], operator: 'equals', value: 'DE' }) } } : a)) };
    const recount = await engine.counts(edited);
    expect(recount.counts.tb).toBe(4);
    expect(recount.counts.tf).not.toBe(3);
    await v.next();
  });

  test('other data, or another build, never reads a kept file: it loads as on a first visit', async () => {
    const v = visits(base);
    await v.clear();
    const storage = createMemoryKeptStorage();
    await firstVisit(v.conn, storage, dataset('fixture-a'));
    await v.next();
    expect(await new KeptData(v.conn, files, storage, 'build-1', 0).reopen('fixture-b')).toBeUndefined();
    expect(await new KeptData(v.conn, files, storage, 'build-2', 0).reopen('fixture-a')).toBeUndefined();
    // A file whose catalogue is not complete (a write cut short) is not read, and is removed.
    const cut = new KeptData(v.conn, files, storage, 'build-1', 0);
    await v.conn.query(`DELETE FROM ${KEPT_DB}.main.cc_meta WHERE key = 'complete'`);
    expect(await cut.reopen('fixture-a')).toBeUndefined();
    expect(storage.files.size).toBe(0);
  });

  test('a disk that fills up while the data is written: the data stays in memory, the half-written file goes, and the reason is told', async () => {
    const v = visits(base);
    await v.clear();
    const storage = createMemoryKeptStorage({ fullDisk: true });
    const { engine, kept, counts } = await firstVisit(v.conn, storage, dataset('fixture-full'));
    expect(kept.status).toEqual({ status: 'not-kept', reason: "the browser's storage is full" });
    expect(engine.dataset!.kept).toEqual(kept.status);
    expect(storage.files.size).toBe(0);
    expect(counts.counts).toEqual({ tb: 4, tf: 3 });
    expect((await engine.counts(doc)).counts).toEqual({ tb: 4, tf: 3 });
    await v.next();
  });

  test('too little room: nothing is written and the reason says how much is needed', async () => {
    const v = visits(base);
    await v.clear();
    const storage = createMemoryKeptStorage({ room: 10 });
    const { kept } = await firstVisit(v.conn, storage, dataset('fixture-small'));
    expect(kept.status?.status).toBe('not-kept');
    expect(kept.status?.status === 'not-kept' && kept.status.reason).toMatch(/room for 0 MB/);
    expect(storage.files.size).toBe(0);
    await v.next();
  });

  test('the least recently used kept data goes beyond the budget', async () => {
    const v = visits(base);
    await v.clear();
    const storage = createMemoryKeptStorage();
    for (const id of ['d1', 'd2', 'd3']) {
      await firstVisit(v.conn, storage, dataset(id));
      await v.clear();
    }
    expect(storage.files.size).toBe(KEPT_BUDGET);
    expect(storage.files.has(keptFileName('d3', 'build-1'))).toBe(true);
    expect(storage.files.has(keptFileName('d1', 'build-1'))).toBe(false);
  });

  test('loading other data while the data is being kept stops that copy: the new data is kept, the half-written file goes', async () => {
    const v = visits(base);
    await v.clear();
    const storage = createMemoryKeptStorage();
    let letGo: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (letGo = resolve));
    let asked = 0;
    // The first copy waits in its first question to the storage, until the other data is loading.
    storage.room = async () => {
      if (asked++ === 0) await held;
      return undefined;
    };
    // One visit only: the database detaches the half-written file for real.
    const engine = new Engine(base);
    const kept = new KeptData(base, files, storage, 'build-1', 0);
    engine.keepDataIn(kept);
    await engine.loadDataset(dataset('first'));
    while (asked === 0) await new Promise((r) => setTimeout(r, 10));
    const other = engine.loadDataset(dataset('second'));
    letGo();
    await other;
    while (kept.status?.status !== 'kept') await new Promise((r) => setTimeout(r, 10));
    expect([...storage.files]).toEqual([keptFileName('second', 'build-1')]);
    expect((await engine.counts(doc)).counts).toEqual({ tb: 4, tf: 3 });
    await v.clear();
  });
});
