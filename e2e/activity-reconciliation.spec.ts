import { expect, test } from '@playwright/test';
import { expectSameCountAsNode, guestListInto } from './helpers/activity-flow';
import { activityByLabel, transitionId } from './helpers/expected-counts';

test('reconciliation maps the lines of a file onto profiles by id', async ({ page }) => {
  test.setTimeout(300_000);
  const { canvas, inspector } = await guestListInto(page, 'Reconciliation');
  await expect(inspector.settings.getByText('Choose the fields that identify a record.').first()).toBeVisible();
  await inspector.settings.getByRole('button', { name: 'Add a pair' }).click();
  await inspector.choose('Incoming value 1', 'profile_id');
  await inspector.choose('Field 1 of profiles', 'Profile id');
  // Lines 999998 and 999999 match no profile: dropped, and told.
  await expect(canvas.node('Reconciliation').getByText('2 not matched', { exact: true })).toBeVisible({ timeout: 120_000 });
  await expect(inspector.panel.getByLabel('Records left out')).toHaveText('2 records not matched: no output carries them.');
  // Kept on the Unmatched output, they are no longer left out.
  await inspector.toggle('Keep unmatched records');
  await expect(canvas.node('Reconciliation').getByText('2 not matched', { exact: true })).toBeHidden({ timeout: 120_000 });

  const { doc, count, counts } = await expectSameCountAsNode(canvas, 'Reconciliation', 'End');
  expect(activityByLabel(doc, 'Reconciliation').config).toMatchObject({ targetDimension: 'profiles', mode: 'pairs', pairs: [{ column: 'profile_id', field: 'profile_id' }], keepUnmatched: true });
  // Ids 1 to 41 are profiles (the amount column is read as text, so no line is rejected); 999998 and 999999 are not.
  expect(count).toBe(41);
  expect(counts[transitionId(doc, 'Load file', 'Reconciliation')]).toBe(43);
});

test('an advanced rule maps the lines onto profiles by id and keeps the engaged ones', async ({ page }) => {
  test.setTimeout(300_000);
  const { canvas, inspector } = await guestListInto(page, 'Reconciliation');
  await inspector.radio('Identify records by', 'An advanced rule');
  await expect(inspector.settings.getByText('Add a comparison between the incoming records and the dimension.').first()).toBeVisible();
  // file.profile_id = profile.profile_id AND profile.engagement_score >= 50
  await inspector.settings.getByRole('button', { name: 'Add a comparison' }).click();
  await inspector.choose('Comparison 1: left', 'profile_id');
  await inspector.choose('Comparison 1: right', 'Profile id');
  await inspector.settings.getByRole('button', { name: 'Add a comparison' }).click();
  await inspector.choose('Comparison 2: left', 'Engagement score');
  await inspector.choose('Comparison 2: operator', '≥');
  await inspector.choose('Comparison 2: right', 'A constant value');
  await inspector.fill('Comparison 2: right: constant', '50');

  const { doc, count } = await expectSameCountAsNode(canvas, 'Reconciliation', 'End');
  expect(activityByLabel(doc, 'Reconciliation').config).toMatchObject({
    mode: 'rule',
    rule: {
      combinator: 'and',
      comparisons: [
        { left: { side: 'records', name: 'profile_id' }, operator: 'equals', right: { side: 'other', name: 'profile_id' } },
        { left: { side: 'other', name: 'engagement_score' }, operator: 'gte', right: { side: 'value', value: '50' } },
      ],
    },
  });
  // Some of the 41 known profiles, not all of them.
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThan(41);
});
