import { expect, test } from '@playwright/test';
import { CanvasPage } from './pages/canvas-page';
import { addActivities } from './helpers/activity-flow';
import { expectCanvasCount, InspectorPage, openSmallCampaign } from './pages/inspector-page';
import { activityByLabel, exportedDoc, nodeCounts, transitionId } from './helpers/expected-counts';
import { expectSameCountAsNode } from './helpers/activity-flow';
import { guestList } from './helpers/csv-file';
import { QueryModelerPage } from './pages/query-modeler-page';

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
  const expected = (await nodeCounts(doc))[id]!;
  expect(expected).toBe(100);
  await expectCanvasCount(canvas, id, expected);
});

test('a join by an advanced rule brings a file column, which a split downstream filters on', async ({ page }) => {
  test.setTimeout(300_000);
  const canvas = new CanvasPage(page);
  const inspector = new InspectorPage(page);
  await openSmallCampaign(canvas);
  const place = [
    ['Build audience', 140, 140],
    ['Load file', 140, 440],
    ['Enrichment', 460, 290],
    ['Split', 760, 290],
    ['End', 760, 540],
  ] as const;
  for (const [i, [title, x, y]] of place.entries()) {
    await canvas.dragFromPalette(title, { x, y });
    await expect(canvas.nodes).toHaveCount(i + 1);
  }
  await canvas.connect('Build audience', 'Enrichment');
  await connectToJoin(canvas, 'Load file', 'Enrichment');
  await canvas.connect('Enrichment', 'Split');
  await expect(canvas.transitions).toHaveCount(3);
  await canvas.select('Load file');
  await inspector.settings.getByLabel('CSV file').setInputFiles(guestList());
  await expect(inspector.settings.getByRole('list', { name: 'Columns' }).getByRole('listitem')).toHaveCount(2);

  // records.profile_id = file.profile_id AND records.engagement_score >= 50; several lines: the first.
  await canvas.select('Enrichment');
  await inspector.choose('Add a join', 'Load file › Records');
  const join = inspector.settings.getByRole('listitem', { name: /^Join with/ });
  await inspector.radio('Join by', 'An advanced rule', join);
  await join.getByRole('button', { name: 'Add a comparison' }).click();
  await inspector.choose('Comparison 1: left', 'Profile id', join);
  await expect(join.getByRole('combobox', { name: 'Comparison 1: right' }).first().locator('option', { hasText: /^profile_id$/ })).toHaveCount(1);
  await inspector.choose('Comparison 1: right', 'profile_id', join);
  await join.getByRole('button', { name: 'Add a comparison' }).click();
  await inspector.choose('Comparison 2: left', 'Engagement score', join);
  await inspector.choose('Comparison 2: operator', '≥', join);
  await inspector.choose('Comparison 2: right', 'A constant value', join);
  await inspector.fill('Comparison 2: right: constant', '50', join);
  await join.getByRole('button', { name: 'Add a column' }).click();
  await inspector.choose('Column 1 to bring', 'amount', join);
  await inspector.fill('Named 1', 'guest_amount', join);

  await canvas.select('Split');
  await inspector.connectOutput('Subset 1', 'End');
  const first = inspector.settings.getByRole('listitem', { name: /^Subset 1/ });
  await inspector.toggle('Filter', first);
  const qm = new QueryModelerPage(page, first.locator('section.qm'));
  await qm.add('A field');
  await qm.chooseField(qm.last, 'guest_amount', /guest_amount/);
  await qm.comparison(qm.last, 'is not empty');

  const { doc, count } = await expectSameCountAsNode(canvas, 'Split', 'End');
  expect(activityByLabel(doc, 'Enrichment').config).toMatchObject({
    joins: [{ mode: 'rule', multiple: 'first', rule: { combinator: 'and', comparisons: [{ left: { side: 'records', name: 'profile_id' }, right: { side: 'other', name: 'profile_id' } }, { operator: 'gte', right: { value: '50' } }] }, columns: [{ name: 'amount', alias: 'guest_amount' }] }],
  });
  // Engaged profiles among the 41 of the file that exist.
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThan(41);
});

/** Connects an activity's output to the "Tables to join" input of an Enrichment. */
async function connectToJoin(canvas: CanvasPage, from: string, to: string) {
  const source = await canvas.handle(from, 'output').boundingBox();
  const target = await canvas.handle(to, 'input', 'join').boundingBox();
  if (!source || !target) throw new Error('handle not found');
  await canvas.page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await canvas.page.mouse.down();
  await canvas.page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 12 });
  await canvas.page.mouse.up();
}
