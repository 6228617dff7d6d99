import { expect, test } from '@playwright/test';
import { campaignWith, chainOf, expectSameCountAsNode } from './helpers/activity-flow';
import { activityByLabel } from './helpers/expected-counts';
import { QueryModelerPage } from './pages/query-modeler-page';

/**
 * B2B targeting as a marketer does it: accounts as the target dimension, conditions on their
 * buying groups (completeness, engagement) and on the roles of their members; and people by the
 * role they hold in a buying group. Counts are checked against the command line on the same data.
 */

test('accounts with a buying group at least half complete that has a decision maker', async ({ page }) => {
  test.setTimeout(300_000);
  const { canvas, inspector } = await chainOf(page, ['Build audience', 'End'], 'Build audience');
  await inspector.choose('Target dimension', 'Accounts');
  const qm = QueryModelerPage.inInspector(page);

  await qm.add('Related records');
  // Cards by position, in reading order: a locator on "the last card" would move on to later ones.
  const groups = qm.condition(0);
  await groups.getByRole('combobox', { name: 'Collection' }).selectOption({ label: 'Buying groups' });
  await qm.add('A field', groups);
  await qm.chooseField(qm.last, 'complete', /^Completeness/);
  await qm.comparison(qm.last, 'is at least');
  await qm.type(qm.last, /^Value of Completeness/, '0.5');

  await qm.add('Related records', groups);
  const members = qm.condition(2);
  await members.getByRole('combobox', { name: 'Collection' }).selectOption({ label: 'Members' });
  await qm.addValueIs('role', /^Role/, 'Role', 'Decision maker', members);

  const { doc, count } = await expectSameCountAsNode(canvas, 'Build audience', 'End');
  const rule = (activityByLabel(doc, 'Build audience').config as { rule: unknown }).rule;
  expect(rule).toMatchObject({
    children: [
      {
        kind: 'collection',
        path: ['buying_groups'],
        quantifier: 'exists',
        where: {
          children: [
            { kind: 'attribute', path: ['completeness'], operator: 'gte', value: 0.5 },
            {
              kind: 'collection',
              path: ['members'],
              quantifier: 'exists',
              where: {
                children: [
                  { kind: 'attribute', path: ['role'], operator: 'equals', value: 'decision_maker' },
                ],
              },
            },
          ],
        },
      },
    ],
  });
  expect(count).toBeGreaterThan(0);

  // The same count in the rule editor's Calculate, in accounts.
  await qm.calculate.click();
  await qm.expectTotal(new RegExp(`^${count.toLocaleString('en-US')} accounts?`));
});

test('accounts by the average engagement of their buying groups, and people by their role', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const { canvas, inspector } = await campaignWith(
    page,
    ['Build audience', 'End', 'Build audience', 'End'],
    [
      ['Build audience', 'End'],
      ['Build audience 2', 'End 2'],
    ],
    { select: 'Build audience' },
  );
  await inspector.choose('Target dimension', 'Accounts');
  const qm = QueryModelerPage.inInspector(page);
  await qm.add('Related records');
  await qm.last.getByRole('combobox', { name: 'Collection' }).selectOption({ label: 'Buying groups' });
  await qm.last
    .getByRole('combobox', { name: 'Has, has no, or count' })
    .selectOption({ label: 'Count or total of' });
  await qm.last.getByRole('combobox', { name: 'Compute' }).selectOption({ label: 'Average' });
  await qm.last
    .getByRole('combobox', { name: 'Field of buying groups' })
    .selectOption({ label: 'Engagement score' });
  await qm.last.getByRole('combobox', { name: 'Comparison' }).selectOption({ label: 'is at least' });
  await qm.type(qm.last, 'Number to compare with', '50');
  const accounts = await expectSameCountAsNode(canvas, 'Build audience', 'End');
  expect(activityByLabel(accounts.doc, 'Build audience').config).toMatchObject({
    targetDimension: 'accounts',
    rule: {
      children: [
        {
          kind: 'collection',
          path: ['buying_groups'],
          quantifier: 'aggregate',
          aggregate: { fn: 'avg', field: 'engagement_score', operator: 'gte', value: 50 },
        },
      ],
    },
  });
  expect(accounts.count).toBeGreaterThan(0);

  // People who are the decision maker of a buying group engaged over 60.
  await canvas.select('Build audience 2');
  const people = QueryModelerPage.inInspector(page);
  await people.add('Related records');
  const memberships = people.condition(0);
  await memberships
    .getByRole('combobox', { name: 'Collection' })
    .selectOption({ label: 'Buying group memberships' });
  await people.addValueIs('role', /^Role/, 'Role', 'Decision maker', memberships);
  await people.add('A field', memberships);
  await people.chooseField(people.last, 'Buying group › Engagement', /Engagement score/);
  await expect(people.last.getByRole('combobox', { name: 'Field' })).toHaveValue(
    'Buying group › Engagement score',
  );
  await people.comparison(people.last, 'is more than');
  await people.type(people.last, /^Value of Engagement score/, '60');
  const deciders = await expectSameCountAsNode(canvas, 'Build audience 2', 'End 2');
  expect(activityByLabel(deciders.doc, 'Build audience 2').config).toMatchObject({
    targetDimension: 'profiles',
    rule: {
      children: [
        {
          kind: 'collection',
          path: ['memberships'],
          where: {
            children: [
              { path: ['role'], operator: 'equals', value: 'decision_maker' },
              { path: ['buying_group', 'engagement_score'], operator: 'gt', value: 60 },
            ],
          },
        },
      ],
    },
  });
  expect(deciders.count).toBeGreaterThan(0);
  expect(deciders.count).toBeLessThan(10_000);
});
