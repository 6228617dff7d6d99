import { expect, type Locator, type Page } from '@playwright/test';
import type { DataFile } from '../fixtures/data-files';

/**
 * The Data screen (`#/data`), driven through roles and labels. `?profiles=10000` starts the engine
 * on the small sample so that the screen is ready sooner on a busy machine.
 */
export class DataPage {
  constructor(readonly page: Page) {}

  async goto(options: { profiles?: number } = {}) {
    await this.page.goto(`/?profiles=${options.profiles ?? 10_000}#/data`);
    await this.waitUntilReady();
  }

  async waitUntilReady() {
    await expect(this.page.getByRole('heading', { name: 'Data', level: 1 })).toBeVisible();
    await expect(this.entities).toBeVisible({ timeout: 120_000 });
  }

  /** The dataset summary (its heading is the dataset's name, or "Sample data"). */
  get summary(): Locator {
    return this.page.getByRole('region').filter({ has: this.page.getByRole('button', { name: 'Import data…' }) });
  }

  /** What the summary says of keeping the data in this browser between visits. */
  get keptBetweenVisits(): Locator {
    return this.summary.locator('dl > div', { has: this.page.getByRole('term').filter({ hasText: /^Kept between visits$/ }) }).getByRole('definition');
  }

  /** The note that says the data will not be kept between visits, and why. */
  get notKeptNote(): Locator {
    return this.summary.getByRole('note', { name: 'Kept between visits' });
  }

  get entities(): Locator {
    return this.page.getByRole('listbox', { name: 'Entities' });
  }

  entity(label: string | RegExp): Locator {
    return this.entities.getByRole('option', { name: label });
  }

  async selectEntity(label: string | RegExp) {
    await this.entity(label).click();
    await expect(this.entity(label)).toHaveAttribute('aria-selected', 'true');
  }

  tab(name: string | RegExp): Locator {
    return this.page.getByRole('tab', { name });
  }

  rowsTable(entityLabel: string): Locator {
    return this.page.getByRole('table', { name: `First rows of ${entityLabel}` });
  }

  fieldsTable(entityLabel: string): Locator {
    return this.page.getByRole('table', { name: `Fields of ${entityLabel}` });
  }

  distribution(field: string): Locator {
    return this.page.getByRole('table', { name: `Distribution of ${field}` });
  }

  async showDistribution(field: string) {
    await this.page.getByRole('button', { name: `Show distribution of ${field}`, exact: true }).click();
  }

  /** Picks files in the Import data file chooser. */
  async importFiles(files: DataFile[]) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import data…' }).click();
    await (await chooser).setFiles(files);
  }

  get problemsDialog(): Locator {
    return this.page.getByRole('alertdialog', { name: 'These files could not be imported' });
  }

  get problems(): Locator {
    return this.problemsDialog.getByRole('list', { name: 'Problems' }).getByRole('listitem');
  }

  async useSample(profiles: '10,000' | '100,000' | '1,000,000', seed: number) {
    await this.page.getByRole('button', { name: 'Use sample data…' }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Use sample data' });
    // The radio input is visually hidden inside its label, which is what a person clicks.
    const radio = dialog.getByRole('radio', { name: new RegExp(`^${profiles} profiles`) });
    await radio.locator('xpath=ancestor::label').click();
    await expect(radio).toBeChecked();
    await dialog.getByRole('textbox', { name: 'Seed' }).fill(String(seed));
    await dialog.getByRole('button', { name: 'Load sample data' }).click();
    await expect(dialog).toBeHidden();
  }

  /** The Engine section: where counts run (this browser or a server). */
  get engine(): Locator {
    return this.page.getByRole('region', { name: 'Engine' });
  }

  /** What the last Connect said (checking, connected, or what failed). */
  get engineStatus(): Locator {
    return this.engine.getByRole('status');
  }

  /** Chooses a server at `url` with `token` and presses Connect. */
  async connectServer(url: string, token: string) {
    const radio = this.engine.getByRole('radio', { name: /^Server/ });
    await radio.locator('xpath=ancestor::label').click();
    await expect(radio).toBeChecked();
    await this.engine.getByRole('textbox', { name: 'Server URL' }).fill(url);
    await this.engine.getByLabel('Token').fill(token);
    await this.engine.getByRole('button', { name: 'Connect' }).click();
  }
}

/** Drops files on the Data screen as a person dragging them from the desktop would. */
export async function dropFiles(page: Page, files: DataFile[]) {
  const payload = files.map((f) => ({ name: f.name, type: f.mimeType, text: f.buffer.toString('utf8') }));
  const transfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([f.text], f.name, { type: f.type }));
    return dt;
  }, payload);
  const target = page.getByRole('main');
  await target.dispatchEvent('dragenter', { dataTransfer: transfer });
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await target.dispatchEvent('drop', { dataTransfer: transfer });
}
