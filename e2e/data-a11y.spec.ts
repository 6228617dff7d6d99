import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './helpers/a11y';
import { badShopFiles } from './fixtures/data-files';
import { DataPage } from './pages/data-page';

test.describe.configure({ timeout: 180_000 });

test('the Data screen has no serious accessibility violations', async ({ page }) => {
  const data = new DataPage(page);
  await data.goto();
  await data.showDistribution('country');
  await expect(data.distribution('country')).toBeVisible();
  await expectNoSeriousViolations(page);

  await data.tab('Rows').click();
  await expect(data.rowsTable('Profiles').locator('tbody tr')).toHaveCount(100);
  await expectNoSeriousViolations(page);

  await data.importFiles(badShopFiles());
  await expect(data.problemsDialog).toBeVisible({ timeout: 60_000 });
  await expectNoSeriousViolations(page);
});
