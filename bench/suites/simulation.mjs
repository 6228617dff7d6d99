// The delivery simulation on the benchmark dataset (1,000,000 profiles) with the reference
// campaign and its channels, on the engine in Node (bench/simulation-node.ts): the whole simulation
// once counts are ready (median), a re-simulation after one rule edit (p95), memory over 20
// re-simulations. Definitions: docs/metrics.md. Usage: node scripts/bench.mjs simulation
import { execFileSync } from 'node:child_process';

export async function run() {
  const out = execFileSync('npx', ['tsx', 'bench/simulation-node.ts'], { encoding: 'utf8', maxBuffer: 1 << 20, env: process.env, stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').pop());
}
