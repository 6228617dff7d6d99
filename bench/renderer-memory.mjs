// Resident memory of Chromium's renderer processes (the page's main thread and its workers, with
// their JS heaps and DuckDB's wasm memory), read from /proc for the pids Chromium reports.
import { readFileSync } from 'node:fs';

/** Sum of VmRSS of every renderer process, in MB; null where /proc cannot be read. */
export async function rendererMemoryMB(browser) {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
    let kb = 0;
    for (const p of processInfo.filter((x) => x.type === 'renderer')) {
      const status = readFileSync(`/proc/${p.id}/status`, 'utf8');
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    }
    return Math.round(kb / 102.4) / 10;
  } catch {
    return null;
  } finally {
    await cdp.detach();
  }
}
