import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { CampaignDoc } from '../../src/domain/campaign';
import { runCli } from '../../cli/run';
import { Engine } from '../../src/engine/engine';
import { openNodeDuckDB } from '../../src/engine/duckdb/node-duckdb';
import { sampleDataset } from '../../src/engine/data/sample-dataset';

/**
 * Expected counts computed outside the browser: the campaign as the editor exports it, evaluated by
 * the command-line tool on the same sample data as the page (`?profiles=`, seed 42), so that a
 * spec compares the canvas with the engine rather than with numbers written by hand.
 */

/** The open campaign's document, through the editor's Export JSON button. */
export async function exportedDoc(page: Page): Promise<CampaignDoc> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const file = await download;
  return JSON.parse(readFileSync(await file.path(), 'utf8')) as CampaignDoc;
}

/**
 * Counts per transition id of `doc`, computed by the command-line tool (`npm run campaign --
 * counts`), run in the test's own process: the same code and a fresh engine, without starting a
 * new Node for each count.
 */
export async function nodeCounts(doc: CampaignDoc, profiles = 10_000): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'cc-counts-'));
  const file = join(dir, 'campaign.json');
  writeFileSync(file, JSON.stringify(doc));
  const run = await runCli(['counts', file, '--profiles', String(profiles)]);
  if (!run.stdout.trim().startsWith('{')) throw new Error(`campaign counts failed (${run.code}): ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, number>;
}

/** The id of the transition between two activities, by their labels. */
export function transitionId(doc: CampaignDoc, from: string, to: string, port?: string): string {
  const id = (label: string) => doc.activities.find((a) => a.label === label)?.id;
  const t = doc.transitions.find((x) => x.source.activityId === id(from) && x.target.activityId === id(to) && (port === undefined || x.source.port === port));
  if (!t) throw new Error(`no transition from ${from} to ${to}`);
  return t.id;
}

/** The activity of `doc` with this label. */
export function activityByLabel(doc: CampaignDoc, label: string) {
  const a = doc.activities.find((x) => x.label === label);
  if (!a) throw new Error(`no activity ${label}`);
  return a;
}

/**
 * Every value of a field of the sample data the specs load (by key), read in Node straight from
 * DuckDB, so that a spec can work out an expected count by hand rather than by the engine's SQL.
 */
export async function sampleValues(entity: string, field: string, profiles = 10_000): Promise<unknown[]> {
  const conn = await openNodeDuckDB();
  const engine = new Engine(conn);
  try {
    await engine.loadDataset(sampleDataset({ profiles, seed: 42 }));
    const e = engine.dataset!.model.entities.find((x) => x.name === entity)!;
    const schema = (await conn.query(`SELECT table_schema AS s FROM information_schema.tables WHERE table_name = '${e.name}' AND table_schema LIKE 'ds_%' LIMIT 1`)).toArray()[0]!.toJSON().s as string;
    const t = await conn.query(`SELECT "${field}" AS v FROM "${schema}"."${e.name}" ORDER BY "${e.primaryKey}"`);
    return t.toArray().map((r) => (r.toJSON() as { v: unknown }).v);
  } finally {
    await engine.close();
  }
}
