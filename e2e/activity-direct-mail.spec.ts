import { test } from '@playwright/test';
import { configureChannel } from './helpers/channel-flow';

test('a direct mail with its file and format passes its audience on', async ({ page }) => {
  test.setTimeout(300_000);
  await configureChannel(
    page,
    'Direct mail',
    async (inspector) => {
      await inspector.fill('File name', 'spring-catalogue.csv');
      await inspector.fill('Format', 'Catalogue');
    },
    { fileName: 'spring-catalogue.csv', format: 'Catalogue' },
  );
});
