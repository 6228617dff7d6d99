import { expect, test } from '@playwright/test';
import { CanvasPage } from './pages/canvas-page';
import { InspectorPage, openSmallCampaign } from './pages/inspector-page';
import { expectSameCountAsNode } from './helpers/activity-flow';
import { activityByLabel } from './helpers/expected-counts';
import { guestList } from './helpers/csv-file';

test('a loaded file is described from its lines and its rejected lines are counted', async ({ page }) => {
  test.setTimeout(300_000);
  const canvas = new CanvasPage(page);
  const inspector = new InspectorPage(page);
  await openSmallCampaign(canvas);
  await canvas.addInRow(['Load file', 'End']);
  await canvas.connect('Load file', 'End');
  await canvas.select('Load file');
  await expect(inspector.settings.getByText('Choose the file to load.').first()).toBeVisible();

  await inspector.settings.getByLabel('CSV file').setInputFiles(guestList());
  await expect(inspector.settings.getByText('guests.csv')).toBeVisible();
  const columns = inspector.settings.getByRole('list', { name: 'Columns' });
  await expect(columns.getByRole('listitem')).toHaveCount(2);
  const amount = columns.getByRole('listitem', { name: 'Column amount' });
  // One value is not a number: the column is read as text until the person says otherwise.
  await expect(amount.getByRole('combobox', { name: 'Type' })).toHaveValue('string');
  await amount.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Decimal number' });
  await expect(columns.getByRole('listitem', { name: 'Column profile_id' }).getByRole('combobox', { name: 'Type' })).toHaveValue('integer');
  await expect(inspector.settings.getByText('1 line rejected', { exact: false })).toBeVisible({ timeout: 120_000 });

  const { doc, count } = await expectSameCountAsNode(canvas, 'Load file', 'End');
  expect(activityByLabel(doc, 'Load file').config).toMatchObject({
    fileName: 'guests.csv',
    columns: [
      { name: 'profile_id', source: 'Profile id', type: 'integer', onError: 'reject' },
      { name: 'amount', source: 'Amount', type: 'decimal', onError: 'reject' },
    ],
  });
  expect(count).toBe(42);
});
