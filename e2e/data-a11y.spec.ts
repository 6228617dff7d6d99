import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { badShopFiles } from './fixtures/data-files';
import { DataPage } from './pages/data-page';

test.describe.configure({ timeout: 180_000 });

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

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
