import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * Runs axe on the whole page and expects no violation of serious or critical impact. Frames
 * matching `skipFrames` are left out, and always sandboxed frames: one that runs no script (an
 * email's preview) cannot answer axe, which would wait for it until the test times out.
 */
export async function expectNoSeriousViolations(page: Page, extraSkipFrames: readonly string[] = []) {
  const skipFrames = (await page.locator('iframe[sandbox]').count()) > 0 ? ['iframe[sandbox]', ...extraSkipFrames] : extraSkipFrames;
  let builder = new AxeBuilder({ page });
  for (const frame of skipFrames) builder = builder.exclude(frame);
  if (skipFrames.length > 0) builder = builder.options({ iframes: false });
  const results = await builder.analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}
