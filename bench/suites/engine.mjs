// The evaluator on the benchmark dataset (1,000,000 profiles, ~10M web events, ~3M purchases) with
// the reference campaign (bench/reference-campaign.json, 25 activities). Everything is read from
// what the page shows (the counts status line, counts on transitions, the query modeler's total)
// and from two performance marks the app sets (`cc:engine-ready`, `cc:counts-ready`). Definitions:
// docs/metrics.md. Usage: node scripts/bench.mjs engine
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { median, percentile, round } from '../stats.mjs';
import { initialJavaScript } from '../initial-js.mjs';
import { rendererMemoryMB } from '../renderer-memory.mjs';

const campaign = readFileSync(new URL('../reference-campaign.json', import.meta.url));
const PROFILES = Number(process.env.BENCH_PROFILES ?? 1_000_000);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 3);
const EDITS = Number(process.env.BENCH_EDITS ?? 20);
const REOPEN_RUNS = Number(process.env.BENCH_REOPEN_RUNS ?? 3);
const ACTIVITIES = 25;
const LONG = { timeout: 600_000 };

// Installed before the app runs: when the canvas first shows every activity, and every change of
// the counts status line with its time, so that durations come from the page's own clock.
function pageProbes(activities) {
  const w = window;
  w.__cc = { canvasAt: undefined, status: [], totals: [] };
  const observer = new MutationObserver(() => {
    if (w.__cc.canvasAt === undefined && document.querySelectorAll('.react-flow__node').length >= activities) {
      const visible = [...document.querySelectorAll('.react-flow__node')].every((n) => n.getBoundingClientRect().width > 0);
      if (visible) w.__cc.canvasAt = performance.now();
    }
    const status = document.querySelector('[role="status"][aria-label="Counts status"]');
    const text = status?.getAttribute('data-phase');
    const last = w.__cc.status[w.__cc.status.length - 1];
    if (text && text !== last?.phase) w.__cc.status.push({ phase: text, at: performance.now() });
    const total = document.querySelector('aside output.qm-total')?.textContent ?? '';
    if (total !== w.__cc.totals[w.__cc.totals.length - 1]?.text) w.__cc.totals.push({ text: total, at: performance.now() });
  });
  document.addEventListener('DOMContentLoaded', () => observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-phase'] }));
  // The moment an edit is committed (Enter in a field) or a button is pressed, page clock.
  addEventListener('keydown', (e) => { if (e.key === 'Enter') w.__cc.enterAt = performance.now(); }, true);
  addEventListener('pointerdown', () => { w.__cc.pointerAt = performance.now(); }, true);
}

const mark = (page, name) => page.evaluate((n) => performance.getEntriesByName(n, 'mark')[0]?.startTime ?? null, name);

/**
 * Forgets the data and counts the browser kept (docs/engine.md, "Kept between visits"), so that
 * the next page load is a first visit. Run on a page that holds no engine (the campaign list on
 * small data), since the engine's DuckDB holds the kept file open.
 */
async function forgetKeptData(page, baseURL) {
  // A new document: the engine of the page before (and the files it holds open) is gone.
  await page.goto('about:blank');
  await page.goto(`${baseURL}/?profiles=1000#/`);
  await page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    const names = [];
    for await (const name of root.keys()) if (name.startsWith('cc-kept-')) names.push(name);
    for (const name of names) await root.removeEntry(name).catch(() => undefined);
    await new Promise((resolve) => {
      const request = indexedDB.deleteDatabase('campaign-canvas-kept-counts');
      request.onsuccess = request.onerror = request.onblocked = resolve;
    });
  });
}

/** Waits, on the Data screen of the page's running app, until its data is kept; back to `url` after. */
async function waitUntilKept(page, url) {
  await page.evaluate(() => (location.hash = '#/data'));
  await page.getByText('Yes: the next visit opens it without loading it again').waitFor(LONG);
  await page.evaluate((u) => (location.hash = new URL(u).hash), url);
}

export async function run({ browser, baseURL }) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(pageProbes, ACTIVITIES);

  // The campaign is imported once through the campaign list (small data: the list starts no engine).
  await page.goto(`${baseURL}/?profiles=1000#/`);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import' }).first().click();
  await (await chooser).setFiles({ name: 'reference-campaign.json', mimeType: 'application/json', buffer: campaign });
  await page.getByRole('link', { name: 'Benchmark: reference campaign' }).click();
  await page.getByRole('application', { name: 'Campaign canvas' }).waitFor();
  const editorUrl = new URL(page.url());
  const openUrl = `${baseURL}/?profiles=${PROFILES}${editorUrl.hash}`;
  const status = page.getByRole('status', { name: 'Counts status' });

  // Cold runs: a fresh page load each, the dataset generated and loaded, every count computed.
  const engineReady = [];
  const canvasInteractive = [];
  const countsFromReady = [];
  const countsFromNavigation = [];
  for (let r = 0; r < COLD_RUNS; r++) {
    // A first visit each time: nothing kept by the previous run is read.
    await forgetKeptData(page, baseURL);
    // A new document each time (the same URL again would only be a hash change).
    await page.goto('about:blank');
    await page.goto(openUrl);
    await status.filter({ hasText: 'Counts up to date' }).waitFor(LONG);
    const ready = await mark(page, 'cc:engine-ready');
    const counted = await mark(page, 'cc:counts-ready');
    engineReady.push(ready);
    canvasInteractive.push(await page.evaluate(() => window.__cc.canvasAt ?? null));
    countsFromReady.push(counted - ready);
    countsFromNavigation.push(counted);
    process.stderr.write(`  cold run ${r + 1}: engine ready ${round(ready)} ms, counts ${round(counted - ready)} ms after\n`);
  }
  const transitionsCounted = await page.locator('.cv-edge-label__count[data-count]').count();

  // Edits: a condition of "Enterprise contacts" (through the account link) gets another value;
  // time from Enter to the status line saying counts are up to date again.
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await page.getByRole('application', { name: 'Campaign canvas' }).getByRole('group', { name: 'Enterprise contacts', exact: true }).click();
  const value = inspector.getByRole('spinbutton', { name: /^Value of/ }).or(inspector.getByRole('textbox', { name: /^Value of .*[Ee]mployees/ })).first();
  await value.waitFor();
  const editMs = [];
  const memory = [];
  for (let i = 0; i < EDITS; i++) {
    await value.fill(String(60 + i));
    const before = await page.evaluate(() => window.__cc.status.length);
    await value.press('Enter');
    await page.waitForFunction((n) => {
      const s = window.__cc.status.slice(n);
      return s.some((x) => x.phase === 'computing') && s[s.length - 1].phase === 'up-to-date';
    }, before, LONG);
    const t = await page.evaluate((n) => {
      const s = window.__cc.status.slice(n);
      return s[s.length - 1].at - window.__cc.enterAt;
    }, before);
    editMs.push(t);
    if (i === 0 || i === EDITS - 1) memory.push(await memoryNow(page, context));
  }

  // One Build audience count: the query modeler's Calculate on a rule no table holds yet. The
  // audience is disabled first, so the campaign's own counts do not compute its rule beforehand.
  await inspector.getByRole('switch', { name: /Enabled/ }).click({ force: true });
  await status.filter({ hasText: 'Counts up to date' }).waitFor(LONG);
  const calculate = inspector.getByRole('button', { name: 'Calculate' });
  const audienceMs = [];
  for (let i = 0; i < EDITS; i++) {
    await value.fill(String(200 + i));
    await value.press('Enter');
    await status.filter({ hasText: 'Counts up to date' }).waitFor(LONG);
    const before = await page.evaluate(() => window.__cc.totals.length);
    await calculate.click();
    await page.waitForFunction(
      (n) => window.__cc.totals.slice(n).some((t) => /^[\d,]+/.test(t.text.trim())),
      before,
      LONG,
    );
    audienceMs.push(
      await page.evaluate((n) => window.__cc.totals.slice(n).find((t) => /^[\d,]+/.test(t.text.trim())).at - window.__cc.pointerAt, before),
    );
  }

  // Reopening: the data kept by this page (tables, working tables, and the counts of the campaign
  // as it is now) is read by a new page load of the same address: navigation to every count shown.
  await waitUntilKept(page, editorUrl.href);
  const reopen = [];
  const reopenReady = [];
  for (let r = 0; r < REOPEN_RUNS; r++) {
    await page.goto('about:blank');
    await page.goto(openUrl);
    await status.filter({ hasText: 'Counts up to date' }).waitFor(LONG);
    reopen.push(await mark(page, 'cc:counts-ready'));
    const counted = await page.locator('.cv-edge-label__count[data-count]').count();
    if (counted !== transitionsCounted) throw new Error(`reopening showed ${counted} counts, not ${transitionsCounted}`);
    // When the engine has opened the kept data (no generation, no load): the time without kept counts.
    await page.waitForFunction(() => performance.getEntriesByName('cc:engine-ready', 'mark').length > 0, null, LONG);
    reopenReady.push(await mark(page, 'cc:engine-ready'));
    process.stderr.write(`  reopen ${r + 1}: counts ${round(reopen[r])} ms, kept data open ${round(reopenReady[r])} ms after navigation\n`);
  }

  await context.close();
  const js = await initialJavaScript(baseURL, (text) => gzipSync(text, { level: 9 }).length);
  return {
    profiles: PROFILES,
    activities: ACTIVITIES,
    transitionsCounted,
    engineReadyMs: { median: median(engineReady), runs: engineReady.map((x) => round(x)), target: 5000 },
    canvasInteractiveMs: { median: median(canvasInteractive), runs: canvasInteractive.map((x) => round(x)), target: 2000 },
    allCountsColdMs: { median: median(countsFromReady), runs: countsFromReady.map((x) => round(x)), fromNavigationMedian: median(countsFromNavigation), target: 1000 },
    firstVisitToCountsMs: { median: median(countsFromNavigation), runs: countsFromNavigation.map((x) => round(x)), target: 8000 },
    reopenToCountsMs: { median: median(reopen), runs: reopen.map((x) => round(x)), keptDataOpenMedian: median(reopenReady), target: 1000 },
    editToCountsMs: { p95: percentile(editMs, 95), median: median(editMs), edits: editMs.length, target: 250 },
    buildAudienceCountMs: { p95: percentile(audienceMs, 95), median: median(audienceMs), runs: audienceMs.length, target: 50 },
    memoryMB: { first: memory[0], last: memory[memory.length - 1], target: 1500 },
    initialJsGzipKB: { ...js, target: 300 },
  };
}

/**
 * JS heaps plus wasm memory of the page and its workers: the JS heaps as the browser measures them
 * (`performance.measureUserAgentSpecificMemory`, page and workers, which needs the cross-origin
 * isolation the app's server sets; it leaves wasm memory out), plus the size of DuckDB's wasm
 * memory, read in DuckDB's worker (`DUCKDB_BINDINGS`, a global of duckdb-wasm's worker script).
 * Also the page's JS heap alone and, for reference, the resident memory of the renderer
 * processes, which holds the browser's own code, compiled wasm and buffers besides.
 */
async function memoryNow(page, context) {
  const { heap, jsHeaps } = await page.evaluate(async () => {
    globalThis.gc?.();
    const jsHeaps = crossOriginIsolated && performance.measureUserAgentSpecificMemory ? (await performance.measureUserAgentSpecificMemory()).bytes : null;
    return { heap: performance.memory?.usedJSHeapSize ?? null, jsHeaps };
  });
  const wasm = await Promise.all(
    page.workers().map((w) => w.evaluate(() => globalThis.DUCKDB_BINDINGS?.mod?.HEAPU8?.buffer?.byteLength ?? 0).catch(() => 0)),
  );
  const wasmBytes = wasm.reduce((a, b) => a + b, 0);
  return {
    jsAndWasm: jsHeaps === null ? null : round((jsHeaps + wasmBytes) / 2 ** 20),
    wasm: round(wasmBytes / 2 ** 20),
    jsHeaps: jsHeaps === null ? null : round(jsHeaps / 2 ** 20),
    mainJsHeap: heap === null ? null : round(heap / 2 ** 20),
    rendererRss: await rendererMemoryMB(context.browser()),
  };
}
