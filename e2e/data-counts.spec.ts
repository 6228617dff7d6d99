import { expect, test } from '@playwright/test';
import { CanvasPage } from './pages/canvas-page';
import { DataPage } from './pages/data-page';

test('campaign counts follow the data loaded on the Data screen', async ({ page }) => {
  test.setTimeout(240_000);
  const canvas = new CanvasPage(page);
  await page.goto('/?profiles=10000#/new');
  await expect(canvas.canvas).toBeVisible();
  await expect(page).toHaveURL(/#\/campaigns\//);
  await canvas.addInRow(['Build audience', 'End']);
  await canvas.connect('Build audience', 'End');
  // A Build audience without conditions selects every profile.
  await expect(canvas.canvas.getByRole('img', { name: '10,000 records' }).first()).toBeVisible({ timeout: 120_000 });

  await page.getByRole('banner').getByRole('link', { name: 'Data' }).click();
  const data = new DataPage(page);
  await data.waitUntilReady();
  await data.useSample('100,000', 42);
  await expect(data.summary).toContainText('100,000 profiles', { timeout: 120_000 });

  await page.goBack();
  await expect(canvas.canvas).toBeVisible();
  await expect(canvas.canvas.getByRole('img', { name: '100,000 records' }).first()).toBeVisible({ timeout: 120_000 });
  await expect(canvas.canvas.getByRole('img', { name: '10,000 records' })).toHaveCount(0);
});

test('the editor names the data its counts are on and links to the Data screen', async ({ page }) => {
  await page.goto('/?profiles=2000#/new/win-back');
  const link = page.getByRole('banner').getByRole('link', { name: /^Counts on / });
  await expect(link).toHaveText('Counts on Sample data · 2,000 profiles', { timeout: 120_000 });
  await link.click();
  await expect(page).toHaveURL(/#\/data$/);
  await expect(page.getByRole('heading', { name: 'Data', level: 1 })).toBeVisible();
});
