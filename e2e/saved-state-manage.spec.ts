import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './helpers/a11y';
import {
  campaignReadingSavedAudience,
  campaignSavingAudience,
  chainOf,
  expectSameCountAsNode,
} from './helpers/activity-flow';
import { transitionId } from './helpers/expected-counts';
import { DataPage } from './pages/data-page';
import { dataTextFile, exampleShopFiles } from './fixtures/data-files';
import { expectCanvasCount } from './pages/inspector-page';

test('a saved audience deleted on the Data screen stays gone after a reload; its reader shows a problem', async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  // A campaign saves the audience...
  const { count } = await campaignSavingAudience(page, 'Everyone for the spring newsletter');
  const saver = page.url();

  // ...and another reads it.
  const { canvas, inspector } = await campaignReadingSavedAudience(page);
  await inspector.choose(
    'Saved audience',
    `Everyone for the spring newsletter — ${count.toLocaleString('en-US')} profiles`,
  );
  await expect(canvas.node('Build audience').getByRole('img', { name: 'Status: Error' })).toHaveCount(0);
  const reader = canvas.page.url();
  expect(reader).not.toBe(saver);

  const data = new DataPage(page);
  await data.goto();
  const table = page.getByRole('table', { name: 'Saved audiences' });
  const row = table.getByRole('row', { name: /^Everyone for the spring newsletter/ });
  await expect(row.getByRole('cell')).toHaveText([
    'Profiles',
    count.toLocaleString('en-US'),
    /.+/,
    /.+/,
    'Sample data, 10,000 profiles (in use)',
    'Delete',
  ]);

  await row
    .getByRole('button', { name: 'Delete Everyone for the spring newsletter (Sample data, 10,000 profiles)' })
    .click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete this saved audience?' });
  await expect(dialog).toContainText(
    `Everyone for the spring newsletter: ${count.toLocaleString('en-US')} profiles saved from Sample data, 10,000 profiles.`,
  );
  await expect(dialog).toContainText('is written again the next time that campaign runs');
  await page.screenshot({ path: testInfo.outputPath('delete-audience-dialog.png') });

  // Cancel keeps it.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toBeVisible();

  await row.getByRole('button', { name: /^Delete Everyone/ }).click();
  await dialog.getByRole('button', { name: 'Delete audience' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted the audience' })).toHaveText(
    'Deleted the audience “Everyone for the spring newsletter” of Sample data, 10,000 profiles.',
  );
  await expect(page.getByRole('heading', { name: 'Saved audiences' })).toBeFocused();
  await expect(table).toBeHidden();
  const section = page.getByRole('region', { name: 'Saved audiences' });
  await expect(section).toContainText('No audience is saved in this browser.');
  await section.screenshot({ path: testInfo.outputPath('saved-audiences-empty.png') });

  // Gone from the browser's storage too: a new page does not restore it.
  await page.reload();
  await data.waitUntilReady();
  await expect(section).toContainText('No audience is saved in this browser.');

  // The campaign that read it now says what is wrong.
  await page.goto(reader);
  await expect(canvas.canvas).toBeVisible();
  const problem =
    'No audience named "Everyone for the spring newsletter" has been saved yet from the data in use, or it was deleted';
  await expect(canvas.node('Build audience').getByRole('img', { name: 'Status: Error' })).toHaveAttribute(
    'title',
    new RegExp(problem),
    { timeout: 120_000 },
  );
  await expect(
    page.getByRole('region', { name: /^Problems/ }).getByRole('button', { name: /No audience named "Everyone for/ }),
  ).toBeVisible();
  await canvas.select('Build audience');
  await expect(inspector.settings.getByRole('combobox', { name: 'Saved audience' })).toHaveValue(
    'Everyone for the spring newsletter',
  );
  await expect(
    inspector.settings.getByRole('option', { name: 'Everyone for the spring newsletter (not available)' }),
  ).toBeAttached();
});

test('the Data screen lists saved audiences with long names and of other data, each with its own Delete', async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  const longName = 'Gold members who bought twice in the spring and opened every newsletter since March';
  await campaignSavingAudience(page, longName);

  // The same name on other data is another audience.
  const { inspector } = await chainOf(page, ['Build audience', 'Save audience', 'End'], 'Save audience', {
    profiles: 2000,
  });
  await inspector.fill('Audience name', longName);
  await inspector.runToSave();
  await expect(inspector.lastSaved).toContainText('from Sample data, 2,000 profiles');

  const data = new DataPage(page);
  await data.goto();
  const rows = page.getByRole('table', { name: 'Saved audiences' }).getByRole('row');
  await expect(rows).toHaveCount(3);
  const section = page.getByRole('region', { name: 'Saved audiences' });
  await section.screenshot({ path: testInfo.outputPath('saved-audiences-list.png') });

  await expectNoSeriousViolations(page);

  await page.getByRole('button', { name: `Delete ${longName} (Sample data, 2,000 profiles)` }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Delete this saved audience?' });
  await expect(dialog).toContainText(longName);
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectNoSeriousViolations(page);
  await dialog.getByRole('button', { name: 'Delete audience' }).click();
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText('Sample data, 10,000 profiles (in use)');
});

test('clearing the run history of an incremental query counts every record again, also after a reload', async ({
  page,
}, testInfo) => {
  test.setTimeout(300_000);
  const { canvas, inspector } = await chainOf(page, ['Incremental query', 'End'], 'Incremental query');
  await inspector.choose('Date that tells new records', 'Created');
  const { doc, count } = await expectSameCountAsNode(canvas, 'Incremental query', 'End');
  const transition = transitionId(doc, 'Incremental query', 'End');

  const runs = inspector.runs;
  await expect(runs.getByRole('button', { name: 'Clear history' })).toHaveCount(0);
  await inspector.recordRun();
  const history = inspector.runHistory;
  await expect(history.getByRole('row')).toHaveCount(2);
  await expectCanvasCount(canvas, transition, 0);
  await runs.screenshot({ path: testInfo.outputPath('run-history.png') });

  await runs.getByRole('button', { name: 'Clear history' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Clear the run history?' });
  await expect(dialog).toContainText('The run of “');
  await expect(dialog).toContainText('count every record matching their rule again');
  await page.screenshot({ path: testInfo.outputPath('clear-history-dialog.png') });
  await dialog.getByRole('button', { name: 'Clear history' }).click();
  await expect(dialog).toBeHidden();

  await expect(runs.getByRole('status')).toHaveText(
    'Run history cleared: 1 run removed. The next count has every matching record.',
  );
  await expect(history).toBeHidden();
  await expect(runs.getByRole('note')).toHaveText(/No run recorded yet/);
  await expect(runs.getByRole('button', { name: 'Record a run now' })).toBeFocused();
  await expectCanvasCount(canvas, transition, count);
  await runs.screenshot({ path: testInfo.outputPath('run-history-cleared.png') });

  await page.reload();
  await expect(canvas.canvas).toBeVisible();
  await expectCanvasCount(canvas, transition, count);
  await canvas.select('Incremental query');
  await expect(inspector.runs.getByRole('note')).toHaveText(/No run recorded yet/);
});

test('imported data without a reference date says its "today" is the day of import', async ({ page }, testInfo) => {
  test.setTimeout(180_000);
  const files = exampleShopFiles().map((f) => {
    if (!f.name.endsWith('.json')) return f;
    const { referenceDate: _r, ...model } = JSON.parse(f.buffer.toString('utf8')) as Record<string, unknown>;
    return dataTextFile(f.name, JSON.stringify(model));
  });
  const data = new DataPage(page);
  await data.goto();
  await data.importFiles(files);
  await expect(data.summary.getByRole('heading', { name: 'Corner shop' })).toBeVisible({ timeout: 60_000 });
  const today = new Date().toISOString().slice(0, 10);
  await expect(data.summary).toContainText(
    `Reference date${today} (the day of import: the data model sets no reference date)`,
  );
  await data.summary.screenshot({ path: testInfo.outputPath('import-day-reference-date.png') });
});
