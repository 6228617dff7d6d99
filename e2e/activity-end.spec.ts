import { expect, test } from '@playwright/test';
import { EditorPage } from './pages/editor-page';
import { chainOf, expectSameCountAsNode } from './helpers/activity-flow';
import { activityByLabel } from './helpers/expected-counts';
import { SPEC_PROFILES } from './pages/inspector-page';

test('an end can signal another campaign, chosen from the list', async ({ page }) => {
  test.setTimeout(300_000);
  const editor = new EditorPage(page);
  await page.goto(`/?profiles=${SPEC_PROFILES}#/new`);
  await editor.expectOpen();
  await editor.rename('Follow-up series');
  await editor.expectSaved();
  const followUp = editor.campaignId();

  const { canvas, inspector } = await chainOf(page, ['Build audience', 'End'], 'End');
  await inspector.choose('Signal another campaign', 'Follow-up series');

  const { doc, count } = await expectSameCountAsNode(canvas, 'Build audience', 'End');
  expect(activityByLabel(doc, 'End').config).toEqual({ signalCampaignId: followUp });
  expect(count).toBe(SPEC_PROFILES);
});
