import { expect, test } from '@playwright/test';
import { configureChannel } from './helpers/channel-flow';
import { chainOf } from './helpers/activity-flow';
import { sampleValues } from './helpers/expected-counts';
import { MessagePreviewPage } from './pages/message-preview-page';
import { expectNoSeriousViolations } from './helpers/a11y';

test('an email with sender, subject, preheader and HTML body lists its links and previews a real record', async ({ page }) => {
  test.setTimeout(300_000);
  const names = (await sampleValues('profiles', 'first_name')) as string[];
  await configureChannel(
    page,
    'Email',
    async (inspector) => {
      await expect(inspector.settings.getByText('Write the subject of the email.')).toBeVisible();
      await inspector.fill('Sender', 'Northwind <orders@northwind.example>');
      await inspector.fill('Reply-to', 'help@northwind.example');
      await inspector.fill('Subject', 'Your order has shipped, {{first_name | "friend"}}');
      await inspector.fill('Preheader', 'Track it on its way');
      await inspector.fill('HTML body', '<p>Hi {{first_name}}, it is on its way.</p><a href="https://northwind.example/track">Track it</a>');
      await expect(inspector.settings.getByText('Write the subject of the email.')).toBeHidden();
      const links = inspector.settings.getByRole('region', { name: 'Tracked links' });
      await expect(links.getByText('Tracked links (1)')).toBeVisible();
      await expect(links.getByText('https://northwind.example/track')).toBeVisible();

      // The preview is the first profile by key, then the second: its name is the data's.
      const preview = new MessagePreviewPage(page);
      await preview.expectRecord(1, 10_000);
      await expect(preview.region.getByText(`Your order has shipped, ${names[0]}`)).toBeVisible();
      await expect(preview.emailBody.getByText(`Hi ${names[0]}, it is on its way.`)).toBeVisible();
      await preview.next();
      await preview.expectRecord(2, 10_000);
      await expect(preview.emailBody.getByText(`Hi ${names[1]}, it is on its way.`)).toBeVisible();
      await preview.region.scrollIntoViewIfNeeded();
      await page.screenshot({ path: '/tmp/pw-h1-email.png' });
      await expectNoSeriousViolations(page, ['iframe[title="Email body preview"]']);
    },
    { sender: 'Northwind <orders@northwind.example>', replyTo: 'help@northwind.example', preheader: 'Track it on its way' },
  );
});

test('a marketing email needs an unsubscribe link and tokens that name something; its body runs no script', async ({ page }) => {
  test.setTimeout(300_000);
  const { canvas, inspector } = await chainOf(page, ['Build audience', 'Email', 'SMS'], 'Email');
  const problems = page.getByRole('region', { name: /^Problems/ });
  for (const node of ['Email', 'SMS'])
    await expect(canvas.node(node).getByRole('img', { name: 'Status: Incomplete' })).toBeVisible();
  await expect(problems.getByRole('button', { name: /Write the subject of the email\./ })).toBeVisible();
  await expect(problems.getByRole('button', { name: /Write the text of the SMS\./ })).toBeVisible();

  await inspector.fill('Subject', 'Spring is here, {{nickname}}');
  const unknown = 'The token {{nickname}} in Subject names nothing: “nickname” is not a field of Profiles, a field one link away or a column of the inbound records.';
  await expect(inspector.settings.getByText(unknown)).toBeVisible();
  await expect(canvas.node('Email').getByRole('img', { name: 'Status: Error' })).toBeVisible();
  await inspector.fill('Subject', 'Spring is here, {{first_name | "friend"}}');

  // A body that tries everything: a script, an event handler, a javascript: link.
  const title = await page.title();
  await inspector.fill(
    'HTML body',
    `<p>New arrivals for the season.</p><script>window.parent.__pwned = 1; parent.document.title = 'pwned'</script><img src="x" onerror="window.parent.__pwned = 2; parent.document.title = 'pwned'"><a href="javascript:window.parent.__pwned=3">Open</a>`,
  );
  const unsubscribe = 'A marketing email needs an unsubscribe link: add <a href="{{unsubscribe_url}}">Unsubscribe</a> to the body.';
  await expect(inspector.settings.getByText(unsubscribe)).toBeVisible();
  await expect(problems.getByRole('button', { name: /A marketing email needs an unsubscribe link/ })).toBeVisible();
  const preview = new MessagePreviewPage(page);
  await expect(preview.emailBody.getByText('New arrivals for the season.')).toBeVisible({ timeout: 120_000 });
  await preview.emailBody.getByRole('link', { name: 'Open' }).click({ force: true }).catch(() => undefined);
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await page.title()).toBe(title);
  await expect(preview.region.locator('iframe')).toHaveAttribute('sandbox', '');

  // The insert-token menu writes the unsubscribe link's token; with the link, the email is ready.
  await inspector.fill('HTML body', '<p>New arrivals for the season.</p><a href="">Unsubscribe</a>');
  const body = inspector.settings.getByLabel('HTML body', { exact: true });
  // The token goes where the cursor is: between the href's quotes.
  await body.focus();
  await body.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(el.value.indexOf('""') + 1, el.value.indexOf('""') + 1));
  await inspector.settings.getByRole('button', { name: 'Insert a token in HTML body' }).click();
  await page.getByRole('menuitem', { name: /Unsubscribe link/ }).click();
  await expect(body).toHaveValue('<p>New arrivals for the season.</p><a href="{{unsubscribe_url}}">Unsubscribe</a>');
  await expect(canvas.node('Email').getByRole('img', { name: 'Status: Ready' })).toBeVisible();
  await expect(inspector.settings.getByRole('region', { name: 'Tracked links' }).getByText('Unsubscribe', { exact: true }).first()).toBeVisible();

  await canvas.select('SMS');
  await inspector.fill('Text', 'Spring arrivals are in.');
  await expect(inspector.settings.getByText('A marketing SMS must say how to opt out: add e.g. “Reply STOP to opt out.”')).toBeVisible();
  await inspector.fill('Text', 'Spring arrivals are in. Reply STOP to opt out.');
  await expect(canvas.node('SMS').getByRole('img', { name: 'Status: Ready' })).toBeVisible();
  await expect(problems.getByRole('button', { name: /Write the|marketing/ })).toHaveCount(0);
});
