import type { Locator, Page } from '@playwright/test';

/**
 * The campaign's schedule, in the inspector when nothing is selected: its fields and the preview
 * of the next launches, by role and label.
 */
export class SchedulePage {
  constructor(readonly page: Page) {}

  get section(): Locator {
    return this.page
      .getByRole('complementary', { name: 'Inspector' })
      .getByRole('region', { name: 'Schedule' });
  }

  get preview(): Locator {
    return this.section.getByRole('region', { name: 'Next launches' });
  }

  get launches(): Locator {
    return this.preview.getByRole('listitem');
  }

  async choose(
    kind: 'On demand (no schedule)' | 'Once' | 'Daily' | 'Several times a day' | 'Weekly' | 'Monthly',
  ) {
    await this.section.getByLabel('Launches', { exact: true }).selectOption({ label: kind });
  }

  /** Types into a text field of the schedule and commits it (Enter). */
  async fill(label: string, text: string) {
    const field = this.section.getByRole('textbox', { name: label, exact: true });
    await field.fill(text);
    await field.press('Enter');
  }

  /** Picks an option of one of the schedule's radio groups by its visible text. */
  async pick(option: string) {
    await this.section.getByText(option, { exact: true }).click();
  }

  async timeZone(zone: string) {
    await this.section.getByLabel('Time zone').selectOption(zone);
  }
}
