import { expect, type Locator, type Page } from '@playwright/test';

/**
 * A campaign opened from a link (`#/shared/<payload>`) or a served file (`?campaign=<url>`):
 * read-only, with "Save a copy"; or the refusal of a link that cannot be read.
 */
export class SharedCampaignPage {
  constructor(readonly page: Page) {}

  /** "Copy link" in the editor's top bar; returns the link it put on the clipboard. */
  static async copyLinkFromEditor(page: Page): Promise<string> {
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await page.getByRole('banner').getByRole('button', { name: 'Copy link' }).click();
    await expect(page.getByText('Link copied')).toBeVisible();
    return page.evaluate(() => navigator.clipboard.readText());
  }

  get heading(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  get readOnlyBadge(): Locator {
    return this.page.getByRole('banner').getByText('Read-only', { exact: true });
  }

  get saveCopyButton(): Locator {
    return this.page.getByRole('button', { name: 'Save a copy' });
  }

  /** The refusal of a link or file that could not be read. */
  get refusal(): Locator {
    return this.page.getByRole('alert').filter({ has: this.page.getByRole('heading', { level: 1 }) });
  }

  async expectOpen(name: string) {
    await expect(this.page).toHaveURL(/#\/(shared|open)\//);
    await expect(this.heading).toHaveText(name);
    await expect(this.readOnlyBadge).toBeVisible();
  }
}
