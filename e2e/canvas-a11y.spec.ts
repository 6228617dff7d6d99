import { test, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { CanvasPage } from './pages/canvas-page';
import { InspectorPanel } from './pages/inspector-panel';

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('the empty editor has no serious accessibility violations', async ({ page }) => {
  const canvas = new CanvasPage(page);
  await canvas.openNewCampaign();
  await expectNoSeriousViolations(page);
});

test('the editor with a campaign, a selection and a problem has no serious accessibility violations', async ({ page }) => {
  const canvas = new CanvasPage(page);
  await canvas.openNewCampaign();
  await canvas.addInRow(['Build audience', 'Split', 'SMS']);
  await canvas.connect('Build audience', 'Split');
  await canvas.select('Split');
  await expect(new InspectorPanel(page).labelField).toHaveValue('Split');
  await expectNoSeriousViolations(page);
  await canvas.canvas.getByRole('button', { name: 'Insert an activity here' }).click();
  await expect(page.getByRole('dialog', { name: 'Insert an activity' })).toBeVisible();
  await expectNoSeriousViolations(page);
});
