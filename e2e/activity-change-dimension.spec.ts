import { expect, test } from '@playwright/test';
import { chainOf, expectSameCountAsNode } from './helpers/activity-flow';
import { activityByLabel, transitionId } from './helpers/expected-counts';
import { expectCanvasCount } from './pages/inspector-page';

test('change dimension from profiles to their purchases', async ({ page }) => {
  test.setTimeout(300_000);
  const { canvas, inspector } = await chainOf(
    page,
    ['Build audience', 'Change dimension', 'End'],
    'Change dimension',
  );
  await expect(inspector.settings.getByText('The incoming records are profiles.')).toBeVisible();
  await inspector.choose('Switch to', 'Purchases (through Purchases)');
  await expect(inspector.settings.getByText(/gives all its purchases/)).toBeVisible();

  const { doc, count } = await expectSameCountAsNode(canvas, 'Change dimension', 'End');
  expect(activityByLabel(doc, 'Change dimension').config).toEqual({
    targetDimension: 'purchases',
    path: ['purchases'],
  });
  expect(count).toBeGreaterThan(10_000);
});

test('change dimension from profiles to their bookings', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const { canvas, inspector } = await chainOf(
    page,
    ['Build audience', 'Change dimension', 'End'],
    'Change dimension',
  );
  await inspector.choose('Switch to', 'Bookings (through Bookings)');
  await expect(inspector.settings.getByText(/Records without a match drop out/)).toBeVisible();

  const { doc, count, counts } = await expectSameCountAsNode(canvas, 'Change dimension', 'End');
  expect(activityByLabel(doc, 'Change dimension').config).toEqual({
    targetDimension: 'bookings',
    path: ['bookings'],
  });
  expect(count).toBeGreaterThan(0);
  expect(counts[transitionId(doc, 'Build audience', 'Change dimension')]).toBe(10_000);
  // Profiles without bookings drop out, and the activity says how many.
  await expect(canvas.node('Change dimension').getByText(/^[1-9][\d,]* with no linked record$/)).toBeVisible();
  await expect(inspector.panel.getByLabel('Records left out')).toContainText(/records? with no linked record: no output carries them/);

  // The audience now targets accounts: the links chosen from profiles no longer apply, and the
  // form says so where the choice is made.
  await canvas.select('Build audience');
  await inspector.choose('Target dimension', 'Accounts');
  await canvas.select('Change dimension');
  await expect(inspector.settings.getByText('The incoming records are accounts.')).toBeVisible();
  await expect(
    inspector.settings.getByText('Accounts have no link “bookings”: the records coming in changed; choose where to switch to again.'),
  ).toBeVisible();
  await inspector.choose('Switch to', 'Profiles (through People)');
  await expect(inspector.settings.getByText(/have no link/)).toBeHidden();
});

test('change dimension from accounts to their people, then back to their accounts', async ({ page }) => {
  test.setTimeout(300_000);
  const { canvas, inspector } = await chainOf(
    page,
    ['Build audience', 'Change dimension', 'Change dimension', 'End'],
    'Build audience',
  );
  await inspector.choose('Target dimension', 'Accounts');

  await canvas.select('Change dimension');
  await expect(inspector.settings.getByText('The incoming records are accounts.')).toBeVisible();
  await inspector.choose('Switch to', 'Profiles (through People)');
  await expect(inspector.settings.getByText(/Each account gives all its profiles/)).toBeVisible();

  await canvas.select('Change dimension 2');
  await expect(inspector.settings.getByText('The incoming records are profiles.')).toBeVisible({
    timeout: 60_000,
  });
  await inspector.choose('Switch to', 'Accounts (through Account)');
  await expect(
    inspector.settings.getByText(/Each profile gives its account; each one appears once/),
  ).toBeVisible();

  const { doc, count: accounts, counts } = await expectSameCountAsNode(canvas, 'Change dimension 2', 'End');
  expect(activityByLabel(doc, 'Build audience').config).toMatchObject({ targetDimension: 'accounts' });
  expect(activityByLabel(doc, 'Change dimension').config).toEqual({
    targetDimension: 'profiles',
    path: ['people'],
  });
  expect(activityByLabel(doc, 'Change dimension 2').config).toEqual({
    targetDimension: 'accounts',
    path: ['account'],
  });
  const people = counts[transitionId(doc, 'Change dimension', 'Change dimension 2')]!;
  await expectCanvasCount(canvas, transitionId(doc, 'Change dimension', 'Change dimension 2'), people);
  // Only some profiles work for an account, and accounts without people drop out on the way back.
  const all = counts[transitionId(doc, 'Build audience', 'Change dimension')]!;
  expect(people).toBeGreaterThan(0);
  expect(people).toBeLessThan(10_000);
  expect(accounts).toBeGreaterThan(0);
  expect(accounts).toBeLessThanOrEqual(all);
});
