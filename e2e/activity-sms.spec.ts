import { expect, test } from '@playwright/test';
import { configureChannel } from './helpers/channel-flow';

test('an SMS shows its length in messages and passes its audience on', async ({ page }) => {
  test.setTimeout(300_000);
  await configureChannel(
    page,
    'SMS',
    async (inspector) => {
      await inspector.fill('Text', 'Your parcel arrives today.');
      await expect(inspector.settings.getByText('26 characters · 1 message')).toBeVisible();
    },
    { body: 'Your parcel arrives today.' },
  );
});
