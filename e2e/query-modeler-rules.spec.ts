import { expect, test } from '@playwright/test';
import { newAudience } from './helpers/activity-flow';

test.describe('Query modeler: building a rule', () => {
  test.setTimeout(180_000);

  test('a marketer combines text, enum, relative date, link, collection and aggregate conditions and calculates', async ({ page }) => {
    const { qm } = await newAudience(page);

    await qm.add('A field');
    await qm.chooseField(qm.last, 'first', /First name/);
    await qm.comparison(qm.last, 'starts with');
    await qm.type(qm.last, /Value of First name/, 'Ma');

    await qm.add('A field');
    await qm.chooseField(qm.last, 'loyal', /Loyalty tier/);
    await qm.comparison(qm.last, 'is one of');
    await qm.pickValues(qm.last, 'Loyalty tier', ['Gold', 'Platinum']);
    await expect(qm.last.getByRole('button', { name: /^Values of Loyalty tier: Gold, Platinum/ })).toBeVisible();

    await qm.add('A field');
    await qm.chooseField(qm.last, 'created', /^Created/);
    await expect(qm.last.getByRole('combobox', { name: 'Comparison' })).toHaveValue('in-last');
    await qm.type(qm.last, 'How many', '365');

    await qm.add('A field');
    await qm.chooseField(qm.last, 'industry', /Industry/);
    await expect(qm.last.getByRole('combobox', { name: 'Field' })).toHaveValue('Account › Industry');
    await qm.last.getByRole('combobox', { name: 'Value of Industry' }).selectOption({ label: 'Software' });

    await qm.add('Related records');
    const purchases = qm.last;
    await expect(purchases.getByRole('combobox', { name: 'Collection' })).toHaveValue('purchases');
    await qm.add('A field', purchases);
    await qm.chooseField(qm.last, 'category', /Category/);
    await qm.last.getByRole('combobox', { name: 'Value of Category' }).selectOption({ label: 'Electronics' });

    await qm.add('Related records');
    await qm.last.getByRole('combobox', { name: 'Has, has no, or count' }).selectOption({ label: 'Count or total of' });
    await qm.last.getByRole('combobox', { name: 'Compute' }).selectOption({ label: 'Total' });
    await qm.last.getByRole('combobox', { name: 'Field of purchases' }).selectOption({ label: 'Amount' });
    await qm.type(qm.last, 'Number to compare with', '50');

    // An incomplete condition shows its problem on itself.
    await qm.add('A field');
    await qm.chooseField(qm.last, 'engagement', /Engagement score/);
    await qm.comparison(qm.last, 'is more than');
    await expect(qm.problem(qm.last)).toHaveText('Enter a value.');
    await expect(qm.last).toHaveClass(/qm-cond--error/);
    await qm.type(qm.last, /Value of Engagement score/, 'lots');
    await expect(qm.problem(qm.last)).toHaveText('Engagement score needs a number, not “lots”.');
    await qm.type(qm.last, /Value of Engagement score/, '10');
    await expect(qm.problem(qm.last)).toBeHidden();

    await qm.pressCalculate();
    await qm.expectTotal(/^\d[\d,]* (profiles|record)/);
    // Every condition gets its own count too.
    await expect(qm.root.locator('.qm-count').first()).toHaveText(/^\d[\d,]*$/, { timeout: 60_000 });
    await expect(qm.root.locator('.qm-count')).toHaveCount(await qm.conditions.count());
    // Inside a collection condition, each chip says what it counts: profiles that have such
    // purchases, and the purchases that match.
    const collection = qm.conditions.filter({ has: page.getByRole('combobox', { name: 'Collection' }) }).first();
    // The innermost card holding the Category value: the collection's card holds it too.
    const category = qm.conditions.filter({ has: page.getByRole('combobox', { name: 'Value of Category' }) }).last();
    await expect(qm.countChip(collection)).toHaveText(/^\d[\d,]* profiles?$/, { timeout: 60_000 });
    await expect(qm.countChip(category)).toHaveText(/^\d[\d,]* purchases?$/, { timeout: 60_000 });
  });

  test('conditions reorder with the keyboard, duplicate, group and go away', async ({ page }) => {
    const { qm } = await newAudience(page);
    await qm.add('A field');
    await qm.chooseField(qm.last, 'first', /First name/);
    await qm.add('A field');
    await qm.chooseField(qm.last, 'city', /^City/);
    const fields = () => qm.root.getByRole('combobox', { name: 'Field' });
    await expect(fields().nth(0)).toHaveValue('First name');

    // Move up from the actions menu.
    await qm.condition(1).getByRole('button', { name: /^Actions of condition 2/ }).click();
    await page.getByRole('menuitem', { name: 'Move up' }).click();
    await expect(fields().nth(0)).toHaveValue('City');

    // Drag with the keyboard: Space picks up, arrow moves, Space drops.
    const handle = qm.condition(0).getByRole('button', { name: /^Drag to reorder/ });
    await handle.focus();
    await page.keyboard.press('Space');
    await expect(qm.condition(0)).toHaveClass(/qm-cond--dragging/);
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(300); // the card slides to its new place before it is dropped
    await page.keyboard.press('Space');
    await expect(fields().nth(0)).toHaveValue('First name');
    await expect(fields().nth(1)).toHaveValue('City');

    await qm.condition(0).getByRole('button', { name: /^Actions of condition 1/ }).click();
    await page.getByRole('menuitem', { name: 'Duplicate' }).click();
    await expect(fields()).toHaveCount(3);
    await expect(fields().nth(1)).toHaveValue('First name');

    await qm.condition(2).getByRole('button', { name: /^Actions of condition 3/ }).click();
    await page.getByRole('menuitem', { name: 'Put in a group' }).click();
    await expect(qm.root.locator('div.qm-cond--group')).toHaveCount(1);

    const group = qm.root.locator('div.qm-cond--group');
    await qm.add('A field', group);
    await expect(group.getByRole('combobox', { name: 'Match' })).toBeVisible();
    await group.getByRole('combobox', { name: 'Match' }).selectOption('or');
    await expect(group.locator('.qm-joiner').first()).toHaveText('or');

    await qm.condition(0).getByRole('button', { name: /^Actions of condition 1/ }).click();
    await page.getByRole('menuitem', { name: 'Remove' }).click();
    await expect(qm.root.locator('> .qm-group > .qm-group__list > div.qm-cond')).toHaveCount(2);

    // Undo restores the removed condition: each edit is one step.
    await page.getByRole('toolbar', { name: 'Editor tools' }).getByRole('button', { name: 'Undo', exact: true }).click();
    await expect(qm.root.locator('> .qm-group > .qm-group__list > div.qm-cond')).toHaveCount(3);
  });
});

test('conditions reorder by dragging their grip with the mouse', async ({ page }) => {
  test.setTimeout(180_000);
  const { qm } = await newAudience(page);
  await qm.add('A field');
  await qm.chooseField(qm.last, 'first', /First name/);
  await qm.add('A field');
  await qm.chooseField(qm.last, 'city', /^City/);
  await qm.add('A field');
  await qm.chooseField(qm.last, 'country', /^Country/);
  const fields = qm.root.getByRole('combobox', { name: 'Field' });
  await expect(fields.nth(0)).toHaveValue('First name');

  // Picks up the first card by its grip and drops it below the last one, moving in small steps as a hand does.
  const grip = qm.condition(0).getByRole('button', { name: /^Drag to reorder/ });
  const from = (await grip.boundingBox())!;
  const target = (await qm.condition(2).boundingBox())!;
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 + 10, { steps: 3 });
  await expect(qm.condition(0)).toHaveClass(/qm-cond--dragging/);
  await page.mouse.move(from.x + from.width / 2, target.y + target.height - 5, { steps: 15 });
  await page.mouse.up();
  await expect(fields.nth(0)).toHaveValue('City');
  await expect(fields.nth(1)).toHaveValue('Country');
  await expect(fields.nth(2)).toHaveValue('First name');

  // One drag, one undo step.
  await page.getByRole('toolbar', { name: 'Editor tools' }).getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(fields.nth(0)).toHaveValue('First name');
  await expect(fields.nth(2)).toHaveValue('Country');
});
