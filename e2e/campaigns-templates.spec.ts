import { test, expect } from '@playwright/test';
import { CampaignListPage } from './pages/campaign-list-page';
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
