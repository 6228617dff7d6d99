import { test, expect } from '@playwright/test';
import { CanvasPage } from './pages/canvas-page';
import { EditorPage } from './pages/editor-page';
import { InspectorPage } from './pages/inspector-page';
import { InspectorPanel } from './pages/inspector-panel';

// Text typed into a field that commits on Enter or blur, and neither yet, when the page goes away.

test('a campaign name typed and not confirmed survives a reload', async ({ page }) => {
  const canvas = new CanvasPage(page);
  await canvas.openNewCampaign();
  const editor = new EditorPage(page);
  await editor.nameField.click();
  await editor.nameField.fill('Typed, not confirmed');
  await page.reload();
  await editor.expectOpen('Typed, not confirmed');
});

test('an activity label and a transition label typed and not confirmed survive a reload', async ({ page }) => {
  const canvas = await CanvasPage.newCampaignWith(page, ['Build audience', 'Email'], { chained: true });
  const label = new InspectorPanel(page).labelField;
  await canvas.select('Email');
  await label.fill('Welcome email');
  await page.reload();
  await expect(canvas.node('Welcome email')).toBeVisible();

  await canvas.transition('Build audience', 'Welcome email').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Transition' })).toBeVisible();
  await label.fill('Everyone');
  await page.reload();
  await expect(canvas.transition('Build audience', 'Welcome email')).toHaveAccessibleName(/: Everyone$/);
});

test('a settings field that commits on leaving it keeps its text through a reload', async ({ page }) => {
  const canvas = await CanvasPage.newCampaignWith(page, ['Build audience', 'Save audience'], { chained: true });
  const inspector = new InspectorPage(page);
  await canvas.select('Save audience');
  await inspector.settings.getByLabel('Audience name', { exact: true }).fill('Gold members');
  await page.reload();
  await canvas.select('Save audience');
  await expect(inspector.settings.getByLabel('Audience name', { exact: true })).toHaveValue('Gold members');
});

test('an activity label typed just before the tab closes is there when the campaign opens again', async ({ page, context }) => {
  const canvas = await CanvasPage.newCampaignWith(page, ['Build audience']);
  const url = page.url();
  await canvas.select('Build audience');
  await new InspectorPanel(page).labelField.fill('Closed too soon');
  await page.close({ runBeforeUnload: true });

  const again = await context.newPage();
  await again.goto(url);
  await expect(new CanvasPage(again).node('Closed too soon')).toBeVisible();
});

test('a draft committed when the page is hidden is one undo step', async ({ page }) => {
  const canvas = await CanvasPage.newCampaignWith(page, ['Build audience']);
  const label = new InspectorPanel(page).labelField;
  await canvas.select('Build audience');
  await label.fill('Gold');
  await label.press('Enter');
  await label.fill('Platinum');
  // The page is hidden (another tab comes to the front) with "Platinum" still in the field.
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true })));
  await expect(canvas.node('Platinum')).toBeVisible();
  await canvas.canvas.click({ position: { x: 20, y: 20 } });
  await canvas.press('Control+Z');
  await expect(canvas.node('Gold')).toBeVisible();
  await canvas.press('Control+Z');
  await expect(canvas.node('Build audience')).toBeVisible();
});
