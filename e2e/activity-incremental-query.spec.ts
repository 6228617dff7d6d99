import { expect, test } from '@playwright/test';
import { CanvasPage } from './pages/canvas-page';
import { InspectorPage, openSmallCampaign } from './pages/inspector-page';
import { QueryModelerPage } from './pages/query-modeler-page';
import { expectSameCountAsNode } from './helpers/activity-flow';
import { activityByLabel } from './helpers/expected-counts';

test('an incremental query with its rule and date field counts every match before its first run', async ({ page }) => {
  test.setTimeout(300_000);
  const canvas = new CanvasPage(page);
  const inspector = new InspectorPage(page);
  await openSmallCampaign(canvas);
  await canvas.addInRow(['Incremental query', 'End']);
  await canvas.connect('Incremental query', 'End');
  await canvas.select('Incremental query');
  await expect(inspector.settings.getByText('Choose the date field that tells new records.').first()).toBeVisible();
  await inspector.choose('Date that tells new records', 'Created');
  await expect(inspector.settings.getByText('Choose the date field that tells new records.')).toHaveCount(0);

  const qm = QueryModelerPage.inInspector(page);
  await qm.add('A field');
  await qm.chooseField(qm.last, 'loyal', /Loyalty tier/);
  await qm.last.getByRole('combobox', { name: 'Value of Loyalty tier' }).selectOption({ label: 'Gold' });

  const { doc, count } = await expectSameCountAsNode(canvas, 'Incremental query', 'End');
  expect(activityByLabel(doc, 'Incremental query').config).toMatchObject({ targetDimension: 'profiles', dateField: 'created_date' });
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThan(10_000);
});
