import { expect, test } from '@playwright/test';
import { CanvasPage } from './pages/canvas-page';
import { QueryModelerPage } from './pages/query-modeler-page';

test('the count on the canvas follows the rule edited in the query modeler', async ({ page }) => {
  test.setTimeout(180_000);
  const canvas = new CanvasPage(page);
  await canvas.openNewCampaign();
  await canvas.addInRow(['Build audience', 'End']);
  await canvas.connect('Build audience', 'End');
  const count = canvas.transition('Build audience', 'End').locator('.cv-edge-label__count');
  const shown = await count
    .filter({ hasText: /\d/ })
    .waitFor({ timeout: 60_000 })
    .then(() => true)
    .catch(() => false);
  test.skip(!shown, 'This build shows no counts on transitions yet.');
  const everyone = Number((await count.textContent())!.replace(/\D/g, ''));

  await canvas.select('Build audience');
  const qm = QueryModelerPage.inInspector(page);
  await qm.add('A field');
  await qm.chooseField(qm.last, 'loyal', /Loyalty tier/);
  await qm.last.getByRole('combobox', { name: 'Value of Loyalty tier' }).selectOption({ label: 'Gold' });
  await expect(count).not.toHaveText(String(everyone.toLocaleString()), { timeout: 60_000 });
  await expect(count).toHaveText(/^[\d,]+$/, { timeout: 60_000 });
  const gold = Number((await count.textContent())!.replace(/\D/g, ''));
  expect(gold).toBeGreaterThan(0);
  expect(gold).toBeLessThan(everyone);

  // Calculate in the modeler gives the same number as the canvas.
  await qm.calculate.click();
  await qm.expectTotal(new RegExp(`^${gold.toLocaleString('en')} profiles`));
});
