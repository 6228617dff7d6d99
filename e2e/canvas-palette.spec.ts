import { test, expect } from '@playwright/test';
import { CanvasPage } from './pages/canvas-page';
import { InspectorPanel } from './pages/inspector-panel';

test('an empty campaign explains how to start', async ({ page }) => {
  const canvas = new CanvasPage(page);
  await canvas.openNewCampaign();
  await expect(page.getByRole('heading', { name: 'Start your campaign' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Nothing selected' })).toBeVisible();
});

test('drag activities from the palette onto the canvas', async ({ page }) => {
  const canvas = new CanvasPage(page);
  await canvas.openNewCampaign();
  await canvas.dragFromPalette('Build audience', { x: 200, y: 250 });
  await expect(canvas.node('Build audience')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Start your campaign' })).toHaveCount(0);
  // The new activity is selected and shown in the inspector.
  await expect(new InspectorPanel(page).labelField).toHaveValue('Build audience');

  await canvas.dragFromPalette('Email', { x: 560, y: 250 });
  await expect(canvas.node('Email')).toBeVisible();
  await expect(canvas.nodes).toHaveCount(2);
  // Activities land where they were dropped: the view did not move between the two drops.
  const first = (await canvas.node('Build audience').boundingBox())!;
  const second = (await canvas.node('Email').boundingBox())!;
  expect(Math.abs(first.y - second.y)).toBeLessThan(2);
  expect(Math.round(second.x - first.x)).toBe(360);
});

test('the palette groups activities by category and filters them by search', async ({ page }) => {
  const canvas = new CanvasPage(page);
  await canvas.openNewCampaign();
  for (const group of ['Targeting', 'Flow control', 'Channels'])
    await expect(canvas.palette.getByRole('heading', { name: group })).toBeVisible();
  const search = canvas.palette.getByRole('searchbox', { name: 'Search activities' });
  await search.fill('A/B test');
  // Split by its keyword, Test by its title (every word matches).
  await expect(canvas.palette.getByRole('button')).toHaveCount(2);
  await expect(canvas.paletteItem('Split')).toBeVisible();
  await expect(canvas.paletteItem('Test')).toBeVisible();
  await search.fill('nothing like this');
  await expect(canvas.palette.getByText(/No activity matches/)).toBeVisible();
});

test('palette entries work from the keyboard and land on screen', async ({ page }) => {
  const canvas = new CanvasPage(page);
  await canvas.openNewCampaign();
  const search = canvas.palette.getByRole('searchbox', { name: 'Search activities' });
  await search.focus();
  await page.keyboard.press('Tab');
  await expect(canvas.paletteItem('Build audience')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(canvas.node('Build audience')).toBeInViewport();
  // Typing in the search box then Enter adds the first match.
  await search.fill('wait');
  await search.press('Enter');
  await expect(canvas.node('Wait')).toBeInViewport();
  await expect(canvas.nodes).toHaveCount(2);
});
