import { expect, test } from '@playwright/test';
import { campaignSavingAudience } from './helpers/activity-flow';
import { CountsPage } from './pages/counts-page';
import { CampaignListPage } from './pages/campaign-list-page';
import { DataPage } from './pages/data-page';

test.describe.configure({ timeout: 300_000 });

const SIZE = /^\d+ (B|KB)$|^\d+\.\d MB$/;

test('an audience whose Save audience was renamed is an orphan on the Data screen, with its size, and can be removed', async ({ page }, testInfo) => {
  const { inspector, count } = await campaignSavingAudience(page, 'Gold draft');
  // Renamed and run again: the campaign now writes "Gold members"; "Gold draft" stays kept,
  // written by none.
  await inspector.fill('Audience name', 'Gold members');
  await new CountsPage(page).expectUpToDate();
  await inspector.runToSave();

  const data = new DataPage(page);
  await data.goto();
  const saved = page.getByRole('table', { name: 'Saved audiences' });
  await expect(saved.getByRole('rowheader')).toHaveText(['Gold draft', 'Gold members']);
  const orphans = page.getByRole('table', { name: 'Orphan audiences' });
  await expect(orphans.getByRole('rowheader')).toHaveText(['Gold draft']);
  const row = orphans.getByRole('row', { name: /^Gold draft/ });
  await expect(row.getByRole('cell')).toHaveText([
    count.toLocaleString('en-US'),
    SIZE,
    'Untitled campaign',
    'no campaign',
    'Sample data, 10,000 profiles',
  ]);
  await expect(page.getByText(/No campaign writes this audience any more.* It takes \d+ (B|KB) in this browser\./)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('orphan-audiences.png'), fullPage: true });

  await page.getByRole('button', { name: 'Remove orphan audiences' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Remove the orphan audiences?' });
  await expect(dialog).toContainText('“Gold draft”');
  await dialog.getByRole('button', { name: 'Remove 1 audience' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: /^Removed 1 orphan audience \(\d+ (B|KB)\)\.$/ })).toBeVisible();
  await expect(orphans).toHaveCount(0);
  await expect(saved.getByRole('rowheader')).toHaveText(['Gold members']);

  // Gone for good: a reload lists only the audience the campaign writes.
  await page.reload();
  await data.waitUntilReady();
  await expect(saved.getByRole('rowheader')).toHaveText(['Gold members']);
  await expect(orphans).toHaveCount(0);
});

test('deleting a campaign offers to remove the saved audiences no other campaign writes', async ({ page }, testInfo) => {
  await campaignSavingAudience(page, 'Spring newsletter');

  const list = new CampaignListPage(page);
  await list.goto();
  await list.rowAction('Untitled campaign', 'Delete…');
  const dialog = page.getByRole('alertdialog', { name: 'Delete campaign?' });
  const offer = dialog.getByRole('checkbox', { name: /^Also remove the saved audience no other campaign writes \(\d+ (B|KB)\): “Spring newsletter”$/ });
  await expect(offer).toBeChecked({ timeout: 120_000 });
  await page.screenshot({ path: testInfo.outputPath('delete-campaign-offer.png') });
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(/^Deleted “Untitled campaign” and 1 saved audience \(\d+ (B|KB)\)$/)).toBeVisible();

  const data = new DataPage(page);
  await data.goto();
  await expect(page.getByText(/No audience is saved in this browser/)).toBeVisible();
  await expect(page.getByRole('table', { name: 'Orphan audiences' })).toHaveCount(0);
});

test('a campaign deleted without its audiences leaves them listed as orphans, saved by a deleted campaign', async ({ page }) => {
  await campaignSavingAudience(page, 'Autumn');
  const list = new CampaignListPage(page);
  await list.goto();
  await list.rowAction('Untitled campaign', 'Delete…');
  const dialog = page.getByRole('alertdialog', { name: 'Delete campaign?' });
  const offer = dialog.getByRole('checkbox', { name: /^Also remove the saved audience/ });
  await expect(offer).toBeChecked({ timeout: 120_000 });
  await offer.uncheck();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('Deleted “Untitled campaign”', { exact: true })).toBeVisible();

  const data = new DataPage(page);
  await data.goto();
  const orphans = page.getByRole('table', { name: 'Orphan audiences' });
  await expect(orphans.getByRole('row', { name: /^Autumn/ }).getByRole('cell').nth(2)).toHaveText('a deleted campaign');
});
