/// <reference lib="webworker" />
import { createRequestHandler } from './worker-handler';
import { openBrowserDuckDB, stopDatabaseWorker } from './duckdb/browser-duckdb';
import type { DatabaseFault, EngineRequest } from './protocol';
import { createIdbStateStorage } from './state/idb-state-storage';

/**
 * The engine worker: generates or imports data, runs DuckDB-WASM and answers the client. Created by
 * the client on first use, so none of this (nor DuckDB) is in the app's initial bundle.
 */
// Saved audiences and runs are kept in IndexedDB, from here, so that their keys never cross to the page.
const handle = createRequestHandler(
  openBrowserDuckDB,
  typeof indexedDB === 'undefined' ? {} : { storage: createIdbStateStorage() },
);
const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<EngineRequest | DatabaseFault>) => {
  const message = event.data;
  if (message.type === 'stop-database') {
    // Only the end-to-end build stops DuckDB on request, to check that the app recovers.
    if (import.meta.env.VITE_ENGINE_FAULTS === '1') stopDatabaseWorker();
    return;
  }
  void handle(message).then((response) => scope.postMessage(response));
};
