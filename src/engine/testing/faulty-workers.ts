import type { WorkerLike } from '../client';
import { createRequestHandler } from '../worker-handler';
import type { RequestHandlerOptions } from '../worker-handler';
import { openNodeDuckDB } from '../duckdb/node-duckdb';
import type { DuckConnection } from '../duckdb/connection';
import type { EngineResponse } from '../protocol';

/** One in-process engine worker that a test can make fail as a browser worker would. */
export interface FaultyWorker {
  /** The worker dies without a word: nothing it was asked is ever answered. */
  die(): void;
  /** The worker reports an error (its `error` event) and answers nothing more. */
  fail(message: string): void;
  /** DuckDB's worker dies: statements never finish, and a ping says why. */
  stopDatabase(): void;
  /** Every statement takes `ms` longer, as a long query would (the worker still answers pings). */
  slowDatabase(ms: number): void;
  /** How many requests of each type it received. */
  received: Map<string, number>;
}

/**
 * Creates in-process engine workers (as `inProcessWorker`) that tests can make fail, each on its
 * own database; `workers` lists those created, the newest last.
 */
export function faultyWorkers(options: RequestHandlerOptions = {}): { create: () => WorkerLike; workers: FaultyWorker[] } {
  const workers: FaultyWorker[] = [];
  const create = (): WorkerLike => {
    let dead = false;
    let databaseStopped = false;
    let delay = 0;
    const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const never = new Promise<never>(() => undefined);
    const open = async (): Promise<DuckConnection> => {
      const c = await openNodeDuckDB();
      return {
        query: async (sql) => {
          if (delay > 0) await later(delay);
          return databaseStopped ? never : c.query(sql);
        },
        insertArrowIPC: (bytes, target) => (databaseStopped ? never : c.insertArrowIPC(bytes, target)),
        stopped: () => (databaseStopped ? 'it did not answer for 20 s' : undefined),
        close: () => c.close(),
      };
    };
    const handle = createRequestHandler(open, options);
    const received = new Map<string, number>();
    const worker: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage: (message) => {
        if (dead || message.type === 'stop-database') return;
        received.set(message.type, (received.get(message.type) ?? 0) + 1);
        const request = structuredClone(message);
        setTimeout(() => {
          void handle(request).then((response: EngineResponse) => {
            if (!dead) worker.onmessage?.({ data: structuredClone(response) } as MessageEvent<EngineResponse>);
          });
        }, 0);
      },
      terminate: () => {
        dead = true;
        databaseStopped = true;
      },
    };
    workers.push({
      die: () => {
        dead = true;
      },
      fail: (message) => {
        worker.onerror?.({ message } as ErrorEvent);
        dead = true;
      },
      stopDatabase: () => {
        databaseStopped = true;
      },
      slowDatabase: (ms) => {
        delay = ms;
      },
      received,
    });
    return worker;
  };
  return { create, workers };
}
