import { expect, type Locator, type Page } from '@playwright/test';

/** The query modeler inside the inspector (or its large dialog), as a marketer uses it. */
export class QueryModelerPage {
  constructor(
    readonly page: Page,
    readonly root: Locator = page.getByRole('region', { name: /^Rule/ }).first(),
  ) {}

  /** The inspector's rule of the selected Build audience. */
  static inInspector(page: Page): QueryModelerPage {
    return new QueryModelerPage(page, page.getByRole('complementary', { name: 'Inspector' }).locator('section.qm').first());
  }

  /** Conditions (cards), in order, at every depth. */
  get conditions(): Locator {
    return this.root.locator('div.qm-cond');
  }

  condition(index: number): Locator {
    return this.conditions.nth(index);
  }

  /** The last condition card (the one just added). */
  get last(): Locator {
    return this.conditions.last();
  }

  /** The count chip of a condition (not of the conditions inside it). */
  countChip(condition: Locator): Locator {
    return condition.locator(':scope > .qm-cond__head > .qm-count');
  }

  /** Adds a condition of a kind from the group's Add menu ("A field", "Related records", "A group"...). */
  async add(kind: string, within?: Locator) {
    const scope = within ?? this.root;
    await scope.getByRole('button', { name: /^Add (condition|a condition here)$/ }).last().click();
    await this.page.getByRole('menuitem', { name: new RegExp(`^${kind}`) }).click();
  }

  /**
   * Adds "`field` is `value`" on a field with a list of values: types `search` in the field
   * picker, picks the option `option`, then the value in its "Value of `field`" list.
   */
  async addValueIs(search: string, option: string | RegExp, field: string, value: string, within?: Locator) {
    await this.add('A field', within);
    await this.chooseField(this.last, search, option);
    await this.last.getByRole('combobox', { name: `Value of ${field}` }).selectOption({ label: value });
  }

  /** Adds "Loyalty tier is `tier`" (Gold, Silver...). */
  async addLoyaltyTier(tier: string) {
    await this.addValueIs('loyal', /Loyalty tier/, 'Loyalty tier', tier);
  }

  /** Chooses a field in a condition's field picker by typing and picking the option. */
  async chooseField(condition: Locator, search: string, option: string | RegExp) {
    const box = condition.getByRole('combobox', { name: 'Field' }).first();
    const choice = this.page.getByRole('option', { name: option }).first();
    // Typed again when the text is gone and the list closed: this was seen once while the data
    // finished loading beside the typing (the field re-rendered with the loaded model).
    await expect(async () => {
      await box.click();
      await box.fill(search);
      await expect(choice).toBeVisible({ timeout: 5_000 });
    }).toPass({ timeout: 60_000 });
    await choice.click();
  }

  async comparison(condition: Locator, label: string) {
    await condition.getByRole('combobox', { name: 'Comparison' }).first().selectOption({ label });
  }

  /** Types into a labelled input of a condition and commits it with Enter. */
  async type(condition: Locator, name: string | RegExp, text: string) {
    const input = condition.getByRole('textbox', { name }).first();
    await input.fill(text);
    await input.press('Enter');
  }

  /** Ticks values of an enum "is one of" condition in its list, by label, then closes the list. */
  async pickValues(condition: Locator, field: string, labels: string[]) {
    await condition.getByRole('button', { name: new RegExp(`^Values of ${field}`) }).click();
    const list = this.page.getByRole('dialog', { name: `Values of ${field}` });
    for (const label of labels) await list.locator('label', { hasText: new RegExp(`^${label}$`) }).click();
    await this.page.keyboard.press('Escape');
    await expect(list).toBeHidden();
  }

  /** A tick box under a condition (Match case, Include … with no …), by the words of its label. */
  option(condition: Locator, text: RegExp): { box: Locator; label: Locator } {
    return { box: condition.getByRole('checkbox', { name: text }), label: condition.locator('label.qm-option', { hasText: text }) };
  }

  problem(condition: Locator): Locator {
    return condition.locator('.qm-cond__problems').first();
  }

  get calculate(): Locator {
    return this.root.getByRole('button', { name: 'Calculate' });
  }

  /**
   * Presses Calculate and waits for the total to leave its hint (counting, a number or an error).
   * On a loaded machine a press that lands while the inspector re-renders can be lost; it is
   * pressed once more then, as a person would.
   */
  async pressCalculate() {
    await this.calculate.click();
    try {
      await expect(this.total).not.toHaveText(/^Count the /, { timeout: 15_000 });
    } catch {
      await this.calculate.click();
    }
  }

  get total(): Locator {
    return this.root.locator('output.qm-total');
  }

  tool(name: string): Locator {
    return this.root.getByRole('group', { name: 'Rule tools' }).getByRole('button', { name });
  }

  async expectTotal(pattern: RegExp) {
    await expect(this.total).toHaveText(pattern, { timeout: 60_000 });
  }
}
