import { describe, expect, test } from 'vitest';
import { readFile } from 'node:fs/promises';
import { EngineClient, getEngineClient } from './client';
import { inProcessWorker } from './testing/in-process-worker';
import type { DataSource } from './protocol';
import { parseCampaign } from '../domain/serialization';

async function shopSource(): Promise<DataSource> {
  const dir = 'cli/fixtures/shop-data';
  return {
    kind: 'csv',
    model: await readFile(`${dir}/data-model.json`, 'utf8'),
    files: await Promise.all(['customers.csv', 'orders.csv'].map(async (name) => ({ name, text: await readFile(`${dir}/${name}`, 'utf8') }))),
  };
}

async function shopCampaign() {
  const parsed = parseCampaign(await readFile('cli/fixtures/shop-campaign.json', 'utf8'));
  if (!parsed.ok) throw new Error('fixture campaign does not parse');
  return parsed.doc;
}

describe('engine client over the worker protocol', () => {
  test('starts lazily, loads the initial data, answers counts', async () => {
    const counter = { created: 0 };
    const client = new EngineClient({ createWorker: inProcessWorker(counter), initialData: await shopSource() });
    expect(counter.created).toBe(0);
    const doc = await shopCampaign();
    const [a, b] = await Promise.all([client.dataset(), client.sql(doc)]);
    expect(counter.created).toBe(1);
    expect(a.rowCounts).toEqual({ customers: 5, orders: 4 });
    expect(b.sql.vip).toMatch(/CREATE TEMP TABLE/);
    expect((await client.counts(doc)).counts).toEqual({ t_vip_all: 3, t_vip: 3, t_buyers_all: 3, t_buyers: 3, t_both: 2, t_sent: 2, t_vip2: 3, t_buyers2: 3, t_only_vip: 1, t_texted: 1 });
  });

  test('a newer counts request makes the older one reject as aborted', async () => {
    const client = new EngineClient({ createWorker: inProcessWorker({ created: 0 }), initialData: await shopSource() });
    const doc = await shopCampaign();
    const older = client.counts(doc);
    const newer = client.counts(doc);
    await expect(older).rejects.toMatchObject({ name: 'AbortError' });
    expect((await newer).counts.t_both).toBe(2);
  });

  test('an abort signal stops waiting', async () => {
    const client = new EngineClient({ createWorker: inProcessWorker({ created: 0 }), initialData: await shopSource() });
    const controller = new AbortController();
    const p = client.counts(await shopCampaign(), controller.signal);
    controller.abort();
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
  });

  test('errors are rebuilt with their name and message', async () => {
    const client = new EngineClient({ createWorker: inProcessWorker({ created: 0 }), initialData: await shopSource() });
    await expect(client.preview(await shopCampaign(), 'nope')).rejects.toMatchObject({ name: 'EngineError', message: 'No transition nope.' });
  });

  test('a bad import returns its problems and keeps the data in use', async () => {
    const client = new EngineClient({ createWorker: inProcessWorker({ created: 0 }), initialData: await shopSource() });
    const source = await shopSource();
    if (source.kind !== 'csv') throw new Error('csv expected');
    const bad = await client.importCsv(source.model, [source.files[0]!, { name: 'orders.csv', text: 'order_id,customer_id,total,ordered_at\n1,99,1,\n' }]);
    expect(bad).toEqual({ ok: false, problems: [{ file: 'orders.csv', line: 2, column: 2, message: 'customer_id: no customers has id 99 (link customer)' }] });
    expect((await client.counts(await shopCampaign())).counts.t_both).toBe(2);
    expect(await client.distribution('customers', 'segment')).toEqual([
      { value: 'a', count: 3, share: 0.6 },
      { value: 'b', count: 2, share: 0.4 },
    ]);
  });

  test('the shared client is created once', () => {
    expect(getEngineClient()).toBe(getEngineClient({ initialData: { kind: 'sample', profiles: 10, seed: 1 } }));
  });
});
