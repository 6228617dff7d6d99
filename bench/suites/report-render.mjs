// The Report screen of the reference campaign (bench/reference-campaign.json) at 1,000,000
// profiles, in the app: from pressing "Report" in the editor of the simulated campaign to every key
// figure, breakdown, comparison, time series and funnel drawn. Each run is a fresh page load, so
// that nothing of an earlier report is in the page's cache. Definitions: docs/metrics.md.
// Usage: node scripts/bench.mjs report-render
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { median, round } from '../stats.mjs';

const campaign = readFileSync(new URL('../reference-campaign.json', import.meta.url));
const PROFILES = Number(process.env.BENCH_PROFILES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_REPORT_RUNS ?? 3);
const LONG = { timeout: 600_000 };

/** Resolves in the page once the report is drawn: its key figures, every chart in its place, nothing computing or updating; then two frames. */
function reportDrawn() {
  const marks = {};
  return new Promise((resolve) => {
    const check = () => {
      if (!marks.computing && [...document.querySelectorAll('h2')].some((h) => /Computing/.test(h.textContent ?? ''))) marks.computing = performance.now();
      if (!marks.figures && [...document.querySelectorAll('h2')].some((h) => h.textContent === 'Key figures')) marks.figures = performance.now();
      const ready = [...document.querySelectorAll('h2, h3')].some((h) => h.textContent === 'Key figures');
      const busy = [...document.querySelectorAll('[role="status"], h2')].some((s) => /Updating|Computing/.test(s.textContent ?? ''));
      const hosts = [...document.querySelectorAll('.report-figure__chart')];
      const charted = hosts.length > 0 && hosts.every((h) => h.childElementCount > 0);
      if (ready && !busy && charted) requestAnimationFrame(() => requestAnimationFrame(() => resolve({ at: performance.now(), ...marks })));
      else setTimeout(check, 10);
    };
    check();
  });
}

export async function run({ browser, baseURL }) {
  const results = { profiles: PROFILES, runs: RUNS, loadAverage1m: { before: round(loadavg()[0], 2) } };
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  // Imported once through the campaign list (small data: the list starts no engine).
  await page.goto(`${baseURL}/?profiles=1000#/`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import' }).first().click();
  await (await chooser).setFiles({ name: 'reference-campaign.json', mimeType: 'application/json', buffer: campaign });
  await page.getByRole('link', { name: 'Benchmark: reference campaign' }).click();
  await page.getByRole('application', { name: 'Campaign canvas' }).waitFor();
  const openUrl = `${baseURL}/?profiles=${PROFILES}${new URL(page.url()).hash}`;

  const times = [];
  const charts = [];
  const steps = [];
  for (let r = 0; r < RUNS; r++) {
    await page.goto('about:blank');
    await page.goto(openUrl);
    await page.getByRole('status', { name: 'Counts status' }).filter({ hasText: 'Counts up to date' }).waitFor(LONG);
    const bar = page.getByRole('region', { name: 'Canvas' });
    await bar.getByRole('button', { name: 'Simulate', exact: true }).click();
    await page.getByText(/^Simulated from \w{3} \d{1,2} \w{3} \d{4} \d{2}:\d{2} · seed \d+/).first().waitFor(LONG);
    const pressed = await page.evaluate(() => performance.now());
    await page.getByRole('link', { name: 'Report', exact: true }).click();
    const marks = await page.evaluate(reportDrawn);
    const drawn = marks.at;
    times.push(drawn - pressed);
    steps.push({ screen: marks.computing ? marks.computing - pressed : undefined, figures: marks.figures - pressed });
    charts.push(await page.locator('.report-figure__chart').count());
    process.stderr.write(`  report drawn ${round(drawn - pressed)} ms after pressing Report (run ${r + 1}): ${JSON.stringify(steps.at(-1))}\n`);
  }
  await context.close();
  results.reportDrawnMs = { median: median(times), runs: times.map((t) => round(t)), charts: charts[0], target: 1000 };
  results.loadAverage1m.after = round(loadavg()[0], 2);
  return results;
}
