import { MESSAGE_RESULTS_NEED_A_RUN } from '../src/domain/rule-needs-run';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { addActivities } from './helpers/activity-flow';
import { activityByLabel, exportedDoc, nodeCounts, transitionId } from './helpers/expected-counts';
import { CanvasPage } from './pages/canvas-page';
import { expectCanvasCount, InspectorPage, openSmallCampaign } from './pages/inspector-page';
import { QueryModelerPage } from './pages/query-modeler-page';

test('a retargeting condition on an earlier message says it needs a simulation, and the rest of the campaign is still counted', async ({ page }) => {
  test.setTimeout(300_000);
  const canvas = new CanvasPage(page);
  const inspector = new InspectorPage(page);
  await openSmallCampaign(canvas);
  // A send branch (audience -> Email -> SMS -> End) and a second branch that retargets on it.
  await addActivities(canvas, ['Build audience', 'Email', 'SMS', 'End', 'Build audience', 'End']);
  await canvas.connect('Build audience', 'Email');
  await canvas.connect('Email', 'SMS');
  await canvas.connect('SMS', 'End');
  await canvas.connect('Build audience 2', 'End 2');
  await expect(canvas.transitions).toHaveCount(4);

  await canvas.select('Build audience 2');
  const qm = QueryModelerPage.inInspector(page);
  await expect(qm.root).toBeVisible({ timeout: 60_000 });
  await qm.add('Message results');
  const condition = qm.last;
  const message = condition.getByRole('combobox', { name: 'Message', exact: true });
  // The channel activities of the campaign are offered; the first is chosen to begin with.
  await expect(message.locator('option:not([value=""])')).toHaveText(['Email', 'SMS']);
  await expect(message.locator('option:checked')).toHaveText('Email');
  await message.selectOption({ label: 'SMS' });
  const what = condition.getByRole('combobox', { name: 'What happened to the message' });
  await expect(what.locator('option')).toHaveText(['get sent', 'receive', 'open', 'click in', 'bounce on']);
  await what.selectOption({ label: 'click in' });
  await condition.getByRole('combobox', { name: 'Did or did not' }).selectOption({ label: 'Did not' });
  await expect(qm.problem(condition)).toBeHidden();
  // Profiles have no link to other people a message is sent to: no "who received it" choice.
  await expect(condition.getByRole('combobox', { name: 'Who received the message' })).toHaveCount(0);
  // Delivery is not simulated: the condition says so, and so does the activity.
  await expect(condition.getByText('Message results exist once the campaign is simulated')).toBeVisible();
  const needsRun = MESSAGE_RESULTS_NEED_A_RUN;
  // Needing a run is a state, not an error: the activity says so where its records are told, its
  // node and its transition are grey, and nothing is listed as a problem.
  const records = inspector.panel.getByRole('region', { name: 'Build audience 2' }).getByRole('region', { name: 'Records' });
  await expect(records.getByText(`Needs a simulation. ${needsRun}`)).toBeVisible({ timeout: 60_000 });
  await expect(canvas.node('Build audience 2').getByRole('img', { name: `Needs a simulation: ${needsRun}` })).toBeVisible();
  await expect(canvas.node('Build audience 2').getByRole('img', { name: 'Status: Ready' })).toHaveAttribute('title', new RegExp(needsRun.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await expect(page.getByRole('region', { name: /^Problems/ }).getByText(needsRun)).toHaveCount(0);

  await qm.calculate.click();
  await qm.expectTotal(new RegExp(`^${needsRun.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  // The condition's own count is a mark that says why, grey rather than red: nothing is wrong.
  await expect(condition.getByRole('img', { name: `Not counted here: ${needsRun}` })).toBeVisible();
  const audit = await new AxeBuilder({ page }).include('section.qm').analyze();
  expect(audit.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // What the editor stored; Node counts every other transition, and the canvas shows the same.
  const doc = await exportedDoc(page);
  const rule = (activityByLabel(doc, 'Build audience 2').config as { rule: { children: unknown[] } }).rule;
  expect(rule.children).toEqual([expect.objectContaining({ kind: 'delivery', activityId: activityByLabel(doc, 'SMS').id, event: 'clicked', negate: true })]);
  const counts = await nodeCounts(doc);
  expect(counts[transitionId(doc, 'Build audience 2', 'End 2')]).toBeUndefined();
  for (const [from, to] of [
    ['Build audience', 'Email'],
    ['Email', 'SMS'],
    ['SMS', 'End'],
  ] as const) {
    const id = transitionId(doc, from, to);
    expect(counts[id], `${from} -> ${to} is counted in Node`).toBeGreaterThan(0);
    await expectCanvasCount(canvas, id, counts[id]!);
  }
  const retargeted = canvas.canvas.locator(`[data-transition-id="${transitionId(doc, 'Build audience 2', 'End 2')}"]`);
  await expect(retargeted.getByRole('img', { name: `Needs a simulation: ${needsRun}` })).toBeVisible();
});
