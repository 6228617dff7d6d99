import { test, expect } from '@playwright/test';
import { CampaignListPage } from '../pages/campaign-list-page';
import { EditorPage } from '../pages/editor-page';
import { fixtureFile } from '../fixtures/campaign-files';

/**
 * Screenshots of the campaign screens for visual review, written to screenshots/ (not committed).
 * Run with `npm run screenshots`; not part of `npm test`.
 */

const shot = (name: string) => ({ path: `screenshots/campaigns-${name}.png` });

test('campaign screens', async ({ page }) => {
  const list = new CampaignListPage(page);
  const editor = new EditorPage(page);
  await list.goto();
  await page.screenshot({ ...shot('list-empty'), fullPage: true });

  await list.useTemplate('Welcome series');
  await editor.expectOpen();
  await editor.expectSaved();
  await page.waitForTimeout(500);
  await page.screenshot(shot('editor'));
  await page.screenshot({ ...shot('editor-header'), clip: { x: 0, y: 0, width: 1440, height: 120 } });
  await editor.nameField.click();
  await page.screenshot({ ...shot('editor-header-focused'), clip: { x: 0, y: 0, width: 1440, height: 120 } });
  await editor.nameField.press('Escape');
  await editor.backToList();
  for (const t of ['Win-back with holdout', 'Multi-channel newsletter']) {
    await list.useTemplate(t);
    await editor.expectOpen();
    await editor.backToList();
  }
  await list.newCampaignButton.click();
  await editor.rename('Black Friday 2026 – early access for loyalty members with a very long name that keeps going');
  await editor.expectSaved();
  await editor.backToList();
  await expect(list.table).toBeVisible();
  await page.screenshot({ ...shot('list'), fullPage: true });

  await page.getByRole('button', { name: 'Actions for Welcome series' }).click();
  await page.screenshot(shot('row-menu'));
  await page.keyboard.press('Escape');

  await list.rowAction('Welcome series', 'Delete…');
  await page.waitForTimeout(300);
  await page.screenshot(shot('delete-confirm'));
  await page.getByRole('button', { name: 'Cancel' }).click();

  await list.rowAction('Welcome series', 'Rename…');
  await page.screenshot(shot('rename'));
  await page.getByRole('button', { name: 'Cancel' }).click();

  await list.search('zzz');
  await page.screenshot(shot('search-empty'));
  await list.search('');

  await list.importFile(fixtureFile('bad-campaign.json'));
  await expect(page.getByRole('alertdialog')).toBeVisible();
  await page.waitForTimeout(300); // let the fade-in finish
  await page.screenshot(shot('import-error'));
  await page.getByRole('button', { name: 'OK' }).click();

  await list.importFile(fixtureFile('good-campaign.json'));
  await expect(page.getByText('Imported “Imported spring newsletter”')).toBeVisible();
  await page.screenshot(shot('import-toast'));

  await page.setViewportSize({ width: 800, height: 900 });
  await page.screenshot({ ...shot('list-narrow'), fullPage: true });
});

test('templates in the editor', async ({ page }) => {
  const editor = new EditorPage(page);
  for (const id of ['welcome-series', 'win-back', 'multichannel-newsletter', 'merged-lists']) {
    await page.goto(`/#/new/${id}`);
    await editor.expectOpen();
    await expect(page.getByRole('application', { name: 'Campaign canvas' })).toBeVisible();
    await page.waitForTimeout(800);
    await page.screenshot(shot(`template-${id}`));
  }
});

test('editor header with a long name on a small screen, and a toast', async ({ page }) => {
  const editor = new EditorPage(page);
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.goto('/#/new');
  await editor.expectOpen();
  await editor.rename('Black Friday 2026 – early access for loyalty members with a very long name that keeps going');
  await editor.expectSaved();
  await page.screenshot(shot('editor-small'));
});

test('loading state of the list', async ({ page }) => {
  // Holds IndexedDB back so that the loading state stays on screen long enough to be seen.
  await page.addInitScript(() => {
    const open = indexedDB.open.bind(indexedDB);
    indexedDB.open = (...args: Parameters<IDBFactory['open']>) => {
      const request = open(...args);
      const held = Object.create(request) as IDBOpenDBRequest;
      let onsuccess: ((e: Event) => void) | null = null;
      Object.defineProperty(held, 'onsuccess', { set: (f) => (onsuccess = f), get: () => onsuccess });
      request.onsuccess = (e) => setTimeout(() => onsuccess?.(e), 3000);
      Object.defineProperty(held, 'result', { get: () => request.result });
      return held;
    };
  });
  await page.goto('/#/');
  await expect(page.getByRole('status').filter({ hasText: 'Loading campaigns' })).toBeVisible();
  await page.screenshot(shot('list-loading'));
});
