import { expect, type Locator, type Page } from '@playwright/test';
import type { CanvasPage } from './canvas-page';
import { QueryModelerPage } from './query-modeler-page';

/** The inspector of the selected activity: its settings form and its outputs. */
export class InspectorPage {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByRole('complementary', { name: 'Inspector' });
  }

  /** How far the inspector is scrolled down, in pixels. */
  async scrollTop(): Promise<number> {
    return this.panel.locator('.insp-panel__scroll').evaluate((el) => el.scrollTop);
  }

  /** Scrolls the inspector to its end. */
  async scrollToEnd() {
    await this.panel.locator('.insp-panel__scroll').evaluate((el) => {
      el.scrollTop = el.scrollHeight;
    });
    expect(await this.scrollTop()).toBeGreaterThan(0);
  }

  /** The toggle of the selected activity's code view (expanded or not). */
  get codeViewToggle(): Locator {
    return this.panel.getByRole('button', { name: 'Activity code view' });
  }

  /** The settings form of the selected activity. */
  get settings(): Locator {
    return this.panel.getByRole('group', { name: 'Settings' });
  }

  /** Picks a file in the "CSV file" field of a Load file's settings. */
  async loadFile(file: { name: string; mimeType: string; buffer: Buffer }) {
    await this.settings.getByLabel('CSV file').setInputFiles(file);
  }

  /** The column cards of a loaded file. */
  get columns(): Locator {
    return this.settings.getByRole('list', { name: 'Columns' });
  }

  /** One column card of a loaded file, by its column name. */
  column(name: string): Locator {
    return this.columns.getByRole('listitem', { name: `Column ${name}` });
  }

  /** The card of a Split subset, by the start of its name ("Subset 1"). */
  subset(name: string): Locator {
    return this.settings.getByRole('listitem', { name: new RegExp(`^${escape(name)}`) });
  }

  /** Switches on the filter of a Split subset; returns its rule editor. */
  async filterSubset(name: string): Promise<QueryModelerPage> {
    const subset = this.subset(name);
    await this.toggle('Filter', subset);
    return new QueryModelerPage(this.page, subset.locator('section.qm'));
  }

  /** An Enrichment column that counts the lines of a collection ("Purchases"), named `column`. */
  async addCollectionCount(collection: string, column: string) {
    await this.choose('Add from a collection', collection);
    await this.fill('Column name', column, this.settings.getByRole('listitem', { name: /^Collection / }));
  }

  /** The Runs section of an Incremental query. */
  get runs(): Locator {
    return this.settings.getByRole('region', { name: 'Runs' });
  }

  get runHistory(): Locator {
    return this.runs.getByRole('table', { name: 'Run history' });
  }

  /** What the selected Save audience last saved ("Last saved … records, from …"). */
  get lastSaved(): Locator {
    return this.settings.getByRole('status', { name: 'Last saved' });
  }

  /** How many records the selected Save audience would save ("Would save … when the campaign runs"). */
  get wouldSave(): Locator {
    return this.settings.getByRole('status', { name: 'Would save' });
  }

  /** Records a run from the selected Save audience's settings and waits until its audience is saved. */
  async runToSave() {
    await this.settings.getByRole('button', { name: 'Record a run now' }).click();
    await expect(this.lastSaved).toBeVisible({ timeout: 120_000 });
  }

  async recordRun() {
    await this.runs.getByRole('button', { name: 'Record a run now' }).click();
  }

  /** Connects an output of the selected activity to another activity with the keyboard-friendly "Connect to" choice. */
  async connectOutput(outputLabel: string, toLabel: string) {
    await this.panel.getByRole('combobox', { name: `Connect ${outputLabel} to`, exact: true }).selectOption({ label: toLabel });
  }

  /** Fills a text field of the settings and leaves it, as a person tabbing on would. */
  async fill(name: string | RegExp, text: string, within: Locator = this.settings) {
    // By label, not role: a field with suggestions is a combobox, a plain one a textbox.
    const box = within.getByLabel(name, { exact: typeof name === 'string' }).first();
    await box.fill(text);
    await box.press('Tab');
  }

  async choose(name: string | RegExp, option: string, within: Locator = this.settings) {
    await within.getByRole('combobox', { name }).first().selectOption({ label: option });
  }

  async radio(group: string, option: string, within: Locator = this.settings) {
    // React Aria hides the radio input itself: click its visible label, as a person does.
    // An option's name is its label followed by its hint, when it has one.
    const radio = within.getByRole('radiogroup', { name: group }).first().getByRole('radio', { name: new RegExp(`^${escape(option)}( |$)`) });
    await radio.locator('xpath=ancestor::label[1]').click();
    await expect(radio).toBeChecked();
  }

  async toggle(name: string | RegExp, within: Locator = this.settings) {
    await within.getByRole('switch', { name }).first().locator('xpath=ancestor::label[1]').click();
  }
}

/** Sample size the activity specs load: small enough for a busy machine, the same in Node (see helpers/expected-counts.ts). */
export const SPEC_PROFILES = 10_000;

/** Opens a new, empty campaign on the sample data of SPEC_PROFILES profiles (or of `profiles`). */
export async function openSmallCampaign(canvas: CanvasPage, profiles = SPEC_PROFILES) {
  await canvas.page.goto(`/?profiles=${profiles}#/new`);
  await expect(canvas.canvas).toBeVisible();
}

/**
 * Waits until the transition `transitionId` shows exactly `expected` records on the canvas (its
 * count's accessible name, "1,234 records", has no "(updating)" once the latest edit is counted).
 */
export async function expectCanvasCount(canvas: CanvasPage, transitionId: string, expected: number) {
  const text = `${expected.toLocaleString('en-US')} ${expected === 1 ? 'record' : 'records'}`;
  const label = canvas.canvas.locator(`[data-transition-id="${transitionId}"]`);
  await expect(label.getByRole('img', { name: text, exact: true })).toBeVisible({ timeout: 120_000 });
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
