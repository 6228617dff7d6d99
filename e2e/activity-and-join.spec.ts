import { expect, test } from '@playwright/test';
import { CanvasPage } from './pages/canvas-page';
import { InspectorPage, openSmallCampaign } from './pages/inspector-page';
import { QueryModelerPage } from './pages/query-modeler-page';
import { addActivities, campaignWith, expectSameCountAsNode } from './helpers/activity-flow';
import { activityByLabel, exportedDoc, nodeCounts, transitionId } from './helpers/expected-counts';

test('an and-join continues with the primary branch chosen by its source', async ({ page }) => {
  test.setTimeout(300_000);
  const canvas = new CanvasPage(page);
  const inspector = new InspectorPage(page);
  await openSmallCampaign(canvas);
  await addActivities(canvas, ['Build audience', 'Split', 'And-join', 'End']);
  await canvas.connect('Build audience', 'Split');
  await canvas.select('Split');
  await inspector.radio('Limit', 'Number', inspector.settings.getByRole('listitem', { name: /^Subset 1/ }));
  await inspector.settings.getByRole('spinbutton', { name: 'Number of records' }).fill('250');
  await inspector.connectOutput('Subset 1', 'And-join');
  await inspector.connectOutput('Subset 2', 'And-join');
  await canvas.select('And-join');
  await inspector.connectOutput('Primary', 'End');
  await expect(inspector.settings.getByText('Choose the primary inbound branch.').first()).toBeVisible();
  await expect(inspector.settings.getByRole('radio')).toHaveCount(2);
  await inspector.radio('Primary branch', 'Split › Subset 1');
  await expect(inspector.settings.getByText('Choose the primary inbound branch.')).toHaveCount(0);

  const { doc, count } = await expectSameCountAsNode(canvas, 'And-join', 'End');
  const primary = (activityByLabel(doc, 'And-join').config as { primaryTransitionId: string }).primaryTransitionId;
  expect(doc.transitions.find((t) => t.id === primary)?.source.port).toBe('subset-1');
  expect(count).toBe(250);
  expect(transitionId(doc, 'And-join', 'End')).toBeTruthy();
});

test('an And-join with a missing branch shows why nothing continues', async ({ page }) => {
  test.setTimeout(300_000);
  const { canvas, inspector } = await campaignWith(
    page,
    [
      ['Build audience', 140, 150],
      ['Build audience', 140, 450],
      ['And-join', 480, 300],
      ['End', 820, 300],
    ],
    [
      ['Build audience', 'And-join'],
      ['Build audience 2', 'And-join'],
      ['And-join', 'End'],
    ],
    { select: 'Build audience 2' },
  );
  // Nobody is both Gold and Silver: the second branch is empty and, by default, not emitted.
  const qm = QueryModelerPage.inInspector(page);
  await qm.addLoyaltyTier('Gold');
  await qm.addLoyaltyTier('Silver');
  await canvas.select('And-join');
  await expect(inspector.settings.getByText('No primary branch chosen: “Build audience”, the first branch, is primary.')).toBeVisible();
  // Exactly "Build audience": a pattern would also match "Build audience 2".
  const primary = inspector.settings.getByRole('radio', { name: 'Build audience', exact: true });
  await primary.locator('xpath=ancestor::label[1]').click();
  await expect(primary).toBeChecked();
  await expect(inspector.settings.getByText('No primary branch chosen', { exact: false })).toHaveCount(0);

  // Node agrees that nothing continues: the primary branch has a count, the And-join none.
  const doc = await exportedDoc(page);
  const counts = await nodeCounts(doc);
  const after = transitionId(doc, 'And-join', 'End');
  expect(counts[transitionId(doc, 'Build audience', 'And-join')]).toBeGreaterThan(0);
  expect(counts[after]).toBeUndefined();
  expect(counts[transitionId(doc, 'Build audience 2', 'And-join')]).toBeUndefined();

  const why = /^Waiting: “Build audience 2” is not emitted, so nothing continues\./;
  await expect(canvas.node('And-join').getByRole('img', { name: why })).toBeVisible({ timeout: 120_000 });
  await expect(canvas.node('And-join').getByText('Waiting')).toBeVisible();
  await expect(canvas.canvas.locator(`[data-transition-id="${after}"]`).getByRole('img', { name: why })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Records' }).getByText(why)).toBeVisible();

  // Once the empty branch continues when empty, it carries 0 and the And-join goes on with its primary branch.
  await canvas.select('Build audience 2');
  await inspector.toggle(/^Continue when empty/);
  const { count, counts: emitted } = await expectSameCountAsNode(canvas, 'And-join', 'End');
  expect(count).toBe(emitted[transitionId(doc, 'Build audience', 'And-join')]);
});
