import { expect, test } from '@playwright/test';
import { CanvasPage } from './pages/canvas-page';
import { InspectorPage, openSmallCampaign } from './pages/inspector-page';
import { expectSameCountAsNode } from './helpers/activity-flow';
import { activityByLabel, transitionId } from './helpers/expected-counts';
import { guestList } from './helpers/csv-file';

test('reconciliation maps the lines of a file onto profiles by id', async ({ page }) => {
  test.setTimeout(300_000);
  const canvas = new CanvasPage(page);
  const inspector = new InspectorPage(page);
  await openSmallCampaign(canvas);
  await canvas.addInRow(['Load file', 'Reconciliation', 'End']);
  await canvas.connect('Load file', 'Reconciliation');
  await canvas.connect('Reconciliation', 'End');
  await canvas.select('Load file');
  await inspector.settings.getByLabel('CSV file').setInputFiles(guestList());
  await expect(inspector.settings.getByRole('list', { name: 'Columns' }).getByRole('listitem')).toHaveCount(2);

  await canvas.select('Reconciliation');
  await expect(inspector.settings.getByText('Choose the fields that identify a record.').first()).toBeVisible();
  await inspector.settings.getByRole('button', { name: 'Add a pair' }).click();
  await inspector.choose('Incoming value 1', 'profile_id');
  await inspector.choose('Field 1 of profiles', 'Profile id');
  await inspector.toggle('Keep unmatched records');

  const { doc, count, counts } = await expectSameCountAsNode(canvas, 'Reconciliation', 'End');
  expect(activityByLabel(doc, 'Reconciliation').config).toEqual({ targetDimension: 'profiles', pairs: [{ column: 'profile_id', field: 'profile_id' }], keepUnmatched: true });
  // Ids 1 to 41 are profiles (the amount column is read as text, so no line is rejected); 999998 and 999999 are not.
  expect(count).toBe(41);
  expect(counts[transitionId(doc, 'Load file', 'Reconciliation')]).toBe(43);
});
