import { randomBytes } from 'node:crypto';
import { test, expect } from '@playwright/test';
import { expectNoSeriousViolations } from './helpers/a11y';
import { CampaignListPage } from './pages/campaign-list-page';
import { CanvasPage } from './pages/canvas-page';
import { CountsPage, SPEC_PROFILES } from './pages/counts-page';
import { EditorPage } from './pages/editor-page';
import { SharedCampaignPage } from './pages/shared-campaign-page';
import { fixtureFile, textFile } from './fixtures/campaign-files';

// Each spec loads sample data and counts a campaign: generous on a busy machine.
test.describe.configure({ timeout: 240_000 });

test('Copy link opens the campaign read-only on the same data; Save a copy never overwrites', async ({ page }) => {
  test.setTimeout(300_000);
  const counts = new CountsPage(page);
  const list = new CampaignListPage(page);
  const editor = new EditorPage(page);
  await counts.gotoList(SPEC_PROFILES);
  await list.useTemplate('Win-back with holdout');
  await editor.expectOpen('Win-back with holdout');
  await counts.expectUpToDate();
  const originalId = editor.campaignId();
  const link = await SharedCampaignPage.copyLinkFromEditor(page);
  expect(link).toMatch(new RegExp(`\\?profiles=${SPEC_PROFILES}&seed=42#/shared/[A-Za-z0-9_-]+$`));

  // The link opens the campaign read-only, counted on the same sample.
  const shared = new SharedCampaignPage(page);
  await page.goto(link);
  await shared.expectOpen('Win-back with holdout');
  await expect(page.getByRole('banner')).toContainText(`Counted on Sample data · 10,000 profiles, seed 42`);
  await counts.expectUpToDate();
  const canvas = new CanvasPage(page);
  await expect(canvas.nodes).toHaveCount(6);
  await expect(canvas.palette).toHaveCount(0);
  await expect(canvas.tool('Undo')).toHaveCount(0);
  await expectNoSeriousViolations(page);

  // Nothing changes it: a deletion is refused and said so.
  await canvas.select('Holdout');
  await page.keyboard.press('Delete');
  await expect(page.getByText('This campaign is read-only here. Save a copy to edit it.')).toBeVisible();
  await expect(canvas.nodes).toHaveCount(6);

  // Opening it stored nothing; the original is still the only campaign.
  await list.goto();
  expect(await list.names()).toEqual(['Win-back with holdout']);

  // Save a copy makes a new campaign beside the original.
  await page.goto(link);
  await shared.saveCopyButton.click();
  await editor.expectOpen('Win-back with holdout');
  expect(editor.campaignId()).not.toBe(originalId);
  await list.goto();
  expect(await list.names()).toEqual(['Win-back with holdout', 'Win-back with holdout']);
});

test('a corrupt link is refused with the reason, and nothing changes', async ({ page }) => {
  const list = new CampaignListPage(page);
  const editor = new EditorPage(page);
  // The smallest sample: this spec is about the link, not the counts.
  await page.goto('/?profiles=100#/new/merged-lists');
  await editor.expectOpen();
  await editor.expectSaved();
  const link = await SharedCampaignPage.copyLinkFromEditor(page);
  const payload = link.split('#/shared/')[1]!;

  const shared = new SharedCampaignPage(page);
  await page.goto(`/?profiles=100#/shared/${payload.slice(0, payload.length - 40)}`);
  await expect(shared.refusal).toContainText('This campaign link could not be opened');
  await expect(shared.refusal).toContainText('damaged or incomplete');
  await expect(shared.refusal).toContainText('Nothing was saved or changed');

  await page.goto('/?profiles=100#/shared/not$a$link');
  await expect(shared.refusal).toContainText('characters a campaign link never has');

  await list.goto();
  expect(await list.names()).toEqual(['VIP preview: merged lists']);
});

test('?campaign= opens a campaign file served with the app, read-only', async ({ page }) => {
  const shared = new SharedCampaignPage(page);
  await page.goto('/?campaign=examples/campaigns/spring-newsletter.json');
  await shared.expectOpen('Spring newsletter');
  await expect(new CanvasPage(page).nodes).toHaveCount(5);
  // The parameter leaves the address, so that the list does not open the file again.
  expect(new URL(page.url()).search).toBe('');

  await page.goto('/?campaign=examples/campaigns/missing.json');
  await expect(shared.refusal).toContainText('This campaign file could not be opened');
  await expect(shared.refusal).toContainText('no campaign file at this address');

  await page.goto('/?campaign=https://example.com/campaign.json');
  await expect(shared.refusal).toContainText('only a campaign file served with the app');
});

test('a campaign too big for a link is offered as a file instead', async ({ page }) => {
  const list = new CampaignListPage(page);
  const editor = new EditorPage(page);
  await new CountsPage(page).gotoList(100);
  // A description of random text does not compress: its link is far past the limit.
  const doc = JSON.parse(fixtureFile('good-campaign.json').buffer.toString('utf8'));
  doc.name = 'Huge description';
  doc.description = randomBytes(40_000).toString('base64');
  await list.importFile(textFile('huge.json', JSON.stringify(doc)));
  await list.rowAction('Huge description', 'Open');
  await editor.expectOpen('Huge description');
  await page.getByRole('banner').getByRole('button', { name: 'Copy link' }).click();
  const dialog = page.getByRole('dialog', { name: 'This campaign is too big for a link' });
  await expect(dialog).toContainText('links stop at 32,000');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download the file' }).click();
  expect((await download).suggestedFilename()).toBe('Huge description.json');
});
