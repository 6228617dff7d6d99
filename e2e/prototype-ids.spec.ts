import { expect, test } from '@playwright/test';
import { CountsPage, recordsName } from './pages/counts-page';

test.describe.configure({ timeout: 240_000 });

// Activities, transitions and Split outputs named __proto__, constructor, toString, hasOwnProperty
// and valueOf are ids like any other: each transition shows the count the engine gives in Node.
test('a campaign whose ids are names of Object.prototype shows every count', async ({ page }) => {
  const counts = new CountsPage(page);
  const expected = await counts.openImportedCampaign('prototype-ids-campaign.json', 'Prototype ids');
  expect(Object.keys(expected)).toEqual(['hasOwnProperty', 'toString', '__proto__']);
  for (const [id, n] of Object.entries(expected)) {
    expect(n).toBeGreaterThan(0);
    await expect(counts.transitionCount(id)).toHaveAccessibleName(recordsName(n));
  }
  await expect(counts.activityCount('Gold members')).toHaveAccessibleName(recordsName(Object.entries(expected)[0]![1]));
  await page.screenshot({ path: '/tmp/h4/prototype-ids.png' });
});
