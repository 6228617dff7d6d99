import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './helpers/a11y';
import { CanvasPage } from './pages/canvas-page';
import { CampaignListPage } from './pages/campaign-list-page';
import { EditorPage } from './pages/editor-page';
import { LifecyclePage } from './pages/lifecycle-page';

const PUBLISHED = 'Version 1 is published. Edit as a new draft to change it.';

test('publish is refused while the campaign has errors, then accepted; the published version is read-only, paste and undo refused', async ({
  page,
}) => {
  // An Email with nothing before it is an error: publishing is refused and the Problems panel says why.
  const canvas = await CanvasPage.newCampaignWith(page, ['Build audience', 'Email']);
  const life = new LifecyclePage(page);
  await expect(life.status).toHaveText('Draft');
  await life.publishButton.click();
  await expect(life.refusedDialog).toContainText(/The campaign has \d+ errors?\. Correct (it|them) before publishing/);
  await expectNoSeriousViolations(page);
  await life.refusedDialog.getByRole('button', { name: 'Show the problems' }).click();
  await expect(life.problems.getByRole('button', { name: /Problems/ })).toBeFocused();
  await expect(life.problems.getByRole('button', { name: /Problems/ })).toHaveAttribute('aria-expanded', 'true');
  await expect(life.problems).toContainText(/error/);

  await canvas.connect('Build audience', 'Email');
  await life.publishButton.click();
  await expect(life.publishDialog).toBeVisible();
  await expectNoSeriousViolations(page);
  await life.publishDialog.getByRole('button', { name: 'Cancel' }).click();
  await life.publish('First send');
  await expect(life.status).toHaveText('Live');

  // Read-only: controls disabled with the reason in view; edits by keyboard refused with it.
  await expect(canvas.palette).toContainText(PUBLISHED);
  await expect(canvas.tool('Undo')).toBeDisabled();
  await expect(canvas.tool('Paste')).toBeDisabled();
  await expect(new EditorPage(page).nameField).toHaveAttribute('readonly', '');
  await canvas.select('Email');
  await canvas.press('Control+C');
  await canvas.press('Control+V');
  await expect(canvas.alert).toContainText(PUBLISHED);
  await expect(canvas.nodes).toHaveCount(2);
  // Undo would take back the connection made before publishing: refused, the transition stays.
  await canvas.press('Control+Z');
  await expect(canvas.alert).toContainText(PUBLISHED);
  await expect(canvas.transitions).toHaveCount(1);

  // The versions survive a reload: the campaign opens read-only again.
  await page.reload();
  await expect(life.publishedBanner).toContainText(PUBLISHED);
  await expect(canvas.nodes).toHaveCount(2);
});

test('edit as a new draft, publish version 2, compare it with version 1, then revert to version 1 as a new draft', async ({
  page,
}) => {
  const canvas = await CanvasPage.newCampaignWith(page, ['Build audience', 'Email'], { chained: true });
  const life = new LifecyclePage(page);
  await life.publish();
  await life.editAsNewDraft();
  await expect(life.status).toContainText('new draft');
  await expect(canvas.tool('Paste')).toBeEnabled();

  // Version 2: the Email renamed.
  await canvas.select('Email');
  const label = page.getByRole('complementary', { name: 'Inspector' }).getByRole('textbox', { name: 'Label', exact: true });
  await label.fill('Welcome email');
  await label.press('Enter');
  await expect(canvas.node('Welcome email')).toBeVisible();
  await life.publish('Renamed the email');
  await expect(life.publishedBanner).toContainText('Version 2 is published.');

  await life.openVersions();
  await expect(life.version(2)).toContainText('Renamed the email');
  await expect(life.version(2)).toContainText('Activity 1 changed');
  await expect(life.version(1)).toContainText('First version');
  await life.versionsDialog.getByRole('button', { name: 'Compare', exact: true }).click();
  const row = life.compared(1, 2, 'Welcome email');
  await expect(row).toHaveAttribute('data-change', 'changed');
  await expect(row).toContainText('Changed (name)');
  // Both counts come from the engine: the same audience, so the same number in each version.
  const cells = row.getByRole('cell');
  await expect(cells.nth(1)).toHaveText(/^[\d,]+$/, { timeout: 60_000 });
  await expect(cells.nth(2)).toHaveText(/^[\d,]+$/, { timeout: 60_000 });
  expect(await cells.nth(1).innerText()).toBe(await cells.nth(2).innerText());
  await expect(life.compared(1, 2, 'Build audience')).toHaveAttribute('data-change', 'unchanged');
  await expectNoSeriousViolations(page);

  await life.versionsDialog.getByRole('button', { name: 'Close' }).click();

  // A second tab on the campaign follows this one: a revert there is refused and changes nothing.
  const second = await page.context().newPage();
  await second.goto(page.url());
  const other = new LifecyclePage(second);
  await expect(second.getByRole('region', { name: 'Read-only' })).toContainText('being edited in another tab');
  await other.openVersions();
  await other.version(1).getByRole('button', { name: 'Revert to version 1' }).click();
  await second.getByRole('alertdialog', { name: 'Revert to version 1' }).getByRole('button', { name: 'Revert as a new draft' }).click();
  await expect(second.getByText('Not reverted: this campaign is being edited in another tab')).toBeVisible();
  await expect(other.versionsDialog).toBeVisible();
  await second.close();
  await expect(canvas.node('Welcome email')).toBeVisible();
  await expect(life.publishedBanner).toContainText('Version 2 is published.');

  await life.openVersions();
  await life.revertTo(1);
  await expect(life.status).toContainText('new draft');
  await expect(canvas.node('Email')).toBeVisible();
  await expect(canvas.node('Welcome email')).toHaveCount(0);
  await expect(life.publishedBanner).toBeHidden();
  // The versions are untouched: version 2 is still the renamed one.
  await life.openVersions();
  await expect(life.version(2)).toContainText('Renamed the email');
});

test('the list shows each status, filters by it and offers only the changes allowed; export and import carry the versions, inconsistent ones refused', async ({ page }) => {
  const canvas = await CanvasPage.newCampaignWith(page, ['Build audience', 'Email'], { chained: true });
  const editor = new EditorPage(page);
  await editor.rename('Published one');
  const life = new LifecyclePage(page);
  await life.publish();
  await editor.backToList();
  const list = new CampaignListPage(page);
  await list.goto();
  await canvas.page.getByRole('button', { name: 'New campaign' }).click();
  await editor.expectOpen();
  await editor.rename('Draft one');
  await editor.expectSaved();
  await list.goto();

  await expect(list.row('Published one')).toContainText('Live');
  await expect(list.row('Draft one')).toContainText('Draft');
  const filter = page.getByLabel('Status', { exact: true });
  await expect(filter).toHaveValue('all');
  await filter.selectOption('live');
  await expect(list.row('Published one')).toBeVisible();
  await expect(list.row('Draft one')).toHaveCount(0);

  await page.getByRole('button', { name: 'Actions for Published one', exact: true }).click();
  await expect(page.getByRole('menuitem', { name: 'Pause' })).toBeVisible();
  await expect(page.getByRole('menuitem', { name: 'Resume' })).toHaveCount(0);
  await page.getByRole('menuitem', { name: 'Pause' }).click();
  await expect(list.row('Published one')).toHaveCount(0);
  await filter.selectOption('paused');
  await expect(list.row('Published one')).toContainText('Paused');
  await filter.selectOption('all');

  // Export carries the versions and the status; import restores them, or refuses them whole.
  const download = page.waitForEvent('download');
  await list.rowAction('Published one', 'Export JSON');
  const exported = JSON.parse(readFileSync((await (await download).path())!, 'utf8'));
  expect(exported.lifecycle.status).toBe('paused');
  expect(exported.lifecycle.versions.map((v: { number: number }) => v.number)).toEqual([1]);
  const file = (doc: unknown, name: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await list.importFile(file({ ...exported, lifecycle: { ...exported.lifecycle, versions: [{ ...exported.lifecycle.versions[0], number: 2 }] } }, 'bad-versions.json'));
  const refused = page.getByRole('alertdialog', { name: 'This file could not be imported' });
  await expect(refused.getByRole('listitem')).toHaveText([
    'lifecycle.versions[0].number: version 2 is where version 1 should be: versions are numbered 1, 2, 3… in order',
  ]);
  await refused.getByRole('button', { name: 'OK' }).click();
  await expect.poll(() => list.names()).toHaveLength(2);
  await list.importFile(file(exported, 'published.json'));
  await expect(list.row('Published one (imported)')).toContainText('Paused');
});
