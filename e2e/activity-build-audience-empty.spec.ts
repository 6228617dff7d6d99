import { expect, test } from '@playwright/test';
import { chainOf, expectSameCountAsNode } from './helpers/activity-flow';
import { activityByLabel, exportedDoc, nodeCounts, transitionId } from './helpers/expected-counts';
import { QueryModelerPage } from './pages/query-modeler-page';

test('an empty audience emits no transition unless it continues when empty', async ({ page }) => {
  test.setTimeout(300_000);
  const { canvas, inspector } = await chainOf(
    page,
    ['Build audience', 'Save audience', 'End'],
    'Build audience',
  );
  // Nobody is both Gold and Silver.
  const qm = QueryModelerPage.inInspector(page);
  await qm.addLoyaltyTier('Gold');
  await qm.addLoyaltyTier('Silver');

  const off = await exportedDoc(page);
  expect(activityByLabel(off, 'Build audience').config).toMatchObject({ emitWhenEmpty: false });
  const first = transitionId(off, 'Build audience', 'Save audience');
  const second = transitionId(off, 'Save audience', 'End');
  // The engine in Node agrees: neither transition has a count.
  expect(await nodeCounts(off)).toEqual({});
  const notEmitted = canvas.canvas
    .locator(`[data-transition-id="${first}"]`)
    .getByRole('img', { name: /^Not emitted: no records/ });
  await expect(notEmitted).toBeVisible({ timeout: 120_000 });
  await expect(
    canvas.canvas
      .locator(`[data-transition-id="${second}"]`)
      .getByRole('img', { name: 'No count: “Build audience” before this one has no records to pass on.' }),
  ).toBeVisible();

  await inspector.toggle(/^Continue when empty/);
  await expect(inspector.settings.getByRole('switch', { name: /^Continue when empty/ })).toBeChecked();
  const { doc, count } = await expectSameCountAsNode(canvas, 'Save audience', 'End');
  expect(count).toBe(0);
  expect(activityByLabel(doc, 'Build audience').config).toMatchObject({ emitWhenEmpty: true });
  await expect(
    canvas.canvas
      .locator(`[data-transition-id="${first}"]`)
      .getByRole('img', { name: '0 records', exact: true }),
  ).toBeVisible();
});
