import { expect, test } from '@playwright/test';
import {
  campaignReadingSavedAudience,
  campaignSavingAudience,
  chainOf,
  expectSameCountAsNode,
} from './helpers/activity-flow';
import { activityByLabel, exportedDoc, transitionId } from './helpers/expected-counts';
import { expectCanvasCount } from './pages/inspector-page';
import { QueryModelerPage } from './pages/query-modeler-page';

test('save audience names the audience and passes the records on', async ({ page }) => {
  test.setTimeout(300_000);
  const { canvas, inspector } = await chainOf(page, ['Build audience', 'Save audience', 'End'], 'Build audience');
  await QueryModelerPage.inInspector(page).addLoyaltyTier('Gold');

  await canvas.select('Save audience');
  await expect(inspector.settings.getByText('Name the audience to save.').first()).toBeVisible();
  await expect(inspector.settings.getByRole('note')).toContainText('written when the campaign runs');
  await inspector.fill('Audience name', 'Gold members');
  await expect(inspector.settings.getByText('Name the audience to save.')).toHaveCount(0);

  const { doc, count, counts } = await expectSameCountAsNode(canvas, 'Save audience', 'End');
  expect(activityByLabel(doc, 'Save audience').config).toEqual({ audienceName: 'Gold members' });
  expect(count).toBe(Object.values(counts)[0]);
  expect(count).toBeLessThan(10_000);

  // Counting saved nothing: the inspector says what a run would save.
  await expect(inspector.wouldSave).toHaveText(
    `Would save ${count.toLocaleString('en-US')} records when the campaign runs.`,
  );
  await expect(inspector.lastSaved).toHaveCount(0);
  // A run saves it.
  await inspector.runToSave();
  await expect(inspector.lastSaved).toContainText(`${count.toLocaleString('en-US')} records`);
});

test('a saved audience is kept after a reload; another campaign builds its audience from it', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const { canvas, inspector } = await chainOf(page, ['Build audience', 'Save audience', 'End'], 'Build audience');
  await QueryModelerPage.inInspector(page).addLoyaltyTier('Silver');
  await canvas.select('Save audience');
  await inspector.fill('Audience name', 'Silver members');
  const { count } = await expectSameCountAsNode(canvas, 'Save audience', 'End');
  await inspector.runToSave();
  const saved = `${count.toLocaleString('en-US')} records`;
  await expect(inspector.lastSaved).toContainText(
    `${saved}, from Sample data, 10,000 profiles`,
  );

  // A new page (the engine starts afresh; a change of the address's hash alone would keep it) on
  // the same data, in a new campaign: the saving campaign is not open, so the audience can only
  // come from what the browser kept.
  await page.goto('about:blank');
  await campaignReadingSavedAudience(page);
  const picker = inspector.settings.getByRole('combobox', { name: 'Saved audience' });
  await expect(
    picker.getByRole('option', { name: `Silver members — ${count.toLocaleString('en-US')} profiles` }),
  ).toBeAttached();
  await picker.selectOption({ label: `Silver members — ${count.toLocaleString('en-US')} profiles` });
  await expect(
    inspector.settings.getByText(/saved .* by “.*”, from Sample data, 10,000 profiles\./),
  ).toBeVisible();

  const doc = await exportedDoc(page);
  expect(activityByLabel(doc, 'Build audience').config).toMatchObject({
    source: 'audience',
    audienceName: 'Silver members',
    targetDimension: 'profiles',
  });
  await expectCanvasCount(canvas, transitionId(doc, 'Build audience', 'End'), count);
});

test('audiences saved from other data stay listed with their data, and are not read', async ({ page }) => {
  test.setTimeout(300_000);
  await campaignSavingAudience(page, 'Everyone');

  // Other data: a smaller sample. The audience of the 10,000 profiles is kept, listed apart.
  const { inspector } = await campaignReadingSavedAudience(page, { profiles: 2000 });
  const elsewhere = inspector.settings.getByRole('list', { name: 'Saved audiences of other data' });
  await expect(elsewhere.getByRole('listitem')).toHaveText([
    /^Everyone — 10,000 profiles, saved .*, from Sample data, 10,000 profiles\./,
  ]);
  await expect(
    inspector.settings
      .getByRole('combobox', { name: 'Saved audience' })
      .getByRole('option', { name: /^Everyone/ }),
  ).toHaveCount(0);

  // The Data screen lists it too, with the data it belongs to (not the data in use).
  await page.goto('/?profiles=2000#/data');
  const row = page.getByRole('table', { name: 'Saved audiences' }).getByRole('row', { name: /^Everyone/ });
  await expect(row.getByRole('cell')).toHaveText([
    'Profiles',
    '10,000',
    /.+/,
    /.+/,
    'Sample data, 10,000 profiles',
    'Delete',
  ]);
});
