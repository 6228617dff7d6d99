import { afterEach, describe, expect, test, vi } from 'vitest';
import { EngineClient, type WorkerLike } from './client';
import type { EngineMessage, EngineRequest, DatabaseFault } from './protocol';

/** Workers that record what they are sent; a test answers for them. */
function recordingWorkers() {
  const workers: { sent: (EngineRequest | DatabaseFault)[]; answer: (id: number, result: unknown) => void }[] = [];
  const create = (): WorkerLike => {
    const sent: (EngineRequest | DatabaseFault)[] = [];
    const worker: WorkerLike = {
      postMessage: (message) => void sent.push(message),
      onmessage: null,
      onerror: null,
      terminate: () => undefined,
    };
    workers.push({
      sent,
      answer: (id, result) => worker.onmessage?.({ data: { id, ok: true, result } as EngineMessage } as MessageEvent<EngineMessage>),
    });
    return worker;
  };
  return { workers, create };
}

const types = (sent: readonly (EngineRequest | DatabaseFault)[]) => sent.map((m) => m.type);

afterEach(() => {
  vi.useRealTimers();
});

describe('the engine worker can start after the canvas is drawn', () => {
  test('held: requests wait without a worker, and are sent after the data once it is released', async () => {
    const { workers, create } = recordingWorkers();
    const client = new EngineClient({ createWorker: create });
    client.holdStart(60_000);
    expect(client.startHeld).toBe(true);
    const answered = client.send('ping', {});
    expect(workers).toHaveLength(0);

    client.releaseStart();
    expect(client.startHeld).toBe(false);
    expect(workers).toHaveLength(1);
    // The data to load goes first, as on any start; then what waited.
    expect(types(workers[0]!.sent)).toEqual(['load', 'ping']);
    const ping = workers[0]!.sent[1] as EngineRequest;
    workers[0]!.answer(ping.id, { database: null });
    await expect(answered).resolves.toEqual({ database: null });
    client.terminate();
  });

  test('the hold ends by itself after its longest wait', async () => {
    vi.useFakeTimers();
    const { workers, create } = recordingWorkers();
    const client = new EngineClient({ createWorker: create });
    client.holdStart(3_000);
    void client.send('ping', {}).catch(() => undefined);
    vi.advanceTimersByTime(2_999);
    expect(workers).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(types(workers[0]!.sent)).toEqual(['load', 'ping']);
    client.terminate();
  });

  test('released with nothing waiting: no worker yet, the next request starts it at once', () => {
    const { workers, create } = recordingWorkers();
    const client = new EngineClient({ createWorker: create });
    client.holdStart(60_000);
    client.releaseStart();
    expect(workers).toHaveLength(0);
    void client.send('ping', {}).catch(() => undefined);
    expect(types(workers[0]!.sent)).toEqual(['load', 'ping']);
    client.terminate();
  });

  test('a request cancelled while held is never sent', () => {
    const { workers, create } = recordingWorkers();
    const client = new EngineClient({ createWorker: create });
    client.holdStart(60_000);
    const stop = new AbortController();
    const cancelled = client.send('ping', {}, stop.signal);
    void cancelled.catch(() => undefined);
    stop.abort();
    void client.send('ping', {}).catch(() => undefined);
    client.releaseStart();
    expect(types(workers[0]!.sent)).toEqual(['load', 'ping']);
    client.terminate();
  });

  test('a worker already started is not held', () => {
    const { workers, create } = recordingWorkers();
    const client = new EngineClient({ createWorker: create });
    void client.send('ping', {}).catch(() => undefined);
    client.holdStart(60_000);
    expect(client.startHeld).toBe(false);
    void client.send('ping', {}).catch(() => undefined);
    expect(workers).toHaveLength(1);
    expect(types(workers[0]!.sent)).toEqual(['load', 'ping', 'ping']);
    client.terminate();
  });
});
