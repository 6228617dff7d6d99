import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { Engine } from '../engine';
import { openNodeDuckDB } from '../duckdb/node-duckdb';
import { openChdb } from './chdb-connection';
import { sampleDataset } from '../data/sample-dataset';
import { parseCampaignValue } from '../../domain/serialization';
import type { CampaignDoc } from '../../domain/campaign';
import { campaign } from '../testing/fixture';

/**
 * The same campaign gives the same numbers on DuckDB and on ClickHouse: the reference campaign's
 * counts, the delivery simulation's figures, and the counts of random campaigns.
 */

const reference = (() => {
  const parsed = parseCampaignValue(JSON.parse(readFileSync(new URL('../../../bench/reference-campaign.json', import.meta.url), 'utf8')));
  if (!parsed.ok) throw new Error('bench/reference-campaign.json does not parse');
  return parsed.doc;
})();

let duck: Engine;
let click: Engine;
beforeAll(async () => {
  const data = sampleDataset({ profiles: 2_000, seed: 42 });
  [duck, click] = [new Engine(await openNodeDuckDB()), new Engine(await openChdb())];
  await duck.loadDataset(data);
  await click.loadDataset(data);
}, 120_000);
afterAll(async () => Promise.all([duck.close(), click.close()]));

async function both(doc: CampaignDoc, simulate = false) {
  const [d, c] = [await duck.counts(doc, { simulate }), await click.counts(doc, { simulate })];
  return { d, c };
}

describe('DuckDB and ClickHouse give the same numbers', () => {
  test('the reference campaign: every count, no error on either engine', async () => {
    const { d, c } = await both(reference);
    expect(d.errors).toEqual({});
    expect(c.errors).toEqual({});
    expect(Object.keys(d.counts).length).toBeGreaterThan(20);
    expect(c.counts).toEqual(d.counts);
  });

  test('the delivery simulation: every figure of every channel', async () => {
    const { d, c } = await both(reference, true);
    expect(c.errors).toEqual(d.errors);
    expect(Object.keys(d.figures ?? {}).length).toBeGreaterThan(0);
    expect(c.figures).toEqual(d.figures);
    expect(c.counts).toEqual(d.counts);
  });

  test('the report: every metric, breakdown and time point', async () => {
    await both(reference, true); // the report reads the simulation's tables
    const d = await duck.report(reference);
    expect(d.simulated).toBe(true);
    expect(Object.keys(d.totals).length).toBeGreaterThan(5);
    expect(await click.report(reference)).toEqual(d);
  });

  test('random campaigns: audiences, random splits and deduplications count the same', async () => {
    const rule = fc.constantFrom(
      { kind: 'attribute', id: 'c', path: ['country'], operator: 'equals', value: 'FR' },
      { kind: 'attribute', id: 'c', path: ['email'], operator: 'contains', value: 'mail' },
      { kind: 'attribute', id: 'c', path: ['email_opt_in'], operator: 'is-true' },
      { kind: 'attribute', id: 'c', path: ['birth_date'], operator: 'before', value: '1980-01-01' },
      { kind: 'attribute', id: 'c', path: ['last_name'], operator: 'starts-with', value: 'M' },
    );
    await fc.assert(
      fc.asyncProperty(rule, fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 1000 }), fc.boolean(), async (condition, percent, seed, dedup) => {
        const doc = campaign(
          [
            { id: 'a', type: 'build-audience', config: { targetDimension: 'profiles', rule: { kind: 'group', id: 'g', combinator: 'and', children: [condition] } } },
            { id: 'd', type: 'deduplication', config: { fields: [dedup ? 'last_name' : 'email'], method: 'random', complement: true } },
            { id: 's', type: 'split', config: { subsets: [{ id: 'x', label: 'X', limit: { kind: 'percent', value: percent }, order: { mode: 'random' } }], complement: true } },
            { id: 'e', type: 'end' },
          ],
          [['t1', 'a', 'd'], ['t2', 'd', 's'], ['t3', 's', 'e', 'x'], ['t4', 's', 'e', 'complement']],
        );
        const seeded = { ...doc, settings: { ...doc.settings, seed } };
        const { d, c } = await both(seeded);
        expect(c.errors).toEqual(d.errors);
        expect(c.counts).toEqual(d.counts);
        // The same records, not only as many.
        expect((await click.preview(seeded, 't3', 1000)).rows).toEqual((await duck.preview(seeded, 't3', 1000)).rows);
      }),
      { numRuns: 12 },
    );
  });
});
