import { expect, test, type Page } from '@playwright/test';
import { CampaignListPage } from './pages/campaign-list-page';
import { CountsPage, recordsName } from './pages/counts-page';
import { DataPage } from './pages/data-page';
import { CanvasPage } from './pages/canvas-page';

test.describe.configure({ timeout: 240_000 });

/** A sample large enough to be kept (KEEP_MIN_ROWS): about 1.8 million rows in all. */
const KEPT_PROFILES = 100_000;

/** The count on every transition of the open campaign, by transition id, as the canvas shows it. */
async function shownCounts(page: Page): Promise<Record<string, string>> {
  const counts = new CountsPage(page);
  const shown: Record<string, string> = {};
  for (const label of await page.locator('.cv-edge-label[data-transition-id]').all()) {
    const id = (await label.getAttribute('data-transition-id'))!;
    shown[id] = (await counts.transitionCount(id).getAttribute('aria-label')) ?? '';
  }
  return shown;
}

/** Goes to the Data screen of the running app (no new page) and back to the campaign. */
async function onDataScreen(page: Page, check: (data: DataPage) => Promise<void>) {
  const editor = page.url();
  await page.evaluate(() => (location.hash = '#/data'));
  const data = new DataPage(page);
  await data.waitUntilReady();
  await check(data);
  await page.goto(editor);
}

test('a reload reopens the data kept in the browser: the same counts, nothing generated or loaded again; an edit is computed', async ({ page }) => {
  const counts = new CountsPage(page);
  await counts.gotoList(KEPT_PROFILES);
  await new CampaignListPage(page).useTemplate('Win-back with holdout');
  await counts.expectUpToDate();
  const first = await shownCounts(page);
  expect(Object.keys(first).length).toBeGreaterThan(3);
  for (const text of Object.values(first)) expect(text).toMatch(/^[\d,]+ records$/);

  // The data is written to the browser's storage in the background, then said to be kept.
  await onDataScreen(page, async (data) => {
    await expect(data.keptBetweenVisits).toHaveText('Yes: the next visit opens it without loading it again', { timeout: 120_000 });
  });
  await counts.expectUpToDate();

  await page.reload();
  await counts.expectUpToDate();
  expect(await shownCounts(page)).toEqual(first);
  // Opened from the kept data: the sample was not generated nor loaded.
  await onDataScreen(page, async (data) => {
    await expect(data.keptBetweenVisits).toHaveText('Yes: opened from this browser’s storage, nothing loaded again');
    await expect(data.summary.getByRole('definition').filter({ hasText: /^[\d,]+$/ }).first()).toBeVisible();
  });

  // A changed campaign is computed on the kept data, and equals the engine run in Node.
  await counts.expectUpToDate();
  await new CanvasPage(page).select('Opt-in');
  await page.getByRole('complementary', { name: 'Inspector' }).getByRole('switch', { name: /Enabled/ }).click({ force: true });
  await counts.expectUpToDate();
  const expected = CountsPage.expectedCounts(await counts.exportCampaign(), KEPT_PROFILES);
  for (const [id, n] of Object.entries(expected)) await expect(counts.transitionCount(id)).toHaveAccessibleName(recordsName(n));
  expect(await shownCounts(page)).not.toEqual(first);
});

test('a full disk: the data is not kept, the app says so once and in the Data screen, and nothing made is lost', async ({ page }) => {
  const counts = new CountsPage(page);
  await counts.gotoList(KEPT_PROFILES);
  // The end-to-end build's storage fills up while the data is written (see kept-storage.ts).
  await page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    await root.getFileHandle('cc-e2e-full-disk', { create: true });
  });
  await new CampaignListPage(page).useTemplate('Win-back with holdout');
  await counts.expectUpToDate();
  const first = await shownCounts(page);

  const notice = page.getByRole('region', { name: /Notifications/ }).getByText('Your data will not be kept between visits');
  await expect(notice).toBeVisible({ timeout: 120_000 });
  await onDataScreen(page, async (data) => {
    await expect(data.keptBetweenVisits).toHaveText('No (see below)');
    await expect(data.notKeptNote).toContainText("This data will not be kept between visits: the browser's storage is full.");
  });

  // A reload loads the data again, as today: the campaign and its counts are all there.
  await page.reload();
  await counts.expectUpToDate();
  expect(await shownCounts(page)).toEqual(first);
  await expect(page.getByRole('application', { name: 'Campaign canvas' }).getByRole('group', { name: 'Opt-in', exact: true })).toBeVisible();
  // Told once: not again after the reload.
  await onDataScreen(page, async (data) => {
    await expect(data.keptBetweenVisits).toHaveText('No (see below)', { timeout: 120_000 });
  });
  await expect(notice).toHaveCount(0);
});

test('small data is not kept, and the Data screen says it need not be; no notice', async ({ page }) => {
  const counts = new CountsPage(page);
  await counts.gotoList();
  await new CampaignListPage(page).useTemplate('Win-back with holdout');
  await counts.expectUpToDate();
  await onDataScreen(page, async (data) => {
    await expect(data.keptBetweenVisits).toHaveText('Not needed: this data loads again in about a second', { timeout: 120_000 });
    await expect(data.notKeptNote).toHaveCount(0);
  });
  await expect(page.getByRole('region', { name: /Notifications/ }).getByText('Your data will not be kept between visits')).toHaveCount(0);
});
