import { TZDate } from '@date-fns/tz';
import { LOCAL_STAMP, minutesOf, MIN_INTERVAL_MINUTES, weekdays, type Schedule } from './schedule';

/**
 * The launches of a schedule: real instants (UTC milliseconds), computed from wall-clock times in
 * the schedule's time zone (@date-fns/tz reads the zone's rules from the platform's Intl data).
 *
 * Daylight-saving changes follow the usual rule of schedulers: a local time that does not exist
 * (02:30 on the night the clocks go forward) launches at the same distance after the change
 * (03:30); a local time that happens twice (the night they go back) launches once, at its
 * first occurrence. Simulated time reads the data's timestamps as UTC (docs/lifecycle.md).
 */

/** A launch: its instant, and its local date and time in the schedule's zone. */
export interface Launch {
  at: number;
  /** `YYYY-MM-DD HH:MM` in the schedule's zone. */
  local: string;
}

const DAY_LIMIT = 366 * 5;

/** UTC milliseconds of a local `YYYY-MM-DD HH:MM` in `zone` (undefined when it does not parse). */
export function instantOf(local: string, zone: string): number | undefined {
  const m = LOCAL_STAMP.exec(local.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return undefined;
  return localInstant(y, mo - 1, d, h * 60 + mi, zone);
}

/**
 * The instant of a wall-clock time; an ambiguous one (clocks going back) at its first occurrence,
 * a missing one (clocks going forward) moved on by the gap.
 */
function localInstant(year: number, month: number, day: number, minutes: number, zone: string): number {
  const at = new TZDate(year, month, day, Math.floor(minutes / 60), minutes % 60, zone).getTime();
  // TZDate takes the later of two occurrences; the earlier one is an hour (the usual shift) before
  // and shows the same wall clock.
  for (const shift of [60, 30]) {
    const earlier = at - shift * 60_000;
    if (localStampOf(earlier, zone) === localStampOf(at, zone)) return earlier;
  }
  return at;
}

/** `YYYY-MM-DD HH:MM` of an instant in `zone`. */
export function localStampOf(at: number, zone: string): string {
  const d = new TZDate(at, zone);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

/** Minutes since midnight of the launches of one day of the schedule (local wall clock). */
function timesOfDay(schedule: Schedule): number[] {
  switch (schedule.kind) {
    case 'once':
      return [];
    case 'daily':
    case 'weekly':
    case 'monthly':
      return [minutesOf(schedule.time)];
    case 'intraday': {
      const times = new Set((schedule.times ?? []).map(minutesOf));
      const every = schedule.every;
      if (every) {
        const step = Math.max(MIN_INTERVAL_MINUTES, every.unit === 'hours' ? every.value * 60 : every.value);
        for (let t = minutesOf(every.from); t <= minutesOf(every.to); t += step) times.add(t);
      }
      return [...times].sort((a, b) => a - b);
    }
  }
}

/** Whether the schedule launches on this local calendar day (month 0-based), and on which day it falls. */
function launchDay(schedule: Schedule, year: number, month: number, day: number): boolean {
  switch (schedule.kind) {
    case 'once':
      return false;
    case 'daily':
    case 'intraday':
      return true;
    case 'weekly': {
      const weekday = weekdays[(new Date(Date.UTC(year, month, day)).getUTCDay() + 6) % 7]!;
      return schedule.days.includes(weekday);
    }
    case 'monthly': {
      const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
      if (schedule.dayOfMonth <= last) return day === schedule.dayOfMonth;
      return schedule.shortMonths === 'last-day' && day === last;
    }
  }
}

/**
 * The launches of `schedule` at or after `after` (UTC ms), within its validity period, in order;
 * at most `count`. Looks at most five years ahead.
 */
export function nextLaunches(schedule: Schedule, after: number, count = 10): Launch[] {
  const zone = schedule.timeZone;
  const from = schedule.validFrom === undefined ? -Infinity : instantOf(schedule.validFrom, zone);
  const until = schedule.validUntil === undefined ? Infinity : instantOf(schedule.validUntil, zone);
  if (from === undefined || until === undefined) return [];
  const start = Math.max(after, from);
  const keep = (at: number) => at >= start && at <= until;
  if (schedule.kind === 'once') {
    const at = instantOf(schedule.at, zone);
    return at !== undefined && keep(at) ? [{ at, local: localStampOf(at, zone) }] : [];
  }
  const times = timesOfDay(schedule);
  if (times.length === 0) return [];
  const launches: Launch[] = [];
  const seen = new Set<number>();
  // Walk the local calendar from the day `start` falls on.
  const first = new TZDate(start, zone);
  const day0 = Date.UTC(first.getFullYear(), first.getMonth(), first.getDate());
  for (let i = 0; i < DAY_LIMIT && launches.length < count; i++) {
    const d = new Date(day0 + i * 86_400_000);
    const [y, m, dd] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()];
    if (localInstant(y, m, dd, 0, zone) > until) break;
    if (!launchDay(schedule, y, m, dd)) continue;
    for (const t of times) {
      const at = localInstant(y, m, dd, t, zone);
      if (!keep(at) || seen.has(at)) continue;
      seen.add(at);
      launches.push({ at, local: localStampOf(at, zone) });
      if (launches.length >= count) break;
    }
  }
  return launches.sort((a, b) => a.at - b.at);
}

/** Every launch from `after` to `until` (UTC ms, inclusive), at most `limit`. */
export function launchesUntil(schedule: Schedule, after: number, until: number, limit = 10_000): Launch[] {
  return nextLaunches(schedule, after, limit).filter((l) => l.at <= until);
}
