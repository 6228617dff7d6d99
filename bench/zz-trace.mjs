import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { largeCampaign } from '/work/main/bench/large-campaign.mjs';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
const baseURL = 'http://127.0.0.1:4499';
const list = await context.newPage();
await list.goto(`${baseURL}/?profiles=1000#/`);
const chooser = list.waitForEvent('filechooser');
await list.getByRole('button', { name: 'Import' }).first().click();
const doc = largeCampaign(500);
await (await chooser).setFiles({ name: 'c.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
const link = list.getByRole('link', { name: doc.name });
await link.waitFor({ timeout: 180000 });
const hash = await link.getAttribute('href');
await list.close();
for (let r = 0; r < 2; r++) {
  const page = await context.newPage();
  await browser.startTracing(page, { path: '/tmp/open.trace.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  const t0 = Date.now();
  await page.goto(`${baseURL}/?profiles=10000${hash}`);
  await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length >= 500, null, { timeout: 120000 });
  const shown = Date.now() - t0;
  await page.waitForTimeout(4000);
  await browser.stopTracing();
  const events = JSON.parse(readFileSync('/tmp/open.trace.json', 'utf8')).traceEvents;
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const agg = new Map();
  const tasks = [];
  for (const e of events) {
    if (e.ph !== 'X' || !main.has(`${e.pid}:${e.tid}`)) continue;
    agg.set(e.name, (agg.get(e.name) ?? 0) + (e.dur ?? 0));
    if (e.name === 'RunTask' && e.dur > 50000) tasks.push(Math.round(e.dur / 1000));
  }
  console.log('shown', shown, 'long tasks', tasks.join(','));
  console.log([...agg].sort((a, b) => b[1] - a[1]).slice(0, 18).map(([k, v]) => `${(v / 1000).toFixed(0)}ms ${k}`).join('\n'));
  await page.close();
}
await browser.close();
