import { describe, expect, it } from 'vitest';
import { instantOf, nextLaunches } from './launches';
import { readSchedule } from './problems';
import type { Schedule } from './schedule';

const utc = (stamp: string) => Date.parse(`${stamp.replace(' ', 'T')}:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');
const atsOf = (schedule: Schedule, after: string, count = 10) =>
  nextLaunches(schedule, utc(after), count).map((l) => iso(l.at));

describe('launches across daylight-saving changes', () => {
  // Europe/Paris: CET (UTC+1) until 2026-03-29 02:00, then CEST (UTC+2) until 2026-10-25 03:00.
  it('a daily 09:00 in Paris keeps its wall clock when summer time starts', () => {
    const daily: Schedule = {
      kind: 'daily',
      time: '09:00',
      timeZone: 'Europe/Paris',
      validFrom: '2026-03-27 00:00',
    };
    expect(atsOf(daily, '2026-01-01 00:00', 4)).toEqual([
      '2026-03-27 08:00',
      '2026-03-28 08:00',
      '2026-03-29 07:00',
      '2026-03-30 07:00',
    ]);
    expect(nextLaunches(daily, 0, 3).map((l) => l.local)).toEqual([
      '2026-03-27 09:00',
      '2026-03-28 09:00',
      '2026-03-29 09:00',
    ]);
  });

  it('a time the clocks skip launches after the gap; a time they repeat launches once, at its first occurrence (Paris)', () => {
    const at0230: Schedule = {
      kind: 'daily',
      time: '02:30',
      timeZone: 'Europe/Paris',
      validFrom: '2026-03-28 00:00',
    };
    // 28 March 02:30 CET = 01:30Z; 29 March 02:30 does not exist -> 03:30 CEST = 01:30Z; 30 March 02:30 CEST = 00:30Z.
    expect(atsOf(at0230, '2026-01-01 00:00', 3)).toEqual([
      '2026-03-28 01:30',
      '2026-03-29 01:30',
      '2026-03-30 00:30',
    ]);
    const autumn: Schedule = { ...at0230, validFrom: '2026-10-24 00:00' };
    // 25 October 02:30 happens at 00:30Z (CEST) and again at 01:30Z (CET): once, at 00:30Z.
    expect(atsOf(autumn, '2026-01-01 00:00', 3)).toEqual([
      '2026-10-24 00:30',
      '2026-10-25 00:30',
      '2026-10-26 01:30',
    ]);
  });

  it('New York changes on other dates, and every 30 minutes through the repeated hour launches each wall-clock time once', () => {
    // America/New_York: EST (UTC-5) until 2026-03-08 02:00, EDT (UTC-4) until 2026-11-01 02:00.
    const daily: Schedule = {
      kind: 'daily',
      time: '02:30',
      timeZone: 'America/New_York',
      validFrom: '2026-03-07 00:00',
    };
    expect(atsOf(daily, '2026-01-01 00:00', 3)).toEqual([
      '2026-03-07 07:30',
      '2026-03-08 07:30',
      '2026-03-09 06:30',
    ]);
    const night: Schedule = {
      kind: 'intraday',
      every: { value: 30, unit: 'minutes', from: '00:30', to: '02:00' },
      timeZone: 'America/New_York',
      validFrom: '2026-11-01 00:00',
    };
    // 00:30 EDT 04:30Z, 01:00 EDT 05:00Z, 01:30 EDT (first of two) 05:30Z, 02:00 EST 07:00Z.
    expect(atsOf(night, '2026-01-01 00:00', 4)).toEqual([
      '2026-11-01 04:30',
      '2026-11-01 05:00',
      '2026-11-01 05:30',
      '2026-11-01 07:00',
    ]);
  });
});

describe('kinds of schedule', () => {
  it('monthly on the 31st skips the months without one, or launches on their last day', () => {
    const skip: Schedule = {
      kind: 'monthly',
      dayOfMonth: 31,
      time: '10:00',
      shortMonths: 'skip',
      timeZone: 'UTC',
      validFrom: '2026-01-01 00:00',
    };
    expect(atsOf(skip, '2026-01-01 00:00', 4)).toEqual([
      '2026-01-31 10:00',
      '2026-03-31 10:00',
      '2026-05-31 10:00',
      '2026-07-31 10:00',
    ]);
    const last: Schedule = { ...skip, shortMonths: 'last-day' };
    expect(atsOf(last, '2026-01-01 00:00', 4)).toEqual([
      '2026-01-31 10:00',
      '2026-02-28 10:00',
      '2026-03-31 10:00',
      '2026-04-30 10:00',
    ]);
    // 2028 is a leap year.
    expect(atsOf(last, '2028-02-01 00:00', 1)).toEqual(['2028-02-29 10:00']);
  });

  it('weekly on chosen days, from a Wednesday', () => {
    const weekly: Schedule = {
      kind: 'weekly',
      days: ['mon', 'thu'],
      time: '10:00',
      timeZone: 'UTC',
      validFrom: '2026-01-01 00:00',
    };
    expect(atsOf(weekly, '2026-12-02 12:00', 3)).toEqual([
      '2026-12-03 10:00',
      '2026-12-07 10:00',
      '2026-12-10 10:00',
    ]);
  });

  it('several times a day: a list of times and a window, within the validity period', () => {
    const list: Schedule = {
      kind: 'intraday',
      times: ['18:00', '08:00'],
      timeZone: 'UTC',
      validFrom: '2026-05-01 09:00',
      validUntil: '2026-05-02 12:00',
    };
    expect(atsOf(list, '2026-01-01 00:00')).toEqual(['2026-05-01 18:00', '2026-05-02 08:00']);
    const every: Schedule = {
      kind: 'intraday',
      every: { value: 4, unit: 'hours', from: '08:00', to: '20:00' },
      timeZone: 'UTC',
      validFrom: '2026-05-01 00:00',
    };
    expect(atsOf(every, '2026-05-01 09:00', 5)).toEqual([
      '2026-05-01 12:00',
      '2026-05-01 16:00',
      '2026-05-01 20:00',
      '2026-05-02 08:00',
      '2026-05-02 12:00',
    ]);
  });

  it('never more often than every 15 minutes: a shorter step is a problem and is computed as 15', () => {
    const fast: Schedule = {
      kind: 'intraday',
      every: { value: 5, unit: 'minutes', from: '10:00', to: '10:30' },
      timeZone: 'UTC',
      validFrom: '2026-05-01 00:00',
    };
    expect(atsOf(fast, '2026-05-01 00:00', 5)).toEqual([
      '2026-05-01 10:00',
      '2026-05-01 10:15',
      '2026-05-01 10:30',
      '2026-05-02 10:00',
      '2026-05-02 10:15',
    ]);
    expect(readSchedule(fast, utc('2026-05-01 00:00')).problems).toEqual([
      { field: 'every.value', message: 'launches are at least 15 minutes apart' },
    ]);
    const close = {
      kind: 'intraday',
      times: ['10:00', '10:10'],
      timeZone: 'UTC',
      validFrom: '2026-05-01 00:00',
    };
    expect(readSchedule(close, utc('2026-05-01 00:00')).problems.map((p) => p.field)).toEqual(['times']);
  });

  it('once: one launch, none before the period or after it', () => {
    const once: Schedule = {
      kind: 'once',
      at: '2026-12-24 18:00',
      timeZone: 'Europe/Paris',
      validFrom: '2026-12-01 00:00',
    };
    expect(atsOf(once, '2026-12-02 00:00')).toEqual(['2026-12-24 17:00']);
    expect(atsOf(once, '2026-12-25 00:00')).toEqual([]);
  });
});

describe('impossible schedules are problems', () => {
  const now = utc('2026-12-02 12:00');
  const problems = (raw: unknown) => readSchedule(raw, now).problems;

  it('a period that has ended, or that ends before it starts', () => {
    expect(
      problems({
        kind: 'daily',
        time: '09:00',
        timeZone: 'UTC',
        validFrom: '2026-01-01 00:00',
        validUntil: '2026-06-30 00:00',
      }),
    ).toEqual([{ field: 'validUntil', message: 'the period ended on 2026-06-30 00:00' }]);
    expect(
      problems({
        kind: 'daily',
        time: '09:00',
        timeZone: 'UTC',
        validFrom: '2027-01-02 00:00',
        validUntil: '2027-01-01 00:00',
      }),
    ).toEqual([{ field: 'validUntil', message: 'the period ends before it starts' }]);
  });

  it('the 31st without a rule for the months that lack it', () => {
    expect(
      problems({
        kind: 'monthly',
        dayOfMonth: 31,
        time: '09:00',
        timeZone: 'UTC',
        validFrom: '2026-01-01 00:00',
      }),
    ).toEqual([
      {
        field: 'shortMonths',
        message: 'some months have no day 31: choose to skip them or to launch on their last day',
      },
    ]);
    expect(
      problems({
        kind: 'monthly',
        dayOfMonth: 28,
        time: '09:00',
        timeZone: 'UTC',
        validFrom: '2026-01-01 00:00',
      }),
    ).toEqual([]);
  });

  it('a schedule that does not parse says what and where, and an unknown zone is named', () => {
    expect(problems({ kind: 'daily', time: '9h', timeZone: 'UTC', validFrom: '2026-01-01 00:00' })).toEqual([
      { field: 'time', message: expect.stringContaining('HH:MM') },
    ]);
    expect(
      problems({ kind: 'daily', time: '09:00', timeZone: 'Mars/Olympus', validFrom: '2026-01-01 00:00' }),
    ).toEqual([
      { field: 'timeZone', message: '"Mars/Olympus" is not a time zone name (such as Europe/Paris)' },
    ]);
    expect(
      problems({ kind: 'daily', time: '09:00', timeZone: 'UTC', validFrom: '2026-02-30 00:00' }),
    ).toEqual([{ field: 'validFrom', message: '2026-02-30 00:00 is not a date of the calendar' }]);
    expect(
      problems({ kind: 'once', at: '2026-01-01 00:00', timeZone: 'UTC', validFrom: '2025-01-01 00:00' }),
    ).toEqual([{ field: 'at', message: '2026-01-01 00:00 is in the past' }]);
    expect(
      problems({ kind: 'weekly', days: [], time: '09:00', timeZone: 'UTC', validFrom: '2026-01-01 00:00' }),
    ).toEqual([{ field: 'days', message: 'choose at least one day of the week' }]);
  });

  it('no schedule is no problem', () => {
    expect(readSchedule(undefined, now)).toEqual({ problems: [] });
  });

  it('instants of local times that are not dates are undefined', () => {
    expect(instantOf('2026-04-31 10:00', 'UTC')).toBeUndefined();
    expect(instantOf('2026-04-30 10:00', 'UTC')).toBe(utc('2026-04-30 10:00'));
  });
});

describe('the schedule in a campaign', () => {
  it('is validated with the campaign: its problems are errors on the campaign with the setting path', async () => {
    const { createCampaign } = await import('../factory');
    const { validateCampaign } = await import('../validate');
    const doc = createCampaign('Monthly newsletter');
    doc.settings.schedule = {
      kind: 'monthly',
      dayOfMonth: 31,
      time: '09:00',
      timeZone: 'Europe/Paris',
      validFrom: '2026-01-01 00:00',
    };
    expect(validateCampaign(doc).filter((p) => p.code === 'schedule')).toEqual([
      {
        severity: 'error',
        code: 'schedule',
        message: 'Schedule: some months have no day 31: choose to skip them or to launch on their last day.',
        path: 'schedule.shortMonths',
      },
    ]);
    doc.settings.schedule = { ...doc.settings.schedule, shortMonths: 'last-day' };
    expect(validateCampaign(doc).filter((p) => p.code === 'schedule')).toEqual([]);
  });
});
