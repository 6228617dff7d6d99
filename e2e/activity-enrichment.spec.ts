import { expect, test } from '@playwright/test';
import { CanvasPage } from './pages/canvas-page';
import { addActivities } from './helpers/activity-flow';
import { expectCanvasCount, InspectorPage, openSmallCampaign } from './pages/inspector-page';
import { activityByLabel, exportedDoc, nodeCounts, transitionId } from './helpers/expected-counts';

test('enriched columns feed a split sorted by the number of purchases, with the count on the canvas', async ({ page }) => {
  test.setTimeout(300_000);
  const canvas = new CanvasPage(page);
  const inspector = new InspectorPage(page);
  await openSmallCampaign(canvas);
  await addActivities(canvas, ['Build audience', 'Enrichment', 'Split', 'End']);
  await canvas.connect('Build audience', 'Enrichment');
  await canvas.connect('Enrichment', 'Split');
  await canvas.select('Enrichment');

  const settings = inspector.settings;
  await inspector.choose('Add an attribute', 'Account › Name');
  await expect(settings.getByRole('textbox', { name: 'Column 1' })).toHaveValue('account_name');
  await inspector.fill('Column 1', 'company');
  await inspector.choose('Add from a collection', 'Purchases');
  const purchases = settings.getByRole('listitem', { name: /^Collection / });
  await inspector.fill('Column name', 'purchase_count', purchases);
  await expect(settings.getByLabel('Columns added')).toHaveText(/company\s*purchase_count/);

  // The enriched column is offered downstream.
  await canvas.select('Split');
  await inspector.connectOutput('Subset 1', 'End');
  const first = settings.getByRole('listitem', { name: /^Subset 1/ });
  await inspector.radio('Limit', 'Number', first);
  await first.getByRole('spinbutton', { name: 'Number of records' }).fill('100');
  await inspector.radio('Records kept', 'By sort', first);
  await inspector.choose('Sort by', 'purchase_count', first);

  const doc = await exportedDoc(page);
  expect(activityByLabel(doc, 'Enrichment').config).toMatchObject({
    attributes: [{ path: ['account', 'name'], alias: 'company' }],
    collections: [{ path: ['purchases'], alias: 'purchase_count', mode: 'aggregate', aggregate: { fn: 'count' } }],
  });
  const id = transitionId(doc, 'Split', 'End');
  const expected = nodeCounts(doc)[id]!;
  expect(expected).toBe(100);
  await expectCanvasCount(canvas, id, expected);
});
