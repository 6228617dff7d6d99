import { expect, test } from '@playwright/test';
import { expectNoSeriousViolations } from './helpers/a11y';
import { CanvasPage } from './pages/canvas-page';
import { openSmallCampaign } from './pages/inspector-page';
import { SchedulePage } from './pages/schedule-page';

test('a monthly schedule on the 31st asks what to do in shorter months, then previews its next launches in its time zone', async ({
  page,
}) => {
  const canvas = new CanvasPage(page);
  await openSmallCampaign(canvas);
  const schedule = new SchedulePage(page);
  await expect(schedule.section.getByLabel('Launches', { exact: true })).toHaveValue('none');

  await schedule.choose('Monthly');
  await schedule.timeZone('Europe/Paris');
  await schedule.fill('Day of the month', '31');
  // The 31st is impossible in some months until a rule is chosen: said at the field and in Problems.
  await expect(
    schedule.section.getByText(
      'Some months have no day 31: choose to skip them or to launch on their last day.',
    ),
  ).toBeVisible();
  await expect(schedule.preview).toContainText('Correct the schedule to see its launches.');
  await expect(
    page.getByRole('region', { name: 'Problems' }).getByText(/Schedule: some months have no day 31/),
  ).toBeVisible();

  await schedule.pick('Launch on their last day');
  await expect(schedule.section.getByRole('radio', { name: 'Launch on their last day' })).toBeChecked();
  await expect(schedule.launches).toHaveCount(10);
  // The sample data's present is 2025-06-30 09:00 (UTC): June's last day at 09:00 in Paris (07:00
  // UTC) has passed; then the end of each month at 09:00, summer time until October.
  await expect(schedule.launches.nth(0)).toHaveText(/31 Jul 2025, 09:00 (CEST|GMT\+2)/);
  await expect(schedule.launches.nth(2)).toHaveText(/30 Sept? 2025, 09:00/);
  await expect(schedule.launches.nth(3)).toHaveText(/31 Oct 2025, 09:00 (CET|GMT\+1)/);

  // Every 5 minutes is refused: never more often than every 15 minutes.
  await schedule.choose('Several times a day');
  await schedule.pick('Every…');
  await schedule.fill('Every', '5');
  await schedule.section.getByLabel('Unit').selectOption('minutes');
  await expect(schedule.section.getByText('Launches are at least 15 minutes apart.')).toBeVisible();
  await schedule.fill('Every', '30');
  // Every 30 minutes from 08:00 to 20:00 in Paris, from the present (11:00 there) included.
  await expect(schedule.launches.nth(0)).toHaveText(/30 Jun 2025, 11:00/);
  await expect(schedule.launches.nth(1)).toHaveText(/30 Jun 2025, 11:30/);
  await expectNoSeriousViolations(page);
});
