import { test, expect } from '@playwright/test';
import { expectNoSeriousViolations } from './helpers/a11y';
import { CanvasPage } from './pages/canvas-page';
import { InspectorPanel } from './pages/inspector-panel';

test('the empty editor has no serious accessibility violations', async ({ page }) => {
  const canvas = new CanvasPage(page);
  await canvas.openNewCampaign();
  // The page's level-one heading is the campaign's name.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Untitled campaign');
  await expectNoSeriousViolations(page);
});

test('the editor with a campaign, a selection and a problem has no serious accessibility violations', async ({ page }) => {
  const canvas = await CanvasPage.newCampaignWith(page, ['Build audience', 'Split', 'SMS']);
  await canvas.connect('Build audience', 'Split');
  await canvas.select('Split');
  await expect(new InspectorPanel(page).labelField).toHaveValue('Split');
  await expectNoSeriousViolations(page);
  await canvas.canvas.getByRole('button', { name: 'Insert an activity here' }).click();
  await expect(page.getByRole('dialog', { name: 'Insert an activity' })).toBeVisible();
  await expectNoSeriousViolations(page);
});
