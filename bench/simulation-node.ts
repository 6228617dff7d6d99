// The delivery simulation on the benchmark dataset, in Node on the same engine as the app: the
// reference campaign counted, then simulated, then 20 records traced. Prints one JSON object (see bench/suites/simulation.mjs
// and docs/metrics.md). Usage: npx tsx bench/simulation-node.ts
import { readFileSync } from 'node:fs';
import { Engine } from '../src/engine/engine';
import { openNodeDuckDB } from '../src/engine/duckdb/node-duckdb';
import { sampleDataset } from '../src/engine/data/sample-dataset';
import { parseCampaign } from '../src/domain/serialization';
import type { CampaignDoc } from '../src/domain/campaign';
import { median, percentile, round } from './stats.mjs';

const PROFILES = Number(process.env.BENCH_PROFILES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_SIM_RUNS ?? 3);
const EDITS = Number(process.env.BENCH_EDITS ?? 20);
const TRACES = Number(process.env.BENCH_TRACES ?? 20);

const parsed = parseCampaign(readFileSync(new URL('./reference-campaign.json', import.meta.url), 'utf8'));
if (!parsed.ok) throw new Error('the reference campaign does not parse');
const reference = parsed.doc;

/** The campaign launched `minutes` after 09:00 on 2025-03-03: only the channels' tables change. */
function launchedAt(doc: CampaignDoc, minutes: number): CampaignDoc {
  const at = new Date(Date.UTC(2025, 2, 3, 9, minutes)).toISOString().slice(0, 16);
  return { ...doc, settings: { ...doc.settings, simulation: { launch: at } } };
}

/** New sign-ups "in the last 7 + n days": one rule edit, as a person types it. */
function edited(doc: CampaignDoc, n: number): CampaignDoc {
  return {
    ...doc,
    activities: doc.activities.map((a) => {
      if (a.id !== 'ws_act_signups') return a;
      const rule = a.config.rule as { children: { value?: unknown }[] };
      return { ...a, config: { ...a.config, rule: { ...rule, children: rule.children.map((c, i) => (i === 0 ? { ...c, value: 7 + n } : c)) } } };
    }),
  };
}

const connection = await openNodeDuckDB();
const memoryMB = () => {
  const m = process.memoryUsage();
  // The figure: the JS heap plus DuckDB-WASM's linear memory (which Node counts in neither
  // heapUsed nor arrayBuffers). rss, for reference, also holds Node's own code, compiled wasm and
  // pages freed but not given back.
  const wasm = connection.wasmMemoryBytes?.() ?? 0;
  return { jsAndWasmMB: round((m.heapUsed + wasm) / 2 ** 20), heapMB: round(m.heapUsed / 2 ** 20), wasmMB: round(wasm / 2 ** 20), buffersMB: round(m.arrayBuffers / 2 ** 20), rssMB: round(m.rss / 2 ** 20) };
};

const engine = new Engine(connection);
await engine.loadDataset(sampleDataset({ profiles: PROFILES, seed: 42 }));
await engine.counts(reference);

// CPU time of this process too (DuckDB-WASM computes on this thread): on a shared machine the
// wall-clock time stretches with the other processes' load, the CPU time much less.
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};
const whole: number[] = [];
const wholeCpu: number[] = [];
let figures = 0;
for (let r = 0; r < RUNS; r++) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const result = await engine.counts(launchedAt(reference, r), { simulate: true });
  whole.push(performance.now() - started);
  wholeCpu.push(cpuMs(cpu));
  figures = Object.keys(result.figures ?? {}).length;
}
const resimulate: number[] = [];
const resimulateCpu: number[] = [];
const memory: ReturnType<typeof memoryMB>[] = [];
for (let i = 1; i <= EDITS; i++) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  await engine.counts(edited(launchedAt(reference, RUNS - 1), i), { simulate: true });
  resimulate.push(performance.now() - started);
  resimulateCpu.push(cpuMs(cpu));
  memory.push(memoryMB());
}
// The trace of one record (docs/trace.md) on the simulated campaign once its counts are there:
// records spread over the whole dimension, each read from the working tables and event tables.
const simulated = edited(launchedAt(reference, RUNS - 1), EDITS);
const traces: number[] = [];
for (let i = 0; i < TRACES; i++) {
  const started = performance.now();
  await engine.trace(simulated, String(1 + Math.floor((i * PROFILES) / TRACES)), { simulate: true });
  traces.push(performance.now() - started);
}
// The report of a fresh simulation (each at another launch, so that every channel's tables are
// new), then the same report cut by one channel activity.
const report: number[] = [];
const reportFiltered: number[] = [];
const reportOnScreen: number[] = [];
for (let r = 0; r < RUNS; r++) {
  const doc = launchedAt(reference, 100 + r);
  await engine.counts(doc, { simulate: true });
  let started = performance.now();
  const result = await engine.report(doc);
  report.push(performance.now() - started);
  const first = result.funnels[0]?.key;
  started = performance.now();
  await engine.report(doc, first ? { filters: { activities: [first] } } : {});
  reportFiltered.push(performance.now() - started);
  // As the Report screen first asks for it (every breakdown but the one by email domain), on
  // tables no report read yet: the next launch's.
  const next = launchedAt(reference, 200 + r);
  await engine.counts(next, { simulate: true });
  started = performance.now();
  await engine.report(next, { omitDomain: true });
  reportOnScreen.push(performance.now() - started);
}
await engine.close();
process.stdout.write(
  `${JSON.stringify({
    profiles: PROFILES,
    activitiesWithFigures: figures,
    wholeSimulationMs: { median: median(whole), runs: whole.map((x) => round(x)), cpuMedian: median(wholeCpu) },
    resimulateAfterEditMs: { p95: percentile(resimulate, 95), median: median(resimulate), cpuP95: percentile(resimulateCpu, 95), cpuMedian: median(resimulateCpu) },
    reportMs: { median: median(report), runs: report.map((x) => round(x)), filteredMedian: median(reportFiltered), withoutDomainMedian: median(reportOnScreen) },
    traceMs: { p95: percentile(traces, 95), median: median(traces) },
    memory: { first: memory[0], last: memory[memory.length - 1], growthMB: round((memory[memory.length - 1]?.jsAndWasmMB ?? 0) - (memory[0]?.jsAndWasmMB ?? 0)), rssGrowthMB: round((memory[memory.length - 1]?.rssMB ?? 0) - (memory[0]?.rssMB ?? 0)), target: 1500 },
  })}\n`,
);
