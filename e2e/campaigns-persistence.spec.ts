import { test, expect } from '@playwright/test';
import { CampaignListPage } from './pages/campaign-list-page';
import { EditorPage } from './pages/editor-page';

test('a reload keeps the work: edit, wait for "Saved", reload', async ({ page }) => {
  const { list, editor } = await CampaignListPage.open(page);
  await list.newCampaignButton.click();
  await editor.expectOpen('Untitled campaign');
  await editor.rename('Autumn launch');
  await editor.expectSaved();
  await page.reload();
  await editor.expectOpen('Autumn launch');
  await editor.backToList();
  await expect(list.row('Autumn launch')).toBeVisible();
});

test('shows "Saving…" while a change waits, then "Saved"', async ({ page }) => {
  const { list, editor } = await CampaignListPage.open(page);
  await list.newCampaignButton.click();
  await editor.expectOpen();
  await expect(editor.saveStatus).toHaveText('Saved');
  await editor.rename('Quick edit');
  // The indicator passes through "Saving…" and settles on "Saved" within a few seconds, even on a
  // busy machine (a write waits at most 400 ms before it starts).
  await expect(editor.saveStatus).toHaveText('Saved', { timeout: 5000 });
});

test('closing the tab right after an edit keeps it (flushed on pagehide)', async ({ page, context }) => {
  const { list, editor } = await CampaignListPage.open(page);
  await list.newCampaignButton.click();
  await editor.expectOpen();
  const url = page.url();
  await editor.rename('Closed too soon');
  await page.close({ runBeforeUnload: true });

  const again = await context.newPage();
  await again.goto(url);
  await new EditorPage(again).expectOpen('Closed too soon');
});

test('a campaign made in the template survives a reload with all its activities', async ({ page }) => {
  const { list, editor } = await CampaignListPage.open(page);
  await list.openTemplate('Win-back with holdout');
  await page.reload();
  await editor.expectOpen('Win-back with holdout');
  await editor.backToList();
  await expect(list.row('Win-back with holdout')).toContainText('6 activities');
});

test('a canvas edit is saved and survives a reload', async ({ page }) => {
  const editor = new EditorPage(page);
  await page.goto('/#/new');
  await editor.expectOpen('Untitled campaign');
  const canvas = page.getByRole('application', { name: 'Campaign canvas' });
  await expect(canvas).toBeVisible();
  await page
    .getByRole('complementary', { name: 'Activity palette' })
    .getByRole('button', { name: 'Build audience', exact: true })
    .press('Enter');
  await expect(canvas.getByRole('group', { name: 'Build audience', exact: true })).toBeVisible();
  await editor.expectSaved();
  await page.reload();
  await editor.expectOpen('Untitled campaign');
  await expect(
    page.getByRole('application', { name: 'Campaign canvas' }).getByRole('group', { name: 'Build audience', exact: true }),
  ).toBeVisible();
});

test('two tabs: the list follows changes made in the other tab', async ({ page, context }) => {
  const list = new CampaignListPage(page);
  await list.goto();
  const other = await context.newPage();
  const otherEditor = new EditorPage(other);
  await other.goto('/#/new');
  await otherEditor.expectOpen('Untitled campaign');
  await expect(list.row('Untitled campaign')).toBeVisible();
  await otherEditor.rename('Named in the other tab');
  await otherEditor.expectSaved();
  await expect(list.row('Named in the other tab')).toBeVisible();
});
