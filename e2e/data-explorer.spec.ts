import { expect, test } from '@playwright/test';
import { DataPage } from './pages/data-page';

test.describe.configure({ timeout: 180_000 });

test('the Data screen is reachable from the campaign list', async ({ page }) => {
  await page.goto('/?profiles=10000#/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' }).click();
  const data = new DataPage(page);
  await data.waitUntilReady();
  await expect(page).toHaveURL(/#\/data$/);
});

test('the explorer shows the sample: dataset, entities, rows and a distribution', async ({ page }) => {
  const data = new DataPage(page);
  await data.goto();

  // The dataset in use: the sample with its size, seed and reference date.
  await expect(data.summary.getByRole('heading', { name: 'Sample data' })).toBeVisible();
  await expect(data.summary).toContainText('10,000 profiles');
  await expect(data.summary).toContainText('Seed42');
  await expect(data.summary).toContainText('2025-06-30');

  // Entities with their row counts; the large tables fill in once loaded in the background.
  await expect(data.entity(/^Profiles/)).toContainText('10,000 rows');
  await expect(data.entity(/^Purchases/)).toContainText(/[\d,]+ rows/, { timeout: 120_000 });
  await expect(data.entity(/^Profiles/)).toHaveAttribute('aria-selected', 'true');

  // Fields with types and enum labels, and the distribution of one of them.
  const fields = data.fieldsTable('Profiles');
  await expect(fields.getByRole('rowheader', { name: /^loyalty_tier/ })).toBeVisible();
  await data.showDistribution('loyalty_tier');
  const dist = data.distribution('loyalty_tier');
  await expect(dist.getByRole('row')).not.toHaveCount(0);
  const shares = await dist.locator('tbody tr').allInnerTexts();
  expect(shares.length).toBeGreaterThan(1);
  expect(shares.length).toBeLessThanOrEqual(20);
  for (const line of shares) expect(line).toMatch(/[\d,]+\s+[\d.<]+%/);

  // Missing values show as "(empty)" (about 15 % of phones are unknown).
  await data.showDistribution('phone');
  await expect(data.distribution('phone').getByRole('rowheader', { name: '(empty)' })).toBeVisible();

  // The first 100 rows, ordered by key.
  await data.tab('Rows').click();
  const rows = data.rowsTable('Profiles');
  await expect(rows.locator('tbody tr')).toHaveCount(100);
  await expect(rows.getByRole('columnheader', { name: 'email', exact: true })).toBeVisible();

  // Links and the targeting dimension's channels.
  await data.tab(/^Links/).click();
  await expect(page.getByRole('table', { name: 'Links of Profiles' })).toBeVisible();
  await data.tab('Targeting').click();
  await expect(page.getByRole('table', { name: 'Channels of Profiles' }).getByRole('row', { name: /^Email/ })).toContainText('email_opt_in');
});

test('a large table still loading in the background shows its rows once it is in', async ({ page }) => {
  const data = new DataPage(page);
  await data.goto();
  await data.selectEntity(/^Web events/);
  await data.tab('Rows').click();
  await expect(data.rowsTable('Web events').locator('tbody tr')).toHaveCount(100, { timeout: 120_000 });
});
