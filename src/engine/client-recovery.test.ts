import { afterEach, describe, expect, test, vi } from 'vitest';
import { readFile } from 'node:fs/promises';
import { EngineClient, type EngineHealth, type WatchdogTimes } from './client';
import { faultyWorkers } from './testing/faulty-workers';
import { createRequestHandler } from './worker-handler';
import { openNodeDuckDB } from './duckdb/node-duckdb';
import type { DataSource } from './protocol';
import { campaign } from './testing/fixture';
import { createMemoryStateStorage } from './state/state-storage';
import type { ConditionGroup } from '../domain/rule';

async function shopSource(): Promise<DataSource> {
  const dir = 'cli/fixtures/shop-data';
  return {
    kind: 'csv',
    model: await readFile(`${dir}/data-model.json`, 'utf8'),
    files: await Promise.all(
      ['customers.csv', 'orders.csv'].map(async (name) => ({ name, text: await readFile(`${dir}/${name}`, 'utf8') })),
    ),
  };
}

const VIP: ConditionGroup = {
  kind: 'group',
  id: 'g',
  combinator: 'and',
  children: [{ kind: 'attribute', id: 'v', path: ['vip'], operator: 'is-true' }],
};

// Customers 1, 3, 5 of the shop are VIP.
const saver = {
  ...campaign(
    [
      { id: 'q', type: 'build-audience', config: { targetDimension: 'customers', rule: VIP } },
      { id: 's', type: 'save-audience', config: { audienceName: 'VIP' } },
      { id: 'e', type: 'end' },
    ],
    [
      ['in', 'q', 's'],
      ['saved', 's', 'e'],
    ],
  ),
  id: 'saver',
};
const reader = {
  ...campaign(
    [
      { id: 'r', type: 'build-audience', config: { targetDimension: 'customers', source: 'audience', audienceName: 'VIP' } },
      { id: 'e', type: 'end' },
    ],
    [['out', 'r', 'e']],
  ),
  id: 'reader',
};

/** A client on faulty workers sharing one storage (as the browser's IndexedDB), with a quick watchdog. */
async function setUp(watchdog: Partial<WatchdogTimes> = { pingEveryMs: 20, answerWithinMs: 300 }) {
  const storage = createMemoryStateStorage();
  const faults = faultyWorkers({ storage });
  const client = new EngineClient({
    createWorker: faults.create,
    initialData: await shopSource(),
    watchdog,
  });
  const health: EngineHealth['state'][] = [];
  client.subscribe((h) => health.push(h.state));
  // A saved audience and a recorded run made before the fault.
  expect((await client.counts(saver)).counts).toEqual({ in: 3, saved: 3 });
  await client.recordRun(saver, '2025-06-30T09:00:00.000Z');
  return { client, faults, health };
}

describe('the engine client recovers from a stopped engine', () => {
  test('a worker that dies without a word: the waiting counts are answered by a new engine, with the same data and saved state', async () => {
    const { client, faults, health } = await setUp();
    faults.workers[0]!.die();
    expect((await client.counts(reader)).counts).toEqual({ out: 3 });
    expect(faults.workers).toHaveLength(2);
    expect(health).toEqual(['restarting', 'running']);
    expect(client.getHealth()).toEqual({ state: 'running' });
    // The imported data was loaded again, and what the user made is there.
    expect((await client.dataset()).rowCounts).toEqual({ customers: 5, orders: 4 });
    expect((await client.savedAudiences()).audiences.map((a) => [a.name, a.count])).toEqual([['VIP', 3]]);
    expect((await client.runs('saver')).map((r) => r.runAt)).toEqual(['2025-06-30T09:00:00.000Z']);
  });

  test('an error event restarts at once and sends every waiting request again', async () => {
    const { client, faults, health } = await setUp();
    faults.workers[0]!.slowDatabase(100_000);
    const waiting = [client.counts(reader), client.sql(reader), client.runs('saver')];
    await new Promise((resolve) => setTimeout(resolve, 50));
    faults.workers[0]!.fail('out of memory');
    const [counts, sql, runs] = await Promise.all(waiting);
    expect(counts).toMatchObject({ counts: { out: 3 } });
    expect(sql).toMatchObject({ sql: { r: expect.stringContaining('CREATE TEMP TABLE') } });
    expect(runs).toHaveLength(1);
    expect(health).toEqual(['restarting', 'running']);
  });

  test("DuckDB's worker stopping is told by the ping and recovered the same way", async () => {
    const { client, faults, health } = await setUp();
    faults.workers[0]!.stopDatabase();
    expect((await client.counts(reader)).counts).toEqual({ out: 3 });
    expect(health).toEqual(['restarting', 'running']);
    expect(faults.workers).toHaveLength(2);
  });

  test('a query that runs longer than the ping timeout is not a loss: the worker answers pings meanwhile', async () => {
    const { client, faults, health } = await setUp();
    faults.workers[0]!.slowDatabase(400);
    expect((await client.counts(reader)).counts).toEqual({ out: 3 });
    expect(faults.workers).toHaveLength(1);
    expect(health).toEqual([]);
    expect(faults.workers[0]!.received.get('ping')).toBeGreaterThan(5);
  });

  test('an engine that stops again and again is given up: what waits is rejected and the health says why', async () => {
    const storage = createMemoryStateStorage();
    const faults = faultyWorkers({ storage });
    let made = 0;
    const client = new EngineClient({
      // Every worker dies as soon as it is made.
      createWorker: () => {
        const w = faults.create();
        faults.workers[made++]!.die();
        return w;
      },
      initialData: await shopSource(),
      watchdog: { pingEveryMs: 10, answerWithinMs: 50 },
    });
    await expect(client.counts(reader)).rejects.toMatchObject({ name: 'EngineStopped', message: expect.stringMatching(/stopped 3 times in a row; reload the page/) });
    expect(client.getHealth()).toMatchObject({ state: 'failed' });
    expect(made).toBe(3);
    await expect(client.dataset()).rejects.toMatchObject({ name: 'EngineStopped' });
  });
});

describe('the watchdog tells a busy engine from a lost one', () => {
  // Only the watchdog's clock is faked: the in-process worker and DuckDB run on real timers.
  const fakeClock = () => vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
  afterEach(() => {
    vi.useRealTimers();
  });

  test('a worker busy 60 s in a step it announced is not restarted, and answers once the step is done', async () => {
    const { client, faults, health } = await setUp({});
    fakeClock();
    faults.workers[0]!.startStep('reading the CSV files');
    const counting = client.counts(reader);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(faults.workers).toHaveLength(1);
    expect(health).toEqual([]);
    faults.workers[0]!.endStep();
    // The ping that waited behind the step is answered after it: the step's length is no loss.
    await vi.advanceTimersByTimeAsync(4_000);
    vi.useRealTimers();
    expect((await counting).counts).toEqual({ out: 3 });
    expect(faults.workers).toHaveLength(1);
    expect(health).toEqual([]);
  });

  test('a worker that dies without announcing a step is restarted after 30 s', async () => {
    const { client, faults, health } = await setUp({});
    fakeClock();
    faults.workers[0]!.die();
    const counting = client.counts(reader);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(health).toEqual([]);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(health).toEqual(['restarting']);
    expect(client.getHealth()).toEqual({ state: 'restarting', reason: 'The engine did not answer for 30 s.' });
    vi.useRealTimers();
    expect((await counting).counts).toEqual({ out: 3 });
    expect(faults.workers).toHaveLength(2);
  });

  test('a worker silent in a step for more than 5 min is taken as lost, saying what it was busy with', async () => {
    const { client, faults, health } = await setUp({});
    fakeClock();
    faults.workers[0]!.startStep('reading the CSV files');
    faults.workers[0]!.die();
    const counting = client.counts(reader);
    await vi.advanceTimersByTimeAsync(300_000);
    expect(health).toEqual([]);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(client.getHealth()).toEqual({ state: 'restarting', reason: 'The engine was busy reading the CSV files and did not answer for 5 min.' });
    vi.useRealTimers();
    expect((await counting).counts).toEqual({ out: 3 });
  });

  test('the worker announces reading CSV files and making each batch as steps', async () => {
    const steps: (string | undefined)[] = [];
    const handle = createRequestHandler(openNodeDuckDB, { onStep: (what) => steps.push(what) });
    const loaded = await handle({ id: 1, type: 'load', params: { source: await shopSource() } });
    expect(loaded).toMatchObject({ ok: true });
    expect(steps.slice(0, 2)).toEqual(['reading the CSV files', undefined]);
    expect(steps).toContain('making a batch of customers');
    expect(steps).toContain('making a batch of orders');
    // Every step ends: announcements come in pairs.
    expect(steps.filter((_, i) => i % 2 === 1).every((s) => s === undefined)).toBe(true);
    expect(steps.filter((_, i) => i % 2 === 0).every((s) => s !== undefined)).toBe(true);
  });
});
