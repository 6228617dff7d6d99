import type { AddressInfo } from 'node:net';
import { EngineClient } from '../src/engine/client';
import { createRequestHandler } from '../src/engine/worker-handler';
import { openNativeDuckDB } from '../src/engine/duckdb/native-duckdb';
import { serverEngineOptions } from '../src/engine/http-transport';
import type { DataSource } from '../src/engine/protocol';
import { inProcessWorker } from '../src/engine/testing/in-process-worker';
import { createEngineServer } from './http-server';

/**
 * The two engines the app can use, side by side in Node: the browser's (the request handler on
 * DuckDB-WASM, behind the worker's message passing) and the server's (the same handler on native
 * DuckDB, served over real HTTP on a free port, reached through the HTTP transport). Both are
 * EngineClients on the same data, so a test asks both the same requests and compares the answers.
 */
export interface TwoEngines {
  browser: EngineClient;
  server: EngineClient;
  close(): Promise<void>;
}

export async function twoEngines(data: DataSource): Promise<TwoEngines> {
  const handle = createRequestHandler(() => openNativeDuckDB({ threads: 2 }));
  const token = 'two-engines-token';
  const http = createEngineServer({ handle, token, origins: [], maxRequestBytes: 64 * 1_048_576 });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', () => resolve()));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const server = new EngineClient(serverEngineOptions({ url, token }));
  const browser = new EngineClient({ createWorker: inProcessWorker({ created: 0 }), initialData: data });
  const [loaded] = await Promise.all([server.send('load', { source: data }), browser.dataset()]);
  if (!loaded.ok) throw new Error(`the server could not load the data: ${JSON.stringify(loaded.problems)}`);
  return {
    browser,
    server,
    close: async () => {
      browser.terminate();
      server.terminate();
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
    },
  };
}
