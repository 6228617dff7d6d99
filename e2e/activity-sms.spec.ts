import { expect, test } from '@playwright/test';
import { configureChannel } from './helpers/channel-flow';
import { sampleValues } from './helpers/expected-counts';
import { MessagePreviewPage } from './pages/message-preview-page';
import { expectNoSeriousViolations } from './helpers/a11y';

test('an SMS counts its characters and messages with token fallbacks, previews a real record and passes its audience on', async ({ page }) => {
  test.setTimeout(300_000);
  const names = (await sampleValues('profiles', 'first_name')) as string[];
  await configureChannel(
    page,
    'SMS',
    async (inspector) => {
      await inspector.fill('Sender', 'Northwind');
      await inspector.fill('Text', 'Your parcel arrives today.');
      await expect(inspector.settings.getByText('26 characters · GSM-7 · 1 message.', { exact: true })).toBeVisible();
      // Counted with each token as its fallback: "Hi there, " is 10 characters; € counts 2.
      await inspector.fill('Text', 'Hi {{first_name | "there"}}, your parcel arrives today. €5 off next time.');
      await expect(inspector.settings.getByText('With each token as its fallback: 55 characters · GSM-7 · 1 message.')).toBeVisible();
      await inspector.fill('Text', 'Ça arrive aujourd’hui, {{first_name}}');
      await expect(inspector.settings.getByText(/^With each token as its fallback: 23 characters · UCS-2 · 1 message \(up to 70 characters each, because of ’\)/)).toBeVisible();
      await inspector.fill('Text', 'Hi {{first_name | "there"}}, your parcel arrives today.');
      const preview = new MessagePreviewPage(page);
      await preview.expectRecord(1, 10_000);
      await expect(preview.region.getByTestId('sms-preview-text')).toHaveText(`Hi ${names[0]}, your parcel arrives today.`);
      await preview.next();
      await expect(preview.region.getByTestId('sms-preview-text')).toHaveText(`Hi ${names[1]}, your parcel arrives today.`);
      await page.screenshot({ path: '/tmp/pw-h1-sms.png' });
      await expectNoSeriousViolations(page, ['iframe']);
    },
    { sender: 'Northwind', body: 'Hi {{first_name | "there"}}, your parcel arrives today.' },
  );
});
