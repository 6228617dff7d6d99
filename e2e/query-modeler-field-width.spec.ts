import { expect, test } from '@playwright/test';
import { newAudience } from './helpers/activity-flow';

test('a condition inside related records keeps its field readable beside its count', async ({ page }) => {
  test.setTimeout(180_000);
  const { qm } = await newAudience(page);
  await qm.add('Related records');
  const purchases = qm.last;
  await qm.add('A field', purchases);
  await qm.chooseField(qm.last, 'category', /Category/);
  await qm.last.getByRole('combobox', { name: 'Value of Category' }).selectOption({ label: 'Electronics' });
  const field = qm.last.getByRole('combobox', { name: 'Field' });
  const shown = await field.inputValue();
  expect(shown.length).toBeGreaterThan(10);

  await qm.calculate.click();
  await qm.expectTotal(/^\d[\d,]* profiles?/);
  // The nested condition's chip says what it counts ("1,234 purchases"), the widest there is.
  await expect(qm.countChip(qm.last)).toHaveText(/^\d[\d,]* purchases?$/, { timeout: 60_000 });
  // Its field is shown whole: the input's text is not wider than the input.
  const [scroll, client] = await field.evaluate((e: HTMLInputElement) => [e.scrollWidth, e.clientWidth]);
  expect(scroll, `“${shown}” cut to ${client} px`).toBeLessThanOrEqual(client + 1);
});
