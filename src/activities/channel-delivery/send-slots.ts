import type { ChannelBaseConfig, WeekDay } from '../channel-common';
import { weekDays } from '../channel-common';
import { HOUR_MS, simMillis, simStamp } from '../../domain/sim-time';

/**
 * When a channel can send: the open hours of its execution window from its start, within its
 * validity. Computed here, once per compile, so that the SQL only picks a slot by the message's
 * rank (docs/simulation.md, "Throttling and the execution window").
 */

type WindowSettings = ChannelBaseConfig['window'];

/** Why a window never opens, or undefined when it opens at least one hour a week. */
export function windowProblem(window: WindowSettings): string | undefined {
  if (!window.enabled) return undefined;
  if (window.days.length === 0) return 'The execution window has no day: choose at least one day.';
  const { fromHour, toHour } = window;
  if (fromHour < 0 || fromHour > 24 || toHour < 0 || toHour > 24) return 'Window hours go from 0 to 24.';
  if (fromHour >= toHour) return 'The window closes before it opens: the "from" hour must be before the "to" hour.';
  return undefined;
}

/** Day of the week of a UTC millisecond (simulated time has no zone). */
function weekDayOf(ms: number): WeekDay {
  // getUTCDay: 0 is Sunday.
  return weekDays[(new Date(ms).getUTCDay() + 6) % 7]!;
}

function isOpenHour(window: WindowSettings, hourStartMs: number): boolean {
  if (!window.enabled) return true;
  const hour = new Date(hourStartMs).getUTCHours();
  return window.days.includes(weekDayOf(hourStartMs)) && hour >= window.fromHour && hour < window.toHour;
}

/** Hours searched for the window's first opening: two weeks is more than any weekly window needs. */
const SEARCH_HOURS = 24 * 15;

/**
 * Starts of the sending slots from `start` (`YYYY-MM-DD HH:MM:SS`) before `limitMs` (exclusive):
 * one per open hour, the first at `start` itself when it falls in an open hour, the others on the hour.
 */
function slotsFrom(window: WindowSettings, startMs: number, limitMs: number): number[] {
  const slots: number[] = [];
  if (windowProblem(window)) return slots;
  let hour = Math.floor(startMs / HOUR_MS) * HOUR_MS;
  for (; hour < limitMs; hour += HOUR_MS) if (isOpenHour(window, hour)) slots.push(Math.max(hour, startMs));
  return slots;
}

/** The channel's first sending time: the first open hour at or after `start` (`start` without a window or when it never opens). */
export function firstSendTime(config: Pick<ChannelBaseConfig, 'window'>, start: string): string {
  const startMs = simMillis(start);
  if (startMs === undefined || !config.window.enabled) return start;
  const first = slotsFrom(config.window, startMs, startMs + SEARCH_HOURS * HOUR_MS)[0];
  return first === undefined ? start : simStamp(first);
}

/**
 * The slots a channel starting at `start` may send in: open hours before the end of its validity
 * (`validityHours` after `start`). Each slot takes `perHour` messages when throttled, all of them
 * otherwise.
 */
export function sendSlots(config: Pick<ChannelBaseConfig, 'window' | 'validityHours'>, start: string): string[] {
  const startMs = simMillis(start);
  if (startMs === undefined) return [];
  return slotsFrom(config.window, startMs, startMs + Math.max(0, config.validityHours) * HOUR_MS).map(simStamp);
}
