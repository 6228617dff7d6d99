import { expect, type Page } from '@playwright/test';
import { CanvasPage, type Placed } from '../pages/canvas-page';
import { QueryModelerPage } from '../pages/query-modeler-page';
import { expectCanvasCount, InspectorPage, openSmallCampaign } from '../pages/inspector-page';
import { exportedDoc, nodeCounts, transitionId } from './expected-counts';
import { guestList } from './csv-file';
import type { CampaignDoc } from '../../src/domain/campaign';

/** A transition to draw: from, to, and the output and input ports where an activity has several. */
export type Link = readonly [from: string, to: string, fromPort?: string, toPort?: string];

/**
 * A new campaign on the small sample (or on `profiles`) with these activities, three to a row or at
 * the points given, the `links` drawn (and waited for), and the activity `select` selected.
 */
export async function campaignWith(
  page: Page,
  activities: readonly string[] | readonly Placed[],
  links: readonly Link[],
  options: { select?: string; profiles?: number } = {},
) {
  const canvas = new CanvasPage(page);
  const inspector = new InspectorPage(page);
  await openSmallCampaign(canvas, options.profiles);
  if (isPlaced(activities)) await canvas.addAt(activities);
  else await addActivities(canvas, activities);
  for (const [from, to, fromPort, toPort] of links) await canvas.connect(from, to, fromPort, toPort);
  await expect(canvas.transitions).toHaveCount(links.length);
  if (options.select !== undefined) await canvas.select(options.select);
  return { canvas, inspector };
}

function isPlaced(activities: readonly string[] | readonly Placed[]): activities is readonly Placed[] {
  return activities.some((a) => typeof a !== 'string');
}

/**
 * The usual shape of an activity spec: a new campaign on the small sample, activities added in a
 * row and connected in order, the activity under test selected; then `expectSameCountAsNode`
 * compares a transition with the count the command line computes for the exported campaign.
 */
export async function chainOf(page: Page, titles: string[], select: string, options: { profiles?: number } = {}) {
  const links = titles.slice(1).map((_, i): Link => [labelAt(titles, i), labelAt(titles, i + 1)]);
  return campaignWith(page, titles, links, { ...options, select });
}

/**
 * Build audience -> Enrichment -> Split, with an End not yet connected (a subset's output goes to
 * it), the Enrichment selected.
 */
export async function enrichmentBeforeSplit(page: Page) {
  return campaignWith(
    page,
    ['Build audience', 'Enrichment', 'Split', 'End'],
    [
      ['Build audience', 'Enrichment'],
      ['Enrichment', 'Split'],
    ],
    { select: 'Enrichment' },
  );
}

/**
 * Load file -> `activity` -> End, with the guest list (helpers/csv-file) loaded and its two columns
 * read, then `activity` selected.
 */
export async function guestListInto(page: Page, activity: string) {
  const { canvas, inspector } = await chainOf(page, ['Load file', activity, 'End'], 'Load file');
  await loadGuestList(inspector);
  await canvas.select(activity);
  return { canvas, inspector };
}

/** Loads the guest list (helpers/csv-file) in the selected Load file and waits for its two columns. */
export async function loadGuestList(inspector: InspectorPage) {
  await inspector.loadFile(guestList());
  await expect(inspector.columns.getByRole('listitem')).toHaveCount(2);
}

/**
 * Sends Subset 1 of the Split to End, filtered by a condition on `column`, a column an activity
 * upstream adds (offered beside the data model's fields); returns the subset's rule editor.
 */
export async function subsetFilteredOnColumn(canvas: CanvasPage, inspector: InspectorPage, column: string) {
  await canvas.select('Split');
  await inspector.connectOutput('Subset 1', 'End');
  const qm = await inspector.filterSubset('Subset 1');
  await qm.add('A field');
  await qm.chooseField(qm.last, column, new RegExp(column));
  return qm;
}

/**
 * A campaign that saves everyone as the audience `name`: Build audience, Save audience, End. Waits
 * for the count of the saved audience, the same as in Node, records a run (which saves it) and
 * returns the count.
 */
export async function campaignSavingAudience(page: Page, name: string) {
  const { canvas, inspector } = await chainOf(page, ['Build audience', 'Save audience', 'End'], 'Save audience');
  await inspector.fill('Audience name', name);
  const saved = await expectSameCountAsNode(canvas, 'Save audience', 'End');
  await inspector.runToSave();
  return { canvas, inspector, ...saved };
}

/** A new campaign whose Build audience, selected, reads its records from a saved audience. */
export async function campaignReadingSavedAudience(page: Page, options: { profiles?: number } = {}) {
  const { canvas, inspector } = await chainOf(page, ['Build audience', 'End'], 'Build audience', options);
  await inspector.radio('Records', 'From a saved audience');
  return { canvas, inspector };
}

/** A new campaign with one Build audience, selected, its rule editor ready. */
export async function newAudience(page: Page): Promise<{ canvas: CanvasPage; qm: QueryModelerPage }> {
  const canvas = new CanvasPage(page);
  await canvas.openNewCampaign();
  await canvas.dragFromPalette('Build audience', { x: 200, y: 250 });
  await canvas.select('Build audience');
  const qm = QueryModelerPage.inInspector(page);
  await expect(qm.root).toBeVisible({ timeout: 60_000 });
  return { canvas, qm };
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
