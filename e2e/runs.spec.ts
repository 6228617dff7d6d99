import { expect, test } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectNoSeriousViolations } from './helpers/a11y';
import { runCli } from '../cli/run';
import { CampaignListPage } from './pages/campaign-list-page';
import { SPEC_PROFILES } from './pages/counts-page';
import { ReportPage } from './pages/report-page';
import { RunsPage } from './pages/runs-page';

const SHOTS = process.env.E2E_SHOTS; // a folder: screenshots of the Runs screen and a log, to look at

/**
 * A daily campaign (09:00 UTC) from 31 May 2025, the sample data's reference date being 30 June:
 * the profiles created since the previous run (an Incremental query on their creation date), then an
 * email with capping (one message a week).
 */
const campaign = {
  id: 'cmp_runs_daily',
  name: 'Daily newcomers',
  schemaVersion: 1,
  settings: { seed: 11, simulation: { launch: '2025-05-31T09:00' }, schedule: { kind: 'daily', time: '09:00', timeZone: 'UTC' } },
  activities: [
    { id: 'new', type: 'incremental-query', label: 'New profiles', position: { x: 0, y: 0 }, config: { targetDimension: 'profiles', rule: { kind: 'group', id: 'r', combinator: 'and', children: [] }, dateField: 'created_date' } },
    { id: 'mail', type: 'email', label: 'Welcome', position: { x: 260, y: 0 }, config: { subject: 'Welcome', body: '<p>Hello</p><a href="https://shop.example/start">Start</a>', capping: { enabled: true, maxMessages: 1, periodDays: 7 } } },
  ],
  transitions: [{ id: 't1', source: { activityId: 'new', port: 'out' }, target: { activityId: 'mail', port: 'in' } }],
};

/** The command line's runs of the same campaign on the same sample data, over the same month. */
async function cliRuns(): Promise<{ launch: string; totals: Record<string, number> }[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cc-runs-'));
  const file = join(dir, 'campaign.json');
  writeFileSync(file, JSON.stringify(campaign));
  const out = await runCli(['runs', file, '--profiles', String(SPEC_PROFILES), '--until', '2025-06-29T23:59', '--json']);
  if (out.code !== 0) throw new Error(`campaign runs failed (${out.code}): ${out.stderr}`);
  return JSON.parse(out.stdout) as { launch: string; totals: Record<string, number> }[];
}

test('a month of a daily campaign: the run history equals the command line, and a run’s log filters and downloads', async ({ page }) => {
  test.setTimeout(420_000);
  const list = new CampaignListPage(page);
  await page.goto(`/?profiles=${SPEC_PROFILES}#/`);
  await list.importFile({ name: 'daily.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(campaign)) });
  await list.rowAction('Daily newcomers', 'Runs');
  const runs = new RunsPage(page);
  await expect(runs.main).toBeVisible();
  await expect(page.getByText('No run yet.')).toBeVisible();
  await expectNoSeriousViolations(page);

  // The schedule problem is said at the date field: a day before the simulated present has no launch.
  await runs.untilField.fill('2025-05-01');
  await expect(runs.untilField).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: 'Simulate the schedule' })).toBeDisabled();

  const expected = cliRuns();
  await runs.simulateUntil('2025-06-29', 30);
  const shown = await runs.historyRows();
  expect(shown.headers).toEqual(['Launch', 'Targeted', 'Sent', 'Delivered', 'Unique opens', 'Unique clicks']);
  const cli = await expected;
  expect(cli).toHaveLength(30);
  expect(shown.rows).toEqual(
    cli.map((r) => [expect.stringMatching(new RegExp(`${Number(r.launch.slice(8, 10))} (May|Jun) 2025 09:00$`)), ...['targeted', 'sent', 'delivered', 'unique-opens', 'unique-clicks'].map((id) => r.totals[id] ?? 0)]),
  );
  // The first run takes every profile created until then; the next ones only the day's newcomers.
  expect(cli[0]!.totals.targeted!).toBeGreaterThan(cli[1]!.totals.targeted! * 10);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/runs-history.png`, fullPage: true });

  const when = shown.rows[1]![0] as string;
  const log = await runs.openLog(when);
  const lines = await runs.logRows(log);
  expect(lines.map((l) => l.activity)).toEqual(['New profilesincremental-query', 'Welcomeemail']);
  expect(lines[1]!.recordsIn).toBe(lines[0]!.recordsOut);
  expect(lines[0]!.recordsOut).toBe(cli[1]!.totals.targeted);
  await runs.logFilters.getByLabel('Activity').selectOption({ label: 'Welcome' });
  expect((await runs.logRows(log)).map((l) => l.activity)).toEqual(['Welcomeemail']);
  await runs.logFilters.getByLabel('Activity').selectOption({ label: 'All activities' });
  await runs.logFilters.getByLabel('Errors only').check();
  await expect(log.getByText('No line matches the filter.')).toBeVisible();
  await runs.logFilters.getByLabel('Errors only').uncheck();
  await runs.logFilters.getByLabel('Text').fill('incremental');
  expect((await runs.logRows(log)).map((l) => l.activity)).toEqual(['New profilesincremental-query']);
  const csv = await runs.downloadLogCsv();
  expect(csv.name).toMatch(/^Daily newcomers - log-2025-06-01T0900\.csv$/);
  const csvLines = csv.text.trimEnd().split('\r\n');
  expect(csvLines[0]).toBe('activity_id,label,type,start,end,records_in,records_out,duration_minutes,warnings,errors');
  expect(csvLines.slice(1).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['new,New profiles,incremental-query']);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/runs-log.png`, fullPage: true });

  // Kept in this browser: a reload shows the same history.
  await page.reload();
  await expect(runs.history.locator('tbody tr')).toHaveCount(30);
  expect((await runs.historyRows()).rows).toEqual(shown.rows);
  // The report across runs: the engine holds no run after the reload, so they are computed again first.
  await page.getByRole('button', { name: 'Report across runs' }).click();
  const report = new ReportPage(page);
  await report.expectReady();
  expect(await report.kpiValue('Sent')).toBe(cli.reduce((n, r) => n + (r.totals.sent ?? 0), 0));
  expect(await report.kpiValue('Delivered')).toBe(cli.reduce((n, r) => n + (r.totals.delivered ?? 0), 0));
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/runs-report.png` });
});
