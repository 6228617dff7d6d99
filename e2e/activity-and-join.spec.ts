import { expect, test } from '@playwright/test';
import { CanvasPage } from './pages/canvas-page';
import { InspectorPage, openSmallCampaign } from './pages/inspector-page';
import { addActivities, expectSameCountAsNode } from './helpers/activity-flow';
import { activityByLabel, transitionId } from './helpers/expected-counts';

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
