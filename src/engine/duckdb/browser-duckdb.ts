import * as duckdb from '@duckdb/duckdb-wasm';
import { Table, type RecordBatch } from 'apache-arrow';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import type { DatabaseFiles, DuckConnection } from './connection';
import { watchDatabase, type DatabaseWatchdog } from './database-watchdog';

/** DuckDB's worker of the last connection opened, for the end-to-end suite's fault (see `stopDatabaseWorker`). */
let lastWorker: Worker | undefined;

/**
 * Opens DuckDB-WASM in the browser: the single-threaded `eh` bundle where the browser supports
 * WebAssembly exceptions, `mvp` otherwise. The files are served by Vite (`?url`) and fetched only
 * when this runs, inside the engine worker, never on the canvas's critical path.
 *
 * DuckDB's own worker can stop (an error it does not catch, or the browser ending it): AsyncDuckDB
 * then forgets what it waited for without rejecting it, so the connection watches the worker itself
 * (its `error` event and a ping) and `stopped()` says why it stopped.
 */
export async function openBrowserDuckDB(): Promise<DuckConnection> {
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
    eh: { mainModule: ehWasm, mainWorker: ehWorker },
  });
  const worker = new Worker(bundle.mainWorker!);
  lastWorker = worker;
  let failed: string | undefined;
  let watchdog: DatabaseWatchdog | undefined;
  worker.addEventListener('error', (event) => {
    failed ??= event.message || 'its worker failed';
    watchdog?.fail(failed);
  });
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await db.open({});
  const conn = await db.connect();

  // A busy worker (one long step of a statement) is told from a lost one: see watchDatabase.
  const watching = (watchdog = watchDatabase(() => db.ping()));
  if (failed) watching.fail(failed);

  // One statement at a time: a connection holds one pending query.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T,>(statement: () => Promise<T>, longSteps = false): Promise<T> => {
    const fn = () => watching.statement(statement, { longSteps });
    const next = queue.then(fn, fn);
    queue = next.catch(() => undefined);
    return next;
  };

  return {
    query: (sql) =>
      serial(async () => {
        const reader = await conn.send(sql);
        if (!reader) throw new Error('The database stopped.');
        const batches: RecordBatch[] = [];
        for await (const batch of reader) batches.push(batch);
        return new Table(reader.schema, batches);
      }),
    insertArrowIPC: (bytes, target) =>
      serial(
        () => conn.insertArrowFromIPCStream(bytes, { name: target.name, schema: target.schema, create: target.create }),
        true,
      ),
    stopped: () => watching.stopped(),
    files: opfsFiles(db, bundle),
    close: async () => {
      watching.close();
      await conn.close();
      await db.terminate();
    },
  };
}

/**
 * The origin-private file system as DuckDB-WASM 1.32 reads it: a file is opened through a sync
 * access handle that DuckDB's worker takes when the file is registered (`registerOPFSFileName`),
 * and it must already hold a database, since this version refuses to attach an empty file (and
 * opens an empty write-ahead log read-only). So an empty database is written first by a second,
 * short-lived DuckDB that opens the path as its own database (which this version supports), writes
 * one line to its log and ends; its worker's ending lets go of the files.
 */
function opfsFiles(db: duckdb.AsyncDuckDB, bundle: duckdb.DuckDBBundle): DatabaseFiles | undefined {
  if (typeof navigator === 'undefined' || !navigator.storage?.getDirectory) return undefined;
  const both = (path: string) => [path, `${path}.wal`];
  return {
    create: async (path) => {
      const worker = new Worker(bundle.mainWorker!);
      const maker = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
      try {
        await maker.instantiate(bundle.mainModule, bundle.pthreadWorker);
        await maker.open({ path, accessMode: duckdb.DuckDBAccessMode.READ_WRITE });
        const conn = await maker.connect();
        // Left in the write-ahead log (no checkpoint): see KEPT_LOG in kept/kept-data.ts.
        await conn.query('CREATE TABLE cc_log (written TIMESTAMP); INSERT INTO cc_log VALUES (now())');
        await conn.close();
      } finally {
        worker.terminate();
      }
    },
    register: async (path) => {
      for (const file of both(path)) await db.registerOPFSFileName(file);
    },
    release: async (path) => {
      for (const file of both(path)) await db.dropFile(file).catch(() => undefined);
    },
  };
}

/** Ends DuckDB's worker without telling AsyncDuckDB, as a crash would (end-to-end suite only). */
export function stopDatabaseWorker(): void {
  lastWorker?.terminate();
}
