import { createRequire } from 'node:module';
import * as duckdb from '@duckdb/duckdb-wasm/blocking';
import type { DuckConnection } from './connection';

/**
 * Opens an in-memory DuckDB-WASM database in Node with the package's blocking binding: the same
 * wasm engine as the browser, run synchronously, which suits tests and the command line.
 */
export async function openNodeDuckDB(): Promise<DuckConnection> {
  const require = createRequire(import.meta.url);
  const bundles: duckdb.DuckDBBundles = {
    mvp: {
      mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'),
      mainWorker: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-mvp.worker.cjs'),
    },
    eh: {
      mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'),
      mainWorker: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-eh.worker.cjs'),
    },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate(() => {});
  db.open({});
  const conn = db.connect();
  return {
    query: async (sql) => conn.query(sql),
    insertArrowIPC: async (bytes, target) => conn.insertArrowFromIPCStream(bytes, { name: target.name, schema: target.schema, create: target.create }),
    close: async () => {
      conn.close();
      db.reset();
    },
    // `mod` is the Emscripten module behind the binding; its heap view spans the whole memory.
    wasmMemoryBytes: () => (db as unknown as { mod?: { HEAPU8?: Uint8Array } }).mod?.HEAPU8?.buffer.byteLength ?? 0,
  };
}
