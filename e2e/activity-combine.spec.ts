import { expect, test } from '@playwright/test';
import { CanvasPage } from './pages/canvas-page';
import { expectCanvasCount, InspectorPage, openSmallCampaign } from './pages/inspector-page';
import { QueryModelerPage } from './pages/query-modeler-page';
import { activityByLabel, exportedDoc, nodeCounts, transitionId } from './helpers/expected-counts';
import { expectSameCountAsNode } from './helpers/activity-flow';

test('an exclusion removes the gold members from everyone, with the count on the canvas', async ({ page }) => {
  test.setTimeout(300_000);
  const canvas = new CanvasPage(page);
  const inspector = new InspectorPage(page);
  await openSmallCampaign(canvas);
  const place = [
    ['Build audience', 140, 150],
    ['Build audience', 140, 450],
    ['Combine', 480, 300],
    ['End', 820, 300],
  ] as const;
  for (const [i, [title, x, y]] of place.entries()) {
    await canvas.dragFromPalette(title, { x, y });
    await expect(canvas.nodes).toHaveCount(i + 1);
  }
  await canvas.connect('Build audience', 'Combine');
  await canvas.connect('Build audience 2', 'Combine');
  await canvas.connect('Combine', 'End');

  await canvas.select('Build audience 2');
  const qm = QueryModelerPage.inInspector(page);
  await qm.add('A field');
  await qm.chooseField(qm.last, 'loyal', /Loyalty tier/);
  await qm.last.getByRole('combobox', { name: 'Value of Loyalty tier' }).selectOption({ label: 'Gold' });

  await canvas.select('Combine');
  await expect(inspector.settings.getByRole('listitem').filter({ hasText: 'Build audience 2' })).toBeVisible();
  await inspector.radio('Operation', 'Exclusion');
  await inspector.choose('Primary set', 'Build audience');
  await inspector.toggle('Complement');

  const doc = await exportedDoc(page);
  const combine = activityByLabel(doc, 'Combine').config as { mode: string; primaryTransitionId: string; complement: boolean };
  expect(combine.mode).toBe('exclusion');
  expect(combine.primaryTransitionId).toBe(transitionId(doc, 'Build audience', 'Combine'));
  expect(combine.complement).toBe(true);

  const id = transitionId(doc, 'Combine', 'End');
  const counts = await nodeCounts(doc);
  const everyone = counts[transitionId(doc, 'Build audience', 'Combine')]!;
  const gold = counts[transitionId(doc, 'Build audience 2', 'Combine')]!;
  expect(counts[id]).toBe(everyone - gold);
  await expectCanvasCount(canvas, id, counts[id]!);
});

test('only the ticked sets take part; a ticked set that is disconnected is reported on the form', async ({ page }) => {
  test.setTimeout(300_000);
  const canvas = new CanvasPage(page);
  const inspector = new InspectorPage(page);
  await openSmallCampaign(canvas);
  const place = [
    ['Build audience', 140, 120],
    ['Build audience', 140, 320],
    ['Build audience', 140, 520],
    ['Combine', 480, 320],
    ['End', 780, 320],
  ] as const;
  for (const [i, [title, x, y]] of place.entries()) {
    await canvas.dragFromPalette(title, { x, y });
    await expect(canvas.nodes).toHaveCount(i + 1);
  }
  for (const from of ['Build audience', 'Build audience 2', 'Build audience 3']) await canvas.connect(from, 'Combine');
  await canvas.connect('Combine', 'End');
  await expect(canvas.transitions).toHaveCount(4);

  await canvas.select('Build audience 2');
  const qm = QueryModelerPage.inInspector(page);
  await qm.add('A field');
  await qm.chooseField(qm.last, 'loyal', /Loyalty tier/);
  await qm.last.getByRole('combobox', { name: 'Value of Loyalty tier' }).selectOption({ label: 'Gold' });

  // Everyone minus the gold members; the third set (everyone again) is connected but left out,
  // otherwise nothing would remain.
  await canvas.select('Combine');
  await inspector.radio('Operation', 'Exclusion');
  await inspector.choose('Primary set', 'Build audience');
  const third = inspector.settings.getByRole('checkbox', { name: 'Build audience 3 takes part' });
  await third.locator('xpath=ancestor::label[1]').click();
  await expect(third).not.toBeChecked();

  const { doc, count, counts } = await expectSameCountAsNode(canvas, 'Combine', 'End');
  expect((activityByLabel(doc, 'Combine').config as { sets: string[] }).sets).toEqual([transitionId(doc, 'Build audience', 'Combine'), transitionId(doc, 'Build audience 2', 'Combine')]);
  expect(count).toBe(counts[transitionId(doc, 'Build audience', 'Combine')]! - counts[transitionId(doc, 'Build audience 2', 'Combine')]!);

  // The ticked gold set goes away with its activity: the form says so and offers to forget it.
  await canvas.select('Build audience 2');
  await canvas.press('Delete');
  await canvas.select('Combine');
  await expect(inspector.settings.getByText('A set chosen to take part is no longer connected', { exact: false })).toBeVisible();
  await inspector.settings.getByRole('button', { name: 'Forget the sets no longer connected' }).click();
  await expect(inspector.settings.getByText('A set chosen to take part is no longer connected', { exact: false })).toHaveCount(0);
});
