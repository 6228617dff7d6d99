import { expect, test } from '@playwright/test';
import { chainOf, expectSameCountAsNode } from './helpers/activity-flow';
import { activityByLabel } from './helpers/expected-counts';

test('a wait until a date keeps the count of its input', async ({ page }) => {
  test.setTimeout(300_000);
  const { canvas, inspector } = await chainOf(page, ['Build audience', 'Wait', 'End'], 'Wait');
  const settings = inspector.settings;
  await settings.getByRole('spinbutton', { name: 'Duration' }).fill('3');
  await inspector.choose('Unit', 'Hours');
  await inspector.radio('Wait', 'Until a date');
  await expect(settings.getByText('Choose the date to wait until.')).toBeVisible();
  await settings.getByLabel('Date and time').fill('2026-12-01T09:30');
  await expect(settings.getByText('Choose the date to wait until.')).toBeHidden();

  const { doc } = await expectSameCountAsNode(canvas, 'Wait', 'End');
  expect(activityByLabel(doc, 'Wait').config).toMatchObject({ mode: 'until', until: '2026-12-01T09:30:00', amount: 3, unit: 'hours' });
});
