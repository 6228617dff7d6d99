import { describe, expect, test } from 'vitest';
import { sampleDataset } from './sample-dataset';
import { generateAhead } from './generate-ahead';

const rows = (d: ReturnType<typeof sampleDataset>) => [...d.tables[0]!.batches()].flatMap((b) => b.toArray().map((r) => JSON.stringify(r.toJSON())));

describe('generating the first table while DuckDB starts', () => {
  test('yields exactly the rows the dataset would, whether the opening takes long or not', async () => {
    const expected = rows(sampleDataset({ profiles: 2500, seed: 7 }));
    const slow = new Promise((resolve) => setTimeout(resolve, 200));
    const ahead = await generateAhead(sampleDataset({ profiles: 2500, seed: 7 }), slow);
    expect(rows(ahead)).toEqual(expected);
    const quick = await generateAhead(sampleDataset({ profiles: 2500, seed: 7 }), Promise.resolve());
    expect(rows(quick)).toEqual(expected);
  });

  test('generates while the opening is under way, and stops when it fails too', async () => {
    let generated = 0;
    const dataset = sampleDataset({ profiles: 10, seed: 1 });
    const counting = {
      ...dataset,
      tables: [{ entity: 'profiles', *batches() { for (let i = 0; i < 5; i++) { generated++; yield* dataset.tables[0]!.batches(); } } }, ...dataset.tables.slice(1)],
    };
    let fail!: (e: Error) => void;
    const opening = new Promise((_, reject) => (fail = reject));
    const pending = generateAhead(counting, opening);
    await new Promise((resolve) => setTimeout(resolve, 30));
    fail(new Error('no wasm'));
    const ahead = await pending;
    expect(generated).toBeGreaterThan(0);
    const before = generated;
    expect([...ahead.tables[0]!.batches()]).toHaveLength(5);
    expect(generated).toBe(5);
    expect(before).toBeLessThanOrEqual(5);
  });
});
