import { expect, type Locator, type Page } from '@playwright/test';

/** The Trace panel of the editor and the traced path on the canvas. */
export class TracePage {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByRole('region', { name: 'Trace a record' });
  }

  /** Opens the panel from the bar above the canvas. */
  async open() {
    await this.page.getByRole('region', { name: 'Canvas' }).getByRole('button', { name: 'Trace a record' }).click();
    await expect(this.panel).toBeVisible();
  }

  /** Searches `text` and traces the record `key` among the results. */
  async trace(text: string, key: string) {
    await this.panel.getByRole('searchbox', { name: 'Find a record by key, email or name' }).fill(text);
    await this.panel.getByRole('list', { name: 'Records found' }).getByRole('button', { name: new RegExp(`^Trace record ${key}\\b`) }).click();
    await expect(this.panel.getByRole('list', { name: 'Activities' })).toBeVisible({ timeout: 120_000 });
  }

  /** An activity's entry in the panel, by its label. */
  step(label: string): Locator {
    return this.panel.getByRole('list', { name: 'Activities' }).getByRole('listitem').filter({ has: this.page.getByText(label, { exact: true }) });
  }

  /** The records of `dimension` linked to the traced one, as an activity after a Change dimension lists them. */
  linkedRecords(label: string, dimension: string): Locator {
    return this.panel.getByRole('list', { name: `Linked ${dimension} at ${label}` });
  }

  /** A transition's label block on the canvas, by its id (its class says whether the traced path goes through it). */
  edge(transitionId: string): Locator {
    return this.page.locator(`.cv-edge-label[data-transition-id="${transitionId}"]`);
  }

  /** The badge on an activity's node ("Trace: In"). */
  nodeBadge(label: string): Locator {
    return this.page.locator('.react-flow__node', { has: this.page.getByText(label, { exact: true }) }).getByText(/^Trace: /);
  }

  async clear() {
    await this.panel.getByRole('button', { name: 'Clear trace' }).click();
    await expect(this.page.getByText(/^Trace: /)).toHaveCount(0);
  }
}
