// Opening large campaigns: 100, 250 and 500 activities (bench/large-campaign.mjs), each imported
// once through the campaign list, then opened on a fresh page load. Measured with the page's own
// clock: when every activity in view is on the canvas with its size, and the long tasks (main thread busy
// for more than 50 ms) until the page has been quiet for a second. Definitions: docs/metrics.md.
// Usage: node scripts/bench.mjs canvas-open
import { readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { largeCampaign } from '../large-campaign.mjs';
import { median, round } from '../stats.mjs';

const SIZES = [100, 250, 500];
const RUNS = Number(process.env.BENCH_OPEN_RUNS ?? 3);
// A small sample: this measures the canvas, not the engine, which computes counts in its worker.
const PROFILES = 10_000;
const QUIET_MS = 1000;
const LONG = { timeout: 180_000 };

// Installed before the app runs: the long tasks, and the first animation frame at which every
// activity in view is on the canvas with its size. "In view": its box (position, 232 × 64) meets
// the canvas under the viewport React Flow shows. A large campaign (docs/canvas-editor.md) draws
// only those; a smaller one draws all and fits them, so all are then in view.
function pageProbes(boxes) {
  const w = window;
  w.__open = { canvasAt: undefined, longTasks: [], drawn: 0 };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__open.longTasks.push({ start: e.startTime, end: e.startTime + e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const drawn = (id) => {
    const el = document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
    return el !== null && el.style.visibility !== 'hidden' && el.getBoundingClientRect().width > 0;
  };
  const tick = () => {
    const flow = document.querySelector('.react-flow');
    const m = /translate\(([-\d.e]+)px, ?([-\d.e]+)px\) scale\(([-\d.e]+)\)/.exec(document.querySelector('.react-flow__viewport')?.style.transform ?? '');
    if (flow && m) {
      const [tx, ty, z] = [Number(m[1]), Number(m[2]), Number(m[3])];
      const { width, height } = flow.getBoundingClientRect();
      const inView = boxes.filter((b) => b.x * z + tx < width && (b.x + b.width) * z + tx > 0 && b.y * z + ty < height && (b.y + b.height) * z + ty > 0);
      if (inView.length > 0 && inView.every((b) => drawn(b.id))) {
        w.__open.canvasAt = performance.now();
        w.__open.drawn = inView.length;
        return;
      }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

// CPU time of the page's main thread, from a trace: the sum of its tasks' thread time. Wall-clock
// durations stretch with the machine's load; this does much less.
function mainThreadCpuMs(file) {
  const events = JSON.parse(readFileSync(file, 'utf8')).traceEvents;
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  let us = 0;
  for (const e of events) if (e.ph === 'X' && e.name === 'RunTask' && main.has(`${e.pid}:${e.tid}`)) us += e.tdur ?? 0;
  return us / 1000;
}

async function openOnce(browser, context, url, boxes) {
  const page = await context.newPage();
  await page.addInitScript(pageProbes, boxes);
  const trace = join(tmpdir(), `canvas-open-${process.pid}.json`);
  await browser.startTracing(page, { path: trace, categories: ['disabled-by-default-devtools.timeline'] });
  await page.goto(url);
  await page.waitForFunction(() => window.__open.canvasAt !== undefined, null, LONG);
  // Wait for a quiet second after the canvas is shown: the open is over when nothing keeps the
  // main thread busy any more (first counts arriving on the nodes included).
  await page.waitForFunction(
    (quiet) => {
      const { canvasAt, longTasks } = window.__open;
      const lastEnd = Math.max(canvasAt, ...longTasks.map((t) => t.end));
      return performance.now() - lastEnd >= quiet;
    },
    QUIET_MS,
    { ...LONG, polling: 100 },
  );
  const r = await page.evaluate(() => window.__open);
  await browser.stopTracing();
  const cpu = mainThreadCpuMs(trace);
  rmSync(trace, { force: true });
  await page.close();
  // Every long task since navigation: they all ended before the quiet second.
  const tasks = r.longTasks;
  const interactive = Math.max(r.canvasAt, ...tasks.map((t) => t.end));
  return {
    interactive,
    canvas: r.canvasAt,
    cpu,
    drawn: r.drawn,
    blocked: tasks.reduce((sum, t) => sum + t.end - t.start, 0),
    longest: Math.max(0, ...tasks.map((t) => t.end - t.start)),
  };
}

export async function run({ browser, baseURL }) {
  const results = { runs: RUNS, profiles: PROFILES, loadAverage1m: { before: round(loadavg()[0], 2) } };
  for (const size of SIZES) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const list = await context.newPage();
    await list.goto(`${baseURL}/?profiles=1000#/`);
    const chooser = list.waitForEvent('filechooser');
    await list.getByRole('button', { name: 'Import' }).first().click();
    const doc = largeCampaign(size);
    await (await chooser).setFiles({ name: `campaign-${size}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
    // The import opens the list entry; its address is the editor's.
    const link = list.getByRole('link', { name: doc.name });
    await link.waitFor(LONG);
    const hash = await link.getAttribute('href');
    await list.close();
    const runs = [];
    for (let r = 0; r < RUNS; r++) {
      const boxes = doc.activities.map((a) => ({ id: a.id, ...a.position, width: 232, height: 64 }));
      runs.push(await openOnce(browser, context, `${baseURL}/?profiles=${PROFILES}${hash}`, boxes));
      process.stderr.write(`  ${size} activities, run ${r + 1}: interactive ${round(runs[r].interactive)} ms, main thread ${round(runs[r].cpu)} ms of CPU\n`);
    }
    await context.close();
    results[`open${size}InteractiveMs`] = {
      median: median(runs.map((x) => x.interactive)),
      runs: runs.map((x) => round(x.interactive)),
      mainThreadCpuMedian: median(runs.map((x) => x.cpu)),
      canvasShownMedian: median(runs.map((x) => x.canvas)),
      activitiesDrawn: runs[0].drawn,
      blockedMedian: median(runs.map((x) => x.blocked)),
      longestTaskMedian: median(runs.map((x) => x.longest)),
      ...(size === 500 ? { target: 1500 } : {}),
    };
  }
  results.loadAverage1m.after = round(loadavg()[0], 2);
  return results;
}
