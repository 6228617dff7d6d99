import { expect, test } from '@playwright/test';
import { chainOf } from './helpers/activity-flow';

/** Numbers of "1,000 targeted, 300 excluded, 700 to send". */
function eligibility(name: string | null) {
  const m = /^([\d,]+) targeted, ([\d,]+) excluded, ([\d,]+) to send$/.exec(name ?? '');
  if (!m) throw new Error(`not an eligibility line: ${name}`);
  const n = (s: string) => Number(s.replaceAll(',', ''));
  return { targeted: n(m[1]!), excluded: n(m[2]!), toSend: n(m[3]!) };
}

test('a channel shows who can be reached, by reason, and a transactional message skips consent', async ({ page }) => {
  test.setTimeout(300_000);
  const { canvas, inspector } = await chainOf(page, ['Build audience', 'Email'], 'Email');
  const line = canvas.node('Email').getByRole('img', { name: /targeted, .* to send$/ });
  await expect(line).toBeVisible({ timeout: 60_000 });
  const marketing = eligibility(await line.getAttribute('aria-label'));
  expect(marketing.targeted).toBe(marketing.excluded + marketing.toSend);
  expect(marketing.excluded).toBeGreaterThan(0);

  const reach = inspector.settings.getByRole('region', { name: 'Who can be reached' });
  const reasons = reach.getByRole('list', { name: 'Exclusions by reason' }).getByRole('listitem');
  await expect(reasons).toHaveText([/^No address/, /^Invalid address/, /^Duplicate address/, /^No consent/, /^On the denylist/, /^Capped/, /^Outside the window/]);
  await expect(reasons.filter({ hasText: 'No consent' })).not.toHaveText(/No consent\s*0$/);
  await reach.scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/pw-h2/eligibility-marketing.png' });

  await inspector.radio('Category', 'Transactional');
  await expect(reasons.filter({ hasText: 'No consent' })).toHaveText(/No consent\s*0$/);
  await expect(reasons.filter({ hasText: 'On the denylist' })).toHaveText(/On the denylist\s*0$/);
  await expect(line).not.toHaveAttribute('aria-label', `${marketing.targeted.toLocaleString('en-US')} targeted, ${marketing.excluded.toLocaleString('en-US')} excluded, ${marketing.toSend.toLocaleString('en-US')} to send`);
  const transactional = eligibility(await line.getAttribute('aria-label'));
  expect(transactional.targeted).toBe(marketing.targeted);
  expect(transactional.toSend).toBeGreaterThan(marketing.toSend);
  await page.screenshot({ path: '/tmp/pw-h2/eligibility-transactional.png' });
});
