import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './helpers/a11y';
import { exportedDoc, activityByLabel } from './helpers/expected-counts';
import { cliSimulation } from './helpers/simulate-cli';
import { startEngineServer, type EngineServer } from './helpers/engine-server';
import { CanvasPage } from './pages/canvas-page';
import { CountsPage, SPEC_PROFILES, recordsName } from './pages/counts-page';
import { DataPage } from './pages/data-page';
import { QueryModelerPage } from './pages/query-modeler-page';
import { SimulationPage } from './pages/simulation-page';

// A server starts for each spec (Node, native DuckDB, the specs' sample of 10,000 profiles).
test.describe.configure({ timeout: 300_000 });

const SHOTS = process.env.E2E_SHOTS; // a folder: screenshots to look at
const origin = () => `http://127.0.0.1:${process.env.E2E_PORT ?? 4317}`;

let server: EngineServer | undefined;
test.afterEach(async () => {
  await server?.stop();
  server = undefined;
});

test('the Data screen connects to a server: a wrong token is said, then counts, a preview and a simulation run on the server', async ({ page }) => {
  server = await startEngineServer(7711, origin(), SPEC_PROFILES);
  const data = new DataPage(page);
  await data.goto();
  const engine = data.engine;
  await expect(engine).toContainText('Counts, previews and simulations run in this browser.');

  // A wrong token: the server refuses it and the screen says so; nothing changes.
  await data.connectServer(server.url, 'not-the-token');
  await expect(data.engineStatus).toContainText('Wrong token: The server at http://127.0.0.1:7711 refused the token');
  await expect(engine).toContainText('run in this browser.');

  // Nothing on a port where no server listens.
  await data.connectServer('http://127.0.0.1:7719', server.token);
  await expect(data.engineStatus).toContainText('Not reachable: Nothing answers at http://127.0.0.1:7719');

  await data.connectServer(server.url, server.token);
  await expect(data.engineStatus).toHaveText('Connected to the server at http://127.0.0.1:7711.');
  await expect(engine).toContainText('run in a server at http://127.0.0.1:7711.');
  // The server's data shows on the Data screen.
  await data.waitUntilReady();
  await expect(data.summary).toContainText('10,000 profiles');
  if (SHOTS) await engine.screenshot({ path: `${SHOTS}/engine-section.png` });
  await expectNoSeriousViolations(page);

  // The choice is remembered: a template opened afterwards counts on the server, as Node does.
  await page.goto('/#/new/welcome-series');
  const counts = new CountsPage(page);
  await counts.expectUpToDate();
  const doc = await exportedDoc(page);
  const expected = CountsPage.expectedCounts(await counts.exportCampaign());
  for (const t of doc.transitions.slice(0, 3)) await expect(counts.transitionCount(t.id)).toHaveAccessibleName(recordsName(expected[t.id]!));

  // A preview of the first transition, computed by the server.
  const canvas = new CanvasPage(page);
  const first = doc.transitions[0]!;
  const from = doc.activities.find((a) => a.id === first.source.activityId)!.label;
  const to = doc.activities.find((a) => a.id === first.target.activityId)!.label;
  await canvas.transition(from, to).focus();
  await page.keyboard.press('Enter');
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await inspector.getByRole('button', { name: 'Preview results' }).click();
  const dialog = page.getByRole('dialog', { name: /^Preview results/ });
  await expect(dialog.getByRole('region', { name: 'Preview records' }).getByRole('row')).toHaveCount(Math.min(expected[first.id]!, 100) + 1);
  await expect(dialog.getByLabel('Preview total')).toContainText(recordsName(expected[first.id]!));
  await dialog.getByRole('button', { name: 'Close' }).click();

  // A simulation on the server gives the figures of the command line.
  const sim = new SimulationPage(page);
  await sim.simulate();
  const cli = await cliSimulation(doc);
  const welcome = await sim.nodeFigures('Welcome email');
  const figures = cli.figures[activityByLabel(doc, 'Welcome email').id]!;
  expect(welcome).toEqual({ sent: figures.sent, delivered: figures.delivered, opened: figures['unique-opens'], clicked: figures['unique-clicks'] });
  expect(welcome.sent).toBeGreaterThan(0);
});

test('a server stopped during a session: the canvas says so and stays editable, and the counts come back with the server', async ({ page }) => {
  server = await startEngineServer(7712, origin(), SPEC_PROFILES);
  const canvas = new CanvasPage(page);
  const counts = new CountsPage(page);
  // The link the server prints: the address is cleaned of the token once read.
  await page.goto(server.appPath('#/new'));
  await expect(canvas.canvas).toBeVisible();
  expect(page.url()).not.toContain('token=');
  await canvas.addInRow(['Build audience', 'End']);
  await canvas.connect('Build audience', 'End');
  await counts.expectUpToDate();
  const count = await counts.countBetween('Build audience', 'End');
  const everyone = Object.values(CountsPage.expectedCounts(await counts.exportCampaign()))[0]!;
  await expect(count).toHaveAccessibleName(recordsName(everyone));

  await server.stop();
  // The next edit asks the stopped server: the status line says it does not answer and retries.
  await canvas.select('Build audience');
  const qm = QueryModelerPage.inInspector(page);
  await qm.add('A field');
  await qm.chooseField(qm.last, 'loyal', /Loyalty tier/);
  await qm.last.getByRole('combobox', { name: 'Value of Loyalty tier' }).selectOption({ label: 'Gold' });
  await expect(counts.status).toContainText('Server not answering, retrying…', { timeout: 60_000 });
  await expect(counts.status).toContainText('The server at http://127.0.0.1:7712 does not answer.');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/server-lost.png` });
  // The canvas stays editable meanwhile: the condition can be changed again.
  await qm.last.getByRole('combobox', { name: 'Value of Loyalty tier' }).selectOption({ label: 'Silver' });
  await qm.last.getByRole('combobox', { name: 'Value of Loyalty tier' }).selectOption({ label: 'Gold' });

  await server.restart();
  await counts.expectUpToDate();
  const gold = Object.values(CountsPage.expectedCounts(await counts.exportCampaign()))[0]!;
  expect(gold).toBeLessThan(everyone);
  await expect(count).toHaveAccessibleName(recordsName(gold));
});
