import { test, expect, type Page } from '@playwright/test';
import { CanvasPage } from './pages/canvas-page';

/** A new campaign: Build audience -> Email. */
async function audienceToEmail(page: Page): Promise<CanvasPage> {
  const canvas = await CanvasPage.newCampaignWith(page, ['Build audience', 'Email'], { chained: true });
  await expect(canvas.transition('Build audience', 'Email')).toHaveCount(1);
  return canvas;
}

test('drop an activity onto a transition to insert it there', async ({ page }) => {
  const canvas = await audienceToEmail(page);
  const plus = canvas.canvas.getByRole('button', { name: 'Insert an activity here' });
  // Drop on the transition's middle, where its "+" sits.
  await canvas.dragOnto('Wait', plus);
  await expect(canvas.node('Wait')).toBeVisible();
  await expect(canvas.transition('Build audience', 'Wait')).toHaveCount(1);
  await expect(canvas.transition('Wait', 'Email')).toHaveCount(1);
  await expect(canvas.transitions).toHaveCount(2);
});

test('the "+" on a transition opens a searchable menu and inserts the chosen activity', async ({ page }) => {
  const canvas = await audienceToEmail(page);
  await canvas.canvas.getByRole('button', { name: 'Insert an activity here' }).click();
  const menu = page.getByRole('dialog', { name: 'Insert an activity' });
  await expect(menu).toBeVisible();
  await menu.getByRole('searchbox').fill('dedup');
  await menu.getByRole('button', { name: 'Deduplication' }).click();
  await expect(menu).toBeHidden();
  await expect(canvas.transition('Build audience', 'Deduplication')).toHaveCount(1);
  await expect(canvas.transition('Deduplication', 'Email')).toHaveCount(1);

  // From the keyboard: type and press Enter.
  // The canvas settles (the inserted activity made room) before the second "+" holds still.
  await expect(async () => {
    await canvas.canvas.getByRole('button', { name: 'Insert an activity here' }).last().click();
    await expect(menu.getByRole('searchbox')).toBeFocused({ timeout: 2000 });
  }).toPass();
  await page.keyboard.type('wait');
  await page.keyboard.press('Enter');
  await expect(canvas.transitions).toHaveCount(3);
  await expect(canvas.node('Wait')).toBeVisible();
});

test('an activity that cannot sit mid-path is not offered by "+", and a drop explains why', async ({ page }) => {
  const canvas = await audienceToEmail(page);
  const plus = canvas.canvas.getByRole('button', { name: 'Insert an activity here' });
  await plus.click();
  const menu = page.getByRole('dialog', { name: 'Insert an activity' });
  await expect(menu.getByRole('button', { name: 'Wait' })).toBeVisible();
  await expect(menu.getByRole('button', { name: 'End' })).toHaveCount(0);
  await expect(menu.getByRole('button', { name: 'Build audience' })).toHaveCount(0);
  await page.keyboard.press('Escape');

  await canvas.dragOnto('End', plus);
  await expect(canvas.alert).toContainText('ends a branch');
  await expect(canvas.node('End')).toBeVisible();
  await expect(canvas.transitions).toHaveCount(1);
});

test('Escape closes the insert menu without inserting', async ({ page }) => {
  const canvas = await audienceToEmail(page);
  await canvas.canvas.getByRole('button', { name: 'Insert an activity here' }).click();
  const menu = page.getByRole('dialog', { name: 'Insert an activity' });
  await expect(menu.getByRole('searchbox')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(canvas.nodes).toHaveCount(2);
});
