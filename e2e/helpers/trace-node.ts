import type { CampaignDoc } from '../../src/domain/campaign';
import { Engine } from '../../src/engine/engine';
import { openNodeDuckDB } from '../../src/engine/duckdb/node-duckdb';
import { sampleDataset } from '../../src/engine/data/sample-dataset';
import type { RecordTrace } from '../../src/engine/trace/trace-types';

/**
 * Records of the specs' sample data picked by the engine in the test's own process (the same
 * engine the command line runs): the first key, from 1, whose trace satisfies each predicate,
 * with that trace, so that a spec can compare the page's trace with it.
 */
export async function pickTracedRecords<K extends string>(doc: CampaignDoc, wanted: Record<K, (t: RecordTrace) => boolean>, options: { simulate: boolean; profiles?: number }): Promise<Record<K, RecordTrace>> {
  const engine = new Engine(await openNodeDuckDB());
  try {
    await engine.loadDataset(sampleDataset({ profiles: options.profiles ?? 10_000, seed: 42 }));
    await engine.counts(doc, { simulate: options.simulate });
    const found: Partial<Record<K, RecordTrace>> = {};
    const entries = Object.entries(wanted) as [K, (t: RecordTrace) => boolean][];
    for (let key = 1; key <= 2000 && Object.keys(found).length < Object.keys(wanted).length; key++) {
      const trace = await engine.trace(doc, String(key), { simulate: options.simulate });
      for (const [name, test] of entries) if (!found[name] && test(trace)) found[name] = trace;
    }
    for (const [name] of entries) if (!found[name]) throw new Error(`No record of the first 2000 is ${name}.`);
    return found as Record<K, RecordTrace>;
  } finally {
    await engine.close();
  }
}
