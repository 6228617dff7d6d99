import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { Engine } from '../engine';
import { openNodeDuckDB } from '../duckdb/node-duckdb';
import { openChdb } from './chdb-connection';
import { sampleDataset } from '../data/sample-dataset';
import { parseCampaignValue } from '../../domain/serialization';
import { eventTableNames } from '../simulation/event-tables';

/**
 * The Data screen answers the same on DuckDB and on ClickHouse, on the sample data: the first rows
 * of every table, the distribution of every field (the query modeler's value suggestions), and
 * the reference campaign's simulated event tables, paged and as CSV.
 */

let duck: Engine;
let click: Engine;
beforeAll(async () => {
  const data = sampleDataset({ profiles: 1_500, seed: 7 });
  [duck, click] = [new Engine(await openNodeDuckDB()), new Engine(await openChdb())];
  await duck.loadDataset(data);
  await click.loadDataset(data);
}, 120_000);
afterAll(async () => Promise.all([duck.close(), click.close()]));

test('the first rows of every table and the distribution of every field', async () => {
  const { model } = duck.dataset!;
  let fields = 0;
  for (const entity of model.entities) {
    expect(await click.entityRows(entity.name, 50), entity.name).toEqual(await duck.entityRows(entity.name, 50));
    for (const field of entity.fields) {
      fields++;
      expect(await click.distribution(entity.name, field.name, 20), `${entity.name}.${field.name}`).toEqual(await duck.distribution(entity.name, field.name, 20));
    }
  }
  expect(fields).toBeGreaterThan(30);
}, 240_000);

test('the event tables of a simulated campaign, paged and as CSV', async () => {
  const parsed = parseCampaignValue(JSON.parse(readFileSync(new URL('../../../bench/reference-campaign.json', import.meta.url), 'utf8')));
  if (!parsed.ok) throw new Error('bench/reference-campaign.json does not parse');
  const doc = parsed.doc;
  await duck.counts(doc, { simulate: true });
  await click.counts(doc, { simulate: true });
  expect(await click.eventTables(doc)).toEqual(await duck.eventTables(doc));
  for (const name of eventTableNames) {
    const d = await duck.events(doc, name, { offset: 5, limit: 40, csv: true });
    if (name !== 'steps') expect(d.total, name).toBeGreaterThan(40);
    expect(await click.events(doc, name, { offset: 5, limit: 40, csv: true }), name).toEqual(d);
  }
}, 240_000);

test('the event tables of a run of a simulated schedule', async () => {
  const parsed = parseCampaignValue(JSON.parse(readFileSync(new URL('../../../bench/reference-campaign.json', import.meta.url), 'utf8')));
  if (!parsed.ok) throw new Error('bench/reference-campaign.json does not parse');
  await duck.simulateRun(parsed.doc, 'run-1', '2025-07-01T09:00');
  await click.simulateRun(parsed.doc, 'run-1', '2025-07-01T09:00');
  for (const name of eventTableNames) {
    const d = await duck.simulatedRunEvents('run-1', name, { offset: 3, limit: 30, csv: true });
    if (name !== 'steps') expect(d.total, name).toBeGreaterThan(30);
    expect(await click.simulatedRunEvents('run-1', name, { offset: 3, limit: 30, csv: true }), name).toEqual(d);
  }
}, 240_000);
