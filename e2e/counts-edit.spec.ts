import { expect, test } from '@playwright/test';
import { CanvasPage } from './pages/canvas-page';
import { CountsPage, SPEC_PROFILES, recordsName } from './pages/counts-page';
import { QueryModelerPage } from './pages/query-modeler-page';

test.describe.configure({ timeout: 240_000 });

test('a rule edited in the inspector changes the count; undo brings the previous count back', async ({ page }) => {
  const canvas = new CanvasPage(page);
  const counts = new CountsPage(page);
  await page.goto(`/?profiles=${SPEC_PROFILES}#/new`);
  await expect(canvas.canvas).toBeVisible();
  await canvas.addInRow(['Build audience', 'End']);
  await canvas.connect('Build audience', 'End');
  await counts.expectUpToDate();
  const count = await counts.countBetween('Build audience', 'End');
  const everyone = Object.values(CountsPage.expectedCounts(await counts.exportCampaign()))[0]!;
  await expect(count).toHaveAccessibleName(recordsName(everyone));

  await canvas.select('Build audience');
  const qm = QueryModelerPage.inInspector(page);
  await qm.add('A field');
  await qm.chooseField(qm.last, 'loyal', /Loyalty tier/);
  await qm.last.getByRole('combobox', { name: 'Value of Loyalty tier' }).selectOption({ label: 'Gold' });
  await expect(count).not.toHaveAccessibleName(recordsName(everyone));
  await counts.expectUpToDate();
  const gold = Object.values(CountsPage.expectedCounts(await counts.exportCampaign()))[0]!;
  expect(gold).toBeLessThan(everyone);
  await expect(count).toHaveAccessibleName(recordsName(gold));
  // The inspector shows the same count as the canvas.
  await expect(page.getByLabel('Activity count')).toHaveText(recordsName(gold));

  // Undo the rule edit step by step (choosing the value, the field, adding the condition) until
  // the rule is empty again; its count comes back from the cache, without recomputing.
  for (let step = 0; step < 3 && (await qm.conditions.count()) > 0; step++) {
    await canvas.tool('Undo').click();
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  }
  await expect(qm.conditions).toHaveCount(0);
  await counts.expectUpToDate();
  await expect(count).toHaveAccessibleName(recordsName(everyone));
});
