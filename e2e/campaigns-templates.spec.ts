import { test, expect, type Page } from '@playwright/test';
import { CampaignListPage } from './pages/campaign-list-page';
import { CountsPage, SPEC_PROFILES } from './pages/counts-page';
import { DataPage } from './pages/data-page';
import { EditorPage } from './pages/editor-page';

const templates = [
  { title: 'Welcome series', activities: 8 },
  { title: 'Win-back with holdout', activities: 6 },
  { title: 'Multi-channel newsletter', activities: 5 },
  { title: 'VIP preview: merged lists', activities: 5 },
];

for (const t of templates) {
  test(`the "${t.title}" template opens as a new editable campaign`, async ({ page }) => {
    const { list, editor } = await CampaignListPage.open(page);
    await list.openTemplate(t.title);
    await editor.rename(`${t.title} (spring)`);
    await editor.expectSaved();
    await editor.backToList();
    const row = list.row(`${t.title} (spring)`);
    await expect(row).toContainText(`${t.activities} activities`);
  });
}

test('using a template twice gives two independent campaigns', async ({ page }) => {
  const { list, editor } = await CampaignListPage.open(page);
  await list.openTemplate('Welcome series');
  const first = editor.campaignId();
  await editor.backToList();
  await list.openTemplate('Welcome series');
  expect(editor.campaignId()).not.toBe(first);
  await editor.backToList();
  await expect(list.row('Welcome series')).toHaveCount(2);
});

test('#/new/<template> opens a copy of that template', async ({ page }) => {
  const editor = new EditorPage(page);
  await page.goto('/#/new/win-back');
  await editor.expectOpen('Win-back with holdout');
});

/** What the engine keeps in the browser: every dataset's saved audiences and runs. */
async function keptState(page: Page): Promise<{ audiences: string[]; runs: number }> {
  return page.evaluate(async () => {
    const name = 'campaign-canvas-engine-state';
    // Opening a database that does not exist would create it empty: look first.
    if (!(await indexedDB.databases()).some((d) => d.name === name)) return { audiences: [], runs: 0 };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open(name);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    if (!db.objectStoreNames.contains('datasets')) return { audiences: [], runs: 0 };
    const records = await new Promise<{ audiences: { name: string }[]; runs: unknown[] }[]>((resolve, reject) => {
      const r = db.transaction('datasets').objectStore('datasets').getAll();
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    db.close();
    return {
      audiences: records.flatMap((r) => r.audiences.map((a) => a.name)),
      runs: records.reduce((n, r) => n + r.runs.length, 0),
    };
  });
}

test('opening and counting every template saves no audience and records no run', async ({ page }) => {
  test.setTimeout(480_000);
  const counts = new CountsPage(page);
  await counts.gotoList();
  const before = await keptState(page);
  for (const id of ['welcome-series', 'win-back', 'multichannel-newsletter', 'merged-lists']) {
    await page.goto(`/?profiles=${SPEC_PROFILES}#/new/${id}`);
    await counts.expectUpToDate();
  }
  expect(await keptState(page)).toEqual(before);
  const data = new DataPage(page);
  await data.goto();
  await expect(page.getByRole('region', { name: 'Saved audiences' })).toContainText(
    'No audience is saved in this browser.',
  );
});
