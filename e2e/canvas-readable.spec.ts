import { readFileSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { CampaignListPage } from './pages/campaign-list-page';
import { CanvasPage } from './pages/canvas-page';
import { CountsPage, SPEC_PROFILES } from './pages/counts-page';
import { EditorPage } from './pages/editor-page';
import { InspectorPanel } from './pages/inspector-panel';

// Each spec loads sample data and counts a campaign: generous on a busy machine.
test.describe.configure({ timeout: 240_000 });

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function openTemplate(page: Page, title: string) {
  const counts = new CountsPage(page);
  await counts.gotoList(SPEC_PROFILES);
  await new CampaignListPage(page).useTemplate(title);
  await new EditorPage(page).expectOpen(title);
  await counts.expectUpToDate();
  return { counts, canvas: new CanvasPage(page) };
}

/** Boxes of what the canvas draws: nodes, and the label and count chips of transitions. */
async function canvasBoxes(page: Page) {
  const boxes = (selector: string) =>
    page.locator(selector).evaluateAll((els) => els.filter((e) => e.getClientRects().length > 0).map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height, text: e.textContent ?? '' };
    }));
  return { nodes: await boxes('.react-flow__node'), labels: await boxes('.cv-edge-label__text'), counts: await boxes('.cv-edge-label__count') };
}

/** The smallest on-screen font size of any text drawn in the canvas (font size × zoom). */
async function smallestText(page: Page): Promise<{ size: number; text: string }> {
  return page.locator('.react-flow__viewport').evaluate((viewport) => {
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    let smallest = { size: Infinity, text: '' };
    const walker = document.createTreeWalker(viewport, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || el.getClientRects().length === 0) continue;
      const size = parseFloat(getComputedStyle(el).fontSize) * zoom;
      if (size < smallest.size) smallest = { size, text: n.textContent.trim() };
    }
    return smallest;
  });
}

test('transition labels never cover a count or sit under a node, and counts are whole', async ({ page }) => {
  const { canvas } = await openTemplate(page, 'Win-back with holdout');
  await canvas.tool('Zoom to 100%').click();
  await expect(page.locator('.cv-flow')).toHaveAttribute('data-zoom-detail', 'full');
  const { nodes, labels, counts } = await canvasBoxes(page);
  expect(labels.map((l) => l.text)).toEqual(expect.arrayContaining(['10 % control group', '90 % treatment']));
  expect(counts.length).toBeGreaterThan(0);
  for (const chip of [...labels, ...counts]) {
    for (const node of nodes) expect(overlaps(chip, node), `“${chip.text}” over a node`).toBe(false);
  }
  for (const label of labels) for (const count of counts) expect(overlaps(label, count), `“${label.text}” over ${count.text}`).toBe(false);
  // Counts on nodes are whole: nothing cut with an ellipsis.
  const nodeCounts = page.locator('.cv-node__count[data-count]');
  await expect(nodeCounts.first()).toBeVisible();
  for (const count of await nodeCounts.all()) {
    const [shown, fits] = await count.evaluate((e) => [e.textContent ?? '', e.scrollWidth <= e.clientWidth + 1] as const);
    expect(shown).not.toContain('…');
    expect(fits, `${shown} cut`).toBe(true);
  }
});

test('zoomed out, nodes switch to a simplified view and no text is drawn under 11 px', async ({ page }) => {
  test.setTimeout(240_000);
  const counts = new CountsPage(page);
  const list = new CampaignListPage(page);
  await counts.gotoList(SPEC_PROFILES);
  const file = readFileSync(new URL('../bench/reference-campaign.json', import.meta.url));
  await list.importFile({ name: 'reference.json', mimeType: 'application/json', buffer: file });
  await list.rowAction('Benchmark: reference campaign', 'Open');
  await counts.expectUpToDate(180_000);
  const canvas = new CanvasPage(page);
  await canvas.tool('Fit view').click();
  await expect(page.locator('.cv-flow')).not.toHaveAttribute('data-zoom-detail', 'full');
  await page.waitForTimeout(400);
  const fitted = await smallestText(page);
  expect(fitted.size, `“${fitted.text}”`).toBeGreaterThanOrEqual(11);
  // The count is still on every node, whole in its accessible name.
  await expect(canvas.nodes.first().getByRole('img', { name: /records/ })).toHaveCount(1);

  for (const zoom of ['Zoom to 100%', 'Zoom out', 'Zoom out']) {
    await canvas.tool(zoom).click();
    await page.waitForTimeout(400);
    const smallest = await smallestText(page);
    expect(smallest.size, `“${smallest.text}” after ${zoom}`).toBeGreaterThanOrEqual(11);
  }
});

test('one set of zoom controls, and the counts line is never over the canvas', async ({ page }) => {
  const { canvas } = await openTemplate(page, 'Multi-channel newsletter');
  await expect(page.locator('.react-flow__controls')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Zoom in' })).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Fit view' })).toHaveCount(1);
  const status = (await new CountsPage(page).status.boundingBox())!;
  const area = (await canvas.canvas.boundingBox())!;
  expect(status.y + status.height).toBeLessThanOrEqual(area.y);
});

test('a Split tells the records that are in no subset, on the node and in the inspector', async ({ page }) => {
  const { counts, canvas } = await openTemplate(page, 'Win-back with holdout');
  // At 100 % the transitions' count chips are drawn (zoomed out, the nodes' counts stand for them).
  await canvas.tool('Zoom to 100%').click();
  const records = async (from: string, to: string) => Number(await (await counts.countBetween(from, to)).getAttribute('data-count'));
  const input = await records('Holdout', 'Opt-in');
  const email = await records('Opt-in', 'We miss you (email)');
  const sms = await records('Opt-in', 'We miss you (SMS)');
  const left = (input - email - sms).toLocaleString('en-US');
  expect(input - email - sms).toBeGreaterThan(0);
  await expect(canvas.node('Opt-in').getByText(`${left} not in any subset`)).toBeVisible();
  await canvas.select('Opt-in');
  await expect(new InspectorPanel(page).panel.getByLabel('Records left out')).toContainText(`${left} records not in any subset`);
  // The Holdout's "Rest" carries what its control group leaves: nothing is lost there.
  await expect(canvas.node('Holdout')).not.toContainText('not in any subset');
});

test('Fit view fits the 25-activity reference campaign on a laptop screen, each node with its count', async ({ page }) => {
  test.setTimeout(240_000);
  // 1280×720, a small laptop screen.
  await page.setViewportSize({ width: 1280, height: 720 });
  const counts = new CountsPage(page);
  const list = new CampaignListPage(page);
  await counts.gotoList(SPEC_PROFILES);
  const file = readFileSync(new URL('../bench/reference-campaign.json', import.meta.url));
  await list.importFile({ name: 'reference.json', mimeType: 'application/json', buffer: file });
  await list.rowAction('Benchmark: reference campaign', 'Open');
  await counts.expectUpToDate(180_000);
  const canvas = new CanvasPage(page);
  await canvas.tool('Fit view').click();
  await page.waitForTimeout(600);
  await expect(page.locator('.cv-flow')).toHaveAttribute('data-zoom-detail', 'count');
  const area = (await canvas.canvas.boundingBox())!;
  const { nodes } = await canvasBoxes(page);
  expect(nodes).toHaveLength(25);
  for (const n of nodes) {
    const inside = n.x >= area.x && n.y >= area.y && n.x + n.width <= area.x + area.width && n.y + n.height <= area.y + area.height;
    expect(inside, `“${n.text}” outside the canvas`).toBe(true);
  }
  // Each node's count alone, still 11 px or more, and no two counts drawn over each other.
  const smallest = await smallestText(page);
  expect(smallest.size, `“${smallest.text}”`).toBeGreaterThanOrEqual(11);
  const shown = await page.locator('.cv-node__count-short').evaluateAll((els) =>
    els.filter((e) => e.getClientRects().length > 0).map((e) => {
      const r = e.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height, text: e.textContent ?? '' };
    }),
  );
  expect(shown.length).toBeGreaterThan(20);
  for (const [i, a] of shown.entries()) for (const b of shown.slice(i + 1)) expect(overlaps(a, b), `${a.text} over ${b.text}`).toBe(false);
  // The zoom-out tool goes on to 0.1 (it stopped at 0.2), each count still readable.
  for (let i = 0; i < 8; i++) await canvas.tool('Zoom out').click();
  await page.waitForTimeout(400);
  const zoom = await page.locator('.react-flow__viewport').evaluate((v) => new DOMMatrixReadOnly(getComputedStyle(v).transform).a);
  expect(zoom).toBeCloseTo(0.1, 2);
  const farthest = await smallestText(page);
  expect(farthest.size, `“${farthest.text}”`).toBeGreaterThanOrEqual(11);
});

test('zoomed out to fit, a long activity label wraps onto a second line instead of being cut', async ({ page }) => {
  const { canvas } = await openTemplate(page, 'Multi-channel newsletter');
  await canvas.tool('Fit view').click();
  await page.waitForTimeout(400);
  await expect(page.locator('.cv-flow')).toHaveAttribute('data-zoom-detail', 'simple');
  const labels = page.locator('.cv-node__label');
  await expect(labels).toHaveCount(5);
  for (const label of await labels.all()) {
    const [text, cut] = await label.evaluate((e) => [e.textContent ?? '', e.scrollWidth > e.clientWidth + 1 || e.scrollHeight > e.clientHeight + 1] as const);
    expect(cut, `“${text}” cut`).toBe(false);
  }
});
