import { expect, type Locator, type Page } from '@playwright/test';

/**
 * A campaign's life in the editor (docs/lifecycle.md): the status badge, Publish, the banner of a
 * published version, and the Versions dialog with its comparison and revert.
 */
export class LifecyclePage {
  constructor(readonly page: Page) {}

  get topBar(): Locator {
    return this.page.getByRole('banner');
  }

  get status(): Locator {
    return this.topBar.locator('.lc-status');
  }

  get publishButton(): Locator {
    return this.topBar.getByRole('button', { name: 'Publish', exact: true });
  }

  get publishedBanner(): Locator {
    return this.page.getByRole('region', { name: 'Published version' });
  }

  get publishDialog(): Locator {
    return this.page.getByRole('dialog', { name: /^Publish version \d+$/ });
  }

  get refusedDialog(): Locator {
    return this.page.getByRole('alertdialog', { name: 'This campaign cannot be published yet' });
  }

  get versionsDialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Versions' });
  }

  get problems(): Locator {
    return this.page.getByRole('region', { name: 'Problems' });
  }

  /** Publishes with an optional note; expects it accepted (the banner of the version shows). */
  async publish(note = '') {
    await this.publishButton.click();
    await expect(this.publishDialog).toBeVisible();
    if (note) await this.publishDialog.getByRole('textbox', { name: 'Note (optional)' }).fill(note);
    await this.publishDialog.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect(this.publishDialog).toBeHidden();
    await expect(this.publishedBanner).toContainText(/Version \d+ is published\. Edit as a new draft to change it\./);
  }

  async editAsNewDraft() {
    await this.publishedBanner.getByRole('button', { name: 'Edit as a new draft' }).click();
    await expect(this.publishedBanner).toBeHidden();
  }

  async openVersions() {
    await this.topBar.getByRole('button', { name: /^Versions/ }).click();
    await expect(this.versionsDialog).toBeVisible();
  }

  version(number: number): Locator {
    return this.versionsDialog.getByRole('listitem', { name: `Version ${number}`, exact: true });
  }

  /** The comparison table of two versions. */
  comparison(from: number, to: number): Locator {
    return this.versionsDialog.getByRole('region', { name: `Version ${from} compared with version ${to}` });
  }

  /** The row of an activity in the comparison. */
  compared(from: number, to: number, label: string): Locator {
    return this.comparison(from, to)
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: label, exact: true }) });
  }

  async revertTo(number: number) {
    await this.version(number).getByRole('button', { name: `Revert to version ${number}` }).click();
    const confirm = this.page.getByRole('alertdialog', { name: `Revert to version ${number}` });
    await confirm.getByRole('button', { name: 'Revert as a new draft' }).click();
    await expect(this.versionsDialog).toBeHidden();
  }
}
