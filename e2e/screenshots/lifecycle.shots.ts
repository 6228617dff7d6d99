import { test, expect } from '@playwright/test';
import { CanvasPage } from '../pages/canvas-page';
import { CampaignListPage } from '../pages/campaign-list-page';
import { EditorPage } from '../pages/editor-page';
import { LifecyclePage } from '../pages/lifecycle-page';

/**
 * Screenshots of publishing and versions for visual review, written to screenshots/ (not
 * committed). Run with `npm run screenshots`; not part of `npm test`.
 */
const shot = (name: string) => ({ path: `screenshots/lifecycle-${name}.png` });

test('publishing and versions', async ({ page }) => {
  const canvas = await CanvasPage.newCampaignWith(page, ['Build audience', 'Email']);
  const life = new LifecyclePage(page);
  const editor = new EditorPage(page);
  await editor.rename('Spring welcome');
  await life.publishButton.click();
  await expect(life.refusedDialog).toBeVisible();
  await page.screenshot(shot('publish-refused'));
  await life.refusedDialog.getByRole('button', { name: 'Show the problems' }).click();
  await canvas.connect('Build audience', 'Email');
  await life.publishButton.click();
  await life.publishDialog.getByRole('textbox', { name: 'Note (optional)' }).fill('First send');
  await page.screenshot(shot('publish-dialog'));
  await life.publishDialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(life.publishedBanner).toBeVisible();
  await canvas.select('Email');
  await page.screenshot(shot('read-only'));

  await life.editAsNewDraft();
  await canvas.dragOnto('Deduplication', canvas.transition('Build audience', 'Email'));
  await expect(canvas.node('Deduplication')).toBeVisible();
  await life.publish('Deduplicated before sending');
  await life.openVersions();
  await page.screenshot(shot('versions'));
  await life.versionsDialog.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(life.compared(1, 2, 'Deduplication')).toContainText(/\d/, { timeout: 60_000 });
  await page.screenshot(shot('compare'));
  await life.versionsDialog.getByRole('button', { name: 'Open version 1' }).click();
  await page.screenshot(shot('open-version'));

  await editor.backToList();
  const list = new CampaignListPage(page);
  await list.goto();
  await page.screenshot(shot('list'));
});
