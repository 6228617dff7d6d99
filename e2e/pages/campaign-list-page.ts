import { expect, type Locator, type Page } from '@playwright/test';
import { EditorPage } from './editor-page';

/** The campaign list (`#/`), driven through roles and labels as a person would use it. */
export class CampaignListPage {
  constructor(readonly page: Page) {}

  /** Opens the campaign list; returns it with the editor its campaigns open in. */
  static async open(page: Page): Promise<{ list: CampaignListPage; editor: EditorPage }> {
    const list = new CampaignListPage(page);
    await list.goto();
    return { list, editor: new EditorPage(page) };
  }

  async goto() {
    await this.page.goto('/#/');
    await expect(this.page.getByRole('heading', { name: 'Campaigns', level: 2 })).toBeVisible();
    await expect(this.page.getByRole('status').filter({ hasText: 'Loading campaigns' })).toHaveCount(0);
  }

  get newCampaignButton(): Locator {
    return this.page.getByRole('button', { name: 'New campaign' });
  }

  get table(): Locator {
    return this.page.getByRole('table', { name: 'Campaigns' });
  }

  /** Row whose name link is exactly `name`. */
  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** Names in the order the list shows them. */
  async names(): Promise<string[]> {
    if ((await this.table.count()) === 0) return [];
    return this.table.locator('tbody').getByRole('link').allInnerTexts();
  }

  async search(text: string) {
    await this.page.getByRole('searchbox', { name: 'Search campaigns' }).fill(text);
  }

  async rowAction(name: string, action: 'Open' | 'Report' | 'Runs' | 'Rename…' | 'Duplicate' | 'Export JSON' | 'Delete…') {
    await this.page.getByRole('button', { name: `Actions for ${name}`, exact: true }).click();
    await this.page.getByRole('menuitem', { name: action }).click();
  }

  async rename(from: string, to: string) {
    await this.rowAction(from, 'Rename…');
    const dialog = this.page.getByRole('dialog', { name: 'Rename campaign' });
    await dialog.getByRole('textbox', { name: 'Campaign name' }).fill(to);
    await dialog.getByRole('button', { name: 'Rename' }).click();
    await expect(dialog).toBeHidden();
  }

  async useTemplate(title: string) {
    await this.page.getByRole('button', { name: `Use template ${title}` }).click();
  }

  /** Uses a template and waits until its campaign is open in the editor, named after it. */
  async openTemplate(title: string) {
    await this.useTemplate(title);
    await new EditorPage(this.page).expectOpen(title);
  }

  /** Creates a campaign from the list and names it, then returns to the list, where it is listed. */
  async createNamed(name: string) {
    const editor = new EditorPage(this.page);
    await this.newCampaignButton.click();
    await editor.expectOpen('Untitled campaign');
    await editor.rename(name);
    await editor.expectSaved();
    await editor.backToList();
    await expect(this.row(name)).toBeVisible();
  }

  /** Picks a file in the Import file chooser. */
  async importFile(file: { name: string; mimeType: string; buffer: Buffer }) {
    const chooser = this.page.waitForEvent('filechooser');
    await this.page.getByRole('button', { name: 'Import', exact: true }).click();
    await (await chooser).setFiles(file);
  }
}
