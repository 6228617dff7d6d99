import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** The Runs screen (`#/campaigns/<id>/runs`), read through roles and labels. */
export class RunsPage {
  constructor(readonly page: Page) {}

  get main(): Locator {
    return this.page.getByRole('main', { name: 'Runs' });
  }

  get untilField(): Locator {
    return this.page.getByLabel('Simulate the schedule until');
  }

  get history(): Locator {
    return this.page.getByRole('table', { name: 'Run history' });
  }

  /** Simulates the schedule up to the end of `day` (YYYY-MM-DD) and waits until every run is in the history. */
  async simulateUntil(day: string, runs: number, timeout = 300_000) {
    await this.untilField.fill(day);
    await expect(this.page.getByText(`${runs} launches from`)).toBeVisible();
    await this.page.getByRole('button', { name: 'Simulate the schedule' }).click();
    await expect(this.page.getByRole('status').filter({ hasText: /Simulating run/ })).toBeVisible();
    await expect(this.history.locator('tbody tr')).toHaveCount(runs, { timeout });
    await expect(this.page.getByRole('status').filter({ hasText: /Simulating run/ })).toHaveCount(0, { timeout });
  }

  /** The history as shown: header texts, then each row's cells (numbers as numbers). */
  async historyRows(): Promise<{ headers: string[]; rows: (string | number)[][] }> {
    const headers = (await this.history.locator('thead th').allTextContents()).map((t) => t.trim()).filter((t) => t !== '' && t !== 'Actions');
    const rows = await this.history.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('th, td')].slice(0, -1).map((c) => (c.textContent ?? '').trim())),
    );
    return { headers, rows: rows.map((r) => r.map((c, i) => (i === 0 ? c : Number(c.replaceAll(',', ''))))) };
  }

  /** Opens the log of the run launched at `when` (as the history shows it, e.g. "Sun 1 Jun 2025 09:00"). */
  async openLog(when: string): Promise<Locator> {
    await this.page.getByRole('button', { name: `Log of the run of ${when}` }).click();
    const log = this.page.getByRole('table', { name: `Execution log of the run of ${when}` });
    await expect(log).toBeVisible();
    return log;
  }

  get logFilters(): Locator {
    return this.page.getByRole('group', { name: 'Filter the log' });
  }

  /** The log's rows: activity label (with its type), in, out. */
  async logRows(log: Locator): Promise<{ activity: string; recordsIn: number; recordsOut: number; notes: string }[]> {
    return log.locator('tbody tr').evaluateAll((trs) =>
      trs
        .filter((tr) => tr.children.length === 7)
        .map((tr) => {
          const cells = [...tr.children].map((c) => (c.textContent ?? '').trim());
          return { activity: cells[0]!, recordsIn: Number(cells[3]!.replaceAll(',', '')), recordsOut: Number(cells[4]!.replaceAll(',', '')), notes: cells[6]! };
        }),
    );
  }

  /** Clicks Download CSV of the log and answers the file's text. */
  async downloadLogCsv(): Promise<{ name: string; text: string }> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Download CSV' }).click();
    const file = await download;
    return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
  }
}
