import { test, expect } from '@playwright/test';
import { CanvasPage } from './pages/canvas-page';

test('tidy up lays the campaign out in layers, as one undo step', async ({ page }) => {
  const canvas = new CanvasPage(page);
  await canvas.openNewCampaign();
  // A messy diagonal: Email far left, the audience far right.
  await canvas.dragFromPalette('Email', { x: 150, y: 420 });
  await canvas.dragFromPalette('Build audience', { x: 700, y: 150 });
  await canvas.connect('Build audience', 'Email');
  const xOf = async (label: string) => (await canvas.node(label).boundingBox())!.x;
  expect(await xOf('Email')).toBeLessThan(await xOf('Build audience'));

  // Tidy up levels the nodes as they are: once counted, as the Email grows by its "to send" line.
  await expect(page.getByRole('status', { name: 'Counts status' })).toHaveText('Counts up to date');
  await canvas.tool('Tidy up').click();
  await expect.poll(async () => (await xOf('Build audience')) < (await xOf('Email'))).toBe(true);
  // One layer after the other on one line: their middles (where the transition joins them) level,
  // whatever their heights (a channel node also tells who can be reached).
  const middle = async (label: string) => {
    const box = (await canvas.node(label).boundingBox())!;
    return box.y + box.height / 2;
  };
  const yDiff = async () => Math.abs((await middle('Email')) - (await middle('Build audience')));
  await expect.poll(yDiff).toBeLessThan(4);

  await canvas.press('Control+Z');
  await expect.poll(async () => (await xOf('Email')) < (await xOf('Build audience'))).toBe(true);
});

test('vertical orientation moves the handles and lays the flow top to bottom', async ({ page }) => {
  const canvas = await CanvasPage.newCampaignWith(page, ['Build audience', 'Email'], { chained: true });
  await canvas.toolbar.getByRole('radio', { name: 'Vertical' }).click();
  await expect(canvas.node('Build audience').locator('.react-flow__handle-bottom')).toHaveCount(1);
  await expect
    .poll(async () => (await canvas.node('Build audience').boundingBox())!.y < (await canvas.node('Email').boundingBox())!.y - 40)
    .toBe(true);
  await canvas.toolbar.getByRole('radio', { name: 'Horizontal' }).click();
  await expect(canvas.node('Build audience').locator('.react-flow__handle-right')).toHaveCount(1);
});

test('zoom in, zoom out, fit view and the minimap', async ({ page }) => {
  const canvas = await CanvasPage.newCampaignWith(page, ['Build audience', 'Email']);
  const width = async () => (await canvas.node('Email').boundingBox())!.width;
  const start = await width();
  await canvas.tool('Zoom in').click();
  await expect.poll(width).toBeGreaterThan(start);
  await canvas.tool('Zoom out').click();
  await canvas.tool('Zoom out').click();
  await expect.poll(width).toBeLessThan(start);
  await canvas.tool('Fit view').click();
  await expect(canvas.node('Email')).toBeInViewport();
  await expect(page.getByRole('img', { name: 'Minimap' })).toBeVisible();
});
