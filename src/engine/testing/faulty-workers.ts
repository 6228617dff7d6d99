import type { WorkerLike } from '../client';
import { createRequestHandler } from '../worker-handler';
import type { RequestHandlerOptions } from '../worker-handler';
import { openNodeDuckDB } from '../duckdb/node-duckdb';
import type { DuckConnection } from '../duckdb/connection';
import type { EngineMessage, EngineRequest, EngineResponse } from '../protocol';

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
  /**
   * The worker announces a synchronous step (as it does before reading CSV files) and answers
   * nothing, pings included, until `endStep`.
   */
  startStep(what: string): void;
  /** The step is done: the worker says so, then answers what arrived meanwhile. */
  endStep(): void;
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
    const post = (message: EngineMessage) => {
      if (!dead) worker.onmessage?.({ data: structuredClone(message) } as MessageEvent<EngineMessage>);
    };
    const handle = createRequestHandler(open, { ...options, onStep: (what) => post({ type: 'step', what: what ?? null }) });
    const received = new Map<string, number>();
    /** Requests that arrived during a step, answered once it ends. */
    let held: EngineRequest[] | undefined;
    const answer = (request: EngineRequest) =>
      setTimeout(() => {
        void handle(request).then((response: EngineResponse) => post(response));
      }, 0);
    const worker: WorkerLike = {
      onmessage: null,
      onerror: null,
      postMessage: (message) => {
        if (dead || message.type === 'stop-database') return;
        received.set(message.type, (received.get(message.type) ?? 0) + 1);
        const request = structuredClone(message);
        if (held) held.push(request);
        else answer(request);
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
      startStep: (what) => {
        post({ type: 'step', what });
        held ??= [];
      },
      endStep: () => {
        post({ type: 'step', what: null });
        const waiting = held ?? [];
        held = undefined;
        for (const request of waiting) answer(request);
      },
      received,
    });
    return worker;
  };
  return { create, workers };
}
