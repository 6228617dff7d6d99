import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';

/**
 * Screenshots of the inspector forms of the targeting activities on the reference campaign, for
 * visual review, written to screenshots/ (not committed). Run with `npm run screenshots`.
 */

const shot = (name: string) => ({ path: `screenshots/activities-${name}.png` });
const campaign = readFileSync(new URL('../../bench/reference-campaign.json', import.meta.url));

test('targeting activity forms', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/#/');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import' }).first().click();
  await (await chooser).setFiles({ name: 'reference-campaign.json', mimeType: 'application/json', buffer: campaign });
  await page.getByRole('link', { name: 'Benchmark: reference campaign' }).click();
  const canvas = page.getByRole('application', { name: 'Campaign canvas' });
  await canvas.waitFor();
  await expect(page.getByRole('status', { name: 'Counts status' })).toContainText(/up to date/, { timeout: 120_000 });
  await page.screenshot(shot('canvas'));
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  for (const [label, name] of [
    ['VIP candidates', 'combine'],
    ['One per email', 'deduplication'],
    ['Company and orders', 'enrichment'],
    ['By channel', 'split'],
    ['Save holdout group', 'save-audience'],
    ['Recent big spenders', 'build-audience'],
  ] as const) {
    await canvas.getByRole('group', { name: label, exact: true }).click();
    await expect(inspector).toBeVisible();
    await page.waitForTimeout(600);
    await inspector.screenshot(shot(name));
    await inspector.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await page.waitForTimeout(200);
    await inspector.screenshot(shot(`${name}-end`));
  }
  await page.goto('/#/data');
  await page.waitForTimeout(1500);
  await page.screenshot({ ...shot('data'), fullPage: true });
});
