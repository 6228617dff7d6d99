import type { Locator, Page } from '@playwright/test';

/** The inspector side panel of the canvas editor. */
export class InspectorPanel {
  constructor(readonly page: Page) {}

  get panel(): Locator {
    return this.page.getByRole('complementary', { name: 'Inspector' });
  }

  /**
   * The label field of the selected activity or transition: the panel's first "Label" field
   * (activity settings forms below it may have label fields of their own, e.g. Split subsets).
   */
  get labelField(): Locator {
    return this.panel.getByRole('textbox', { name: 'Label', exact: true }).first();
  }
}
