import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { CampaignListPage } from './pages/campaign-list-page';
import { EditorPage } from './pages/editor-page';

test('a first visit shows the app, an empty state and the templates', async ({ page }) => {
  const list = new CampaignListPage(page);
  await list.goto();
  await expect(page.getByRole('heading', { name: 'Campaign Canvas', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Create your first campaign' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Start from a template' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Use template / })).toHaveCount(4);
  await expect(list.table).toHaveCount(0);
});

test('create a campaign: it opens in the editor and is listed with its size and date', async ({ page }) => {
  const { list, editor } = await CampaignListPage.open(page);
  await list.newCampaignButton.click();
  await editor.expectOpen('Untitled campaign');
  await editor.backToList();
  const row = list.row('Untitled campaign');
  await expect(row).toBeVisible();
  await expect(row).toContainText('0 activities');
  await expect(row.locator('time')).toHaveText('Just now');
});

test('#/new creates an empty campaign and opens it; Back does not create another', async ({ page }) => {
  const { list, editor } = await CampaignListPage.open(page);
  await page.goto('/#/new');
  await editor.expectOpen('Untitled campaign');
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Campaigns', level: 2 })).toBeVisible();
  await expect.poll(() => list.names()).toEqual(['Untitled campaign']);
});

test('rename from the list and from the editor', async ({ page }) => {
  const { list, editor } = await CampaignListPage.open(page);
  await list.createNamed('Spring sale');
  await list.rename('Spring sale', 'Summer sale');
  await expect(list.row('Summer sale')).toBeVisible();
  await expect(list.row('Spring sale')).toHaveCount(0);

  await page.getByRole('link', { name: 'Summer sale' }).click();
  await editor.expectOpen('Summer sale');
  await editor.nameField.click();
  await editor.nameField.fill('Abandoned draft');
  await editor.nameField.press('Escape');
  await expect(editor.nameField).toHaveValue('Summer sale');
  await editor.nameField.fill('   ');
  await editor.nameField.press('Enter');
  await expect(editor.nameField).toHaveValue('Summer sale');
});

test('duplicate keeps the original and lists the copy first', async ({ page }) => {
  const { list } = await CampaignListPage.open(page);
  await list.createNamed('Newsletter');
  await list.rowAction('Newsletter', 'Duplicate');
  await expect(list.row('Copy of Newsletter')).toBeVisible();
  await expect.poll(() => list.names()).toEqual(['Copy of Newsletter', 'Newsletter']);
});

test('delete asks for confirmation; cancelling keeps the campaign', async ({ page }) => {
  const { list } = await CampaignListPage.open(page);
  await list.createNamed('Keep me');
  await list.createNamed('Delete me');

  await list.rowAction('Delete me', 'Delete…');
  const confirm = page.getByRole('alertdialog', { name: 'Delete campaign?' });
  await expect(confirm).toContainText('Delete me');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();
  await expect(list.row('Delete me')).toBeVisible();

  await list.rowAction('Delete me', 'Delete…');
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(list.row('Delete me')).toHaveCount(0);
  await expect(list.row('Keep me')).toBeVisible();
  await page.reload();
  await expect.poll(() => list.names()).toEqual(['Keep me']);
});

test('search filters by name, ignoring case, and says when nothing matches', async ({ page }) => {
  const { list } = await CampaignListPage.open(page);
  await list.createNamed('Welcome flow');
  await list.createNamed('Black Friday');
  await list.search('friday');
  await expect.poll(() => list.names()).toEqual(['Black Friday']);
  await list.search('zzz');
  await expect(page.getByText('No campaign matches “zzz”.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear search' }).first().click();
  await expect.poll(() => list.names()).toEqual(['Black Friday', 'Welcome flow']);
});

test('the list is sorted by last modified', async ({ page }) => {
  const { list, editor } = await CampaignListPage.open(page);
  await list.createNamed('Older');
  await list.createNamed('Newer');
  await expect.poll(() => list.names()).toEqual(['Newer', 'Older']);
  await page.getByRole('link', { name: 'Older' }).click();
  await editor.rename('Older, edited');
  await editor.expectSaved();
  await editor.backToList();
  await expect.poll(() => list.names()).toEqual(['Older, edited', 'Newer']);
});

test('an unknown campaign address offers a way back', async ({ page }) => {
  await page.goto('/#/campaigns/cmp_does_not_exist');
  await expect(page.getByRole('heading', { name: 'Campaign not found' })).toBeVisible();
  await page.getByRole('link', { name: 'Back to campaigns' }).click();
  await expect(page.getByRole('heading', { name: 'Campaigns', level: 2 })).toBeVisible();
});

test('the campaign list has no serious or critical accessibility violations', async ({ page }) => {
  const { list } = await CampaignListPage.open(page);
  const empty = await new AxeBuilder({ page }).analyze();
  expect(empty.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await list.createNamed('Accessible campaign');
  const filled = await new AxeBuilder({ page }).analyze();
  expect(filled.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await list.rowAction('Accessible campaign', 'Delete…');
  const dialog = await new AxeBuilder({ page }).include('[role="alertdialog"]').analyze();
  expect(dialog.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
});

test('the list works from the keyboard: row menu, rename dialog, open', async ({ page }) => {
  const { list, editor } = await CampaignListPage.open(page);
  await list.createNamed('Keyboard campaign');
  const actions = page.getByRole('button', { name: 'Actions for Keyboard campaign' });
  await actions.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menuitem', { name: 'Open' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Rename campaign' });
  await expect(dialog.getByRole('textbox', { name: 'Campaign name' })).toBeFocused();
  await page.keyboard.type('Typed name');
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(list.row('Typed name')).toBeVisible();
  await page.getByRole('link', { name: 'Typed name' }).focus();
  await page.keyboard.press('Enter');
  await editor.expectOpen('Typed name');
});

test('the editor top bar has no serious or critical accessibility violations', async ({ page }) => {
  const editor = new EditorPage(page);
  await page.goto('/#/new/welcome-series');
  await editor.expectOpen('Welcome series');
  const result = await new AxeBuilder({ page }).include('header').analyze();
  expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
});
