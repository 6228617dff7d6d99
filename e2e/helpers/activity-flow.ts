import { expect, type Page } from '@playwright/test';
import { CanvasPage } from '../pages/canvas-page';
import { expectCanvasCount, InspectorPage, openSmallCampaign } from '../pages/inspector-page';
import { exportedDoc, nodeCounts, transitionId } from './expected-counts';
import type { CampaignDoc } from '../../src/domain/campaign';

/**
 * The usual shape of an activity spec: a new campaign on the small sample, activities added in a
 * row and connected in order, the activity under test selected; then `check` compares the
 * transition `from -> to` with the count the command line computes for the exported campaign.
 */
export async function chainOf(page: Page, titles: string[], select: string) {
  const canvas = new CanvasPage(page);
  const inspector = new InspectorPage(page);
  await openSmallCampaign(canvas);
  await addActivities(canvas, titles);
  for (let i = 0; i + 1 < titles.length; i++) await canvas.connect(labelAt(titles, i), labelAt(titles, i + 1));
  await expect(canvas.transitions).toHaveCount(titles.length - 1);
  await canvas.select(select);
  return { canvas, inspector };
}

/**
 * Adds activities from the palette three to a row: with the palette and the inspector open, the
 * visible canvas is about 800 px wide, and a fourth activity in a row would land out of sight.
 */
export async function addActivities(canvas: CanvasPage, titles: readonly string[]) {
  for (const [i, title] of titles.entries()) {
    await canvas.dragFromPalette(title, { x: 140 + (i % 3) * 300, y: 200 + Math.floor(i / 3) * 260 });
    await expect(canvas.nodes).toHaveCount(i + 1);
  }
}

/** Labels of activities added in a row: the second activity of a type is "<Title> 2". */
function labelAt(titles: string[], i: number): string {
  const before = titles.slice(0, i).filter((t) => t === titles[i]).length;
  return before === 0 ? titles[i]! : `${titles[i]} ${before + 1}`;
}

/** Exports the campaign, computes its counts in Node, and waits for the canvas to show the same on `from -> to`. */
export async function expectSameCountAsNode(canvas: CanvasPage, from: string, to: string, port?: string): Promise<{ doc: CampaignDoc; count: number; counts: Record<string, number> }> {
  const doc = await exportedDoc(canvas.page);
  const id = transitionId(doc, from, to, port);
  const counts = await nodeCounts(doc);
  const count = counts[id];
  expect(count, `Node computes a count for ${from} -> ${to}`).toBeDefined();
  await expectCanvasCount(canvas, id, count!);
  return { doc, count: count!, counts };
}
