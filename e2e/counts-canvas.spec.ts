import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { CampaignListPage } from './pages/campaign-list-page';
import { CanvasPage } from './pages/canvas-page';
import { CountsPage, recordsName } from './pages/counts-page';

test.describe.configure({ timeout: 240_000 });

test('counts appear on every transition of a template campaign, equal to the engine run in Node', async ({ page }) => {
  const counts = new CountsPage(page);
  await counts.gotoList();
  await new CampaignListPage(page).useTemplate('Win-back with holdout');
  // Usable before the engine is ready: the canvas is there and says counts are coming.
  await expect(new CanvasPage(page).nodes).toHaveCount(6);
  await expect(counts.status).toBeVisible();
  await counts.expectUpToDate();

  const file = await counts.exportCampaign();
  const expected = CountsPage.expectedCounts(file);
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { transitions: { id: string }[] };
  expect(Object.keys(expected).length).toBe(doc.transitions.length);
  for (const [id, n] of Object.entries(expected)) {
    await expect(counts.transitionCount(id)).toHaveAccessibleName(recordsName(n));
  }
  // The first activity's own count is its output's.
  const first = Object.values(expected)[0]!;
  await expect(counts.activityCount('Lapsed 6–24 months')).toHaveAccessibleName(recordsName(first));
});

test('a disabled activity has no count, nor what follows it; enabling it brings them back', async ({ page }) => {
  const counts = new CountsPage(page);
  const canvas = new CanvasPage(page);
  await counts.gotoList();
  await new CampaignListPage(page).useTemplate('Win-back with holdout');
  await counts.expectUpToDate();
  const toEmail = await counts.countBetween('Opt-in', 'We miss you (email)');
  await expect(toEmail).toHaveAccessibleName(/^[\d,]+ records$/);
  const before = await toEmail.getAttribute('aria-label');

  await canvas.select('Opt-in');
  await page.getByRole('complementary', { name: 'Inspector' }).getByRole('switch', { name: /Enabled/ }).click({ force: true });
  await expect(toEmail).toHaveAccessibleName('No count: this activity is disabled.');
  await expect(counts.activityCount('Opt-in')).toHaveCount(0);
  await expect(counts.activityCount('We miss you (email)')).toHaveCount(0);
  await expect(canvas.node('We miss you (email)').getByRole('img', { name: 'Status: Ready' })).toHaveAttribute('title', /No count/);
  await counts.expectUpToDate();

  await page.getByRole('complementary', { name: 'Inspector' }).getByRole('switch', { name: /Enabled/ }).click({ force: true });
  await expect(toEmail).toHaveAccessibleName(before!);
});
