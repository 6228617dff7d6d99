import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../engine/engine';
import { openNodeDuckDB } from '../engine/duckdb/node-duckdb';
import { SAMPLE_SIZES, sampleDataset } from '../engine/data/sample-dataset';
import { campaignTemplates, findTemplate, templateDoc } from './index';

/**
 * The templates run on the built-in sample data: every rule compiles and runs, and every
 * transition the engine computes carries people, so a marketer opening a template sees a working
 * campaign. Activities the engine cannot compute yet are tolerated (and their downstream).
 */
let engine: Engine;
beforeAll(async () => {
  engine = new Engine(await openNodeDuckDB());
  await engine.loadDataset(sampleDataset({ profiles: SAMPLE_SIZES.test, seed: 1 }));
}, 60_000); // generating and loading the data takes seconds on a busy machine
afterAll(async () => engine.close());

describe.each(campaignTemplates.map((t) => [t.id, t] as const))('%s on the sample data', (_id, template) => {
  it('computes without errors, with people on every computed transition', async () => {
    const doc = templateDoc(template);
    const result = await engine.counts(doc);
    expect(result.errors).toEqual({});
    for (const reason of Object.values(result.skipped)) expect(['not-computed', 'upstream', 'no-output']).toContain(reason);
    const audiences = doc.activities.filter((a) => a.type === 'build-audience').map((a) => a.id);
    for (const t of doc.transitions) {
      if (t.source.activityId in result.skipped) continue;
      expect(result.counts[t.id] ?? 0, t.id).toBeGreaterThan(0);
    }
    // Audiences always compute: their rules are what ties a template to the data model.
    for (const id of audiences) expect(result.skipped[id], id).toBeUndefined();
  });
});

it('the win-back holdout is a random tenth of the lapsed customers', async () => {
  const doc = templateDoc(findTemplate('win-back')!);
  const { counts, errors } = await engine.counts(doc);
  expect(errors).toEqual({});
  const lapsed = counts.tr_1!;
  expect(Math.abs(counts.tr_2! - lapsed * 0.1)).toBeLessThanOrEqual(1);
  expect(counts.tr_2! + counts.tr_3!).toBe(lapsed);
});
