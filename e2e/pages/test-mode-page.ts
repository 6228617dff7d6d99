import { expect, type Locator, type Page } from '@playwright/test';

/** Test mode of the editor: the Test group of the top bar, the panel over the canvas, the test sends. */
export class TestModePage {
  constructor(readonly page: Page) {}

  get group(): Locator {
    return this.page.getByRole('banner').getByRole('group', { name: 'Test', exact: true });
  }

  button(name: 'Start' | 'Stop' | 'Restart' | 'Resume' | 'Exit'): Locator {
    return this.group.getByRole('button', { name, exact: true });
  }

  get panel(): Locator {
    return this.page.getByRole('complementary', { name: 'Test mode' });
  }

  get alerts(): Locator {
    return this.panel.getByRole('region', { name: 'Alerts' });
  }

  /** The test line of the node labelled `label` (its status, records in and out). */
  nodeLine(label: string): Locator {
    return this.page.getByRole('group', { name: label, exact: true }).locator('[data-test-status]');
  }

  async expectStatus(label: string, status: 'pending' | 'running' | 'done' | 'paused' | 'failed' | 'skipped') {
    await expect(this.nodeLine(label)).toHaveAttribute('data-test-status', status, { timeout: 120_000 });
  }

  async start() {
    await this.button('Start').click();
  }

  async resume() {
    await this.button('Resume').click();
  }

  get sends(): Locator {
    return this.page.getByRole('dialog', { name: 'Test sends' });
  }

  async openSends() {
    await this.panel.getByRole('button', { name: 'Test sends' }).click();
    await expect(this.sends).toBeVisible();
  }

  /** The campaign's variables, in the inspector when nothing is selected. */
  get variables(): Locator {
    return this.page.getByRole('complementary', { name: 'Inspector' }).getByRole('region', { name: 'Variables' });
  }

  /** Adds a campaign variable (each field commits on Enter). */
  async addVariable(name: string, value: string) {
    const n = (await this.variables.getByRole('listitem').count()) + 1;
    await this.variables.getByRole('button', { name: 'Add a variable' }).click();
    for (const [field, text] of [['name', name], ['value', value]] as const) {
      const box = this.variables.getByRole('textbox', { name: `Variable ${n} ${field}` });
      await box.fill(text);
      await box.press('Enter');
    }
  }

  /** Adds a test profile to the seed list, found by its key. */
  async addSeed(key: string | number) {
    await this.sends.getByRole('textbox', { name: 'Test profile (key, email or name)' }).fill(String(key));
    await this.sends.getByRole('button', { name: 'Find', exact: true }).click();
    await this.sends.getByRole('list', { name: 'Profiles found' }).getByRole('button', { name: new RegExp(`\\(key ${key}\\)$`) }).click();
  }

  /** A test profile's section in the test sends, by its key. */
  profile(key: string | number): Locator {
    return this.sends.getByRole('region', { name: new RegExp(`^Test profile .*\\(key ${key}\\)$`) });
  }
}
