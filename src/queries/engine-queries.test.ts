import { describe, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import { QueryClient } from '@tanstack/react-query';
import { EngineClient } from '../engine/client';
import { inProcessWorker } from '../engine/testing/in-process-worker';
import { parseCampaign } from '../domain/serialization';
import {
  campaignComputeKey,
  countsQuery,
  datasetQuery,
  dependsOnEngineState,
  engineKeys,
  previewQuery,
  readsSavedAudiences,
  runsQuery,
  savedAudiencesQuery,
  sqlQuery,
} from './engine-queries';

async function setup() {
  const dir = 'cli/fixtures/shop-data';
  const client = new EngineClient({
    createWorker: inProcessWorker({ created: 0 }),
    initialData: {
      kind: 'csv',
      model: await readFile(`${dir}/data-model.json`, 'utf8'),
      files: await Promise.all(
        ['customers.csv', 'orders.csv'].map(async (name) => ({
          name,
          text: await readFile(`${dir}/${name}`, 'utf8'),
        })),
      ),
    },
  });
  const parsed = parseCampaign(await readFile('cli/fixtures/shop-campaign.json', 'utf8'));
  if (!parsed.ok) throw new Error('fixture does not parse');
  return { client, doc: parsed.doc, queries: new QueryClient() };
}

describe('engine queries', () => {
  test('the compute key ignores layout and labels, not configuration', async () => {
    const { doc } = await setup();
    const moved = {
      ...doc,
      activities: doc.activities.map((a) => ({
        ...a,
        position: { x: a.position.x + 10, y: 3 },
        label: `${a.label}!`,
      })),
    };
    expect(campaignComputeKey(moved)).toBe(campaignComputeKey(doc));
    const edited = {
      ...doc,
      activities: doc.activities.map((a) =>
        a.id === 'both' ? { ...a, config: { ...a.config, mode: 'union' } } : a,
      ),
    };
    expect(campaignComputeKey(edited)).not.toBe(campaignComputeKey(doc));
    const disabled = {
      ...doc,
      activities: doc.activities.map((a) => (a.id === 'vip' ? { ...a, disabled: true } : a)),
    };
    expect(campaignComputeKey(disabled)).not.toBe(campaignComputeKey(doc));
    // Campaign variables change what a Test activity counts: a new value is a new key.
    const summer = { ...doc, settings: { ...doc.settings, variables: [{ name: 'season', value: 'summer' }] } };
    const winter = { ...doc, settings: { ...doc.settings, variables: [{ name: 'season', value: 'winter' }] } };
    expect(campaignComputeKey(summer)).not.toBe(campaignComputeKey(winter));
    expect(campaignComputeKey({ ...doc, settings: { ...doc.settings, variables: [] } })).toBe(campaignComputeKey(doc));
  });

  test('the compute key is remembered per document part, and follows each part that changes', async () => {
    const { doc } = await setup();
    const first = campaignComputeKey(doc);
    // The same activities with other transitions or another seed: the remembered key is not reused.
    const unwired = { ...doc, transitions: doc.transitions.slice(1) };
    expect(campaignComputeKey(unwired)).not.toBe(first);
    const reseeded = { ...doc, settings: { ...doc.settings, seed: doc.settings.seed + 1 } };
    expect(campaignComputeKey(reseeded)).not.toBe(first);
    // Back to the original parts: the original key, as computed from scratch.
    expect(campaignComputeKey(doc)).toBe(first);
    expect(campaignComputeKey(structuredClone(doc))).toBe(first);
  });

  test('counts, preview and SQL through a query client', async () => {
    const { client, doc, queries } = await setup();
    const dataset = await queries.fetchQuery(datasetQuery(client));
    const counts = await queries.fetchQuery(countsQuery(client, dataset.version, doc));
    expect(counts.counts.t_both).toBe(2);
    const preview = await queries.fetchQuery(previewQuery(client, dataset.version, doc, 't_only_vip'));
    expect(preview.rows).toEqual([{ id: 5, name: 'Eve' }]);
    const sql = await queries.fetchQuery(sqlQuery(client, dataset.version, doc));
    expect(sql.sql.only_vip).toMatch(/NOT \(p\."id" IN/);
    // Same key, cached: no second request to the engine.
    const again = await queries.fetchQuery(countsQuery(client, dataset.version, { ...doc, name: 'renamed' }));
    expect(again).toBe(counts);
  });

  test('runs and saved audiences through a query client; which queries a run refreshes', async () => {
    const { client, doc, queries } = await setup();
    const dataset = await queries.fetchQuery(datasetQuery(client));
    expect(await queries.fetchQuery(runsQuery(client, dataset.version, doc.id))).toEqual([]);
    await client.recordRun(doc, '2025-06-30T10:00:00.000Z');
    // Cached until invalidated: the hook that records a run invalidates it.
    expect(await queries.fetchQuery(runsQuery(client, dataset.version, doc.id))).toEqual([]);
    await queries.invalidateQueries({ predicate: (q) => dependsOnEngineState(q.queryKey) });
    expect(
      (await queries.fetchQuery(runsQuery(client, dataset.version, doc.id))).map((r) => r.runAt),
    ).toEqual(['2025-06-30T10:00:00.000Z']);
    expect((await queries.fetchQuery(savedAudiencesQuery(client, dataset.version))).audiences).toEqual([]);

    expect(dependsOnEngineState(engineKeys.counts('v', 'k'))).toBe(true);
    expect(dependsOnEngineState(engineKeys.savedAudiences('v'))).toBe(true);
    expect(dependsOnEngineState(engineKeys.dataset())).toBe(false);
    expect(dependsOnEngineState(engineKeys.entityRows('v', 'customers', 10))).toBe(false);
    expect(dependsOnEngineState(engineKeys.distribution('v', 'customers', 'vip'))).toBe(false);
  });

  test('counts of a campaign reading a saved audience are refreshed when shown again', async () => {
    const { client, doc } = await setup();
    expect(readsSavedAudiences(doc)).toBe(false);
    expect(countsQuery(client, 'v', doc).staleTime).toBe(Infinity);
    const reading = {
      ...doc,
      activities: doc.activities.map((a) =>
        a.id === 'vip' ? { ...a, config: { ...a.config, source: 'audience', audienceName: 'VIP' } } : a,
      ),
    };
    expect(readsSavedAudiences(reading)).toBe(true);
    expect(countsQuery(client, 'v', reading).staleTime).toBe(0);
  });
});
