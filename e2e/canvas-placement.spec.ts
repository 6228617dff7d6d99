import { test, expect } from '@playwright/test';
import { CanvasPage } from './pages/canvas-page';

// Each spec loads sample data and counts a campaign: generous on a busy machine.
test.describe.configure({ timeout: 240_000 });

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('activities added with Enter in the palette land in free space, on screen', async ({ page }) => {
  const canvas = await CanvasPage.newCampaignWith(page, ['Build audience', 'Email']);
  const search = canvas.palette.getByRole('searchbox', { name: 'Search activities' });
  for (const [i, name] of ['wait', 'fork', 'end', 'wait'].entries()) {
    await search.fill(name);
    await search.press('Enter');
    await expect(canvas.nodes).toHaveCount(3 + i);
  }
  const boxes = await canvas.nodes.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as Box));
  for (const [i, a] of boxes.entries()) for (const b of boxes.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
  for (const node of await canvas.nodes.all()) await expect(node).toBeInViewport();
});

test('with an activity selected, Enter adds the new one beside it', async ({ page }) => {
  const canvas = await CanvasPage.newCampaignWith(page, ['Build audience']);
  await canvas.select('Build audience');
  const search = canvas.palette.getByRole('searchbox', { name: 'Search activities' });
  await search.fill('email');
  await search.press('Enter');
  const source = (await canvas.node('Build audience').boundingBox())!;
  const added = (await canvas.node('Email').boundingBox())!;
  expect(added.x).toBeGreaterThan(source.x + source.width);
  expect(Math.abs(added.y - source.y)).toBeLessThan(source.height);
  await expect(canvas.node('Email')).toBeInViewport();
});

test('inserting activities keeps the branch after them on screen', async ({ page }) => {
  const canvas = await CanvasPage.newCampaignWith(page, ['Build audience', 'Email'], { chained: true });
  const menu = page.getByRole('dialog', { name: 'Insert an activity' });
  for (const [i, name] of ['Wait', 'Deduplication', 'Enrichment'].entries()) {
    await expect(async () => {
      await canvas.canvas.getByRole('button', { name: 'Insert an activity here' }).last().click();
      await expect(menu.getByRole('searchbox')).toBeFocused({ timeout: 2000 });
    }).toPass();
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
    await expect(canvas.transitions).toHaveCount(2 + i);
    // The view follows the moved branch: the new activity and the one after it stay visible.
    await expect(canvas.node(name)).toBeInViewport();
    await expect(canvas.node('Email')).toBeInViewport();
  }
});
