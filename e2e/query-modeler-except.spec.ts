import { expect, test } from '@playwright/test';
import { chainOf } from './helpers/activity-flow';
import { activityByLabel, exportedDoc, nodeCounts, transitionId } from './helpers/expected-counts';
import { expectCanvasCount } from './pages/inspector-page';
import { QueryModelerPage } from './pages/query-modeler-page';
import type { CampaignDoc } from '../src/domain/campaign';
import type { ConditionGroup } from '../src/domain/rule';

const format = (n: number) => n.toLocaleString('en-US');

/** The same campaign with the audience's rule changed by `change` (a copy; the page is untouched). */
function withRule(doc: CampaignDoc, change: (rule: ConditionGroup) => ConditionGroup): CampaignDoc {
  return {
    ...doc,
    activities: doc.activities.map((a) => (a.label === 'Build audience' ? { ...a, config: { ...a.config, rule: change((a.config as { rule: ConditionGroup }).rule) } } : a)),
  };
}

test('an EXCEPT group built in the rule editor: gold or platinum, except those opted out of email', async ({ page }) => {
  test.setTimeout(300_000);
  const { canvas } = await chainOf(page, ['Build audience', 'End'], 'Build audience');
  const qm = QueryModelerPage.inInspector(page);
  await expect(qm.root).toBeVisible({ timeout: 60_000 });

  // First: a group "any of these" with Gold and Platinum.
  await qm.add('A group');
  const group = qm.root.locator('div.qm-cond--group');
  await expect(group.getByRole('combobox', { name: 'Match' })).toHaveValue('or');
  await qm.chooseField(qm.last, 'loyal', /Loyalty tier/);
  await qm.last.getByRole('combobox', { name: 'Value of Loyalty tier' }).selectOption({ label: 'Gold' });
  await qm.add('A field', group);
  await qm.chooseField(qm.last, 'loyal', /Loyalty tier/);
  await qm.last.getByRole('combobox', { name: 'Value of Loyalty tier' }).selectOption({ label: 'Platinum' });
  await expect(group.locator('.qm-joiner')).toHaveText(['or']);

  // Then, at the top: those opted out of email.
  await qm.add('A field', qm.root.locator('> .qm-group'));
  await qm.chooseField(qm.last, 'email opt', /Email opt-in/);
  await qm.comparison(qm.last, 'is false');
  const topMatch = qm.root.locator('> .qm-group > .qm-group__head').getByRole('combobox', { name: 'Match' });
  await topMatch.selectOption({ label: 'the first, except the others' });
  await expect(qm.root.locator('> .qm-group > .qm-group__list > .qm-joiner')).toHaveText(['except']);
  await expect(qm.root.locator('.qm-cond__problems')).toHaveCount(0);

  // What the editor stored, and what the engine in Node counts for it.
  const doc = await exportedDoc(page);
  const rule = (activityByLabel(doc, 'Build audience').config as { rule: ConditionGroup }).rule;
  expect(rule).toMatchObject({
    combinator: 'except',
    children: [
      { kind: 'group', combinator: 'or', children: [{ path: ['loyalty_tier'], operator: 'equals', value: 'gold' }, { path: ['loyalty_tier'], operator: 'equals', value: 'platinum' }] },
      { kind: 'attribute', path: ['email_opt_in'], operator: 'is-false' },
    ],
  });
  const id = transitionId(doc, 'Build audience', 'End');
  const except = (await nodeCounts(doc))[id]!;
  // EXCEPT is the first condition without those matching the second: first = (first except second) + (first and second).
  const first = (await nodeCounts(withRule(doc, (r) => ({ ...r, combinator: 'and', children: r.children.slice(0, 1) }))))[id]!;
  const both = (await nodeCounts(withRule(doc, (r) => ({ ...r, combinator: 'and' }))))[id]!;
  expect(both).toBeGreaterThan(0);
  expect(except).toBeGreaterThan(0);
  expect(except + both).toBe(first);

  await expectCanvasCount(canvas, id, except);

  await qm.calculate.click();
  await qm.expectTotal(new RegExp(`^${format(except)} profiles`));
  // Each top-level condition counts alone: the group counts gold or platinum.
  const groupCount = qm.root.locator('> .qm-group > .qm-group__list > div.qm-cond--group .qm-count').first();
  await expect(groupCount).toHaveText(format(first), { timeout: 60_000 });
});
