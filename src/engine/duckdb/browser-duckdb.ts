import * as duckdb from '@duckdb/duckdb-wasm';
import { Table, type RecordBatch } from 'apache-arrow';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import type { DuckConnection } from './connection';

/**
 * How DuckDB's worker is watched. A statement runs as a pending query that DuckDB executes in
 * steps of about 100 ms, answering messages in between, so a ping is answered within a step even
 * while a long query runs. Only one message is handled at length (appending a batch of rows,
 * checkpointing the compressed store), which takes seconds, far less than `answerWithinMs`.
 */
const PING_EVERY_MS = 2_000;
const ANSWER_WITHIN_MS = 20_000;

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
  let stopped: string | undefined;
  worker.addEventListener('error', (event) => {
    stopped ??= event.message || 'its worker failed';
  });
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await db.open({});
  const conn = await db.connect();

  let ping: number | undefined;
  const watchdog = setInterval(() => {
    if (stopped) return clearInterval(watchdog);
    if (ping !== undefined) {
      if (Date.now() - ping > ANSWER_WITHIN_MS) stopped = `it did not answer for ${ANSWER_WITHIN_MS / 1000} s`;
      return;
    }
    const sentAt = (ping = Date.now());
    db.ping().then(
      () => {
        if (ping === sentAt) ping = undefined;
      },
      (e: unknown) => {
        stopped ??= e instanceof Error ? e.message : String(e);
      },
    );
  }, PING_EVERY_MS);

  // One statement at a time: a connection holds one pending query.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T,>(fn: () => Promise<T>): Promise<T> => {
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
      serial(() => conn.insertArrowFromIPCStream(bytes, { name: target.name, schema: target.schema, create: target.create })),
    stopped: () => stopped,
    close: async () => {
      clearInterval(watchdog);
      await conn.close();
      await db.terminate();
    },
  };
}

/** Ends DuckDB's worker without telling AsyncDuckDB, as a crash would (end-to-end suite only). */
export function stopDatabaseWorker(): void {
  lastWorker?.terminate();
}
