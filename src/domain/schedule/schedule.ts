import { z } from 'zod';

/**
 * When a published campaign launches (docs/lifecycle.md#schedule): once, daily, several times a
 * day, weekly or monthly, within a validity period, in an IANA time zone. The schedule is part of
 * the campaign's settings (`settings.schedule`), kept loose in the document so that a wrong value
 * is a problem shown on the campaign (scheduleProblems), never a document that cannot open.
 */

/** Wall-clock time of day, `HH:MM` (24 h). */
export const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;
/** A local date and time, `YYYY-MM-DD HH:MM`, read in the schedule's time zone. */
export const LOCAL_STAMP = /^(\d{4})-(\d{2})-(\d{2})[ T]([01]\d|2[0-3]):([0-5]\d)$/;

/** Launches are never closer than this: simulating every minute is not a campaign. */
export const MIN_INTERVAL_MINUTES = 15;

export const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof weekdays)[number];

const time = z.string().regex(TIME_OF_DAY, 'a time of day is HH:MM, from 00:00 to 23:59');
const stamp = z.string().regex(LOCAL_STAMP, 'a date and time is YYYY-MM-DD HH:MM');

const common = {
  /** IANA time zone the times are read in, e.g. `Europe/Paris`. */
  timeZone: z.string().min(1, 'choose a time zone'),
  /** First moment a launch may happen (local), inclusive; none: from the simulated present. */
  validFrom: stamp.optional(),
  /** Last moment a launch may happen (local), inclusive; none: no end. */
  validUntil: stamp.optional(),
};

export const onceScheduleSchema = z.object({ kind: z.literal('once'), at: stamp, ...common });
export const dailyScheduleSchema = z.object({ kind: z.literal('daily'), time, ...common });
/**
 * Several times a day: a list of times, or every N hours or minutes from `from` to `to` (both
 * included when they fall on the step), stepping on the wall clock of the zone.
 */
export const intradayScheduleSchema = z.object({
  kind: z.literal('intraday'),
  times: z.array(time).optional(),
  every: z
    .object({
      value: z.number().int().min(1, 'every 1 or more'),
      unit: z.enum(['minutes', 'hours']),
      from: time,
      to: time,
    })
    .optional(),
  ...common,
});
export const weeklyScheduleSchema = z.object({
  kind: z.literal('weekly'),
  days: z.array(z.enum(weekdays)),
  time,
  ...common,
});
/**
 * Monthly on a day of the month. A month without that day (the 31st in April) has no launch
 * unless `shortMonths` says to launch on its last day instead.
 */
export const monthlyScheduleSchema = z.object({
  kind: z.literal('monthly'),
  dayOfMonth: z
    .number()
    .int()
    .min(1, 'a day of the month is 1 to 31')
    .max(31, 'a day of the month is 1 to 31'),
  time,
  shortMonths: z.enum(['skip', 'last-day']).optional(),
  ...common,
});

export const scheduleSchema = z.discriminatedUnion('kind', [
  onceScheduleSchema,
  dailyScheduleSchema,
  intradayScheduleSchema,
  weeklyScheduleSchema,
  monthlyScheduleSchema,
]);

export type Schedule = z.infer<typeof scheduleSchema>;
export type ScheduleKind = Schedule['kind'];

export const scheduleKindLabels: Record<ScheduleKind, string> = {
  once: 'Once',
  daily: 'Daily',
  intraday: 'Several times a day',
  weekly: 'Weekly',
  monthly: 'Monthly',
};

/** Minutes since midnight of an `HH:MM` time (it must match TIME_OF_DAY). */
export function minutesOf(timeOfDay: string): number {
  const [h, m] = timeOfDay.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** `HH:MM` of minutes since midnight. */
export function timeOfMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Whether `zone` is a time zone this browser (or Node) knows by its IANA name. */
export function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.includes('/') || zone === 'UTC';
  } catch {
    return false;
  }
}
