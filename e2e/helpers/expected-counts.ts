import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { CampaignDoc } from '../../src/domain/campaign';
import { runCli } from '../../cli/run';
import { Engine } from '../../src/engine/engine';
import { openNodeDuckDB } from '../../src/engine/duckdb/node-duckdb';
import { sampleDataset } from '../../src/engine/data/sample-dataset';
import type { PlainRow } from '../../src/engine/rows';

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

/** The first `limit` rows (at most 1000, by key) of an entity of the sample data the specs load, read in Node. */
export async function sampleRows(entity: string, limit: number, profiles = 10_000): Promise<PlainRow[]> {
  const engine = new Engine(await openNodeDuckDB());
  try {
    await engine.loadDataset(sampleDataset({ profiles, seed: 42 }));
    return await engine.entityRows(entity, limit);
  } finally {
    await engine.close();
  }
}
