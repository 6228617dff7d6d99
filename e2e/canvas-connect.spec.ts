import { test, expect } from '@playwright/test';
import { CanvasPage } from './pages/canvas-page';

test('connect two activities by dragging from an output to an input', async ({ page }) => {
  const canvas = await CanvasPage.newCampaignWith(page, ['Build audience', 'Email']);
  await expect(page.getByRole('button', { name: /Email.*has no audience/ })).toBeVisible();

  await canvas.connect('Build audience', 'Email');
  await expect(canvas.transition('Build audience', 'Email')).toHaveCount(1);
  // Connecting gave the email its audience: the problem is gone.
  await expect(page.getByRole('button', { name: /Email.*has no audience/ })).toHaveCount(0);
  // Still incomplete for its content (no subject, no body), no longer for its audience.
  const status = canvas.node('Email').getByRole('img', { name: 'Status: Incomplete' });
  await expect(status).toHaveAttribute('title', /subject/);
  await expect(status).not.toHaveAttribute('title', /has no audience/);
});

test('an invalid connection is refused with a visible reason', async ({ page }) => {
  const canvas = await CanvasPage.newCampaignWith(page, ['Build audience', 'Wait', 'Email'], { chained: true });

  // A second transition into an input that takes one.
  await canvas.connect('Build audience', 'Email');
  await expect(canvas.alert).toContainText('already has');
  await expect(canvas.transitions).toHaveCount(2);
});

test('a channel without an audience upstream cannot be connected', async ({ page }) => {
  const canvas = await CanvasPage.newCampaignWith(page, ['Wait', 'SMS']);
  await canvas.connect('Wait', 'SMS');
  await expect(canvas.alert).toContainText('needs an audience');
  await expect(canvas.transitions).toHaveCount(0);
});

test('a Split shows one labelled output per subset, each connectable', async ({ page }) => {
  const canvas = new CanvasPage(page);
  await canvas.openNewCampaign();
  await canvas.dragFromPalette('Build audience', { x: 140, y: 300 });
  await canvas.dragFromPalette('Split', { x: 440, y: 300 });
  await canvas.dragFromPalette('Email', { x: 760, y: 180 });
  await canvas.dragFromPalette('End', { x: 760, y: 440 });
  await expect(canvas.node('Split').getByText('Subset 1')).toBeVisible();
  await expect(canvas.node('Split').getByText('Subset 2')).toBeVisible();
  await canvas.connect('Build audience', 'Split');
  await canvas.connect('Split', 'Email', 'subset-1');
  await canvas.connect('Split', 'End', 'subset-2');
  await expect(canvas.transitions).toHaveCount(3);
});

test('connect from the keyboard with the inspector, and remove the transition there', async ({ page }) => {
  const canvas = await CanvasPage.newCampaignWith(page, ['Build audience', 'Wait', 'End']);
  await canvas.select('Build audience');
  const connectTo = page.getByRole('combobox', { name: 'Connect Audience to' });
  // Only activities the rules accept are offered: End and Wait, not the audience itself.
  await expect(connectTo.getByRole('option')).toHaveText(['Connect to…', 'Wait', 'End']);
  await connectTo.selectOption({ label: 'Wait' });
  await expect(canvas.transition('Build audience', 'Wait')).toHaveCount(1);
  await page.getByRole('button', { name: 'Remove the transition to Wait' }).click();
  await expect(canvas.transitions).toHaveCount(0);
});

test('drop a connection on empty canvas to add the next activity there, connected', async ({ page }) => {
  const canvas = await CanvasPage.newCampaignWith(page, ['Build audience']);
  const source = (await canvas.handle('Build audience', 'output').boundingBox())!;
  await page.mouse.move(source.x + source.width / 2, source.y + source.height / 2);
  await page.mouse.down();
  await page.mouse.move(source.x + 260, source.y + 40, { steps: 10 });
  await page.mouse.up();
  const menu = page.getByRole('dialog', { name: 'Add a connected activity' });
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('button', { name: 'Build audience' })).toHaveCount(0);
  await expect(menu.getByRole('searchbox')).toBeFocused();
  await page.keyboard.type('email');
  await page.keyboard.press('Enter');
  await expect(menu).toBeHidden();
  await expect(canvas.transition('Build audience', 'Email')).toHaveCount(1);
  await canvas.press('Control+Z');
  await expect(canvas.nodes).toHaveCount(1);
  await expect(canvas.transitions).toHaveCount(0);
});
