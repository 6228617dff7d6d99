import { expect, test } from '@playwright/test';
import { CampaignListPage } from './pages/campaign-list-page';
import { CanvasPage } from './pages/canvas-page';
import { CountsPage } from './pages/counts-page';
import { EditorPage } from './pages/editor-page';
import { QueryModelerPage } from './pages/query-modeler-page';
import { textFile } from './fixtures/campaign-files';

/** A rule of `levels` groups, each the only condition of the one above; the deepest holds one field condition. */
function nestedRule(levels: number): unknown {
  let group: unknown = { kind: 'group', id: `g${levels}`, combinator: 'and', children: [{ kind: 'attribute', id: 'opt', path: ['email_opt_in'], operator: 'is-true' }] };
  for (let i = levels - 1; i >= 1; i--) group = { kind: 'group', id: `g${i}`, combinator: 'and', children: [group] };
  return group;
}

test('at the deepest level of a rule (32 groups) a group cannot be added, and the menu says why', async ({ page }, testInfo) => {
  // 32 nested groups are many editors to draw on a shared machine.
  test.setTimeout(120_000);
  const list = new CampaignListPage(page);
  // A small sample: the rule needs the data model, not many records.
  await new CountsPage(page).gotoList(100);
  const doc = {
    id: 'cmp_deep',
    name: 'Deep rule',
    schemaVersion: 1,
    activities: [
      { id: 'q', type: 'build-audience', label: 'Deep audience', position: { x: 0, y: 0 }, config: { targetDimension: 'profiles', rule: nestedRule(32) } },
      { id: 'e', type: 'end', label: 'End', position: { x: 300, y: 0 }, config: {} },
    ],
    transitions: [{ id: 't', source: { activityId: 'q', port: 'out' }, target: { activityId: 'e', port: 'in' } }],
  };
  await list.importFile(textFile('deep.json', JSON.stringify(doc)));
  await list.rowAction('Deep rule', 'Open');
  await new EditorPage(page).expectOpen('Deep rule');
  await new CanvasPage(page).select('Deep audience');
  const qm = QueryModelerPage.inInspector(page);
  // Each nested group has its own add button; the deepest group's comes first in reading order.
  const addHere = qm.root.getByRole('button', { name: 'Add a condition here' });
  await expect(addHere).toHaveCount(31, { timeout: 60_000 });

  await addHere.first().click();
  const group = page.getByRole('menuitem', { name: /^A group/ });
  await expect(group).toBeDisabled();
  await expect(group).toHaveAccessibleDescription('Rules nest at most 32 groups deep');
  await expect(page.getByRole('menuitem', { name: /^Related records/ })).toBeDisabled();
  await expect(page.getByRole('menuitem', { name: /^A field/ })).toBeEnabled();
  await page.screenshot({ path: testInfo.outputPath('deepest-add-menu.png') });
  await page.keyboard.press('Escape');

  // The condition in the deepest group cannot be put in a group either. (Its actions are opened
  // from the keyboard: 32 indented groups leave the inspector little room, and the field overlaps.)
  await qm.last.getByRole('button', { name: /^Actions of/ }).focus();
  await page.keyboard.press('Enter');
  const wrap = page.getByRole('menuitem', { name: /^Put in a group/ });
  await expect(wrap).toBeDisabled();
  await expect(wrap).toHaveAccessibleDescription('Rules nest at most 32 groups deep');
  await page.keyboard.press('Escape');

  // One level up there is room for one more group: adding it is offered, and the rule stays valid.
  await addHere.nth(1).click();
  await expect(group).toBeEnabled();
  await group.click();
  await expect(addHere).toHaveCount(32);
  await expect(page.getByText('nests at most 32 groups')).toHaveCount(0);
});
