import type { WorkerLike } from '../client';
import { createRequestHandler } from '../worker-handler';
import type { RequestHandlerOptions } from '../worker-handler';
import { openNodeDuckDB } from '../duckdb/node-duckdb';
import type { EngineResponse } from '../protocol';

/**
 * A worker stand-in: messages are structured-cloned and delivered asynchronously, as in a browser.
 * `options` are the handler's (e.g. a storage shared by several "page loads").
 */
export function inProcessWorker(
  counter: { created: number },
  options: RequestHandlerOptions = {},
): () => WorkerLike {
  return () => {
    counter.created++;
    const handle = createRequestHandler(openNodeDuckDB, options);
    const worker: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage: (message) => {
        if (message.type === 'stop-database') return; // see faultyWorkers
        const request = structuredClone(message);
        setTimeout(() => {
          void handle(request).then((response: EngineResponse) =>
            worker.onmessage?.({ data: structuredClone(response) } as MessageEvent<EngineResponse>),
          );
        }, 0);
      },
      terminate: () => undefined,
    };
    return worker;
  };
}
