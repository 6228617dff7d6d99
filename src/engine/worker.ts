/// <reference lib="webworker" />
import { createRequestHandler } from './worker-handler';
import { openBrowserDuckDB, stopDatabaseWorker } from './duckdb/browser-duckdb';
import type { DatabaseFault, EngineRequest, EngineStep } from './protocol';
import { createIdbStateStorage } from './state/idb-state-storage';
import { createOpfsKeptStorage } from './kept/kept-storage';

/**
 * The engine worker: generates or imports data, runs DuckDB-WASM and answers the client. Created by
 * the client on first use, so none of this (nor DuckDB) is in the app's initial bundle.
 */
// Saved audiences and runs are kept in IndexedDB, from here, so that their keys never cross to the page.
const scope = self as unknown as DedicatedWorkerGlobalScope;
// Synchronous work is announced before it takes the thread, so that the client waits for it.
const onStep = (what: string | undefined) => scope.postMessage({ type: 'step', what: what ?? null } satisfies EngineStep);
// The data in use is kept between visits in the origin-private file system (where there is none,
// the Data screen says so); the end-to-end build can make it full (see createOpfsKeptStorage).
const keptStorage = typeof navigator !== 'undefined' ? createOpfsKeptStorage({ faults: import.meta.env.VITE_ENGINE_FAULTS === '1' }) : undefined;
const handle = createRequestHandler(openBrowserDuckDB, {
  onStep,
  ...(typeof indexedDB === 'undefined' ? {} : { storage: createIdbStateStorage() }),
  ...(keptStorage ? { keptStorage } : {}),
});

scope.onmessage = (event: MessageEvent<EngineRequest | DatabaseFault>) => {
  const message = event.data;
  if (message.type === 'stop-database') {
    // Only the end-to-end build stops DuckDB on request, to check that the app recovers.
    if (import.meta.env.VITE_ENGINE_FAULTS === '1') stopDatabaseWorker();
    return;
  }
  void handle(message).then((response) => scope.postMessage(response));
};
