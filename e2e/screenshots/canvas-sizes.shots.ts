import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { CampaignListPage } from '../pages/campaign-list-page';
import { CanvasPage } from '../pages/canvas-page';
import { EditorPage } from '../pages/editor-page';

/**
 * Every template, and the 25-activity reference campaign, at two screen sizes, fitted and at 100%,
 * for a review of overlapping, clipped or unreadable text. Written to screenshots/ (not committed).
 */

const sizes = [
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
];
const templates = ['welcome-series', 'win-back', 'multichannel-newsletter', 'merged-lists'];
const out = process.env.SHOTS_DIR ?? 'screenshots';

async function shootBoth(page: Page, name: string) {
  const canvas = new CanvasPage(page);
  await expect(page.getByRole('status', { name: 'Counts status' })).toHaveText('Counts up to date', { timeout: 180_000 });
  await canvas.tool('Fit view').click();
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${out}/sizes-${name}-fit.png` });
  await canvas.tool('Zoom to 100%').click();
  await page.waitForTimeout(600);
  await page.screenshot({ path: `${out}/sizes-${name}-100.png` });
}

for (const size of sizes) {
  test(`templates at ${size.width}x${size.height}`, async ({ page }) => {
    test.setTimeout(900_000);
    await page.setViewportSize(size);
    const editor = new EditorPage(page);
    for (const id of templates) {
      await page.goto(`/#/new/${id}`);
      await editor.expectOpen();
      await shootBoth(page, `${id}-${size.width}`);
    }
    const list = new CampaignListPage(page);
    await list.goto();
    const file = new URL('../../bench/reference-campaign.json', import.meta.url);
    await list.importFile({ name: 'reference.json', mimeType: 'application/json', buffer: readFileSync(file) });
    await list.rowAction('Benchmark: reference campaign', 'Open');
    await editor.expectOpen();
    await shootBoth(page, `reference-${size.width}`);
  });
}
