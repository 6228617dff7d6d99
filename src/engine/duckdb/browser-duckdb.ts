import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import type { DuckConnection } from './connection';

/**
 * Opens DuckDB-WASM in the browser: the single-threaded `eh` bundle where the browser supports
 * WebAssembly exceptions, `mvp` otherwise. The files are served by Vite (`?url`) and fetched only
 * when this runs, inside the engine worker, never on the canvas's critical path.
 */
export async function openBrowserDuckDB(): Promise<DuckConnection> {
  const bundle = await duckdb.selectBundle({
    mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
    eh: { mainModule: ehWasm, mainWorker: ehWorker },
  });
  const worker = new Worker(bundle.mainWorker!);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
  await db.open({});
  const conn = await db.connect();
  return {
    query: (sql) => conn.query(sql),
    insertArrowIPC: (bytes, target) => conn.insertArrowFromIPCStream(bytes, { name: target.name, schema: target.schema, create: target.create }),
    close: async () => {
      await conn.close();
      await db.terminate();
    },
  };
}
