import { expect, test, type Page } from '@playwright/test';
import { expectNoSeriousViolations } from './helpers/a11y';
import { activityByLabel, exportedDoc } from './helpers/expected-counts';
import { pickTracedRecords } from './helpers/trace-node';
import { CountsPage, SPEC_PROFILES } from './pages/counts-page';
import { SimulationPage } from './pages/simulation-page';
import { TracePage } from './pages/trace-page';
import { CanvasPage } from './pages/canvas-page';

const SHOTS = process.env.E2E_SHOTS; // a folder: screenshots of the trace, to look at
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
};

test('trace a record excluded by a condition, and one that receives and opens an email, as the engine in Node traces them', async ({ page }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(`/?profiles=${SPEC_PROFILES}#/new/welcome-series`);
  await new CountsPage(page).expectUpToDate();
  await new SimulationPage(page).simulate();
  const doc = await exportedDoc(page);
  const audience = activityByLabel(doc, 'New sign-ups').id;
  const welcome = activityByLabel(doc, 'Welcome email').id;
  const { excluded, opened } = await pickTracedRecords(
    doc,
    {
      excluded: (t) => t.activities.find((a) => a.activityId === audience)?.status === 'out',
      opened: (t) => t.activities.find((a) => a.activityId === welcome)?.timeline?.some((e) => e.event === 'open') === true,
    },
    { simulate: true },
  );
  const trace = new TracePage(page);
  await trace.open();

  // Excluded: the audience is Out, with each condition's value and the one that decided.
  await trace.trace(excluded.key, excluded.key);
  const rule = excluded.activities.find((a) => a.activityId === audience)!.rules![0]!;
  const decided = rule.conditions.find((c) => c.decided && c.value === false)!;
  const step = trace.step('New sign-ups');
  await expect(step).toContainText('Out');
  await expect(step).toContainText(`Left out by "${decided.label}".`);
  const row = step.getByRole('row').filter({ hasText: decided.label });
  await expect(row).toContainText('false');
  await expect(row).toContainText('decided');
  await expect(trace.nodeBadge('New sign-ups')).toHaveText('Trace: Out');
  await expect(trace.nodeBadge('Welcome email')).toHaveText('Trace: Not reached');

  // Opened: the email is In, with its events on a timeline, the same as in Node.
  await trace.trace(opened.key, opened.key);
  const mail = trace.step('Welcome email');
  await expect(mail).toContainText('In');
  const events = page.getByRole('list', { name: 'Events of Welcome email' });
  await expect(events).toContainText('Sent');
  await expect(events).toContainText('Opened');
  const expected = opened.activities.find((a) => a.activityId === welcome)!.timeline!;
  await expect(events.getByRole('listitem')).toHaveCount(expected.length);
  await expect(trace.nodeBadge('Welcome email')).toHaveText('Trace: In');
  await shot(page, 'trace-opened');
  await expectNoSeriousViolations(page);

  await trace.clear();

  // The preview rows of a transition offer Trace too.
  const canvas = new CanvasPage(page);
  await canvas.transition('New sign-ups', 'Welcome email').focus();
  await page.keyboard.press('Enter');
  await page.getByRole('complementary', { name: 'Inspector' }).getByRole('button', { name: 'Preview results' }).click();
  const dialog = page.getByRole('dialog', { name: /^Preview results/ });
  const first = dialog.getByRole('button', { name: /^Trace record \d+$/ }).first();
  const key = (await first.getAttribute('aria-label'))!.replace('Trace record ', '');
  await first.click();
  await expect(dialog).toBeHidden();
  await expect(trace.panel.getByText(`profiles ${key}`)).toBeVisible({ timeout: 120_000 });
  await expect(trace.nodeBadge('New sign-ups')).toHaveText('Trace: In');
});
