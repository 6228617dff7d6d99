import { expect, test } from '@playwright/test';
import { campaignWith, chainOf, expectSameCountAsNode } from './helpers/activity-flow';
import { activityByLabel, transitionId } from './helpers/expected-counts';
import { guestList } from './helpers/csv-file';

test('a loaded file is described from its lines and its rejected lines are counted', async ({ page }) => {
  test.setTimeout(300_000);
  const { canvas, inspector } = await chainOf(page, ['Load file', 'End'], 'Load file');
  await expect(inspector.settings.getByText('Choose the file to load.').first()).toBeVisible();

  await inspector.loadFile(guestList());
  await expect(inspector.settings.getByText('guests.csv')).toBeVisible();
  await expect(inspector.columns.getByRole('listitem')).toHaveCount(2);
  const amount = inspector.column('amount');
  // One value is not a number: the column is read as text until the person says otherwise.
  await expect(amount.getByRole('combobox', { name: 'Type' })).toHaveValue('string');
  await amount.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Decimal number' });
  await expect(inspector.column('profile_id').getByRole('combobox', { name: 'Type' })).toHaveValue('integer');
  await expect(inspector.settings.getByText('1 line rejected', { exact: false })).toBeVisible({
    timeout: 120_000,
  });

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

test('each column says what a value that does not convert does: reject the line, leave it empty, or a default', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const { canvas, inspector } = await campaignWith(page, ['Load file', 'End', 'End'], [['Load file', 'End', 'out']], {
    select: 'Load file',
  });
  await inspector.loadFile(guestList());
  const amount = inspector.column('amount');
  await amount.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Decimal number' });
  await expect(amount.getByRole('combobox', { name: 'A value that does not convert' })).toHaveValue('reject');
  // The rejected lines, with their reason, go on their own transition.
  await inspector.connectOutput('Rejected lines', 'End 2');
  await expect(canvas.transitions).toHaveCount(2);

  const rejectedLines = await expectSameCountAsNode(canvas, 'Load file', 'End 2', 'rejected');
  expect(rejectedLines.count).toBe(1);
  expect((await expectSameCountAsNode(canvas, 'Load file', 'End', 'out')).count).toBe(42);

  await amount
    .getByRole('combobox', { name: 'A value that does not convert' })
    .selectOption({ label: 'Is left empty' });
  await expect(inspector.settings.getByRole('status').filter({ hasText: 'No line rejected.' })).toBeVisible({
    timeout: 120_000,
  });
  const ignored = await expectSameCountAsNode(canvas, 'Load file', 'End', 'out');
  expect(ignored.count).toBe(43);
  expect(ignored.counts[transitionId(ignored.doc, 'Load file', 'End 2', 'rejected')]).toBe(0);
  expect(activityByLabel(ignored.doc, 'Load file').config).toMatchObject({
    columns: [{ name: 'profile_id' }, { name: 'amount', type: 'decimal', onError: 'ignore' }],
  });

  await amount
    .getByRole('combobox', { name: 'A value that does not convert' })
    .selectOption({ label: 'Is replaced by a default' });
  // A default that is not a number is refused where it is typed.
  await inspector.fill('Default value', 'n/a', amount);
  const badDefault = amount.getByText('Column amount: the default value "n/a" is not a number.');
  await expect(badDefault).toBeVisible();
  await inspector.fill('Default value', '0', amount);
  await expect(badDefault).toBeHidden();
  const defaulted = await expectSameCountAsNode(canvas, 'Load file', 'End', 'out');
  expect(defaulted.count).toBe(43);
  expect(activityByLabel(defaulted.doc, 'Load file').config).toMatchObject({
    columns: [
      { name: 'profile_id' },
      { name: 'amount', type: 'decimal', onError: 'default', defaultValue: '0' },
    ],
  });
  await expect(inspector.settings.getByRole('status').filter({ hasText: 'No line rejected.' })).toBeVisible();
});

test('a file without a heading line is read in order, with another delimiter', async ({ page }) => {
  test.setTimeout(300_000);
  const { canvas, inspector } = await chainOf(page, ['Load file', 'End'], 'Load file');
  const lines = ['7|2025-01-31 09:30|yes', '8|2025-02-01|no', '9|soon|maybe'];
  await inspector.loadFile({ name: 'visits.txt', mimeType: 'text/plain', buffer: Buffer.from(lines.join('\n')) });
  await inspector.toggle('First line holds headings');
  await inspector.choose('Delimiter', 'Pipe |');
  const columns = inspector.columns;
  await expect(columns.getByRole('listitem')).toHaveCount(3);
  // Types come from the values: whole numbers, then a column with a value that is not a date-time.
  await expect(inspector.column('column_1').getByRole('combobox', { name: 'Type' })).toHaveValue('integer');
  await expect(inspector.column('column_2').getByRole('combobox', { name: 'Type' })).toHaveValue('string');
  // By position: renaming the column renames its card.
  const visited = columns.getByRole('listitem').nth(1);
  await visited.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Date and time' });
  await inspector.fill('Column name', 'visited_at', visited);
  const vip = columns.getByRole('listitem').nth(2);
  await vip.getByRole('combobox', { name: 'Type' }).selectOption({ label: 'Yes/no' });
  await vip
    .getByRole('combobox', { name: 'A value that does not convert' })
    .selectOption({ label: 'Is left empty' });
  await expect(inspector.settings.getByRole('status').filter({ hasText: '1 line rejected' })).toBeVisible({
    timeout: 120_000,
  });

  const { doc, count } = await expectSameCountAsNode(canvas, 'Load file', 'End');
  expect(count).toBe(2);
  expect(activityByLabel(doc, 'Load file').config).toMatchObject({
    fileName: 'visits.txt',
    header: false,
    delimiter: '|',
    columns: [
      { name: 'column_1', type: 'integer', onError: 'reject' },
      { name: 'visited_at', type: 'timestamp', onError: 'reject' },
      { name: 'column_3', type: 'boolean', onError: 'ignore' },
    ],
  });
});
