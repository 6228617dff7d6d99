import { test, expect } from '@playwright/test';
import { CanvasPage } from './pages/canvas-page';
import { InspectorPanel } from './pages/inspector-panel';

test('delete activities with the key and the toolbar; their transitions go with them', async ({ page }) => {
  const canvas = await CanvasPage.newCampaignWith(page, ['Build audience', 'Wait', 'Email'], { chained: true });

  await canvas.select('Wait');
  await canvas.press('Delete');
  await expect(canvas.nodes).toHaveCount(2);
  await expect(canvas.transitions).toHaveCount(0);
  await canvas.press('Control+Z');
  await expect(canvas.transitions).toHaveCount(2);

  await canvas.select('Email');
  await canvas.tool('Delete').click();
  await expect(canvas.node('Email')).toHaveCount(0);
  await expect(canvas.transitions).toHaveCount(1);
});

test('select a transition, rename it in the inspector and delete it', async ({ page }) => {
  const canvas = await CanvasPage.newCampaignWith(page, ['Build audience', 'Email']);
  await canvas.connect('Build audience', 'Email');
  await canvas.transition('Build audience', 'Email').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Transition' })).toBeVisible();
  const label = new InspectorPanel(page).labelField;
  await label.fill('Everyone');
  await label.press('Enter');
  await expect(canvas.canvas.getByText('Everyone')).toBeVisible();
  await page.getByRole('button', { name: 'Delete transition' }).click();
  await expect(canvas.transitions).toHaveCount(0);
});

test('disable and enable an activity', async ({ page }) => {
  const canvas = await CanvasPage.newCampaignWith(page, ['Build audience']);
  await canvas.select('Build audience');
  await canvas.tool('Disable').click();
  await expect(canvas.node('Build audience').getByText('Disabled')).toBeVisible();
  await expect(page.getByRole('switch', { name: /Enabled/ })).not.toBeChecked();
  await canvas.tool('Enable').click();
  await expect(canvas.node('Build audience').getByText('Disabled')).toHaveCount(0);
  // The inspector's switch does the same, from the keyboard too.
  await page.getByRole('switch', { name: /Enabled/ }).focus();
  await page.keyboard.press('Space');
  await expect(canvas.node('Build audience').getByText('Disabled')).toBeVisible();
});

test('box select several activities and move them together', async ({ page }) => {
  const canvas = await CanvasPage.newCampaignWith(page, ['Build audience', 'Wait']);
  const box = (await canvas.canvas.boundingBox())!;
  await canvas.canvas.click({ position: { x: 20, y: 500 } });
  await page.mouse.move(box.x + 10, box.y + 120);
  await page.mouse.down();
  await page.mouse.move(box.x + 800, box.y + 420, { steps: 10 });
  await page.mouse.up();
  await expect(page.getByRole('heading', { name: '2 items selected' })).toBeVisible();

  // Dragging one of them moves both by the same distance, in one undo step.
  const audience = canvas.node('Build audience');
  const wait = canvas.node('Wait');
  const [a0, w0] = [(await audience.boundingBox())!, (await wait.boundingBox())!];
  await page.mouse.move(w0.x + 60, w0.y + 20);
  await page.mouse.down();
  for (let i = 1; i <= 8; i++) await page.mouse.move(w0.x + 60 + i * 10, w0.y + 20 + i * 15);
  await page.mouse.up();
  // (React Flow starts the drag on the first move, so that first step is not part of the distance.)
  await expect.poll(async () => (await wait.boundingBox())!.y - w0.y).toBeGreaterThan(90);
  const [a1, w1] = [(await audience.boundingBox())!, (await wait.boundingBox())!];
  expect(Math.round(a1.x - a0.x)).toBe(Math.round(w1.x - w0.x));
  expect(Math.round(a1.y - a0.y)).toBe(Math.round(w1.y - w0.y));

  // Once the drag is over, the canvas takes clicks again: clearing the selection on the pane,
  // then one click selects one activity.
  await canvas.canvas.click({ position: { x: 20, y: 500 } });
  await expect(page.getByRole('heading', { name: 'Nothing selected' })).toBeVisible();
  await canvas.select('Build audience');
  await expect(page.getByRole('heading', { name: 'Build audience', level: 2 })).toBeVisible();

  await canvas.press('Control+Z');
  await expect.poll(async () => Math.round((await wait.boundingBox())!.y)).toBe(Math.round(w0.y));
  expect(Math.round((await audience.boundingBox())!.y)).toBe(Math.round(a0.y));
});

test('problems are listed; clicking one selects its activity', async ({ page }) => {
  const canvas = await CanvasPage.newCampaignWith(page, ['Build audience', 'SMS']);
  await expect(canvas.node('SMS').getByRole('img', { name: 'Status: Error' })).toBeVisible();
  await canvas.canvas.click({ position: { x: 20, y: 600 } });
  await page.getByRole('button', { name: /SMS.*has no audience/ }).click();
  await expect(new InspectorPanel(page).labelField).toHaveValue('SMS');
  await expect(page.getByRole('heading', { name: 'SMS', level: 2 })).toBeVisible();
});

test('keyboard: focus a node, select it with Enter, move it with the arrows, rename it', async ({ page }) => {
  const canvas = await CanvasPage.newCampaignWith(page, ['Wait']);
  await canvas.canvas.click({ position: { x: 20, y: 600 } });
  const node = canvas.node('Wait');
  await node.focus();
  await page.keyboard.press('Enter');
  await expect(new InspectorPanel(page).labelField).toHaveValue('Wait');
  const before = (await node.boundingBox())!;
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await node.boundingBox())!.x).toBeGreaterThan(before.x + 5);
  await new InspectorPanel(page).labelField.fill('Wait 3 days');
  await page.keyboard.press('Enter');
  await expect(canvas.node('Wait 3 days')).toBeVisible();
});
