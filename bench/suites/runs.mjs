// Runs over a simulated schedule: the reference campaign at 30 daily launches on 100,000 profiles,
// on the engine in Node (bench/runs-node.ts): median time per run, and the total.
// Usage: node scripts/bench.mjs runs
import { execFileSync } from 'node:child_process';

export async function run() {
  const out = execFileSync('npx', ['tsx', 'bench/runs-node.ts'], { encoding: 'utf8', maxBuffer: 1 << 20, env: process.env, stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').pop());
}
