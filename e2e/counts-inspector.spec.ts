import { expect, test } from '@playwright/test';
import { CampaignListPage } from './pages/campaign-list-page';
import { CanvasPage } from './pages/canvas-page';
import { CountsPage, recordsName } from './pages/counts-page';
import { InspectorPage } from './pages/inspector-page';

test.describe.configure({ timeout: 240_000 });

test('a transition previews its schema and its first records; an activity shows its SQL', async ({ page }) => {
  const counts = new CountsPage(page);
  const canvas = new CanvasPage(page);
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await counts.gotoList();
  await new CampaignListPage(page).useTemplate('Win-back with holdout');
  await counts.expectUpToDate();
  const expected = CountsPage.expectedCounts(await counts.exportCampaign());

  await canvas.transition('Holdout', 'Save holdout group').focus();
  await page.keyboard.press('Enter');
  const id = await canvas.transition('Holdout', 'Save holdout group').getAttribute('data-id');
  const total = expected[id!]!;
  await expect(inspector.getByLabel('Transition count')).toHaveText(recordsName(total));

  await inspector.getByRole('button', { name: 'Preview schema' }).click();
  const schema = inspector.getByRole('region', { name: 'Preview schema' }).getByRole('table');
  await expect(schema.getByRole('row', { name: /profile_id/ })).toBeVisible();
  await expect(schema.getByRole('row', { name: /email VARCHAR/ })).toBeVisible();

  await inspector.getByRole('button', { name: 'Preview results' }).click();
  const dialog = page.getByRole('dialog', { name: /^Preview results/ });
  const records = dialog.getByRole('region', { name: 'Preview records' });
  await expect(records.getByRole('columnheader', { name: 'profile_id' })).toBeVisible();
  await expect(records.getByRole('row')).toHaveCount(Math.min(total, 100) + 1);
  await expect(dialog.getByLabel('Preview total')).toContainText(recordsName(total));
  await dialog.getByRole('button', { name: 'Close' }).click();

  await canvas.select('Holdout');
  await inspector.getByRole('button', { name: 'Activity code view' }).click();
  const sql = inspector.getByRole('region', { name: 'Activity code view' }).getByLabel('SQL');
  await expect(sql).toContainText('CREATE TEMP TABLE');
  await expect(sql).toContainText('"profile_id"');
  await expect(inspector.getByRole('button', { name: 'Copy SQL' })).toBeVisible();
});

test('another activity opens its inspector at the top, with its sections as it last had them', async ({ page }) => {
  const counts = new CountsPage(page);
  const canvas = new CanvasPage(page);
  const inspector = new InspectorPage(page);
  await counts.gotoList();
  await new CampaignListPage(page).useTemplate('Win-back with holdout');
  await counts.expectUpToDate();

  await canvas.select('Holdout');
  await inspector.codeViewToggle.click();
  await expect(inspector.panel.getByRole('region', { name: 'Activity code view' }).getByLabel('SQL')).toContainText('CREATE TEMP TABLE');
  await inspector.scrollToEnd();

  // The next activity starts at its top, its code view closed as it has never been opened.
  await canvas.select('Lapsed 6–24 months');
  await expect(inspector.panel.getByRole('heading', { level: 2, name: 'Lapsed 6–24 months' })).toBeVisible();
  await expect(inspector.codeViewToggle).toHaveAttribute('aria-expanded', 'false');
  expect(await inspector.scrollTop()).toBe(0);

  // Back on the first one: its code view is open again, as it was left.
  await canvas.select('Holdout');
  await expect(inspector.panel.getByRole('heading', { level: 2, name: 'Holdout' })).toBeVisible();
  await expect(inspector.codeViewToggle).toHaveAttribute('aria-expanded', 'true');
  expect(await inspector.scrollTop()).toBe(0);
});

test('an activity whose rule has an error says it once; its transition says why it has no count; the rest is counted', async ({ page }) => {
  const counts = new CountsPage(page);
  const canvas = new CanvasPage(page);
  const expected = await counts.openImportedCampaign('engine-error-campaign.json', 'Engine error example');
  expect(expected.t_bad).toBeUndefined();
  const problem = 'Profiles have no field “no_such_field” in this data.';
  await expect(counts.transitionCount('t_ok')).toHaveAccessibleName(recordsName(expected.t_ok!));
  // An error mark that names the activity and its problem, not a bare "failed".
  await expect(counts.transitionCount('t_bad')).toHaveAccessibleName(`No count: “Broken rule” has an error to fix. ${problem}`);
  await expect(canvas.node('Broken rule').getByRole('img', { name: 'Status: Error' })).toHaveAttribute('title', /no_such_field/);

  // The problem is listed once: the engine's own words for it are not a second problem.
  const problems = page.getByRole('region', { name: /Problems/ });
  await expect(problems.getByRole('button', { name: /^Broken rule/ })).toHaveCount(1);
  await expect(problems.getByRole('button', { name: `Broken rule ${problem}` })).toBeVisible();
  await canvas.select('Broken rule');
  const activity = page.getByRole('region', { name: 'Broken rule' });
  await expect(activity.getByRole('list', { name: 'Problems of this activity' }).getByRole('listitem')).toHaveText([problem]);
  const records = activity.getByRole('region', { name: 'Records' });
  await expect(records.getByText(problem)).toHaveCount(0);
  await expect(records.getByText('No count until the errors of this activity are fixed.')).toBeVisible();
  // The engine's message stays available, folded away.
  const details = records.getByRole('group').filter({ hasText: 'Technical details' });
  await expect(details.getByLabel('Message from the engine')).toBeHidden();
  await details.getByText('Technical details').click();
  await expect(details.getByLabel('Message from the engine')).toHaveText(/Condition on no_such_field/);
});
