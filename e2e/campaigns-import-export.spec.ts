import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { parseCampaign } from '../src/domain/serialization';
import { CampaignListPage } from './pages/campaign-list-page';
import { fixtureFile, textFile } from './fixtures/campaign-files';

async function dropFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  const dataTransfer = await page.evaluateHandle(
    ({ name, mimeType, text }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: mimeType }));
      return dt;
    },
    { name: file.name, mimeType: file.mimeType, text: file.buffer.toString('utf8') },
  );
  const target = page.getByRole('main');
  await target.dispatchEvent('dragenter', { dataTransfer });
  await expect(page.getByText('Drop the campaign file to import it')).toBeVisible();
  await target.dispatchEvent('drop', { dataTransfer });
}

test('import a good file from the list: it becomes a new campaign', async ({ page }) => {
  const list = new CampaignListPage(page);
  await list.goto();
  await list.importFile(fixtureFile('good-campaign.json'));
  await expect(list.row('Imported spring newsletter')).toContainText('5 activities');
  await expect(page.getByRole('alert').or(page.getByRole('status')).filter({ hasText: 'Imported “Imported spring newsletter”' })).toBeVisible();
});

test('importing a campaign whose name is taken names the copy and selects it in the list', async ({ page }) => {
  const list = new CampaignListPage(page);
  await list.goto();
  await list.importFile(fixtureFile('good-campaign.json'));
  await expect(list.row('Imported spring newsletter')).toBeVisible();
  await list.importFile(fixtureFile('good-campaign.json'));
  const copy = list.row('Imported spring newsletter (imported)');
  await expect(copy).toHaveAttribute('aria-current', 'true');
  await expect(copy.getByRole('link', { name: 'Imported spring newsletter (imported)' })).toBeFocused();
  // The first one is untouched, and no longer the selected one.
  await expect(list.row('Imported spring newsletter')).not.toHaveAttribute('aria-current', 'true');
  expect(await list.names()).toHaveLength(2);
});

test('import a bad file: every path and problem is listed and nothing changes', async ({ page }) => {
  const { list } = await CampaignListPage.open(page);
  await list.createNamed('Existing');

  await list.importFile(fixtureFile('bad-campaign.json'));
  const dialog = page.getByRole('alertdialog', { name: 'This file could not be imported' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('bad-campaign.json');
  const problems = dialog.getByRole('list', { name: 'Problems in the file' }).getByRole('listitem');
  await expect(problems).toHaveText([
    'activities[3].config.subsets[0].limit.value: expected a number, got a string',
    'transitions[4].target.activityId: no activity "act_missing"',
  ]);
  await dialog.getByRole('button', { name: 'OK' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => list.names()).toEqual(['Existing']);
});

test('import a file that is not JSON from the editor: the open campaign is untouched', async ({ page }) => {
  const { list, editor } = await CampaignListPage.open(page);
  await list.openTemplate('Welcome series');
  const id = editor.campaignId();

  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import' }).click();
  await (await chooser).setFiles(textFile('notes.json', 'this is not { json'));
  const dialog = page.getByRole('alertdialog', { name: 'This file could not be imported' });
  await expect(dialog).toContainText('(file): not valid JSON');
  await dialog.getByRole('button', { name: 'OK' }).click();
  expect(editor.campaignId()).toBe(id);
  await editor.expectOpen('Welcome series');
  await editor.backToList();
  await expect.poll(() => list.names()).toEqual(['Welcome series']);
  await expect(list.row('Welcome series')).toContainText('8 activities');
});

test('import from the editor opens the imported campaign', async ({ page }) => {
  const { list, editor } = await CampaignListPage.open(page);
  await list.newCampaignButton.click();
  await editor.expectOpen('Untitled campaign');
  const before = editor.campaignId();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import' }).click();
  await (await chooser).setFiles(fixtureFile('good-campaign.json'));
  await editor.expectOpen('Imported spring newsletter');
  expect(editor.campaignId()).not.toBe(before);
});

test('drop a campaign file on the list to import it; a bad drop is refused', async ({ page }) => {
  const list = new CampaignListPage(page);
  await list.goto();
  await dropFile(page, fixtureFile('good-campaign.json'));
  await expect(list.row('Imported spring newsletter')).toBeVisible();
  await dropFile(page, fixtureFile('bad-campaign.json'));
  await expect(page.getByRole('alertdialog', { name: 'This file could not be imported' })).toContainText(
    'activities[3].config.subsets[0].limit.value',
  );
  await page.getByRole('button', { name: 'OK' }).click();
  await expect.poll(() => list.names()).toEqual(['Imported spring newsletter']);
});

test('export from the editor downloads <name>.json that imports back', async ({ page }) => {
  const { list, editor } = await CampaignListPage.open(page);
  await list.openTemplate('Multi-channel newsletter');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('Multi-channel newsletter.json');
  const parsed = parseCampaign(readFileSync(await file.path(), 'utf8'));
  expect(parsed.ok).toBe(true);
  if (parsed.ok) {
    expect(parsed.doc.name).toBe('Multi-channel newsletter');
    expect(parsed.doc.activities).toHaveLength(5);
    expect(parsed.doc.id).toBe(editor.campaignId());
  }
});

test('export from the list row menu', async ({ page }) => {
  const { list, editor } = await CampaignListPage.open(page);
  await list.useTemplate('Win-back with holdout');
  await editor.expectOpen();
  await editor.backToList();
  const download = page.waitForEvent('download');
  await list.rowAction('Win-back with holdout', 'Export JSON');
  const file = await download;
  expect(file.suggestedFilename()).toBe('Win-back with holdout.json');
  const parsed = parseCampaign(readFileSync(await file.path(), 'utf8'));
  expect(parsed.ok ? parsed.doc.activities.length : parsed.errors).toBe(6);
});
