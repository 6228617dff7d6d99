import { expect, test } from '@playwright/test';
import { CanvasPage } from './pages/canvas-page';
import { CountsPage, recordsName } from './pages/counts-page';

test.describe.configure({ timeout: 240_000 });

const needsRun = 'Conditions on message results need a simulation: press Simulate to count them.';

test('each transition says why it has no count, and each activity says it once', async ({ page }, testInfo) => {
  const counts = new CountsPage(page);
  const canvas = new CanvasPage(page);
  const expected = await counts.openImportedCampaign('count-states-campaign.json', 'Count states example');

  // Counted; needs a run (grey, not an error); an error to fix (named); settings to complete (grey).
  await expect(counts.transitionCount('t_all')).toHaveAccessibleName(recordsName(expected.t_all!));
  await expect(counts.transitionCount('t_opened')).toHaveAccessibleName(`Needs a run: ${needsRun}`);
  await expect(counts.transitionCount('t_bad')).toHaveAccessibleName('No count: “Broken rule” has an error to fix. Profiles have no field “no_such_field” in this data.');
  await expect(counts.transitionCount('t_saved')).toHaveAccessibleName('No count: “Saved audience” is not set up yet. Choose the saved audience to read.');
  // A query that fails for a reason no problem gives: the reason, after "Count failed".
  const missing = 'No audience named "Spring list" has been saved yet from the data in use, or it was deleted: run the campaign that saves it first.';
  await expect(counts.transitionCount('t_old')).toHaveAccessibleName(`Count failed: ${missing}`);
  await expect(canvas.node('Opened the newsletter').getByRole('img', { name: 'Status: Ready' })).toBeVisible();
  await expect(canvas.node('Broken rule').getByRole('img', { name: 'Status: Error' })).toBeVisible();
  await expect(canvas.node('Saved audience').getByRole('img', { name: 'Status: Incomplete' })).toBeVisible();

  // One problem per defect, with its severity: the engine's echo of each is not listed again.
  const problems = page.getByRole('region', { name: /^Problems/ });
  await expect(problems.getByRole('listitem')).toHaveText([
    'Broken rule' + 'Profiles have no field “no_such_field” in this data.',
    'Saved audience' + 'Choose the saved audience to read.',
    'Spring list' + missing,
  ]);
  await expect(problems.getByRole('heading')).toContainText('2 errors, 1 warning');
  await page.getByRole('application', { name: 'Campaign canvas' }).screenshot({ path: testInfo.outputPath('canvas-count-states.png') });

  // The activity that needs a run says so where its records are told, and is not in trouble.
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await canvas.select('Opened the newsletter');
  const opened = inspector.getByRole('region', { name: 'Opened the newsletter' });
  await expect(opened.getByRole('list', { name: 'Problems of this activity' })).toHaveCount(0);
  await expect(opened.getByRole('region', { name: 'Records' }).getByText(`Needs a run. ${needsRun}`)).toBeVisible();
  await expect(opened.getByText('Ready', { exact: true })).toBeVisible();
  await inspector.screenshot({ path: testInfo.outputPath('inspector-needs-run.png') });

  // A saved audience not chosen: one warning, and the count waits for it without an error.
  await canvas.select('Saved audience');
  const saved = inspector.getByRole('region', { name: 'Saved audience' });
  await expect(saved.getByRole('list', { name: 'Problems of this activity' }).getByRole('listitem')).toHaveText(['Choose the saved audience to read.']);
  const records = saved.getByRole('region', { name: 'Records' });
  await expect(records.getByText('No count until the settings of this activity are complete.')).toBeVisible();
  await expect(records.getByText('Choose the saved audience to read.')).toHaveCount(0);
  await expect(saved.getByText('Incomplete', { exact: true })).toBeVisible();

  // The transition after the broken rule names it in its inspector too, with the engine's words on demand.
  await canvas.transition('Broken rule', 'End 3').focus();
  await page.keyboard.press('Enter');
  const transition = inspector.getByRole('region', { name: 'Records' });
  await expect(transition.getByRole('alert')).toHaveText('No count: “Broken rule” has an error to fix. Profiles have no field “no_such_field” in this data.');
  await transition.getByText('Technical details').click();
  await expect(transition.getByLabel('Message from the engine')).toHaveText('Condition on no_such_field: profiles has no field no_such_field');
  await inspector.screenshot({ path: testInfo.outputPath('inspector-transition-error.png') });

  // The failed query's reason is told in the Records section, not again in the list of the activity's problems.
  await canvas.select('Spring list');
  const old = inspector.getByRole('region', { name: 'Spring list' });
  await expect(old.getByRole('list', { name: 'Problems of this activity' })).toHaveCount(0);
  await expect(old.getByRole('region', { name: 'Records' }).getByRole('alert')).toHaveText(`No count. ${missing}`);
  await expect(old.getByText('Has errors', { exact: true })).toBeVisible();
  await inspector.screenshot({ path: testInfo.outputPath('inspector-failed.png') });

  await canvas.select('Saved audience');
  await inspector.screenshot({ path: testInfo.outputPath('inspector-incomplete.png') });

  await canvas.select('Broken rule');
  await inspector.getByRole('region', { name: 'Records' }).getByText('Technical details').click();
  await inspector.screenshot({ path: testInfo.outputPath('inspector-broken-rule.png') });
});
