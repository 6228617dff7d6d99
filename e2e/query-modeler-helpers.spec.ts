import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { newAudience } from './helpers/activity-flow';
import { QueryModelerPage } from './pages/query-modeler-page';

test.describe('Query modeler: helpers', () => {
  test.setTimeout(180_000);

  test('value suggestions, View results and Code view', async ({ page }) => {
    const { qm } = await newAudience(page);
    await qm.add('A field');
    await qm.chooseField(qm.last, 'loyal', /Loyalty tier/);
    await qm.last.getByRole('button', { name: 'Suggest values of Loyalty tier from the data' }).click();
    const suggestions = page.getByRole('dialog', { name: 'Most frequent values of Loyalty tier' });
    await expect(suggestions.getByRole('button').first()).toBeVisible({ timeout: 60_000 });
    await expect(suggestions.getByRole('button', { name: /^Gold\s*[\d,]+\s*\d+%$/ })).toBeVisible();
    await suggestions.getByRole('button', { name: /^Gold/ }).click();
    await expect(qm.last.getByRole('combobox', { name: 'Value of Loyalty tier' })).toHaveValue('gold');

    await qm.tool('View results').click();
    const results = page.getByRole('dialog', { name: 'Results: profiles' });
    await expect(results.getByRole('table')).toBeVisible({ timeout: 60_000 });
    await expect(results.getByRole('columnheader', { name: 'loyalty_tier' })).toBeVisible();
    await expect(results.getByRole('cell', { name: 'gold', exact: true }).first()).toBeVisible();
    await expect(results.getByRole('cell', { name: 'silver', exact: true })).toHaveCount(0);
    await page.keyboard.press('Escape');

    await qm.tool('Code view').click();
    const code = page.getByRole('dialog', { name: 'Code view' });
    await expect(code.getByLabel('SQL')).toContainText(`"loyalty_tier" = 'gold'`, { timeout: 60_000 });
    await expect(code.getByLabel('SQL')).not.toContainText('CREATE');
  });

  test('a rule saved as a filter applies in another audience, as a copy or as a link', async ({ page }) => {
    const { canvas, qm } = await newAudience(page);
    await qm.addValueIs('country', /^Country/, 'Country', 'France');
    await qm.tool('Save as filter').click();
    const save = page.getByRole('dialog', { name: 'Save as filter' });
    await save.getByRole('textbox', { name: 'Name' }).fill('French customers');
    await save.getByRole('button', { name: 'Save' }).click();
    await expect(save).toBeHidden();

    await canvas.dragFromPalette('Build audience', { x: 200, y: 500 });
    await canvas.select('Build audience 2');
    const other = QueryModelerPage.inInspector(page);
    await expect(other.conditions).toHaveCount(0);

    await other.tool('Saved filters').click();
    const list = page.getByRole('dialog', { name: 'Saved filters' });
    await list.getByRole('button', { name: 'Add a copy of French customers' }).click();
    await expect(other.root.getByRole('combobox', { name: 'Value of Country' })).toHaveValue('FR');

    await other.tool('Saved filters').click();
    await list.getByRole('button', { name: 'Link to French customers' }).click();
    await expect(other.last.getByRole('combobox', { name: 'Matches the saved filter' })).toHaveValue(/^filter_/);
    await expect(other.last.getByRole('combobox', { name: 'Matches the saved filter' }).locator('option:checked')).toHaveText('French customers');

    // The link counts like the copy: France AND France is France.
    await other.calculate.click();
    await other.expectTotal(/^\d[\d,]* profiles/);
    const counts = other.root.locator('.qm-count');
    await expect(counts).toHaveCount(2, { timeout: 60_000 });
    const copyCount = await counts.nth(0).textContent();
    await expect(counts.last()).toHaveText(copyCount ?? '');
  });
});

test('the rule editor passes an accessibility audit, with a problem shown and a list open', async ({ page }) => {
  test.setTimeout(120_000);
  const { qm } = await newAudience(page);
  await qm.add('A field');
  await qm.chooseField(qm.last, 'loyal', /Loyalty tier/);
  await qm.comparison(qm.last, 'is one of');
  await qm.add('Related records');
  await qm.last.getByRole('combobox', { name: 'Has, has no, or count' }).selectOption({ label: 'Count or total of' });
  await expect(qm.problem(qm.last)).toBeVisible();
  const results = await new AxeBuilder({ page }).include('section.qm').analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await qm.last.getByRole('combobox', { name: 'Compute' }).focus();
  await expect(qm.last.getByRole('combobox', { name: 'Compute' })).toBeFocused();
});
