// Beyond one browser (docs/running-on-larger-data.md#measured): the server engine on 10M sample
// profiles, and the same workload on the browser's engine, native DuckDB and ClickHouse at 1M, in
// Node (bench/scale-node.ts). Long: about half an hour on two cores. Usage: node scripts/bench.mjs scale
import { execFileSync } from 'node:child_process';

export async function run() {
  const out = execFileSync('npx', ['tsx', 'bench/scale-node.ts'], { encoding: 'utf8', maxBuffer: 1 << 22, env: process.env, stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').pop());
}
