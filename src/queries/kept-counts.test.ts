import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { QueryClient } from '@tanstack/react-query';
import { EngineClient } from '../engine/client';
import { inProcessWorker } from '../engine/testing/in-process-worker';
import type { CampaignDoc } from '../domain/campaign';
import type { CountsResult } from '../engine/engine';
import { campaign } from '../engine/testing/fixture';
import { and } from '../engine/testing/engine-harness';
import { countsQuery } from './engine-queries';
import { datasetIdOf, keepableCounts, keptCountsKey, memoryKeptCounts } from './kept-counts';

const rule = (value: string) => and({ kind: 'attribute', id: 'c', path: ['country'], operator: 'equals', value });
const doc = (value = 'FR'): CampaignDoc =>
  campaign(
    [
      { id: 'b', type: 'build-audience', config: { rule: rule(value) } },
      { id: 'e', type: 'end' },
    ],
    [['t', 'b', 'e']],
  );

const result = (over: Partial<CountsResult> = {}): CountsResult => ({ counts: { t: 3 }, errors: {}, skipped: {}, superseded: false, elapsedMs: 1, ...over });

describe('kept counts: never a stale count shown as current', () => {
  test('the key names the data, what the campaign computes and the build; layout and labels do not matter', () => {
    const base = keptCountsKey('sample-1000-42', doc(), 'b1');
    expect(base).toBeDefined();
    const moved = { ...doc(), activities: doc().activities.map((a) => ({ ...a, position: { x: 99, y: 7 }, label: 'renamed' })) };
    expect(keptCountsKey('sample-1000-42', moved, 'b1')).toBe(base);
    expect(keptCountsKey('sample-1000-43', doc(), 'b1')).not.toBe(base);
    expect(keptCountsKey('sample-2000-42', doc(), 'b1')).not.toBe(base);
    expect(keptCountsKey('sample-1000-42', doc('DE'), 'b1')).not.toBe(base);
    expect(keptCountsKey('sample-1000-42', doc(), 'b2')).not.toBe(base);
    expect(keptCountsKey('sample-1000-42', { ...doc(), settings: { ...doc().settings, seed: 7 } }, 'b1')).not.toBe(base);
    expect(keptCountsKey(undefined, doc(), 'b1')).toBeUndefined();
  });

  test('counts that follow from saved audiences or the run history are not kept at all', () => {
    const audience = campaign([{ id: 'b', type: 'build-audience', config: { source: 'audience', audience: 'vip' } }], []);
    const incremental = campaign([{ id: 'i', type: 'incremental-query', config: { rule: rule('FR') } }], []);
    expect(keptCountsKey('sample-1000-42', audience, 'b1')).toBeUndefined();
    expect(keptCountsKey('sample-1000-42', incremental, 'b1')).toBeUndefined();
  });

  test('only complete counts are kept: not a superseded, simulated or failing one', () => {
    expect(keepableCounts(result())).toBe(true);
    expect(keepableCounts(result({ superseded: true }))).toBe(false);
    expect(keepableCounts(result({ simulated: true }))).toBe(false);
    expect(keepableCounts(result({ errors: { b: 'Loading purchases failed' } }))).toBe(false);
  });

  test('the data a source loads is known before loading only for the sample', () => {
    expect(datasetIdOf({ kind: 'sample', profiles: 1000, seed: 42 })).toBe('sample-1000-42');
    expect(datasetIdOf({ kind: 'csv', model: '{}', files: [] })).toBeUndefined();
  });

  test('property: two keys are equal exactly when data, campaign content and build are', () => {
    const countries = fc.constantFrom('FR', 'DE', 'US');
    const ids = fc.constantFrom('sample-1000-42', 'sample-1000-7', 'sample-5000-42');
    const builds = fc.constantFrom('b1', 'b2');
    fc.assert(
      fc.property(fc.tuple(ids, countries, builds), fc.tuple(ids, countries, builds), ([d1, c1, b1], [d2, c2, b2]) => {
        const same = keptCountsKey(d1, doc(c1), b1) === keptCountsKey(d2, doc(c2), b2);
        expect(same).toBe(d1 === d2 && c1 === c2 && b1 === b2);
      }),
    );
  });

  test('a computed count is kept under its key; an edited campaign finds none and is computed', async () => {
    const client = new EngineClient({ createWorker: inProcessWorker({ created: 0 }), initialData: { kind: 'sample', profiles: 200, seed: 42 } });
    const queries = new QueryClient();
    const store = memoryKeptCounts();
    const dataset = await client.dataset();
    const key = keptCountsKey(dataset.id, doc(), 'b1')!;
    const counted = await queries.fetchQuery(countsQuery(client, dataset.version, doc(), false, { key, store }));
    await new Promise((r) => setTimeout(r, 0));
    expect(store.entries.get(key)?.counts).toEqual(counted.counts);
    expect(await store.get(keptCountsKey(dataset.id, doc('DE'), 'b1')!)).toBeUndefined();
    // A simulation is never kept, not even under the plain key.
    store.entries.clear();
    await queries.fetchQuery(countsQuery(client, dataset.version, doc(), true, { key, store }));
    expect(store.entries.size).toBe(0);
    client.terminate();
  });
});
