// Builds the app, makes sure a Chromium exists, then runs the Playwright suite.
import { spawnSync } from 'node:child_process';
import { chromiumExecutable } from './chromium-path.mjs';

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', shell: false });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!chromiumExecutable()) {
  console.log('No system Chromium found (set CHROMIUM_PATH or install /usr/bin/chromium); installing Playwright’s own.');
  run('npx', ['playwright', 'install', 'chromium']);
}
// Pages that do not choose a sample size (`?profiles=`) start with 10,000 profiles instead of
// 100,000: the specs that check counts compute their expectations on the size they ask for.
process.env.VITE_SAMPLE_PROFILES ??= '10000';
// The suite's build lets a spec stop the engine's workers as a crash would (window.engineFaults).
process.env.VITE_ENGINE_FAULTS ??= '1';
run('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', process.env.E2E_DIST ?? 'dist']);
run('npx', ['playwright', 'test', ...process.argv.slice(2)]);
