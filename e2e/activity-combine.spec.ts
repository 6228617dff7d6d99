import { expect, test } from '@playwright/test';
import { QueryModelerPage } from './pages/query-modeler-page';
import { activityByLabel, sampleValues, transitionId } from './helpers/expected-counts';
import { suppressionList } from './helpers/csv-file';
import { campaignWith, expectSameCountAsNode } from './helpers/activity-flow';

test('an exclusion removes the gold members from everyone, with the count on the canvas', async ({ page }) => {
  test.setTimeout(300_000);
  const { canvas, inspector } = await campaignWith(
    page,
    [
      ['Build audience', 140, 150],
      ['Build audience', 140, 450],
      ['Combine', 480, 300],
      ['End', 820, 300],
    ],
    [
      ['Build audience', 'Combine'],
      ['Build audience 2', 'Combine'],
      ['Combine', 'End'],
    ],
    { select: 'Build audience 2' },
  );
  await QueryModelerPage.inInspector(page).addLoyaltyTier('Gold');

  await canvas.select('Combine');
  await expect(inspector.settings.getByRole('listitem').filter({ hasText: 'Build audience 2' })).toBeVisible();
  await inspector.radio('Operation', 'Exclusion');
  await inspector.choose('Primary set', 'Build audience');
  await inspector.toggle('Complement');

  const { doc, count, counts } = await expectSameCountAsNode(canvas, 'Combine', 'End');
  const combine = activityByLabel(doc, 'Combine').config as { mode: string; primaryTransitionId: string; complement: boolean };
  expect(combine.mode).toBe('exclusion');
  expect(combine.primaryTransitionId).toBe(transitionId(doc, 'Build audience', 'Combine'));
  expect(combine.complement).toBe(true);

  const everyone = counts[transitionId(doc, 'Build audience', 'Combine')]!;
  const gold = counts[transitionId(doc, 'Build audience 2', 'Combine')]!;
  expect(count).toBe(everyone - gold);
});

test('only the ticked sets take part; a ticked set that is disconnected is reported on the form', async ({ page }) => {
  test.setTimeout(300_000);
  const { canvas, inspector } = await campaignWith(
    page,
    [
      ['Build audience', 140, 120],
      ['Build audience', 140, 320],
      ['Build audience', 140, 520],
      ['Combine', 480, 320],
      ['End', 780, 320],
    ],
    [
      ['Build audience', 'Combine'],
      ['Build audience 2', 'Combine'],
      ['Build audience 3', 'Combine'],
      ['Combine', 'End'],
    ],
    { select: 'Build audience 2' },
  );
  await QueryModelerPage.inInspector(page).addLoyaltyTier('Gold');

  // Everyone minus the gold members; the third set (everyone again) is connected but left out,
  // otherwise nothing would remain.
  await canvas.select('Combine');
  await inspector.radio('Operation', 'Exclusion');
  await inspector.choose('Primary set', 'Build audience');
  const third = inspector.settings.getByRole('checkbox', { name: 'Build audience 3 takes part' });
  await third.locator('xpath=ancestor::label[1]').click();
  await expect(third).not.toBeChecked();

  const { doc, count, counts } = await expectSameCountAsNode(canvas, 'Combine', 'End');
  expect((activityByLabel(doc, 'Combine').config as { sets: string[] }).sets).toEqual([transitionId(doc, 'Build audience', 'Combine'), transitionId(doc, 'Build audience 2', 'Combine')]);
  expect(count).toBe(counts[transitionId(doc, 'Build audience', 'Combine')]! - counts[transitionId(doc, 'Build audience 2', 'Combine')]!);

  // The ticked gold set goes away with its activity: the form says so and offers to forget it.
  await canvas.select('Build audience 2');
  await canvas.press('Delete');
  await canvas.select('Combine');
  await expect(inspector.settings.getByText('A set chosen to take part is no longer connected', { exact: false })).toBeVisible();
  await inspector.settings.getByRole('button', { name: 'Forget the sets no longer connected' }).click();
  await expect(inspector.settings.getByText('A set chosen to take part is no longer connected', { exact: false })).toHaveCount(0);
});

test('a suppression list with upper-case addresses removes the right profiles', async ({ page }) => {
  test.setTimeout(300_000);
  // Twenty addresses of the sample's first profiles. The sample has addresses shared by several
  // profiles, in other cases too: the profiles to remove are counted here by hand, folding case
  // and surrounding spaces in JavaScript.
  const emails = await sampleValues('profiles', 'email');
  const fold = (v: unknown) => (typeof v === 'string' ? v.trim().toLowerCase() : '');
  const addresses = emails.filter((e): e is string => typeof e === 'string' && e.includes('@')).slice(0, 20);
  const listed = new Set(addresses.map(fold));
  const suppressed = emails.filter((e) => listed.has(fold(e))).length;
  expect(suppressed).toBeGreaterThanOrEqual(20);

  const { canvas, inspector } = await campaignWith(
    page,
    [
      ['Build audience', 140, 150],
      ['Load file', 140, 450],
      ['Combine', 480, 300],
      ['End', 820, 200],
      ['End', 820, 450],
    ],
    [
      ['Build audience', 'Combine'],
      ['Load file', 'Combine'],
      ['Combine', 'End'],
    ],
    { select: 'Load file' },
  );
  await inspector.loadFile(suppressionList(addresses));
  await expect(inspector.columns.getByRole('listitem')).toHaveCount(2);

  await canvas.select('Combine');
  await inspector.radio('Operation', 'Exclusion');
  await inspector.choose('Primary set', 'Build audience');
  await inspector.radio('Records are the same when', 'Chosen values are equal');
  await inspector.choose('Add a value', 'Email');
  await inspector.toggle('Complement');
  await inspector.connectOutput('Complement', 'End 2');

  const { doc, count, counts } = await expectSameCountAsNode(canvas, 'Combine', 'End', 'out');
  expect((activityByLabel(doc, 'Combine').config as { columns: string[] }).columns).toEqual(['email']);
  // Everyone but the profiles of the listed addresses, whatever the case and spaces of the list.
  expect(counts[transitionId(doc, 'Build audience', 'Combine')]).toBe(emails.length);
  expect(count).toBe(emails.length - suppressed);
  expect(counts[transitionId(doc, 'Combine', 'End 2', 'complement')]).toBe(suppressed);
});
