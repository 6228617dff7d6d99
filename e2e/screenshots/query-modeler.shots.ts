import { expect, test, type Page } from '@playwright/test';
import { CampaignListPage } from '../pages/campaign-list-page';
import { EditorPage } from '../pages/editor-page';
import { CanvasPage } from '../pages/canvas-page';
import { QueryModelerPage } from '../pages/query-modeler-page';
import { textFile } from '../fixtures/campaign-files';

/**
 * Screenshots of the query modeler for visual review, written to screenshots/ (not committed):
 * inline in the inspector and in its large dialog, with nested groups, related records with an
 * aggregate, a field through a link, a column of an upstream Enrichment, value suggestions, the
 * Calculate results with per-condition counts, an invalid condition and message results.
 * `npm run screenshots` runs every screen; `npx playwright test -c playwright.screenshots.config.ts
 * query-modeler` only these.
 */

const shot = (name: string) => `${process.env.SHOTS_DIR ?? 'screenshots'}/query-modeler-${name}.png`;

const attr = (id: string, path: string[], operator: string, value?: unknown) => ({ kind: 'attribute', id, path, operator, ...(value === undefined ? {} : { value }) });
const group = (id: string, combinator: 'and' | 'or' | 'except', children: unknown[]) => ({ kind: 'group', id, combinator, children });
const at = (x: number, y: number) => ({ x, y });

/** A campaign whose rules show every kind of condition. */
const campaign = {
  id: 'cmp_qm_review',
  name: 'Query modeler review',
  schemaVersion: 1,
  settings: { orientation: 'horizontal', defaultTargetDimension: 'profiles', seed: 42 },
  activities: [
    {
      id: 'aud',
      type: 'build-audience',
      label: 'Engaged buyers',
      position: at(0, 0),
      config: {
        targetDimension: 'profiles',
        source: 'rule',
        rule: group('root', 'and', [
          group('g_tier', 'or', [attr('c_gold', ['loyalty_tier'], 'in', ['gold', 'platinum']), group('g_new', 'and', [attr('c_created', ['created_date'], 'in-last', 90), attr('c_fr', ['country'], 'equals', 'FR')])]),
          attr('c_industry', ['account', 'industry'], 'equals', 'software'),
          { kind: 'collection', id: 'c_total', path: ['purchases'], quantifier: 'aggregate', where: group('w_total', 'and', [attr('c_status', ['status'], 'equals', 'completed')]), aggregate: { fn: 'sum', field: 'amount', operator: 'gte', value: 100 } },
          { kind: 'collection', id: 'c_has', path: ['purchases'], quantifier: 'exists', where: group('w_has', 'and', [attr('c_recent', ['purchase_date'], 'in-last', 30)]) },
          attr('c_score', ['engagement_score'], 'gt', 'lots'),
        ]),
      },
    },
    {
      id: 'enr',
      type: 'enrichment',
      label: 'Purchase totals',
      position: at(300, 0),
      config: { attributes: [{ id: 'e_ind', path: ['account', 'industry'], alias: 'industry' }], collections: [{ id: 'e_cnt', path: ['purchases'], alias: 'purchase_count', mode: 'aggregate', aggregate: { fn: 'count' } }], joins: [] },
    },
    {
      id: 'spl',
      type: 'split',
      label: 'By value',
      position: at(600, 0),
      config: {
        subsets: [{ id: 'loyal', label: 'Frequent buyers', filter: group('f_loyal', 'and', [attr('f_cnt', ['purchase_count'], 'gte', 3)].map((c) => ({ ...c, source: 'column' }))), limit: null, order: { mode: 'random' }, skipEmpty: false }],
        overlap: false,
        complement: true,
        complementLabel: 'Rest',
        singleTable: false,
      },
    },
    { id: 'end', type: 'end', label: 'End', position: at(900, 0), config: {} },
    { id: 'mail', type: 'email', label: 'Welcome email', position: at(300, 200), config: {} },
    { id: 'aud2', type: 'build-audience', label: 'Retarget', position: at(0, 400), config: { targetDimension: 'profiles', source: 'rule', rule: group('r2', 'and', [{ kind: 'delivery', id: 'd1', activityId: 'mail', event: 'opened' }]) } },
  ],
  transitions: [
    { id: 't1', source: { activityId: 'aud', port: 'out' }, target: { activityId: 'enr', port: 'in' }, label: '' },
    { id: 't2', source: { activityId: 'enr', port: 'out' }, target: { activityId: 'spl', port: 'in' }, label: '' },
    { id: 't3', source: { activityId: 'spl', port: 'loyal' }, target: { activityId: 'end', port: 'in' }, label: '' },
    { id: 't4', source: { activityId: 'spl', port: 'complement' }, target: { activityId: 'mail', port: 'in' }, label: '' },
  ],
};

async function openReviewCampaign(page: Page) {
  const list = new CampaignListPage(page);
  await page.goto('/?profiles=10000#/');
  await expect(list.newCampaignButton).toBeVisible();
  await list.importFile(textFile('review.json', JSON.stringify(campaign)));
  await expect(page.getByText('Imported “Query modeler review”')).toBeVisible();
  await list.rowAction('Query modeler review', 'Open');
  await new EditorPage(page).expectOpen();
  // The problems panel folds away, leaving the inspector its whole height.
  const problems = page.getByRole('button', { name: /^Problems/, expanded: true });
  await problems.click();
  return new CanvasPage(page);
}

/**
 * The inspector alone, on a window tall enough for the whole rule to show without scrolling (the
 * inspector scrolls on its own, so an element screenshot would catch what lies over it).
 */
async function inspectorShot(page: Page, name: string, height = 2600) {
  const size = page.viewportSize()!;
  await page.setViewportSize({ width: size.width, height });
  await page.waitForTimeout(400);
  const panel = page.getByRole('complementary', { name: 'Inspector' });
  await panel.screenshot({ path: shot(name) });
  // The rule alone, in slices short enough to read at full size.
  const box = await panel.locator('section.qm').first().boundingBox();
  if (box) {
    const slice = 640;
    // A rule taller than the window is shot down to the window's bottom.
    const bottom = Math.min(box.y + box.height + 4, height);
    for (let i = 0, top = box.y - 4; top < bottom; i++, top += slice)
      await page.screenshot({ path: shot(`${name}-rule-${i + 1}`), clip: { x: box.x - 4, y: top, width: box.width + 8, height: Math.min(slice, bottom - top) } });
  }
  await page.setViewportSize(size);
}

test('query modeler in the inspector and in its large dialog', async ({ page }) => {
  test.setTimeout(240_000);
  const canvas = await openReviewCampaign(page);
  await canvas.select('Engaged buyers');
  const qm = QueryModelerPage.inInspector(page);
  await expect(qm.root).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: shot('inspector') });
  await inspectorShot(page, 'inspector-rule');

  // Calculate while a condition is invalid, then once it is fixed.
  await qm.calculate.click();
  await expect(qm.total).not.toHaveText(/Counting/, { timeout: 60_000 });
  await inspectorShot(page, 'calculate-invalid');
  await qm.type(qm.last, /Value of Engagement score/, '40');
  await qm.calculate.click();
  await qm.expectTotal(/^\d[\d,]* profiles/);
  await expect(qm.root.locator('.qm-count .cc-spinner')).toHaveCount(0, { timeout: 60_000 });
  await inspectorShot(page, 'inspector-calculated');

  // View results and Code view.
  await qm.tool('View results').click();
  await expect(page.getByRole('dialog', { name: /^Results/ }).getByRole('table')).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: shot('results') });
  await page.keyboard.press('Escape');
  await qm.tool('Code view').click();
  await expect(page.getByRole('dialog', { name: 'Code view' }).getByLabel('SQL')).toContainText('SELECT', { timeout: 60_000 });
  await page.screenshot({ path: shot('code') });
  await page.keyboard.press('Escape');

  // Value suggestions of the country, open.
  const country = qm.root.locator('div.qm-cond', { has: page.getByRole('combobox', { name: 'Value of Country' }) }).last();
  await country.getByRole('button', { name: 'Suggest values of Country from the data' }).click();
  const suggestions = page.getByRole('dialog', { name: 'Most frequent values of Country' });
  await expect(suggestions.getByRole('button').first()).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: shot('suggestions') });
  await page.keyboard.press('Escape');

  // A fresh condition, before a field is chosen, and the Add menu.
  await qm.add('A field');
  await inspectorShot(page, 'new-condition');
  await qm.root.getByRole('button', { name: 'Add condition' }).last().click();
  await page.screenshot({ path: shot('add-menu') });
  await page.keyboard.press('Escape');

  // The large dialog.
  await qm.tool('Open in a large editor').click();
  const dialog = page.getByRole('dialog').filter({ has: page.locator('section.qm') });
  await expect(dialog).toBeVisible();
  await page.waitForTimeout(400);
  await page.screenshot({ path: shot('dialog') });
  await dialog.locator('section.qm').evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await page.screenshot({ path: shot('dialog-end') });
  await page.keyboard.press('Escape');

  // Inspector at a smaller window.
  await page.setViewportSize({ width: 1100, height: 760 });
  await page.waitForTimeout(400);
  await page.screenshot({ path: shot('inspector-small') });
});

test('column of an upstream Enrichment, and message results', async ({ page }) => {
  test.setTimeout(240_000);
  const canvas = await openReviewCampaign(page);
  await canvas.select('By value');
  const subset = page.getByRole('complementary', { name: 'Inspector' }).locator('section.qm').first();
  await expect(subset).toBeVisible({ timeout: 60_000 });
  await inspectorShot(page, 'split-column');
  const field = subset.getByRole('combobox', { name: 'Field' }).first();
  await field.click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: shot('split-field-list') });
  await page.keyboard.press('Escape');
  await subset.getByRole('button', { name: 'Calculate' }).click();
  await expect(subset.locator('output.qm-total')).not.toHaveText(/Counting/, { timeout: 60_000 });
  await inspectorShot(page, 'split-column-calculated');

  await canvas.select('Retarget');
  const retarget = QueryModelerPage.inInspector(page);
  await expect(retarget.root).toBeVisible({ timeout: 60_000 });
  await inspectorShot(page, 'message-results');
  await page.screenshot({ path: shot('message-results-inspector') });
  await retarget.calculate.click();
  await expect(retarget.total).not.toHaveText('', { timeout: 60_000 });
  await inspectorShot(page, 'message-results-calculated');
});

test('an empty rule', async ({ page }) => {
  const canvas = await openReviewCampaign(page);
  await canvas.dragFromPalette('Build audience', { x: 600, y: 500 });
  await canvas.select('Build audience');
  const qm = QueryModelerPage.inInspector(page);
  await expect(qm.root).toBeVisible({ timeout: 60_000 });
  await inspectorShot(page, 'empty', 1200);
});
