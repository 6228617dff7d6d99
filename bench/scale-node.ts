// The scale benchmark (bench/suites/scale.mjs, docs/running-on-larger-data.md#measured). Prints
// one JSON object. Usage: npx tsx bench/scale-node.ts
//
// 1. The server engine (`npm run serve`, native DuckDB with a database file) on SCALE_PROFILES
//    sample profiles (10M by default, about 100M web events): load time, every count of the
//    reference campaign from cold, a rule edit to counts, Calculate, and the server's peak memory.
// 2. On COMPARE_PROFILES (1M by default), in one run: the same workload on the browser's engine
//    (DuckDB-WASM, here in Node), on native DuckDB, and on ClickHouse (embedded), with the
//    ratios of their times and a fingerprint of their counts, which must agree.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openNodeDuckDB } from '../src/engine/duckdb/node-duckdb';
import { openNativeDuckDB } from '../src/engine/duckdb/native-duckdb';
import { openWarehouse } from '../src/engine/clickhouse/open-warehouse';
import { httpTarget, inProcessTarget, type EngineTarget } from './scale/engine-target';
import { runWorkload } from './scale/reference-workload';
import { round } from './stats.mjs';

const SCALE_PROFILES = Number(process.env.SCALE_PROFILES ?? 10_000_000);
const COMPARE_PROFILES = Number(process.env.COMPARE_PROFILES ?? 1_000_000);
const EDITS = Number(process.env.BENCH_EDITS ?? 20);
const PORT = Number(process.env.SCALE_PORT ?? 7790);
const TOKEN = 'scale-benchmark';
const log = (text: string) => process.stderr.write(`  scale: ${text}\n`);

/** Starts `npm run serve` on a database file in `dir`; resolves once it answers. */
async function startServer(dir: string, profiles: number): Promise<{ target: EngineTarget; stop: () => void }> {
  const args = ['--import', 'tsx', 'server/serve.ts', '--profiles', String(profiles), '--db', join(dir, 'scale.duckdb'), '--port', String(PORT), '--token', TOKEN];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  const stop = () => child.kill('SIGTERM');
  process.on('exit', stop);
  const url = `http://127.0.0.1:${PORT}`;
  const target = httpTarget(`server (native DuckDB), ${profiles.toLocaleString('en')} profiles`, url, TOKEN, child.pid);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server stopped (exit ${child.exitCode})`);
    try {
      await target.request('ping', {});
      return { target, stop };
    } catch {
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

const results: Record<string, unknown> = { scaleProfiles: SCALE_PROFILES, compareProfiles: COMPARE_PROFILES };

// 1. The server engine at scale (SCALE_PROFILES=0 leaves it out).
if (SCALE_PROFILES > 0) {
  const dir = mkdtempSync(join(tmpdir(), 'campaign-canvas-scale-'));
  const started = performance.now();
  const { target, stop } = await startServer(dir, SCALE_PROFILES);
  try {
    // The server loads its data as it starts: `dataset` answers once it is in.
    await target.request('dataset', {});
    const readyMs = round(performance.now() - started);
    log(`server ready after ${readyMs} ms`);
    const workload = await runWorkload(target, { edits: EDITS, startedAt: started });
    results.server = { readyMs, ...workload };
    log(`server: ${JSON.stringify(results.server)}`);
  } finally {
    stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

// 2. The same workload on each engine at the comparison size (COMPARE_PROFILES=0 leaves it out).
if (COMPARE_PROFILES > 0) {
  const runs: Record<string, Awaited<ReturnType<typeof runWorkload>>> = {};
  const chdbDir = mkdtempSync(join(tmpdir(), 'campaign-canvas-chdb-'));
  const engines: [string, () => EngineTarget][] = [
    ['browser', () => inProcessTarget('DuckDB-WASM (the browser engine), in Node', openNodeDuckDB)],
    ['native', () => inProcessTarget('native DuckDB (the server engine)', () => openNativeDuckDB())],
    ['clickhouse', () => inProcessTarget('ClickHouse (embedded chdb)', () => openWarehouse(`chdb://${chdbDir}`))],
  ];
  for (const [name, make] of engines) {
    const target = make();
    try {
      runs[name] = await runWorkload(target, { load: COMPARE_PROFILES, edits: EDITS });
      log(`${name}: ${JSON.stringify(runs[name])}`);
    } finally {
      await target.close();
    }
  }
  rmSync(chdbDir, { recursive: true, force: true });
  const ratio = (a: string, b: string, f: (r: Record<string, unknown>) => number) => (runs[a] && runs[b] ? round(f(runs[a]) / f(runs[b]), 2) : null);
  const cold = (r: Record<string, unknown>) => r.allCountsColdMs as number;
  const edit = (r: Record<string, unknown>) => (r.editToCountsMs as { median: number }).median;
  results.compare = {
    runs,
    browserOverServer: { cold: ratio('browser', 'native', cold), edit: ratio('browser', 'native', edit) },
    clickhouseOverDuckdb: { cold: ratio('clickhouse', 'native', cold), edit: ratio('clickhouse', 'native', edit) },
    countsAgree: new Set(Object.values(runs).map((r) => r.countsChecksum)).size === 1,
  };
}

process.stdout.write(`${JSON.stringify(results)}\n`);
process.exit(0);
