import { expect, test } from '@playwright/test';
import { configureChannel } from './helpers/channel-flow';
import { MessagePreviewPage } from './pages/message-preview-page';
import { expectNoSeriousViolations } from './helpers/a11y';

test('a push notification with title, text, deep link and platforms previews a real record and passes its audience on', async ({ page }) => {
  test.setTimeout(300_000);
  await configureChannel(
    page,
    'Push notification',
    async (inspector) => {
      await inspector.fill('Title', 'Delivered, {{first_name | "friend"}}');
      await inspector.fill('Text', 'Your parcel is at your door in {{city}}.');
      await inspector.fill('Deep link', 'orders/latest');
      await expect(inspector.settings.getByText('The deep link “orders/latest” is neither a web address (https://…) nor an app link (myapp://…).')).toBeVisible();
      await inspector.fill('Deep link', 'northwind://orders/{{profile_id}}');
      await inspector.settings.getByRole('checkbox', { name: 'Android' }).locator('xpath=ancestor::label[1]').click();
      await inspector.settings.getByRole('checkbox', { name: 'iOS' }).locator('xpath=ancestor::label[1]').click();
      await expect(inspector.settings.getByText('Choose at least one platform (iOS, Android).')).toBeVisible();
      await inspector.settings.getByRole('checkbox', { name: 'iOS' }).locator('xpath=ancestor::label[1]').click();
      await expect(inspector.settings.getByText('Choose at least one platform (iOS, Android).')).toBeHidden();
      const preview = new MessagePreviewPage(page);
      await preview.expectRecord(1, 10_000);
      await expect(preview.region.getByTestId('push-preview')).toContainText('Opens northwind://orders/1');
      await preview.next();
      await expect(preview.region.getByTestId('push-preview')).toContainText('Opens northwind://orders/2');
      await page.screenshot({ path: '/tmp/pw-h1-push.png' });
      await expectNoSeriousViolations(page, ['iframe']);
    },
    { title: 'Delivered, {{first_name | "friend"}}', body: 'Your parcel is at your door in {{city}}.', deepLink: 'northwind://orders/{{profile_id}}', platforms: ['ios'] },
  );
});
