import { expect, test } from '@playwright/test';
import { CanvasPage } from './pages/canvas-page';
import { CountsPage } from './pages/counts-page';
import { QueryModelerPage } from './pages/query-modeler-page';

// Read from the accessible name: the node draws the count twice (whole and compact, CSS shows one).
const asNumber = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

test('the count on the canvas follows the rule edited in the query modeler', async ({ page }) => {
  test.setTimeout(240_000);
  const canvas = new CanvasPage(page);
  await canvas.openNewCampaign();
  await canvas.addInRow(['Build audience', 'End']);
  await canvas.connect('Build audience', 'End');
  // The audience's count, as the node shows it ("100,000 records").
  const count = canvas.node('Build audience').getByRole('img', { name: /^[\d,]+ records?$/ });
  await expect(count).toBeVisible({ timeout: 120_000 });
  const everyone = asNumber(await count.getAttribute('aria-label'));
  expect(everyone).toBeGreaterThan(0);

  await canvas.select('Build audience');
  const qm = QueryModelerPage.inInspector(page);
  await qm.add('A field');
  await qm.chooseField(qm.last, 'loyal', /Loyalty tier/);
  await qm.last.getByRole('combobox', { name: 'Value of Loyalty tier' }).selectOption({ label: 'Gold' });
  await expect.poll(async () => asNumber(await count.getAttribute('aria-label')), { timeout: 120_000 }).toBeLessThan(everyone);
  const gold = asNumber(await count.getAttribute('aria-label'));
  expect(gold).toBeGreaterThan(0);

  // Calculate in the modeler gives the same number as the canvas.
  await qm.calculate.click();
  await qm.expectTotal(new RegExp(`^${gold.toLocaleString('en')} profiles`));

  // A condition just added asks for its field: a prompt, not an error, and the activity keeps its
  // last count, dimmed, until the rule is complete again.
  await qm.add('A field');
  await expect(qm.problem(qm.last)).toHaveText('Choose a field.');
  await expect(qm.last).not.toHaveClass(/qm-cond--error/);
  await expect(qm.problem(qm.last).locator('.qm-problem--error')).toHaveCount(0);
  const kept = canvas.node('Build audience').getByRole('img', { name: `${gold.toLocaleString('en')} records (last count, until the settings are complete)` });
  await expect(kept).toBeVisible({ timeout: 120_000 });
  await expect(canvas.node('Build audience').getByRole('img', { name: /^Status: Error/ })).toHaveCount(0);
  // Its transition and what follows keep theirs too, dimmed, naming the activity that holds them.
  const heldBack = `${gold.toLocaleString('en')} records (last count, until the settings of “Build audience” are complete)`;
  const keptOnTransition = await new CountsPage(page).countBetween('Build audience', 'End');
  await expect(keptOnTransition).toHaveAccessibleName(heldBack);
  await expect(keptOnTransition).toHaveText(gold.toLocaleString('en'));
  await expect(keptOnTransition).toHaveCSS('opacity', '0.5');
  await expect(canvas.node('End').getByRole('img', { name: heldBack })).toBeVisible();
  // Its records cannot be previewed until the settings are complete: none are computed.
  await keptOnTransition.click();
  await expect(page.getByRole('button', { name: 'Preview results' })).toBeDisabled();
  await canvas.select('Build audience');
  await qm.chooseField(qm.last, 'country', /^Country/);
  await qm.last.getByRole('combobox', { name: 'Value of Country' }).selectOption({ index: 1 });
  await expect(kept).toBeHidden({ timeout: 120_000 });
  await expect(keptOnTransition).not.toHaveAccessibleName(/last count/);
  await expect.poll(async () => asNumber(await count.getAttribute('aria-label')), { timeout: 120_000 }).toBeLessThan(gold);
});
