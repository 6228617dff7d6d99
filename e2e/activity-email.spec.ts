import { expect, test } from '@playwright/test';
import { configureChannel } from './helpers/channel-flow';
import { chainOf } from './helpers/activity-flow';

test('an email with its subject and body passes its audience on', async ({ page }) => {
  test.setTimeout(300_000);
  await configureChannel(
    page,
    'Email',
    async (inspector) => {
      await expect(inspector.settings.getByText('Write the subject of the email.')).toBeVisible();
      await inspector.fill('Subject', 'Your order has shipped, {{first_name}}');
      await inspector.fill('Body', 'It is on its way.');
      await expect(inspector.settings.getByText('Write the subject of the email.')).toBeHidden();
    },
    { subject: 'Your order has shipped, {{first_name}}', body: 'It is on its way.' },
  );
});

test('a channel without its content is incomplete, not ready, and listed in the problems panel', async ({ page }) => {
  test.setTimeout(300_000);
  const { canvas, inspector } = await chainOf(page, ['Build audience', 'Email', 'SMS'], 'Email');
  const problems = page.getByRole('region', { name: /^Problems/ });
  for (const node of ['Email', 'SMS'])
    await expect(canvas.node(node).getByRole('img', { name: 'Status: Incomplete' })).toBeVisible();
  await expect(problems.getByRole('button', { name: /Write the subject of the email\./ })).toBeVisible();
  await expect(problems.getByRole('button', { name: /Write the body of the email\./ })).toBeVisible();
  await expect(problems.getByRole('button', { name: /Write the text of the SMS\./ })).toBeVisible();

  await inspector.fill('Subject', 'Spring is here');
  await expect(problems.getByRole('button', { name: /Write the subject of the email\./ })).toHaveCount(0);
  await expect(canvas.node('Email').getByRole('img', { name: 'Status: Incomplete' })).toBeVisible();
  await inspector.fill('Body', 'New arrivals for the season.');
  await expect(canvas.node('Email').getByRole('img', { name: 'Status: Ready' })).toBeVisible();

  await canvas.select('SMS');
  await inspector.fill('Text', 'Spring arrivals are in.');
  await expect(canvas.node('SMS').getByRole('img', { name: 'Status: Ready' })).toBeVisible();
  await expect(problems.getByRole('button', { name: /Write the/ })).toHaveCount(0);
});
