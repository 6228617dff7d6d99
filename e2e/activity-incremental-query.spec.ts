import { expect, test } from '@playwright/test';
import { expectCanvasCount } from './pages/inspector-page';
import { QueryModelerPage } from './pages/query-modeler-page';
import { chainOf, expectSameCountAsNode } from './helpers/activity-flow';
import { activityByLabel, transitionId } from './helpers/expected-counts';

test('an incremental query with its rule and date field counts every match before its first run', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const { canvas, inspector } = await chainOf(page, ['Incremental query', 'End'], 'Incremental query');
  await expect(
    inspector.settings.getByText('Choose the date field that tells new records.').first(),
  ).toBeVisible();
  await inspector.choose('Date that tells new records', 'Created');
  await expect(inspector.settings.getByText('Choose the date field that tells new records.')).toHaveCount(0);

  await QueryModelerPage.inInspector(page).addLoyaltyTier('Gold');

  const { doc, count } = await expectSameCountAsNode(canvas, 'Incremental query', 'End');
  expect(activityByLabel(doc, 'Incremental query').config).toMatchObject({
    targetDimension: 'profiles',
    dateField: 'created_date',
  });
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThan(10_000);
});

test('recording a run keeps the high-water mark: the count drops to the newer records, and the history survives a reload', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const { canvas, inspector } = await chainOf(page, ['Incremental query', 'End'], 'Incremental query');
  await inspector.choose('Date that tells new records', 'Created');
  await QueryModelerPage.inInspector(page).addLoyaltyTier('Gold');
  const { doc, count } = await expectSameCountAsNode(canvas, 'Incremental query', 'End');
  expect(count).toBeGreaterThan(0);

  await expect(inspector.runs.getByRole('note')).toHaveText(/No run recorded yet/);
  await inspector.recordRun();

  // The run remembers the latest creation date among the records it returned: none is later.
  await expect(inspector.runHistory.getByRole('row')).toHaveCount(2);
  const mark = inspector.runHistory.getByRole('row').nth(1).getByRole('cell');
  await expect(mark).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
  const transition = transitionId(doc, 'Incremental query', 'End');
  await expectCanvasCount(canvas, transition, 0);
  await expect(inspector.runs.getByRole('note')).toContainText(
    `only records with a date after ${await mark.textContent()} count now`,
  );

  // Kept in the browser with the data: after a reload the history and the mark still apply.
  await page.reload();
  await expect(canvas.canvas).toBeVisible();
  await expectCanvasCount(canvas, transition, 0);
  await canvas.select('Incremental query');
  await expect(inspector.runHistory.getByRole('row')).toHaveCount(2);
});
