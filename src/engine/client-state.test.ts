import { describe, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import { EngineClient } from './client';
import { inProcessWorker } from './testing/in-process-worker';
import type { DataSource } from './protocol';
import { campaign } from './testing/fixture';
import { createMemoryStateStorage } from './state/state-storage';
import type { StateStorage } from './state/state-storage';
import type { ConditionGroup } from '../domain/rule';

async function shopSource(): Promise<DataSource> {
  const dir = 'cli/fixtures/shop-data';
  return {
    kind: 'csv',
    model: await readFile(`${dir}/data-model.json`, 'utf8'),
    files: await Promise.all(
      ['customers.csv', 'orders.csv'].map(async (name) => ({
        name,
        text: await readFile(`${dir}/${name}`, 'utf8'),
      })),
    ),
  };
}

const clientOn = async (storage: StateStorage) =>
  new EngineClient({
    createWorker: inProcessWorker({ created: 0 }, { storage }),
    initialData: await shopSource(),
  });

const VIP: ConditionGroup = {
  kind: 'group',
  id: 'g',
  combinator: 'and',
  children: [{ kind: 'attribute', id: 'v', path: ['vip'], operator: 'is-true' }],
};
const EVERYONE: ConditionGroup = { kind: 'group', id: 'g', combinator: 'and', children: [] };

// Customers 1, 3, 5 are VIP. Joined: 1 2024-01-02, 2 2025-06-01, 3 2025-06-20, 4 none, 5 2023-05-05.
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
      {
        id: 'r',
        type: 'build-audience',
        config: { targetDimension: 'customers', source: 'audience', audienceName: 'VIP' },
      },
      { id: 'e', type: 'end' },
    ],
    [['out', 'r', 'e']],
  ),
  id: 'reader',
};
const newcomers = {
  ...campaign(
    [
      {
        id: 'inc',
        type: 'incremental-query',
        config: { targetDimension: 'customers', rule: EVERYONE, dateField: 'joined' },
      },
      { id: 'e', type: 'end' },
    ],
    [['new', 'inc', 'e']],
  ),
  id: 'newcomers',
};

describe('runs and saved audiences over the worker protocol', () => {
  test('saved audiences are listed with their data; a run makes the incremental count drop', async () => {
    const client = await clientOn(createMemoryStateStorage());
    const empty = await client.savedAudiences();
    expect(empty.audiences).toEqual([]);
    expect(empty.datasetId).toMatch(/^import-/);

    // Counting writes nothing; the run does.
    expect((await client.counts(saver)).counts).toEqual({ in: 3, saved: 3 });
    expect((await client.savedAudiences()).audiences).toEqual([]);
    expect((await client.recordRun(saver, '2025-06-29T09:00:00.000Z')).result.counts).toEqual({ in: 3, saved: 3 });
    const listed = await client.savedAudiences();
    expect(
      listed.audiences.map((a) => [a.name, a.dimension, a.count, a.campaignId, a.datasetLabel, a.usable]),
    ).toEqual([['VIP', 'customers', 3, 'saver', 'Imported data “Small shop”: 5 customers, 4 orders', true]]);
    expect(listed.problems).toEqual([]);
    expect((await client.counts(reader)).counts).toEqual({ out: 3 });

    // Before any run every customer is new (even the one without a date).
    expect((await client.counts(newcomers)).counts).toEqual({ new: 5 });
    const run = await client.recordRun(newcomers, '2025-06-30T09:00:00.000Z');
    expect(run.marks).toEqual({ inc: '2025-06-20' });
    expect(run.result.counts).toEqual({ new: 5 });
    expect((await client.counts(newcomers)).counts).toEqual({ new: 0 });
    expect((await client.runs('newcomers')).map((r) => [r.runAt, r.marks])).toEqual([
      ['2025-06-30T09:00:00.000Z', { inc: '2025-06-20' }],
    ]);
    expect(await client.runs('reader')).toEqual([]);
  });

  test('a new worker on the same storage (a page reload) restores them with the same data', async () => {
    const storage = createMemoryStateStorage();
    const first = await clientOn(storage);
    await first.recordRun(saver, '2025-06-29T09:00:00.000Z');
    await first.recordRun(newcomers, '2025-06-30T09:00:00.000Z');
    first.terminate();

    const second = await clientOn(storage);
    expect((await second.savedAudiences()).audiences.map((a) => [a.name, a.count, a.usable])).toEqual([
      ['VIP', 3, true],
    ]);
    expect((await second.counts(reader)).counts).toEqual({ out: 3 });
    expect((await second.runs('newcomers')).map((r) => r.marks)).toEqual([{ inc: '2025-06-20' }]);
    expect((await second.counts(newcomers)).counts).toEqual({ new: 0 });

    // Other data: the audience stays listed, as belonging to the imported data, and is not read.
    const sample = await second.loadSample(1000, 7);
    expect(sample.ok && sample.state).toEqual({ audiences: 0, runs: 0, problems: [] });
    const other = await second.savedAudiences();
    expect(other.audiences.map((a) => [a.name, a.datasetLabel, a.usable])).toEqual([
      ['VIP', 'Imported data “Small shop”: 5 customers, 4 orders', false],
    ]);
    expect(await second.runs('newcomers')).toEqual([]);
  });

  test('a storage that never answers holds neither counts nor a run back for good', async () => {
    const stuck: StateStorage = {
      ...createMemoryStateStorage(),
      putAudience: () => new Promise<void>(() => undefined),
      putRun: () => new Promise<void>(() => undefined),
    };
    const client = await clientOn(stuck);
    await client.dataset();
    const started = performance.now();
    expect((await client.counts(saver)).counts).toEqual({ in: 3, saved: 3 });
    expect(performance.now() - started).toBeLessThan(10_000);
    expect((await client.recordRun(saver)).result.counts).toEqual({ in: 3, saved: 3 });
    expect((await client.counts(reader)).counts).toEqual({ out: 3 });
    // The write gives up after a while and says so; the list of audiences then answers.
    expect((await client.savedAudiences()).problems).toEqual([
      'This browser could not keep the saved audiences and runs: the browser storage did not answer within 15 s',
    ]);
  }, 120_000);

  test('deleting a saved audience and clearing a run history go through the protocol and last', async () => {
    const storage = createMemoryStateStorage();
    const first = await clientOn(storage);
    await first.recordRun(saver, '2025-06-29T09:00:00.000Z');
    await first.recordRun(newcomers, '2025-06-30T09:00:00.000Z');
    const { datasetId } = await first.savedAudiences();

    const left = await first.deleteSavedAudience(datasetId, 'VIP');
    expect(left.audiences).toEqual([]);
    expect((await first.counts(reader)).errors.r).toMatch(/No audience named "VIP" .*or it was deleted/);
    expect(await first.deleteSavedAudience(datasetId, 'VIP')).toMatchObject({ audiences: [] });

    expect(await first.clearRuns('newcomers')).toEqual({ removed: 1 });
    expect(await first.runs('newcomers')).toEqual([]);
    expect((await first.counts(newcomers)).counts).toEqual({ new: 5 });
    expect(await first.clearRuns('saver')).toEqual({ removed: 1 });
    first.terminate();

    const second = await clientOn(storage);
    expect((await second.savedAudiences()).audiences).toEqual([]);
    expect(await second.runs('newcomers')).toEqual([]);
    expect((await second.counts(newcomers)).counts).toEqual({ new: 5 });
    expect(await storage.records()).toEqual([]);
  });
});
