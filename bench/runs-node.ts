// Runs over a simulated schedule (docs/lifecycle.md#runs), in Node on the same engine as the app:
// the reference campaign run at 30 daily launches on 100,000 profiles, each run carrying over the
// ones before it. Prints one JSON object: the median and total time of a run (see
// bench/suites/runs.mjs and docs/metrics.md). Usage: npx tsx bench/runs-node.ts
import { readFileSync } from 'node:fs';
import { Engine } from '../src/engine/engine';
import { openNodeDuckDB } from '../src/engine/duckdb/node-duckdb';
import { sampleDataset } from '../src/engine/data/sample-dataset';
import { parseCampaign } from '../src/domain/serialization';
import { scheduledRunLaunches } from '../src/domain/schedule/run-launches';
import { median, percentile, round } from './stats.mjs';

const PROFILES = Number(process.env.BENCH_RUNS_PROFILES ?? 100_000);
const DAYS = Number(process.env.BENCH_RUNS_DAYS ?? 30);

const parsed = parseCampaign(readFileSync(new URL('./reference-campaign.json', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error('the reference campaign does not parse');
// Daily at 09:00 (UTC) from 1 June 2025, the sample data's reference date being 30 June.
const doc = { ...parsed.doc, settings: { ...parsed.doc.settings, simulation: { launch: '2025-06-01T09:00' }, schedule: { kind: 'daily', time: '09:00', timeZone: 'UTC' } } };

const engine = new Engine(await openNodeDuckDB());
const dataset = sampleDataset({ profiles: PROFILES, seed: 42 });
await engine.loadDataset(dataset);
const until = new Date(Date.UTC(2025, 5, 1 + DAYS - 1, 9, 0)).toISOString().slice(0, 16);
const planned = scheduledRunLaunches(doc, dataset.model.referenceDate, until);
if (!planned.ok) throw new Error(planned.message);
const times: number[] = [];
let sent = 0;
const started = performance.now();
for (const [i, launch] of planned.launches.entries()) {
  const t = performance.now();
  const run = await engine.simulateRun(doc, `run-${i}`, launch);
  times.push(performance.now() - t);
  sent += run.totals.sent ?? 0;
}
const total = performance.now() - started;
await engine.close();
process.stdout.write(
  `${JSON.stringify({
    profiles: PROFILES,
    runs: times.length,
    sent,
    perRunMs: { median: median(times), p95: percentile(times, 95), first: round(times[0] ?? 0) },
    totalMs: round(total),
  })}\n`,
);
