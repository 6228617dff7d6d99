import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';

/** The preview of a channel's message with a real record, at the foot of its settings. */
export class MessagePreviewPage {
  constructor(readonly page: Page, readonly title = 'Preview') {}

  get region(): Locator {
    return this.page.getByRole('complementary').getByRole('region', { name: this.title, exact: true }).or(this.page.getByRole('region', { name: this.title, exact: true })).first();
  }

  get position(): Locator {
    return this.region.getByText(/^Record [\d,]+ of [\d,]+$/);
  }

  /** The email body's frame (sandboxed, runs nothing). */
  get emailBody(): FrameLocator {
    return this.region.frameLocator('iframe[title="Email body preview"]');
  }

  async next() {
    const before = await this.position.textContent();
    await this.region.getByRole('button', { name: 'Next record' }).click();
    await expect(this.position).not.toHaveText(before ?? '');
  }

  async previous() {
    await this.region.getByRole('button', { name: 'Previous record' }).click();
  }

  /** Waits for a record of an audience of `total` records, at `index` (1-based). */
  async expectRecord(index: number, total: number) {
    await expect(this.position).toHaveText(`Record ${index.toLocaleString('en-US')} of ${total.toLocaleString('en-US')}`, { timeout: 120_000 });
  }
}
