import { expect, test, type Page } from '@playwright/test';
import { CampaignListPage } from './pages/campaign-list-page';
import { CanvasPage } from './pages/canvas-page';
import { InspectorPage, SPEC_PROFILES, expectCanvasCount } from './pages/inspector-page';
import { TestModePage } from './pages/test-mode-page';
import { fixtureFile } from './fixtures/campaign-files';
import { sampleValues } from './helpers/expected-counts';
import { expectNoSeriousViolations } from './helpers/a11y';

// Opted in (email and SMS) -> Test "Audience size" (Huge: count ≥ 1,000,000; Some: count ≥ 1;
// Nobody) -> Alert -> Fork -> Spring email, Spring SMS. On the specs' sample, 2,375 profiles are
// opted in (the command line's count of the same file).
const AUDIENCE = 2375;

async function openTestCampaign(page: Page): Promise<{ canvas: CanvasPage; testMode: TestModePage }> {
  await page.goto(`/?profiles=${SPEC_PROFILES}#/`);
  const list = new CampaignListPage(page);
  await expect(list.newCampaignButton).toBeVisible();
  await list.importFile(fixtureFile('test-mode-campaign.json'));
  await list.rowAction('Spring test run', 'Open');
  const canvas = new CanvasPage(page);
  await expect(canvas.canvas).toBeVisible();
  await expectCanvasCount(canvas, 't-aud', AUDIENCE);
  return { canvas, testMode: new TestModePage(page) };
}

test('test mode runs up to the channels, pauses before them with each node’s status, then resumes', async ({ page }) => {
  test.setTimeout(240_000);
  const { testMode } = await openTestCampaign(page);
  await testMode.start();
  await testMode.expectStatus('Spring email', 'paused');
  await testMode.expectStatus('Spring SMS', 'paused');
  for (const label of ['Opted in', 'Audience size', 'Big send alert', 'Both channels']) await testMode.expectStatus(label, 'done');
  await expect(testMode.nodeLine('Audience size')).toContainText(`in ${AUDIENCE.toLocaleString('en-US')}`);
  await expect(testMode.nodeLine('Spring email')).toContainText(`in ${AUDIENCE.toLocaleString('en-US')}`);
  await expect(testMode.group).toContainText('Paused before 2 channels');
  // The Alert was reached with records: a notification and a line in the Alerts region.
  await expect(testMode.alerts).toContainText('Spring send reached');
  await expect(testMode.alerts).toContainText(`${AUDIENCE.toLocaleString('en-US')} records`);
  await expect(page.getByRole('region', { name: /Notifications/ })).toContainText('Alert: Spring send reached');
  await expect(testMode.button('Resume')).toBeEnabled();
  await page.screenshot({ path: '/tmp/pw-hC-test-mode-paused.png' });

  await testMode.resume();
  await testMode.expectStatus('Spring email', 'done');
  await testMode.expectStatus('Spring SMS', 'done');
  await expect(testMode.group).toContainText('Test done');
  await expect(testMode.button('Resume')).toBeDisabled();
  await testMode.button('Restart').click();
  await testMode.expectStatus('Spring email', 'paused');
  await testMode.button('Stop').click();
  await expect(testMode.group).toContainText('Test stopped');
  await testMode.button('Exit').click();
  await expect(testMode.nodeLine('Spring email')).toHaveCount(0);
});

test('test sends show each message to two test profiles with their own values: an inbox and a phone', async ({ page }) => {
  test.setTimeout(240_000);
  const [keys, names, optEmail, optSms] = await Promise.all(['profile_id', 'first_name', 'email_opt_in', 'sms_opt_in'].map((f) => sampleValues('profiles', f)));
  // The first two profiles of the audience, by key, worked out from the data alone.
  const profiles = keys!.map((k, i) => ({ key: Number(k), name: String(names![i]), ok: optEmail![i] === true && optSms![i] === true }));
  const firsts = profiles.filter((p) => p.ok).slice(0, 2);
  // A profile outside the audience, chosen as a seed: it gets the test sends all the same.
  const outsider = profiles.find((p) => !p.ok && p.name !== 'null')!;
  const { testMode } = await openTestCampaign(page);
  await testMode.start();
  await testMode.expectStatus('Spring email', 'paused');
  await testMode.resume();
  await testMode.expectStatus('Spring email', 'done');
  await testMode.openSends();
  for (const p of firsts) {
    const profile = testMode.profile(p.key);
    const inbox = profile.getByRole('region', { name: /^Inbox of / });
    await expect(inbox.getByRole('button')).toHaveCount(1);
    await expect(inbox.getByRole('button')).toContainText(`Hello ${p.name}, spring is here`);
    await expect(inbox.getByRole('button')).toContainText('Northwind <news@northwind.example>');
    const phone = profile.getByRole('region', { name: /^Phone of / });
    await expect(phone.getByRole('listitem', { name: 'SMS from Northwind' })).toHaveText(`Northwind${p.name}, spring offers are in. Reply STOP to opt out.`);
  }
  await expect(testMode.sends.getByRole('region', { name: /^Test profile / })).toHaveCount(2);
  // Open one email to read it.
  const first = testMode.profile(firsts[0]!.key);
  await first.getByRole('region', { name: /^Inbox of / }).getByRole('button').click();
  await expect(first.getByRole('article', { name: `Email: Hello ${firsts[0]!.name}, spring is here` })).toBeVisible();
  await expect(first.frameLocator('iframe').getByText(`Dear ${firsts[0]!.name}`)).toBeVisible();
  await page.screenshot({ path: '/tmp/pw-hC-test-sends.png' });
  await expectNoSeriousViolations(page);

  // The seed list replaces the first profiles of each channel.
  await testMode.addSeed(outsider.key);
  await expect(testMode.sends.getByRole('region', { name: /^Test profile / })).toHaveCount(1);
  const seed = testMode.profile(outsider.key);
  await expect(seed.getByRole('region', { name: /^Inbox of / }).getByRole('button')).toContainText(`Hello ${outsider.name}, spring is here`);
  await expect(seed.getByRole('region', { name: /^Phone of / }).getByRole('listitem')).toContainText(`${outsider.name}, spring offers are in.`);
  await page.screenshot({ path: '/tmp/pw-hC-test-sends-seed.png' });
});

test('a Test activity sends its whole input down the first branch that holds: on the count, then on a campaign variable', async ({ page }) => {
  test.setTimeout(360_000);
  const { canvas, testMode } = await openTestCampaign(page);
  await expectCanvasCount(canvas, 't-some', AUDIENCE);
  await expectCanvasCount(canvas, 't-huge', 0);
  await expectCanvasCount(canvas, 't-none', 0);
  // "Some" now needs more records than the audience has: none holds, the default takes them all.
  await canvas.select('Audience size');
  const inspector = new InspectorPage(page);
  await inspector.fill('Condition 2 value', String(AUDIENCE + 1));
  await expectCanvasCount(canvas, 't-none', AUDIENCE);
  await expectCanvasCount(canvas, 't-some', 0);
  // Exactly the audience's size holds again.
  await inspector.fill('Condition 2 value', String(AUDIENCE));
  await expectCanvasCount(canvas, 't-some', AUDIENCE);
  await page.screenshot({ path: '/tmp/pw-hC-test-activity.png' });

  // On a campaign variable: "Huge" now tests season = summer, which the campaign's settings hold.
  await canvas.canvas.click({ position: { x: 30, y: 30 } });
  await testMode.addVariable('season', 'summer');
  await page.screenshot({ path: '/tmp/pw-hC-variables.png' });
  await canvas.select('Audience size');
  await inspector.choose('Condition 1 compares', 'A campaign variable');
  await inspector.choose('Condition 1 variable', 'season (summer)');
  await inspector.choose('Condition 1 operator', '=');
  await inspector.fill('Condition 1 value', 'summer');
  await expectCanvasCount(canvas, 't-huge', AUDIENCE);
  await expectCanvasCount(canvas, 't-some', 0);
  // Only the variable changes: the counts follow it. (A click on the empty canvas selects nothing.)
  await canvas.canvas.click({ position: { x: 30, y: 30 } });
  const value = testMode.variables.getByRole('textbox', { name: 'Variable 1 value' });
  await value.fill('winter');
  await value.press('Enter');
  await expectCanvasCount(canvas, 't-huge', 0);
  await expectCanvasCount(canvas, 't-some', AUDIENCE);
});
