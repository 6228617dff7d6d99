import { expect, test } from '@playwright/test';
import { chainOf, expectSameCountAsNode } from './helpers/activity-flow';
import { activityByLabel } from './helpers/expected-counts';

test('change dimension from profiles to their purchases', async ({ page }) => {
  test.setTimeout(300_000);
  const { canvas, inspector } = await chainOf(page, ['Build audience', 'Change dimension', 'End'], 'Change dimension');
  await expect(inspector.settings.getByText('The incoming records are profiles.')).toBeVisible();
  await inspector.choose('Switch to', 'Purchases (through Purchases)');
  await expect(inspector.settings.getByText(/gives all its purchases/)).toBeVisible();

  const { doc, count } = await expectSameCountAsNode(canvas, 'Change dimension', 'End');
  expect(activityByLabel(doc, 'Change dimension').config).toEqual({ targetDimension: 'purchases', path: ['purchases'] });
  expect(count).toBeGreaterThan(10_000);
});
