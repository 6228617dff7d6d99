import { test, expect } from '@playwright/test';
import { CanvasPage } from './pages/canvas-page';
import { InspectorPanel } from './pages/inspector-panel';

test('undo and redo every edit with the buttons and the keyboard', async ({ page }) => {
  const canvas = new CanvasPage(page);
  await canvas.openNewCampaign();
  await expect(canvas.tool('Undo')).toBeDisabled();
  await canvas.addInRow(['Build audience', 'Email']);
  await canvas.connect('Build audience', 'Email');
  await expect(canvas.transitions).toHaveCount(1);

  await canvas.tool('Undo').click();
  await expect(canvas.transitions).toHaveCount(0);
  await canvas.tool('Undo').click();
  await expect(canvas.nodes).toHaveCount(1);
  await canvas.tool('Redo').click();
  await expect(canvas.nodes).toHaveCount(2);

  await canvas.press('Control+Z');
  await expect(canvas.nodes).toHaveCount(1);
  await canvas.press('Control+Shift+Z');
  await expect(canvas.nodes).toHaveCount(2);
  await canvas.press('Control+Y');
  await expect(canvas.transitions).toHaveCount(1);
  await expect(canvas.tool('Redo')).toBeDisabled();
});

test('a whole drag is one undo step, and selecting is none', async ({ page }) => {
  const canvas = new CanvasPage(page);
  await canvas.openNewCampaign();
  await canvas.dragFromPalette('Wait', { x: 300, y: 300 });
  const node = canvas.node('Wait');
  const before = (await node.boundingBox())!;

  await page.mouse.move(before.x + 60, before.y + 20);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(before.x + 60 + i * 20, before.y + 20 + i * 10);
  await page.mouse.up();
  await expect.poll(async () => (await node.boundingBox())!.x).toBeGreaterThan(before.x + 150);

  // Clicking the pane and the node again changes the selection only.
  await canvas.canvas.click({ position: { x: 40, y: 600 } });
  await canvas.select('Wait');

  await canvas.press('Control+Z');
  await expect.poll(async () => Math.round((await node.boundingBox())!.x)).toBe(Math.round(before.x));
  await expect(node).toBeVisible();
  await canvas.press('Control+Z');
  await expect(canvas.nodes).toHaveCount(0);
});

test('shortcuts do not fire while typing in a field', async ({ page }) => {
  const canvas = new CanvasPage(page);
  await canvas.openNewCampaign();
  await canvas.dragFromPalette('Wait', { x: 300, y: 300 });
  const label = new InspectorPanel(page).labelField;
  await label.fill('Three days!');
  // Backspace edits the text, not the canvas; Ctrl+Z is the field's own undo, not the editor's.
  await label.press('Backspace');
  await expect(label).toHaveValue('Three days');
  await label.press('Control+Z');
  await expect(canvas.nodes).toHaveCount(1);
  await label.fill('Three days');
  await label.press('Enter');
  await expect(canvas.node('Three days')).toBeVisible();
  // The rename is one undo step.
  await canvas.canvas.click({ position: { x: 40, y: 600 } });
  await canvas.press('Control+Z');
  await expect(canvas.node('Wait')).toBeVisible();
});
