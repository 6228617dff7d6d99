import { expect, test } from '@playwright/test';
import { activityByLabel, transitionId } from './helpers/expected-counts';
import {
  campaignWith,
  enrichmentBeforeSplit,
  expectSameCountAsNode,
  subsetFilteredOnColumn,
} from './helpers/activity-flow';

test('a holdout made with the random split preset shows its count on the canvas', async ({ page }) => {
  test.setTimeout(300_000);
  const { canvas, inspector } = await campaignWith(page, ['Build audience', 'Split', 'End'], [['Build audience', 'Split']], {
    select: 'Split',
  });
  await inspector.settings.getByRole('button', { name: 'Random split…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Random split' });
  await dialog.getByRole('button', { name: '10 % holdout' }).click();
  await dialog.getByRole('spinbutton', { name: 'Share of group 1' }).fill('20');
  await dialog.getByRole('spinbutton', { name: 'Share of group 2' }).fill('80');
  await dialog.getByRole('button', { name: 'Replace the subsets' }).click();
  const control = inspector.settings.getByRole('listitem', { name: 'Subset 1: Control' });
  await expect(control.getByRole('spinbutton', { name: 'Percentage of eligible records' })).toHaveValue('20');
  await expect(inspector.settings.getByRole('listitem', { name: 'Subset 2: Target' })).toBeVisible();
  await inspector.connectOutput('Control', 'End');

  // Sort the control group by a field instead of drawing it at random.
  await inspector.radio('Records kept', 'By sort', control);
  await expect(control.getByText('Choose the field to sort by.')).toBeVisible();
  await control.getByRole('combobox', { name: 'Sort by' }).selectOption({ label: 'Lifetime value' });
  await expect(control.getByText('Choose the field to sort by.')).toBeHidden();

  const { doc, count, counts } = await expectSameCountAsNode(canvas, 'Split', 'End');
  // The form shows the number the percentage gives, rounded down as the engine does.
  const everyone = counts[transitionId(doc, 'Build audience', 'Split')]!;
  expect(count).toBe(Math.floor(everyone / 5));
  await expect(control.getByText(`20% of ${everyone.toLocaleString('en-US')} = ${count.toLocaleString('en-US')} records (rounded down).`)).toBeVisible();
  const split = activityByLabel(doc, 'Split').config as { subsets: { label: string; limit: unknown; order: unknown }[] };
  expect(split.subsets.map((s) => s.label)).toEqual(['Control', 'Target']);
  expect(split.subsets[0]!.limit).toEqual({ kind: 'percent', value: 20 });
  expect(split.subsets[0]!.order).toEqual({ mode: 'sort', field: 'lifetime_value', direction: 'desc' });
  expect(split.subsets[1]!.limit).toBeNull();
  expect(count).toBeGreaterThan(0);
});

test('removing a connected subset asks first and takes its transition with it', async ({ page }) => {
  test.setTimeout(180_000);
  const { canvas, inspector } = await campaignWith(page, ['Build audience', 'Split', 'End'], [['Build audience', 'Split']], {
    select: 'Split',
  });
  await inspector.connectOutput('Subset 2', 'End');
  await expect(canvas.transitions).toHaveCount(2);

  await inspector.settings.getByRole('button', { name: 'Remove Subset 2' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Remove the subset “Subset 2”?' });
  await expect(confirm).toContainText('The transition to End is removed too.');
  await confirm.getByRole('button', { name: 'Remove with its transition' }).click();
  await expect(canvas.transitions).toHaveCount(1);
  await expect(inspector.settings.getByRole('listitem', { name: /^Subset 2/ })).toHaveCount(0);

  await canvas.tool('Undo').click();
  await expect(canvas.transitions).toHaveCount(2);
  await expect(inspector.settings.getByRole('listitem', { name: 'Subset 2: Subset 2' })).toBeVisible();
});

test('a subset filter reads a column an Enrichment added, and shows a problem on it once the column is gone', async ({ page }) => {
  test.setTimeout(300_000);
  const { canvas, inspector } = await enrichmentBeforeSplit(page);
  await inspector.addCollectionCount('Purchases', 'purchase_count');

  // The column is offered beside the data model's fields, told from the document.
  const qm = await subsetFilteredOnColumn(canvas, inspector, 'purchase_count');
  await qm.comparison(qm.last, 'is at least');
  await qm.type(qm.last, 'Value of purchase_count', '3');

  const { doc, count, counts } = await expectSameCountAsNode(canvas, 'Split', 'End');
  const filter = (activityByLabel(doc, 'Split').config as { subsets: { filter: { children: unknown[] } }[] }).subsets[0]!.filter;
  expect(filter.children).toEqual([expect.objectContaining({ source: 'column', path: ['purchase_count'], operator: 'gte', value: 3 })]);
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThan(counts[transitionId(doc, 'Enrichment', 'Split')]!);

  // The Enrichment no longer adds the column: the condition says so, nothing breaks.
  await canvas.select('Enrichment');
  await inspector.settings.getByRole('button', { name: 'Remove purchase_count' }).click();
  await canvas.select('Split');
  await expect(qm.problem(qm.last)).toContainText('no longer have a column “purchase_count”');
});
