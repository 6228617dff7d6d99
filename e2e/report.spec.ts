import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './helpers/a11y';
import { exportedDoc } from './helpers/expected-counts';
import { cliReport } from './helpers/simulate-cli';
import { CampaignListPage } from './pages/campaign-list-page';
import { CanvasPage } from './pages/canvas-page';
import { CountsPage, SPEC_PROFILES } from './pages/counts-page';
import { ReportPage, type ShownTable } from './pages/report-page';
import { SimulationPage } from './pages/simulation-page';

const SHOTS = process.env.E2E_SHOTS; // a folder: screenshots of the report, to look at
const CHANNELS = ['Welcome email', 'Getting started', 'First-order offer'];

/** What the editor shows of a channel after the simulation: its node's figures and its inspector funnel, by metric id. */
type EditorFigures = { node: Record<string, number>; funnel: Record<string, number> };

/** The editor's figures of each channel: on its node, then in its inspector funnel (selected in turn). */
async function editorFigures(page: Page): Promise<Record<string, EditorFigures>> {
  const sim = new SimulationPage(page);
  const canvas = new CanvasPage(page);
  const nodeIds: Record<string, string> = {
    sent: 'sent',
    delivered: 'delivered',
    opened: 'unique-opens',
    clicked: 'unique-clicks',
  };
  const funnelIds: Record<string, string> = {
    Targeted: 'targeted',
    Sent: 'sent',
    Delivered: 'delivered',
    Opened: 'unique-opens',
    Clicked: 'unique-clicks',
  };
  const out: Record<string, EditorFigures> = {};
  for (const label of CHANNELS) {
    const node = Object.fromEntries(
      Object.entries(await sim.nodeFigures(label)).map(([k, v]) => [nodeIds[k] ?? k, v]),
    );
    await canvas.select(label);
    await expect(sim.funnel).toBeVisible();
    const funnel: Record<string, number> = {};
    for (const [step, id] of Object.entries(funnelIds)) {
      const row = sim.funnel.getByRole('row', { name: new RegExp(`^${step}`) });
      funnel[id] = Number((await row.locator('td').first().textContent())!.replaceAll(',', ''));
      expect(Number.isInteger(funnel[id]), `${label}: ${step} in the inspector is a whole number`).toBe(true);
    }
    out[label] = { node, funnel };
  }
  await page.keyboard.press('Escape');
  return out;
}

/**
 * A copy of the Welcome series template on the specs' sample data, simulated, its report opened
 * from the editor; with `readEditor`, what the editor showed of each channel before.
 */
async function simulatedWelcomeReport(page: Page, options: { readEditor?: boolean } = {}) {
  await page.goto(`/?profiles=${SPEC_PROFILES}#/new/welcome-series`);
  await new CountsPage(page).expectUpToDate();
  await new SimulationPage(page).simulate();
  const doc = await exportedDoc(page);
  const editor = options.readEditor ? await editorFigures(page) : {};
  await page.getByRole('link', { name: 'Report', exact: true }).click();
  const report = new ReportPage(page);
  await report.expectReady();
  return { doc, report, editor };
}

/** A cell as its CSV writes it: 1,234 -> 1234, 22.7 % -> 22.7, — -> empty. */
const asCsv = (cell: string) =>
  cell === '—' ? '' : /^[\d,.]+( %)?$/.test(cell) ? cell.replace(/[, %]/g, '') : cell;

/** One CSV line's fields (RFC 4180 quoting). */
function csvFields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  return [...out, field];
}

test('the report of a simulated template shows each key figure with its definition, as the command line counts them', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const { doc, report, editor } = await simulatedWelcomeReport(page, { readEditor: true });
  await expect(page).toHaveTitle(`Report: ${doc.name} – Campaign Canvas`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Report ${doc.name}`);

  // Every metric the command line's report gives, shown as it gives it: counts whole, rates in
  // percent with one decimal ("—" over nothing), and no other.
  const cli = await cliReport(doc);
  expect(cli.find((m) => m.id === 'sent')?.value).toBeGreaterThan(0);
  for (const m of cli) {
    const expected = m.value === null ? null : m.kind === 'rate' ? Math.round(m.value * 1000) / 10 : m.value;
    expect(await report.kpiValue(m.label), `${m.label} (${m.id})`).toBe(expected);
  }
  expect((await report.kpiLabels()).sort()).toEqual(cli.map((m) => m.label).sort());

  // One simulated campaign, the same number in every view: each channel's node and inspector
  // funnel in the editor give what the report's row of that channel activity gives (its CSV is
  // compared with the table in the next test), and the rows add up to the totals above.
  const byActivity = await report.readTable('By channel activity');
  const column = (label: string) => byActivity.headers.indexOf(label);
  const cell = (row: string[], label: string) => Number(row[column(label)]!.replaceAll(',', ''));
  const headers: Record<string, string> = {
    targeted: 'Targeted',
    sent: 'Sent',
    delivered: 'Delivered',
    'unique-opens': 'Unique opens',
    'unique-clicks': 'Unique clicks',
  };
  for (const label of CHANNELS) {
    const row = byActivity.rows.find((r) => r[0] === label)!;
    expect(row, label).toBeDefined();
    const { node, funnel } = editor[label]!;
    expect(Object.keys(node).sort(), label).toEqual(['delivered', 'sent', 'unique-clicks', 'unique-opens']);
    expect(node.sent, label).toBeGreaterThan(0);
    for (const [id, value] of Object.entries(node))
      expect(cell(row, headers[id]!), `${label}: ${id} on the node`).toBe(value);
    for (const [id, value] of Object.entries(funnel))
      expect(cell(row, headers[id]!), `${label}: ${id} in the inspector`).toBe(value);
  }
  for (const id of ['sent', 'delivered', 'unique-opens', 'unique-clicks'])
    expect(
      byActivity.rows.reduce((n, r) => n + cell(r, headers[id]!), 0),
      `${id}: the rows add up to the total`,
    ).toBe(cli.find((m) => m.id === id)!.value);

  // A definition on keyboard focus and on hover.
  const sent = report.kpi('Sent').getByRole('button', { name: 'Sent' });
  await expect(sent).toHaveAccessibleDescription(/retries are not counted/);
  await sent.focus();
  await expect(page.getByRole('tooltip').filter({ hasText: 'retries are not counted' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('tooltip').filter({ hasText: 'retries are not counted' })).toBeHidden();
  await report.kpi('Delivered').getByRole('button', { name: 'Delivered' }).hover();
  await expect(page.getByRole('tooltip').filter({ hasText: 'accepted by the recipient' })).toBeVisible();
  await page.mouse.move(0, 0);

  // Each chart has its data as a table.
  await page.getByRole('button', { name: 'Show data table' }).first().click();
  await expect(
    page.getByRole('region', { name: /^Over time, per (hour|day)$/ }).getByRole('table'),
  ).toBeVisible();

  for (const [w, h] of [
    [1280, 800],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width: w, height: h });
    // The report scrolls inside its main region: a screenshot per screenful.
    for (let screen = 0; SHOTS && screen < 4; screen++) {
      await report.main.evaluate((el, y) => el.scrollTo(0, y), screen * (h - 120));
      await page.screenshot({ path: `${SHOTS}/report-${w}-${screen}.png` });
    }
  }
  if (SHOTS) {
    // As printed: the report alone, whole.
    await page.emulateMedia({ media: 'print' });
    await page.screenshot({ path: `${SHOTS}/report-print.png`, fullPage: true });
    await page.emulateMedia({ media: 'screen' });
  }
  await expectNoSeriousViolations(page);
});

test('breakdowns and filters live in the address: the copied link opens the same view, and a table downloads as shown', async ({
  page,
  context,
}) => {
  test.setTimeout(300_000);
  const { doc, report } = await simulatedWelcomeReport(page);

  await report.breakdownPicker.selectOption({ label: 'Channel activity' });
  const all = await report.readTable('By channel activity');
  expect(all.rows.map((r) => r[0])).toEqual(CHANNELS);

  // Filters: one channel activity left out, per day.
  await report.activityFilter('Getting started').uncheck();
  await report.bucketPicker.selectOption({ label: 'Day' });
  await report.breakdownPicker.selectOption({ label: 'Email domain' });
  await report.expectReady();
  await expect(page).toHaveURL(/breakdown=domain/);
  const byDomain = await report.readTable('By email domain');
  expect(byDomain.rows.length).toBeGreaterThan(0);
  const sentShown = await report.kpiValue('Sent');

  // The CSV holds the table shown, named after the campaign and the table.
  const csv = await report.downloadCsv('By email domain');
  expect(csv.fileName).toBe(`${doc.name} - report-by-domain.csv`);
  const [header, ...rows] = csv.lines.map(csvFields);
  expect(header!.map((h) => h.replace(/ \(%\)$/, ''))).toEqual(byDomain.headers);
  expect(rows).toEqual(byDomain.rows.map((r) => r.map(asCsv)));

  // The copied address, in a new page: the same view.
  const other = await context.newPage();
  await other.goto(page.url());
  const again = new ReportPage(other);
  await again.expectReady();
  await expect(again.breakdownPicker).toHaveValue('domain');
  await expect(again.activityFilter('Getting started')).not.toBeChecked();
  await expect(again.activityFilter('Welcome email')).toBeChecked();
  await expect(again.bucketPicker).toHaveValue('day');
  expect(await again.kpiValue('Sent')).toBe(sentShown);
  expect(await again.readTable('By email domain')).toEqual(byDomain satisfies ShownTable);
  await expectNoSeriousViolations(other);

  // From the campaign list, the row's Report action opens the report.
  await new CampaignListPage(other).goto();
  await new CampaignListPage(other).rowAction(doc.name, 'Report');
  await expect(other).toHaveURL(/#\/campaigns\/[^/]+\/report$/);
  await again.expectReady();
});
