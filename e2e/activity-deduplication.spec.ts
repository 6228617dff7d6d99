import { expect, test } from '@playwright/test';
import { chainOf, expectSameCountAsNode } from './helpers/activity-flow';
import { activityByLabel } from './helpers/expected-counts';

test('deduplication by city and last name keeps the two highest lifetime values, with the count on the canvas', async ({ page }) => {
  test.setTimeout(300_000);
  const { canvas, inspector } = await chainOf(page, ['Build audience', 'Deduplication', 'End'], 'Deduplication');

  const settings = inspector.settings;
  await settings.getByRole('button', { name: 'Remove Email' }).click();
  await expect(settings.getByText('Choose at least one field that identifies duplicates.').first()).toBeVisible();
  await inspector.choose('Add a field', 'City');
  await inspector.choose('Add a field', 'Last name');
  await settings.getByRole('button', { name: 'Move Last name up' }).click();
  await expect(settings.getByRole('list', { name: /duplicates when/ }).getByRole('listitem')).toHaveText([/Last name/, /City/]);

  await settings.getByRole('spinbutton', { name: 'Records kept per group of duplicates' }).fill('2');
  await inspector.radio('Which records are kept', 'By a value');
  await expect(settings.getByText('Choose the field whose value decides which record to keep.').first()).toBeVisible();
  await inspector.choose('Value', 'Lifetime value');
  await inspector.choose('Keep first', 'Highest');
  await inspector.toggle('Complement');

  const { doc, count } = await expectSameCountAsNode(canvas, 'Deduplication', 'End');
  expect(activityByLabel(doc, 'Deduplication').config).toMatchObject({ fields: ['last_name', 'city'], keep: 2, method: 'expression', expression: { field: 'lifetime_value', order: 'highest' }, complement: true });
  expect(count).toBeLessThan(10_000);
});
