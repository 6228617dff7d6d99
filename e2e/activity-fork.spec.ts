import { expect, test } from '@playwright/test';
import { chainOf, expectSameCountAsNode } from './helpers/activity-flow';
import { activityByLabel } from './helpers/expected-counts';

test('a fork copies the audience to each of its named branches', async ({ page }) => {
  test.setTimeout(300_000);
  const { canvas, inspector } = await chainOf(page, ['Build audience', 'Fork', 'End'], 'Fork');
  const settings = inspector.settings;
  await expect(settings.getByRole('button', { name: 'Remove Branch 1' })).toBeDisabled();
  await inspector.fill('Branch 1 label', 'Email first');
  await settings.getByRole('button', { name: 'Add a branch' }).click();
  await expect(settings.getByRole('textbox', { name: 'Branch 3 label' })).toHaveValue('Branch 3');
  // The first branch was connected to End on the canvas; its transition follows the rename.
  await expect(inspector.panel.getByText('→ End')).toBeVisible();
  await settings.getByRole('button', { name: 'Move Branch 3 up' }).click();
  await expect(settings.getByRole('textbox', { name: 'Branch 2 label' })).toHaveValue('Branch 3');

  const { doc, count } = await expectSameCountAsNode(canvas, 'Fork', 'End');
  expect((activityByLabel(doc, 'Fork').config as { branches: { label: string }[] }).branches.map((b) => b.label)).toEqual(['Email first', 'Branch 3', 'Branch 2']);
  expect(count).toBe(10_000);
});
