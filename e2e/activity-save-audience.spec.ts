import { expect, test } from '@playwright/test';
import { chainOf, expectSameCountAsNode } from './helpers/activity-flow';
import { activityByLabel } from './helpers/expected-counts';
import { QueryModelerPage } from './pages/query-modeler-page';

test('save audience names the audience and passes the records on', async ({ page }) => {
  test.setTimeout(300_000);
  const { canvas, inspector } = await chainOf(page, ['Build audience', 'Save audience', 'End'], 'Build audience');
  const qm = QueryModelerPage.inInspector(page);
  await qm.add('A field');
  await qm.chooseField(qm.last, 'loyal', /Loyalty tier/);
  await qm.last.getByRole('combobox', { name: 'Value of Loyalty tier' }).selectOption({ label: 'Gold' });

  await canvas.select('Save audience');
  await expect(inspector.settings.getByText('Name the audience to save.').first()).toBeVisible();
  await expect(inspector.settings.getByRole('note')).toContainText('fully overwritten each time the campaign is computed');
  await inspector.fill('Audience name', 'Gold members');
  await expect(inspector.settings.getByText('Name the audience to save.')).toHaveCount(0);

  const { doc, count, counts } = await expectSameCountAsNode(canvas, 'Save audience', 'End');
  expect(activityByLabel(doc, 'Save audience').config).toEqual({ audienceName: 'Gold members' });
  expect(count).toBe(Object.values(counts)[0]);
  expect(count).toBeLessThan(10_000);
});
