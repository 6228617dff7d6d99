import { expect, test } from '@playwright/test';
import { exampleShopFiles } from './fixtures/data-files';
import { fixtureFile } from './fixtures/campaign-files';
import { CampaignListPage } from './pages/campaign-list-page';
import { DataPage } from './pages/data-page';
import { chainOf } from './helpers/activity-flow';

/**
 * Files saved in another encoding than UTF-8 are refused where their first bad byte is, never read
 * with U+FFFD in place of their accents; a UTF-8 byte-order mark is accepted.
 */
test.describe.configure({ timeout: 180_000 });

const latin1 = (text: string) => Buffer.from(text, 'latin1');
const withBom = (buffer: Buffer) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), buffer]);

/** Line and column (1-based) of the first "é" of a text. */
function placeOfAccent(text: string): { line: number; column: number } {
  const at = text.indexOf('é');
  return { line: text.slice(0, at).split('\n').length, column: at - text.lastIndexOf('\n', at - 1) };
}

test('campaign import: a byte-order mark is accepted; a Latin-1 file is refused with its line and column', async ({ page }) => {
  const list = new CampaignListPage(page);
  await list.goto();
  const good = fixtureFile('good-campaign.json');
  await list.importFile({ ...good, name: 'with-bom.json', buffer: withBom(good.buffer) });
  await expect(list.row('Imported spring newsletter')).toContainText('5 activities');

  const text = good.buffer.toString('utf8').replace('Imported spring newsletter', 'Newsletter été');
  const { line, column } = placeOfAccent(text);
  await list.importFile({ ...good, name: 'latin1.json', buffer: latin1(text) });
  const dialog = page.getByRole('alertdialog', { name: 'This file could not be imported' });
  await expect(dialog.getByRole('list', { name: 'Problems in the file' }).getByRole('listitem')).toHaveText([
    `(file): line ${line}, column ${column}: not UTF-8 text (byte 0xE9): save the file as UTF-8`,
  ]);
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect.poll(() => list.names()).toEqual(['Imported spring newsletter']);
});

test('data import: a CSV saved as Latin-1 is refused with its file, line and column, and the data in use stays', async ({ page }) => {
  const data = new DataPage(page);
  await data.goto();
  const files = exampleShopFiles();
  const customers = files.find((f) => f.name === 'customers.csv')!;
  const text = customers.buffer.toString('utf8');
  const { line, column } = placeOfAccent(text);
  await data.importFiles(files.map((f) => (f === customers ? { ...f, buffer: latin1(text) } : f)));

  await expect(data.problemsDialog).toBeVisible({ timeout: 60_000 });
  await expect(data.problems).toHaveCount(1);
  await expect(data.problems.first()).toContainText(`customers.csv, line ${line}, column ${column}`);
  await expect(data.problems.first()).toContainText('not UTF-8 text (byte 0xE9): save the file as UTF-8');
  await page.screenshot({ path: '/tmp/h3/data-import-latin1.png' });
  await data.problemsDialog.getByRole('button', { name: 'OK' }).click();
  await expect(data.summary.getByRole('heading', { name: 'Sample data' })).toBeVisible();
});

test('Load file: a Latin-1 file is refused where its first accent is, and nothing is stored', async ({ page }) => {
  const { inspector } = await chainOf(page, ['Load file', 'End'], 'Load file');
  const text = 'email;name\r\nann@x.com;Ann\r\nzoe@x.com;Zoé\r\n';
  await inspector.loadFile({ name: 'guests-latin1.csv', mimeType: 'text/csv', buffer: latin1(text) });
  await expect(inspector.settings.getByText('guests-latin1.csv, line 3, column 13: not UTF-8 text (byte 0xE9): save the file as UTF-8.')).toBeVisible();
  await expect(inspector.settings.getByText('Choose the file to load.').first()).toBeVisible();
  await page.screenshot({ path: '/tmp/h3/load-file-latin1.png' });

  // The same file in UTF-8 with a byte-order mark is read, its first heading intact.
  await inspector.loadFile({ name: 'guests.csv', mimeType: 'text/csv', buffer: withBom(Buffer.from(text)) });
  await expect(inspector.column('email')).toBeVisible();
  await expect(inspector.column('name')).toBeVisible();
  await expect(inspector.settings.getByText(/not UTF-8/)).toHaveCount(0);
});

