import { test, expect, type Page } from '@playwright/test';
import { largeCampaign } from '../bench/large-campaign.mjs';
import { CampaignListPage } from './pages/campaign-list-page';
import { CanvasPage } from './pages/canvas-page';
import { CountsPage } from './pages/counts-page';
import { EditorPage } from './pages/editor-page';

// A large campaign (more than 100 activities) opens on its start at a readable zoom and draws only
// what is in view (docs/canvas-editor.md, "Large campaigns").
test.describe.configure({ timeout: 180_000 });

const ACTIVITIES = 160; // 20 chains of 8, one per row, 260 apart across and 140 down

async function openLarge(page: Page) {
  const doc = largeCampaign(ACTIVITIES, { id: 'cmp_large_spec', name: 'Large campaign' });
  await new CountsPage(page).gotoList(1000);
  await new CampaignListPage(page).importFile({ name: 'large.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
  await page.getByRole('link', { name: doc.name }).click();
  await new EditorPage(page).expectOpen(doc.name);
  const canvas = new CanvasPage(page);
  await expect(canvas.node('Build audience 1.1')).toBeVisible();
  return canvas;
}

/** Where a transition's curve ends and where its target handle's middle is, in canvas coordinates. */
async function endAndHandle(page: Page, transitionId: string, activityId: string) {
  return page.evaluate(
    ([edge, node]) => {
      const d = document.querySelector(`[data-testid="rf__edge-${edge}"] path`)?.getAttribute('d') ?? '';
      const numbers = d.match(/-?\d+(\.\d+)?/g)!.map(Number);
      const viewport = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform);
      const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
      const handle = document.querySelector(`.react-flow__node[data-id="${node}"] .react-flow__handle.target`)!.getBoundingClientRect();
      const toCanvas = (x: number, y: number) => ({ x: (x - pane.left - viewport.e) / viewport.a, y: (y - pane.top - viewport.f) / viewport.a });
      return { end: { x: numbers.at(-2)!, y: numbers.at(-1)! }, handle: toCanvas(handle.left, handle.top + handle.height / 2) };
    },
    [transitionId, activityId],
  );
}

test('a large campaign opens on its start, readable, drawing what is in view; Fit view shows it whole', async ({ page }) => {
  const canvas = await openLarge(page);
  // Readable: labels are shown (the "simple" detail), not the counts-only view a whole fit gives.
  await expect(page.locator('.cv-flow')).toHaveAttribute('data-zoom-detail', 'simple');
  await expect(canvas.node('Build audience 1.1')).toBeInViewport();
  const drawn = await canvas.nodes.count();
  expect(drawn).toBeGreaterThan(8);
  expect(drawn).toBeLessThan(ACTIVITIES);
  // The last row is far below: not drawn. A transition into an activity out of view is drawn all the same.
  await expect(canvas.node('End 20.8')).toHaveCount(0);
  await expect(canvas.node('End 1.8')).toHaveCount(0);
  const intoUndrawn = await page.evaluate(() =>
    [...document.querySelectorAll('.react-flow__edge')].filter((edge) => {
      // Transition tr_<chain>_<step> ends on activity act_<chain>_<step>.
      const target = edge.getAttribute('data-id')!.replace('tr_', 'act_');
      return document.querySelector(`.react-flow__node[data-id="${target}"]`) === null;
    }).length,
  );
  expect(intoUndrawn).toBeGreaterThan(0);

  await canvas.tool('Fit view').click();
  await expect(canvas.nodes).toHaveCount(ACTIVITIES);
  await expect(canvas.node('End 20.8')).toBeInViewport();
  await expect(page.locator('.cv-flow')).toHaveAttribute('data-zoom-detail', 'count');
});

test('panning draws the activities coming into view, with transitions ending on their handles', async ({ page }) => {
  const canvas = await openLarge(page);
  await expect(canvas.node('End 1.8')).toHaveCount(0);
  // Scrolling pans: sideways to the end of the first chain.
  const box = (await canvas.canvas.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(900, 0);
  await expect(canvas.node('End 1.8')).toBeInViewport();
  // Drawn and measured: its transition ends on its input handle, not on the estimate it had.
  await expect
    .poll(async () => {
      const { end, handle } = await endAndHandle(page, 'tr_0_7', 'act_0_7');
      return Math.max(Math.abs(end.x - handle.x), Math.abs(end.y - handle.y));
    })
    .toBeLessThan(1.5);
  // And down to the last row; an activity there is selected like any other.
  await expect(canvas.node('Build audience 20.1')).toHaveCount(0);
  await page.mouse.wheel(-900, 0);
  await page.mouse.wheel(0, 3000);
  await expect(canvas.node('Build audience 20.1')).toBeInViewport();
  await canvas.node('Build audience 20.1').click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.getByRole('textbox', { name: 'Label', exact: true })).toHaveValue('Build audience 20.1');
});
