import { expect, type Page } from '@playwright/test';
import { chainOf, expectSameCountAsNode } from './activity-flow';
import { activityByLabel } from './expected-counts';
import type { InspectorPage } from '../pages/inspector-page';

/**
 * A channel activity configured as a marketer would: category, message name, then the channel's own
 * content (`fill`); its outbound transition carries the audience it received.
 */
export async function configureChannel(page: Page, title: string, fill: (inspector: InspectorPage) => Promise<void>, expected: Record<string, unknown>) {
  const { canvas, inspector } = await chainOf(page, ['Build audience', title, 'End'], title);
  await inspector.radio('Category', 'Transactional');
  await inspector.fill('Message name', `${title} – order update`);
  await fill(inspector);
  const { doc, count, counts } = await expectSameCountAsNode(canvas, title, 'End');
  expect(activityByLabel(doc, title).config).toMatchObject({ category: 'transactional', messageName: `${title} – order update`, emitOutbound: true, ...expected });
  expect(count).toBe(Object.values(counts)[0]);

  // Without an outbound transition the branch ends with the send: switching it off asks first.
  await inspector.toggle('Emit outbound transition');
  await page.getByRole('alertdialog').getByRole('button', { name: 'Remove with its transition' }).click();
  await expect(canvas.transitions).toHaveCount(1);
}
