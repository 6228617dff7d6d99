import { expect, test } from '@playwright/test';
import {
  campaignWith,
  enrichmentBeforeSplit,
  expectSameCountAsNode,
  loadGuestList,
  subsetFilteredOnColumn,
} from './helpers/activity-flow';
import { activityByLabel } from './helpers/expected-counts';

test('enriched columns feed a split sorted by the number of purchases, with the count on the canvas', async ({ page }) => {
  test.setTimeout(300_000);
  const { canvas, inspector } = await enrichmentBeforeSplit(page);

  const settings = inspector.settings;
  await inspector.choose('Add an attribute', 'Account › Name');
  await expect(settings.getByRole('textbox', { name: 'Column 1' })).toHaveValue('account_name');
  await inspector.fill('Column 1', 'company');
  await inspector.addCollectionCount('Purchases', 'purchase_count');
  await expect(settings.getByLabel('Columns added')).toHaveText(/company\s*purchase_count/);

  // The enriched column is offered downstream.
  await canvas.select('Split');
  await inspector.connectOutput('Subset 1', 'End');
  const first = inspector.subset('Subset 1');
  await inspector.radio('Limit', 'Number', first);
  await first.getByRole('spinbutton', { name: 'Number of records' }).fill('100');
  await inspector.radio('Records kept', 'By sort', first);
  await inspector.choose('Sort by', 'purchase_count', first);

  const { doc, count } = await expectSameCountAsNode(canvas, 'Split', 'End');
  expect(activityByLabel(doc, 'Enrichment').config).toMatchObject({
    attributes: [{ path: ['account', 'name'], alias: 'company' }],
    collections: [{ path: ['purchases'], alias: 'purchase_count', mode: 'aggregate', aggregate: { fn: 'count' } }],
  });
  expect(count).toBe(100);
});

test('a join by an advanced rule brings a file column, which a split downstream filters on', async ({ page }) => {
  test.setTimeout(300_000);
  const { canvas, inspector } = await campaignWith(
    page,
    [
      ['Build audience', 140, 140],
      ['Load file', 140, 440],
      ['Enrichment', 460, 290],
      ['Split', 760, 290],
      ['End', 760, 540],
    ],
    [
      ['Build audience', 'Enrichment'],
      // Into the Enrichment's "Tables to join" input.
      ['Load file', 'Enrichment', undefined, 'join'],
      ['Enrichment', 'Split'],
    ],
    { select: 'Load file' },
  );
  await loadGuestList(inspector);

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

  const qm = await subsetFilteredOnColumn(canvas, inspector, 'guest_amount');
  await qm.comparison(qm.last, 'is not empty');

  const { doc, count } = await expectSameCountAsNode(canvas, 'Split', 'End');
  expect(activityByLabel(doc, 'Enrichment').config).toMatchObject({
    joins: [{ mode: 'rule', multiple: 'first', rule: { combinator: 'and', comparisons: [{ left: { side: 'records', name: 'profile_id' }, right: { side: 'other', name: 'profile_id' } }, { operator: 'gte', right: { value: '50' } }] }, columns: [{ name: 'amount', alias: 'guest_amount' }] }],
  });
  // Engaged profiles among the 41 of the file that exist.
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThan(41);
});
