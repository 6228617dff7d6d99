import { test, expect, type Page } from '@playwright/test';
import { CanvasPage } from './pages/canvas-page';
import { EditorPage } from './pages/editor-page';
import { InspectorPanel } from './pages/inspector-panel';

// One tab edits a campaign; another tab on it follows live, read-only, until it takes over.

// Two editors load in one browser: slower than one page on a busy machine.
test.describe.configure({ timeout: 180_000 });

const readOnly = (page: Page) => page.getByRole('region', { name: 'Read-only' });
const takeOver = (page: Page) => readOnly(page).getByRole('button', { name: 'Take over editing' });

async function openSecondTab(first: Page): Promise<{ second: Page; canvas: CanvasPage; editor: EditorPage }> {
  const second = await first.context().newPage();
  await second.goto(first.url());
  const canvas = new CanvasPage(second);
  await expect(canvas.canvas).toBeVisible();
  return { second, canvas, editor: new EditorPage(second) };
}

test('a second tab follows the editing tab, read-only, takes over, and no edit is lost', async ({ page }) => {
  const a = await CanvasPage.newCampaignWith(page, ['Build audience', 'Wait', 'Email'], { chained: true });
  const aEditor = new EditorPage(page);
  const b = await openSecondTab(page);

  // B says why it cannot edit; A edits as before.
  await expect(readOnly(b.second)).toContainText('being edited in another tab');
  await expect(readOnly(page)).toHaveCount(0);
  await expect(b.editor.nameField).not.toBeEditable();

  // A renames an activity and deletes another: B shows both as they happen.
  await a.select('Email');
  const aLabel = new InspectorPanel(page).labelField;
  await aLabel.fill('Welcome email');
  await aLabel.press('Enter');
  await a.select('Wait');
  await a.press('Delete');
  await expect(b.canvas.node('Welcome email')).toBeVisible();
  await expect(b.canvas.node('Wait')).toHaveCount(0);
  await aEditor.rename('Spring welcome');
  await expect(b.editor.nameField).toHaveValue('Spring welcome');

  // B takes over: A becomes read-only and follows B.
  await takeOver(b.second).click();
  await expect(readOnly(b.second)).toHaveCount(0);
  await expect(readOnly(page)).toContainText('being edited in another tab');
  await expect(aEditor.nameField).not.toBeEditable();
  await b.canvas.select('Build audience');
  const bLabel = new InspectorPanel(b.second).labelField;
  await bLabel.fill('Newsletter readers');
  await bLabel.press('Enter');
  await expect(a.node('Newsletter readers')).toBeVisible();

  // Every edit of both tabs is in the saved campaign.
  await b.editor.expectSaved();
  await b.second.reload();
  await b.editor.expectOpen('Spring welcome');
  await expect(b.canvas.node('Newsletter readers')).toBeVisible();
  await expect(b.canvas.node('Welcome email')).toBeVisible();
  await expect(b.canvas.node('Wait')).toHaveCount(0);
  await expect(b.canvas.nodes).toHaveCount(2);
});

test('text still being typed in the editing tab goes with it when another tab takes over', async ({ page }) => {
  const a = await CanvasPage.newCampaignWith(page, ['Build audience']);
  const b = await openSecondTab(page);
  await expect(readOnly(b.second)).toBeVisible();
  await a.select('Build audience');
  await new InspectorPanel(page).labelField.fill('Typed in the first tab');

  await takeOver(b.second).click();
  await expect(readOnly(b.second)).toHaveCount(0);
  await expect(b.canvas.node('Typed in the first tab')).toBeVisible();
  await expect(readOnly(page)).toBeVisible();
});

test('when the editing tab closes, a following tab can edit', async ({ page }) => {
  await CanvasPage.newCampaignWith(page, ['Build audience']);
  const b = await openSecondTab(page);
  await expect(readOnly(b.second)).toBeVisible();
  await page.close();
  await expect(readOnly(b.second)).toHaveCount(0);
  await b.editor.rename('Edited after the other tab closed');
  await b.editor.expectSaved();
  await b.second.reload();
  await b.editor.expectOpen('Edited after the other tab closed');
});
