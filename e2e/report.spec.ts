import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './helpers/a11y';
import { exportedDoc } from './helpers/expected-counts';
import { cliReport } from './helpers/simulate-cli';
import { CampaignListPage } from './pages/campaign-list-page';
import { CountsPage, SPEC_PROFILES } from './pages/counts-page';
import { ReportPage, type ShownTable } from './pages/report-page';
import { SimulationPage } from './pages/simulation-page';

const SHOTS = process.env.E2E_SHOTS; // a folder: screenshots of the report, to look at
const CHANNELS = ['Welcome email', 'Getting started', 'First-order offer'];

/** A copy of the Welcome series template on the specs' sample data, simulated, its report opened from the editor. */
async function simulatedWelcomeReport(page: Page) {
  await page.goto(`/?profiles=${SPEC_PROFILES}#/new/welcome-series`);
  await new CountsPage(page).expectUpToDate();
  await new SimulationPage(page).simulate();
  const doc = await exportedDoc(page);
  await page.getByRole('link', { name: 'Report', exact: true }).click();
  const report = new ReportPage(page);
  await report.expectReady();
  return { doc, report };
}

/** A cell as its CSV writes it: 1,234 -> 1234, 22.7 % -> 22.7, — -> empty. */
const asCsv = (cell: string) => (cell === '—' ? '' : /^[\d,.]+( %)?$/.test(cell) ? cell.replace(/[, %]/g, '') : cell);

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

test('the report of a simulated template shows each key figure with its definition, as the command line counts them', async ({ page }) => {
  test.setTimeout(300_000);
  const { doc, report } = await simulatedWelcomeReport(page);
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
  await expect(page.getByRole('region', { name: /^Over time, per (hour|day)$/ }).getByRole('table')).toBeVisible();

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

test('breakdowns and filters live in the address: the copied link opens the same view, and a table downloads as shown', async ({ page, context }) => {
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
