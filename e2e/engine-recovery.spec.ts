import { expect, test, type Page } from '@playwright/test';
import { CanvasPage } from './pages/canvas-page';
import { CountsPage, SPEC_PROFILES, recordsName } from './pages/counts-page';
import { QueryModelerPage } from './pages/query-modeler-page';

// Each case waits for the watchdog (up to 30 s) and for the sample data to load again.
test.describe.configure({ timeout: 300_000 });

type Fault = 'stopEngineWorker' | 'stopDatabaseWorker';

/** Stops one of the engine's workers without a word, as a crash would (the suite's build only). */
async function stop(page: Page, fault: Fault) {
  await page.evaluate((f) => (window as unknown as { engineFaults: Record<Fault, () => void> }).engineFaults[f](), fault);
}

for (const [fault, worker] of [
  ['stopEngineWorker', 'the engine worker'],
  ['stopDatabaseWorker', "DuckDB's worker"],
] as const) {
  test(`when ${worker} stops, the status line says so, a new engine starts and the counts come back equal`, async ({ page }, testInfo) => {
    const canvas = new CanvasPage(page);
    const counts = new CountsPage(page);
    await page.goto(`/?profiles=${SPEC_PROFILES}#/new`);
    await expect(canvas.canvas).toBeVisible();
    await canvas.addInRow(['Build audience', 'End']);
    await canvas.connect('Build audience', 'End');
    await counts.expectUpToDate();
    const count = await counts.countBetween('Build audience', 'End');
    const everyone = Object.values(CountsPage.expectedCounts(await counts.exportCampaign()))[0]!;
    await expect(count).toHaveAccessibleName(recordsName(everyone));

    await stop(page, fault);
    // The next edit asks the stopped engine; nothing answers, and the watchdog notices.
    await canvas.select('Build audience');
    const qm = QueryModelerPage.inInspector(page);
    await qm.add('A field');
    await qm.chooseField(qm.last, 'loyal', /Loyalty tier/);
    await qm.last.getByRole('combobox', { name: 'Value of Loyalty tier' }).selectOption({ label: 'Gold' });
    await expect(counts.status).toHaveText('Engine stopped, restarting…', { timeout: 60_000 });
    await page.screenshot({ path: testInfo.outputPath('engine-restarting.png') });

    // The new engine counts the edited campaign exactly.
    await counts.expectUpToDate();
    const gold = Object.values(CountsPage.expectedCounts(await counts.exportCampaign()))[0]!;
    expect(gold).toBeLessThan(everyone);
    await expect(count).toHaveAccessibleName(recordsName(gold));

    // Back to the campaign as it was: the count before the fault, recomputed by the new engine.
    while ((await qm.conditions.count()) > 0) {
      await canvas.tool('Undo').click();
      await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    }
    await counts.expectUpToDate();
    await expect(count).toHaveAccessibleName(recordsName(everyone));
  });
}
