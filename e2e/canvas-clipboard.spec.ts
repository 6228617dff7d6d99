import { test, expect } from '@playwright/test';
import { CanvasPage } from './pages/canvas-page';

test('copy and paste a selection with its transitions, by keyboard and buttons', async ({ page }) => {
  const canvas = await CanvasPage.newCampaignWith(page, ['Build audience', 'Email'], { chained: true });
  await canvas.select('Build audience');
  await canvas.select('Email', { shift: true });
  await canvas.press('Control+C');
  await canvas.press('Control+V');
  await expect(canvas.node('Build audience 2')).toBeVisible();
  await expect(canvas.node('Email 2')).toBeVisible();
  await expect(canvas.transition('Build audience 2', 'Email 2')).toHaveCount(1);
  await expect(canvas.nodes).toHaveCount(4);

  // The pasted copy is selected: the toolbar's Cut removes it, Paste brings it back.
  await canvas.tool('Cut').click();
  await expect(canvas.nodes).toHaveCount(2);
  await canvas.tool('Paste').click();
  await expect(canvas.nodes).toHaveCount(4);
  await expect(canvas.transitions).toHaveCount(2);
});

test('duplicate with Ctrl+D and the toolbar', async ({ page }) => {
  const canvas = await CanvasPage.newCampaignWith(page, ['Build audience', 'Email'], { chained: true });
  await canvas.select('Email');
  await canvas.press('Control+D');
  await expect(canvas.node('Email 2')).toBeVisible();
  await canvas.tool('Duplicate').click();
  await expect(canvas.node('Email 3')).toBeVisible();
});

test('paste into another campaign in another tab through the system clipboard', async ({ page, context }) => {
  const canvas = await CanvasPage.newCampaignWith(page, ['Build audience', 'Email'], { chained: true });
  await canvas.press('Control+A');
  await canvas.tool('Copy').click();
  await expect(canvas.status).toContainText('Copied 2 activities');

  const other = new CanvasPage(await context.newPage());
  await other.openNewCampaign();
  await other.canvas.click({ position: { x: 300, y: 300 } });
  await other.press('Control+V');
  await expect(other.node('Build audience')).toBeVisible();
  await expect(other.node('Email')).toBeVisible();
  await expect(other.transition('Build audience', 'Email')).toHaveCount(1);
  await expect(other.node('Email')).toBeInViewport();
});

test('pasting text that is not a campaign is ignored with a message', async ({ page }) => {
  const canvas = new CanvasPage(page);
  await canvas.openNewCampaign();
  await page.evaluate(() => navigator.clipboard.writeText('just some words'));
  await canvas.tool('Paste').click();
  await expect(canvas.status).toContainText('no campaign activities');
  await expect(canvas.nodes).toHaveCount(0);
});
