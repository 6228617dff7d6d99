// Benchmarks on the production build in headless Chromium. Not a test: it measures and reports.
// Usage: npm run bench [-- <suite> ...]   (suites: see bench/suites/; default: all)
// Prints one JSON object and writes it to bench/results.json.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumExecutable } from './chromium-path.mjs';

const port = Number(process.env.BENCH_PORT ?? 4399);
const outDir = process.env.BENCH_DIST ?? 'dist-bench';
const baseURL = `http://127.0.0.1:${port}`;

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

async function waitForServer(url, ms = 60_000) {
  const start = Date.now();
  while (Date.now() - start < ms) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`server at ${url} did not start`);
}

if (!chromiumExecutable()) run('npx', ['playwright', 'install', 'chromium']);
run('npx', ['vite', 'build', '--logLevel', 'warn', '--outDir', outDir]);

const server = spawn('npx', ['vite', 'preview', '--port', String(port), '--strictPort', '--outDir', outDir], {
  stdio: 'ignore',
  detached: true,
});
const stopServer = () => {
  try {
    process.kill(-server.pid);
  } catch {
    /* already gone */
  }
};
process.on('exit', stopServer);

const wanted = process.argv.slice(2);
const suiteFiles = readdirSync(new URL('../bench/suites/', import.meta.url))
  .filter((f) => f.endsWith('.mjs'))
  .filter((f) => wanted.length === 0 || wanted.includes(f.replace(/\.mjs$/, '')));

// Suites not run this time keep their last results in bench/results.json.
const resultsFile = new URL('../bench/results.json', import.meta.url);
let previous = {};
try {
  previous = JSON.parse(readFileSync(resultsFile, 'utf8'));
} catch {
  /* first run */
}
const results = { ...previous, date: new Date().toISOString(), machine: { cores: (await import('node:os')).cpus().length } };
try {
  await waitForServer(baseURL);
  const executablePath = chromiumExecutable();
  const browser = await chromium.launch({
    ...(executablePath ? { executablePath } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--enable-precise-memory-info',
      '--js-flags=--expose-gc',
      // The page's memory measurement answers at once instead of at the next collection.
      '--enable-blink-features=ForceEagerMeasureMemory',
    ],
  });
  for (const file of suiteFiles) {
    const name = file.replace(/\.mjs$/, '');
    const suite = await import(new URL(`../bench/suites/${file}`, import.meta.url).href);
    process.stderr.write(`bench: ${name}…\n`);
    results[name] = await suite.run({ browser, baseURL });
  }
  await browser.close();
} finally {
  stopServer();
}
const json = JSON.stringify(results, null, 2);
writeFileSync(resultsFile, `${json}\n`);
process.stdout.write(`${json}\n`);
process.exit(0);
