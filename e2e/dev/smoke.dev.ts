import { expect, test, type Page } from '@playwright/test';
import { createLogger, createServer } from 'vite';
import { CanvasPage } from '../pages/canvas-page';
import { InspectorPage } from '../pages/inspector-page';
import { QueryModelerPage } from '../pages/query-modeler-page';

/**
 * Smoke tests on the development server: any page error or console error fails the test, since
 * React's development build reports there what the production build keeps silent (and a thrown
 * error in its development logging stops the page from taking input).
 */
function failOnErrors(page: Page): () => void {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console error: ${m.text()}`);
  });
  return () => expect(errors, 'page and console errors').toEqual([]);
}

/** Types into every combobox of a rule: field pickers get letters and a pick, lists a letter. */
async function typeInEveryCombobox(page: Page, qm: QueryModelerPage) {
  const boxes = qm.root.getByRole('combobox');
  expect(await boxes.count()).toBeGreaterThan(0);
  // Counted again at each step: choosing a field changes the boxes that follow it.
  for (let i = 0; i < (await boxes.count()); i++) {
    const nth = boxes.nth(i);
    // A list inside a closed panel, or one the rule does not let change yet, takes no typing.
    if (!(await nth.isVisible()) || !(await nth.isEnabled())) continue;
    // Held by its id, not its rank: while a field picker's list is open, the rest of the page is
    // hidden from assistive technology (the list is modal), so the role query finds it alone.
    const id = await nth.evaluate((el) => {
      if (!el.id) el.id = `smoke-combobox-${Math.random().toString(36).slice(2)}`;
      return el.id;
    });
    const box = page.locator(`[id="${id}"]`);
    const tag = await box.evaluate((el) => el.tagName);
    if (tag === 'INPUT') {
      await box.click();
      await box.press('Control+a');
      await box.pressSequentially('cou', { delay: 60 });
      // The field keeps what was typed (it stuck after one letter when the list broke).
      await expect(box).toHaveValue('cou');
      await box.pressSequentially('ntry', { delay: 60 });
      await expect(box).toHaveValue('country');
      await page.getByRole('option', { name: /^Country/ }).first().click();
      await expect(box).toHaveValue('Country');
    } else {
      await box.focus();
      await box.press('ArrowDown');
    }
  }
}

test('a template opens and every combobox of its rule takes typing', async ({ page }) => {
  const check = failOnErrors(page);
  const canvas = new CanvasPage(page);
  await page.goto('/?profiles=10000#/new/win-back');
  await expect(canvas.canvas).toBeVisible({ timeout: 60_000 });
  await canvas.select('Lapsed 6–24 months');
  const qm = QueryModelerPage.inInspector(page);
  await qm.add('A field');
  await typeInEveryCombobox(page, qm);
  await expect(qm.last.getByRole('combobox', { name: 'Field' })).toHaveValue('Country');
  check();
});

test('an activity is added, connected and configured', async ({ page }) => {
  const check = failOnErrors(page);
  const canvas = new CanvasPage(page);
  const inspector = new InspectorPage(page);
  await page.goto('/?profiles=10000#/new');
  await expect(canvas.canvas).toBeVisible({ timeout: 60_000 });
  await canvas.addInRow(['Build audience', 'Wait']);
  await canvas.connect('Build audience', 'Wait');
  await expect(canvas.transitions).toHaveCount(1);
  await canvas.select('Build audience');
  const qm = QueryModelerPage.inInspector(page);
  await qm.addLoyaltyTier('Gold');
  await canvas.select('Wait');
  await inspector.settings.getByRole('spinbutton', { name: 'Duration' }).fill('3');
  await inspector.choose('Unit', 'Hours');
  // The transition gets its count (an image named "1,234 records").
  await expect(canvas.canvas.getByRole('img', { name: /^[\d,]+ records?$/ }).first()).toBeVisible({ timeout: 60_000 });
  check();
});

test('the development server serves the engine without a flood of warnings', async () => {
  // The server is started here, not by the browser, so that its log can be read.
  const warnings: string[] = [];
  const logger = createLogger('warn');
  const server = await createServer({
    configFile: 'vite.config.ts',
    logLevel: 'warn',
    server: { middlewareMode: true, hmr: false, ws: false },
    customLogger: { ...logger, warn: (msg) => warnings.push(msg), warnOnce: (msg) => warnings.push(msg) },
  });
  try {
    for (const bundle of ['duckdb-browser-eh.worker.js', 'duckdb-browser-mvp.worker.js'])
      expect(await server.transformRequest(`/node_modules/@duckdb/duckdb-wasm/dist/${bundle}`)).not.toBeNull();
    expect(warnings).toEqual([]);
  } finally {
    await server.close();
  }
});
