import { expect, test } from '@playwright/test';
import { configureChannel } from './helpers/channel-flow';

test('an email with its subject and body passes its audience on', async ({ page }) => {
  test.setTimeout(300_000);
  await configureChannel(
    page,
    'Email',
    async (inspector) => {
      await expect(inspector.settings.getByText('An email needs a subject before it is sent.')).toBeVisible();
      await inspector.fill('Subject', 'Your order has shipped, {{first_name}}');
      await inspector.fill('Body', 'It is on its way.');
      await expect(inspector.settings.getByText('An email needs a subject before it is sent.')).toBeHidden();
    },
    { subject: 'Your order has shipped, {{first_name}}', body: 'It is on its way.' },
  );
});
