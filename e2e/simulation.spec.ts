import { CanvasPage } from './pages/canvas-page';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './helpers/a11y';
import { exportedDoc, activityByLabel } from './helpers/expected-counts';
import { cliSimulation } from './helpers/simulate-cli';
import { fixtureFile } from './fixtures/campaign-files';
import { CampaignListPage } from './pages/campaign-list-page';
import { CountsPage, SPEC_PROFILES } from './pages/counts-page';
import { SimulationPage } from './pages/simulation-page';

const SHOTS = process.env.E2E_SHOTS; // a folder: screenshots of the simulated screens, to look at
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
};
const CHANNELS = ['Welcome email', 'Getting started', 'First-order offer'];

/** Opens a copy of the Welcome series template on the specs' sample data, counted. */
async function openWelcomeSeries(page: Page) {
  await page.goto(`/?profiles=${SPEC_PROFILES}#/new/welcome-series`);
  await new CountsPage(page).expectUpToDate();
}

test('a simulated template shows sent, delivered, opened and clicked on its channels, as the command line does', async ({ page }) => {
  test.setTimeout(300_000);
  const sim = new SimulationPage(page);
  await openWelcomeSeries(page);
  await sim.simulate();
  await shot(page, 'simulated-canvas');
  const doc = await exportedDoc(page);
  const cli = await cliSimulation(doc);
  for (const label of CHANNELS) {
    const f = await sim.nodeFigures(label);
    expect(Object.keys(f), label).toEqual(['sent', 'delivered', 'opened', 'clicked']);
    expect(f.delivered!, label).toBeLessThanOrEqual(f.sent!);
    expect(f.opened!, label).toBeLessThanOrEqual(f.delivered!);
    expect(f.clicked!, label).toBeLessThanOrEqual(f.opened!);
    const expected = cli.figures[activityByLabel(doc, label).id]!;
    expect(f, `${label} as on the command line`).toEqual({ sent: expected.sent, delivered: expected.delivered, opened: expected['unique-opens'], clicked: expected['unique-clicks'] });
  }
  expect((await sim.nodeFigures('Welcome email')).sent).toBeGreaterThan(0);

  // The funnel, with rates from the metric definitions next to the counts.
  await page.getByText('Welcome email', { exact: true }).first().click();
  const welcome = await sim.nodeFigures('Welcome email');
  await expect(sim.funnel.getByRole('row', { name: /^Sent/ })).toContainText(welcome.sent!.toLocaleString('en-US'));
  const rate = ((welcome.opened! / welcome.delivered!) * 100).toFixed(1);
  await expect(sim.funnel.getByRole('row', { name: /^Opened/ })).toContainText(`${rate}% open rate`);
  await shot(page, 'funnel');
  await expectNoSeriousViolations(page);

  await sim.stop();
  await expect(page.getByRole('group', { name: /^Simulated: / })).toHaveCount(0);
});

test('a retargeting Split after a Wait needs a simulation, is counted once simulated, and changes with the wait', async ({ page }) => {
  test.setTimeout(300_000);
  const counts = new CountsPage(page);
  const sim = new SimulationPage(page);
  await counts.gotoList();
  await new CampaignListPage(page).importFile(fixtureFile('retarget-after-wait.json'));
  await page.getByRole('link', { name: 'Retarget after a wait' }).click();
  await expect(counts.transitionCount('t_not_opened')).toHaveAccessibleName(/^Needs a simulation: /, { timeout: 120_000 });

  // The Split's inspector offers Simulate where it says why there is no count.
  await new CanvasPage(page).select('Opened?');
  await page.getByRole('region', { name: 'Records' }).getByRole('button', { name: 'Simulate' }).click();
  await sim.expectSimulated();
  const notOpened = async () => Number((await counts.transitionCount('t_not_opened').getAttribute('aria-label'))!.replace(/[^\d]/g, ''));
  await expect(counts.transitionCount('t_not_opened')).toHaveAccessibleName(/^[\d,]+ records?$/, { timeout: 120_000 });
  const afterThreeDays = await notOpened();

  // A shorter wait sees fewer opens: more people did not open yet.
  await new CanvasPage(page).select('Wait');
  const duration = page.getByRole('spinbutton', { name: 'Duration' });
  await duration.fill('0');
  await duration.press('Enter');
  await sim.expectSimulated();
  await expect.poll(notOpened, { timeout: 120_000 }).toBeGreaterThan(afterThreeDays);
});

test('the event tables of a simulation are listed on the Data screen and download as CSV with their row counts', async ({ page }) => {
  test.setTimeout(300_000);
  const sim = new SimulationPage(page);
  await openWelcomeSeries(page);
  await sim.simulate();
  const doc = await exportedDoc(page);
  await page.getByRole('link', { name: /data/i }).first().click();
  const section = page.getByRole('region', { name: 'Simulation events' });
  await expect(section).toBeVisible({ timeout: 60_000 });
  await shot(page, 'data-events');
  const cli = await cliSimulation(doc);
  for (const title of ['Message feedback', 'Tracking', 'Step events']) {
    const row = section.getByRole('row', { name: new RegExp(`^${title}`) });
    await expect(row.getByRole('cell').first()).toHaveText(/^[\d,]+$/, { timeout: 120_000 });
    const shown = Number((await row.getByRole('cell').first().textContent())!.replaceAll(',', ''));
    const download = page.waitForEvent('download');
    await row.getByRole('button', { name: `Download ${title} as CSV` }).click();
    const lines = readFileSync(await (await download).path(), 'utf8').split(/\r?\n/).filter((l) => l !== '');
    expect(lines.length - 1, `${title}: one line per row after the header`).toBe(shown);
    // The command line writes the same table with as many rows.
    expect(Object.values(cli.events).some((file) => file.length === lines.length && file[0] === lines[0]), `${title} as the command line writes it`).toBe(true);
  }
  // One feedback row per targeted message.
  const targeted = CHANNELS.reduce((n, label) => n + (cli.figures[activityByLabel(doc, label).id]?.targeted ?? 0), 0);
  await expect(section.getByRole('row', { name: /^Message feedback/ }).getByRole('cell').first()).toHaveText(targeted.toLocaleString('en-US'));
  await shot(page, 'data-events');
  await expectNoSeriousViolations(page);
});

test('simulation settings: each default with its source, a wrong rate told at the field and in the problems, and reset', async ({ page }) => {
  test.setTimeout(180_000);
  const sim = new SimulationPage(page);
  await openWelcomeSeries(page);
  await page.keyboard.press('Escape');
  const settings = sim.settings;
  await expect(settings.getByRole('textbox', { name: 'Launch' })).toHaveAttribute('placeholder', /^\d{4}-\d{2}-\d{2} 09:00$/);
  const open = settings.getByRole('group', { name: 'Email' }).getByRole('textbox', { name: 'Open rate (0–1)' });
  await expect(open).toHaveAccessibleDescription(/Default 22\.71 % \(Mailchimp 2019/);
  await open.fill('1.5');
  await open.press('Enter');
  const message = 'Simulation settings, Email open rate: a rate is between 0 and 1.';
  await expect(open).toHaveAccessibleDescription(new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await expect(page.getByRole('region', { name: /^Problems/ }).getByText(message)).toBeVisible();
  const launch = settings.getByRole('textbox', { name: 'Launch' });
  await launch.fill('2025-02-30 09:00');
  await launch.press('Enter');
  await expect(page.getByRole('region', { name: /^Problems/ }).getByText(/is not a real date and time/)).toBeVisible();
  await new CountsPage(page).expectUpToDate();
  await shot(page, 'settings');
  await expectNoSeriousViolations(page);

  await settings.getByRole('button', { name: 'Reset to defaults' }).click();
  await expect(open).toHaveValue('');
  await expect(page.getByRole('region', { name: /^Problems/ }).getByText(message)).toHaveCount(0);
});
