import { expect, type Locator, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';

/** A table as shown: header texts, then each row's cell texts. */
export interface ShownTable {
  headers: string[];
  rows: string[][];
}

/** The Report screen (`#/campaigns/<id>/report`), read through roles and labels. */
export class ReportPage {
  constructor(readonly page: Page) {}

  get main(): Locator {
    return this.page.getByRole('main', { name: 'Report' });
  }

  /** Waits until the report is computed (its key figures are shown). */
  async expectReady(timeout = 180_000) {
    await expect(this.page.getByRole('heading', { name: 'Key figures' })).toBeVisible({ timeout });
    await expect(this.page.getByRole('status').filter({ hasText: 'Updating' })).toHaveCount(0, { timeout });
  }

  /** A key figure: the group named `<label>: <value>`. */
  kpi(label: string): Locator {
    return this.page.getByRole('region', { name: 'Key figures' }).getByRole('group', { name: new RegExp(`^${label}: `) });
  }

  /** A key figure's value as shown: a number (1,234 -> 1234; 22.7 % -> 22.7), or null for "—". */
  async kpiValue(label: string): Promise<number | null> {
    const name = (await this.kpi(label).getAttribute('aria-label')) ?? '';
    const value = name.slice(label.length + 2);
    return value === '—' ? null : Number(value.replace(/[, %]/g, ''));
  }

  /** The labels of every key figure shown, in order. */
  async kpiLabels(): Promise<string[]> {
    const names = await this.page.getByRole('region', { name: 'Key figures' }).getByRole('group').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    return names.map((n) => n.replace(/: [^:]*$/, ''));
  }

  get breakdownPicker(): Locator {
    return this.page.getByRole('combobox', { name: 'Break down by' });
  }

  get filters(): Locator {
    return this.page.getByRole('form', { name: 'Report filters' });
  }

  activityFilter(label: string): Locator {
    return this.filters.getByRole('checkbox', { name: label, exact: true });
  }

  get bucketPicker(): Locator {
    return this.filters.getByRole('combobox', { name: 'Time series per' });
  }

  /** A table of the report by its title (its scrolling region is named after it). */
  table(title: string): Locator {
    return this.page.getByRole('region', { name: title, exact: true }).getByRole('table');
  }

  async readTable(title: string): Promise<ShownTable> {
    const table = this.table(title);
    await expect(table).toBeVisible();
    const headers = await table.locator('thead th').evaluateAll((els) => els.map((e) => e.querySelector('button')?.textContent ?? e.textContent ?? ''));
    const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? '')));
    return { headers, rows };
  }

  /** Downloads a table's CSV; returns its file name and lines (header first). */
  async downloadCsv(title: string): Promise<{ fileName: string; lines: string[] }> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: `Download ${title} as CSV` }).click();
    const file = await download;
    return { fileName: file.suggestedFilename(), lines: readFileSync(await file.path(), 'utf8').split('\r\n').filter((l) => l !== '') };
  }
}
