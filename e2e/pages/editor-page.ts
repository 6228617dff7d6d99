import { expect, type Locator, type Page } from '@playwright/test';

/** The editor's top bar (`#/campaigns/<id>`): name, save state, import, export. */
export class EditorPage {
  constructor(readonly page: Page) {}

  get nameField(): Locator {
    return this.page.getByRole('textbox', { name: 'Campaign name' });
  }

  get saveStatus(): Locator {
    return this.page.getByRole('banner').getByRole('status');
  }

  async expectOpen(name?: string) {
    await expect(this.page).toHaveURL(/#\/campaigns\/[^/]+$/);
    await expect(this.nameField).toBeVisible();
    if (name !== undefined) await expect(this.nameField).toHaveValue(name);
  }

  /** The campaign id from the URL. */
  campaignId(): string {
    return decodeURIComponent(new URL(this.page.url()).hash.replace('#/campaigns/', ''));
  }

  async rename(name: string) {
    await this.nameField.click();
    await this.nameField.fill(name);
    await this.nameField.press('Enter');
  }

  async expectSaved() {
    await expect(this.saveStatus).toHaveText('Saved');
  }

  async backToList() {
    await this.page.getByRole('link', { name: 'Campaigns' }).click();
  }
}
