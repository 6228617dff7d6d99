import type { CampaignDoc } from '../campaign';
import type { DataModel } from '../data-model';
import type { Problem } from '../problems';
import { simMillis } from '../sim-time';
import { launchTimestamp } from '../simulation-settings';
import { issueMessage } from '../zod-issues';
import { instantOf, nextLaunches } from './launches';
import { isKnownTimeZone, minutesOf, MIN_INTERVAL_MINUTES, scheduleSchema, type Schedule } from './schedule';

/** A problem of a schedule: what is wrong, and the field it is about (for the form). */
export interface ScheduleProblem {
  field: string;
  message: string;
}

/**
 * Reads a campaign's `settings.schedule`: the schedule when it parses, and every problem that
 * makes it impossible (docs/lifecycle.md#schedule). `now` (UTC ms) is the simulated present: a
 * period that has ended, or a single launch in the past, is a problem.
 */
export function readSchedule(
  raw: unknown,
  now: number,
): { schedule?: Schedule; problems: ScheduleProblem[] } {
  if (raw === undefined) return { problems: [] };
  const parsed = scheduleSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.map((issue) => ({
        field: issue.path.join('.') || 'kind',
        message: issueMessage(issue, raw),
      })),
    };
  }
  return { schedule: parsed.data, problems: scheduleProblems(parsed.data, now) };
}

/** The problems of a schedule that parses. */
export function scheduleProblems(schedule: Schedule, now: number): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  const zone = schedule.timeZone;
  if (!isKnownTimeZone(zone))
    return [{ field: 'timeZone', message: `"${zone}" is not a time zone name (such as Europe/Paris)` }];
  const from = schedule.validFrom === undefined ? -Infinity : instantOf(schedule.validFrom, zone);
  const until = schedule.validUntil === undefined ? undefined : instantOf(schedule.validUntil, zone);
  if (from === undefined)
    problems.push({ field: 'validFrom', message: `${schedule.validFrom} is not a date of the calendar` });
  if (schedule.validUntil !== undefined && until === undefined)
    problems.push({ field: 'validUntil', message: `${schedule.validUntil} is not a date of the calendar` });
  if (from !== undefined && until !== undefined && until < from)
    problems.push({ field: 'validUntil', message: 'the period ends before it starts' });
  else if (until !== undefined && until < now)
    problems.push({ field: 'validUntil', message: `the period ended on ${schedule.validUntil}` });

  switch (schedule.kind) {
    case 'once': {
      const at = instantOf(schedule.at, zone);
      if (at === undefined)
        problems.push({ field: 'at', message: `${schedule.at} is not a date of the calendar` });
      else if (at < now) problems.push({ field: 'at', message: `${schedule.at} is in the past` });
      break;
    }
    case 'intraday':
      problems.push(...intradayProblems(schedule));
      break;
    case 'weekly':
      if (schedule.days.length === 0)
        problems.push({ field: 'days', message: 'choose at least one day of the week' });
      break;
    case 'monthly':
      if (schedule.dayOfMonth > 28 && schedule.shortMonths === undefined)
        problems.push({
          field: 'shortMonths',
          message: `some months have no day ${schedule.dayOfMonth}: choose to skip them or to launch on their last day`,
        });
      break;
    default:
      break;
  }
  if (problems.length === 0 && nextLaunches(schedule, now, 1).length === 0)
    problems.push({ field: 'validUntil', message: 'the schedule has no launch left in its period' });
  return problems;
}

function intradayProblems(schedule: Extract<Schedule, { kind: 'intraday' }>): ScheduleProblem[] {
  const problems: ScheduleProblem[] = [];
  const times = schedule.times ?? [];
  if (times.length === 0 && !schedule.every)
    return [{ field: 'times', message: 'give the times of day, or a launch every N hours or minutes' }];
  const sorted = [...new Set(times.map(minutesOf))].sort((a, b) => a - b);
  for (let i = 1; i < sorted.length; i++)
    if (sorted[i]! - sorted[i - 1]! < MIN_INTERVAL_MINUTES) {
      problems.push({
        field: 'times',
        message: `launches are at least ${MIN_INTERVAL_MINUTES} minutes apart`,
      });
      break;
    }
  const every = schedule.every;
  if (every) {
    const minutes = every.unit === 'hours' ? every.value * 60 : every.value;
    if (minutes < MIN_INTERVAL_MINUTES)
      problems.push({
        field: 'every.value',
        message: `launches are at least ${MIN_INTERVAL_MINUTES} minutes apart`,
      });
    if (minutesOf(every.to) < minutesOf(every.from))
      problems.push({ field: 'every.to', message: 'the window ends before it starts' });
  }
  return problems;
}

/**
 * The schedule's problems as campaign problems (validate.ts): errors on the campaign, with the
 * setting's path. The present is the simulated launch (the data's reference date at 09:00 unless
 * the simulation settings say otherwise); without data only what does not depend on it is checked.
 */
export function campaignScheduleProblems(doc: CampaignDoc, model?: DataModel): Problem[] {
  if (doc.settings.schedule === undefined) return [];
  return readSchedule(doc.settings.schedule, simulatedPresent(doc, model?.referenceDate)).problems.map(
    (p) => ({
      severity: 'error' as const,
      code: 'schedule',
      message: `Schedule: ${p.message}.`,
      path: `schedule.${p.field}`,
    }),
  );
}

/**
 * The simulated present of a campaign (UTC ms): its simulated launch, the data's reference date at
 * 09:00 unless the simulation settings say otherwise. Without data (no reference date) or with a
 * launch that does not parse: -Infinity, before any launch.
 */
export function simulatedPresent(doc: CampaignDoc, referenceDate?: string): number {
  if (!referenceDate) return -Infinity;
  const simulation = doc.settings.simulation;
  const launchText =
    typeof simulation === 'object' && simulation !== null && typeof simulation.launch === 'string'
      ? simulation.launch
      : '';
  const launch = launchTimestamp(launchText, referenceDate);
  return launch.ok ? (simMillis(launch.value) ?? -Infinity) : -Infinity;
}
