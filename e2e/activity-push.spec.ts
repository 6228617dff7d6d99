import { test } from '@playwright/test';
import { configureChannel } from './helpers/channel-flow';

test('a push notification with a title and text passes its audience on', async ({ page }) => {
  test.setTimeout(300_000);
  await configureChannel(
    page,
    'Push notification',
    async (inspector) => {
      await inspector.fill('Title', 'Delivered');
      await inspector.fill('Text', 'Your parcel is at your door.');
    },
    { title: 'Delivered', body: 'Your parcel is at your door.' },
  );
});
