/**
 * Simulated time: wall-clock timestamps `YYYY-MM-DD HH:MM:SS` with no time zone, as the data's
 * dates and the engine's TIMESTAMP columns hold them. Arithmetic goes through UTC milliseconds so
 * that no daylight-saving change of the machine running it can move a simulated clock.
 */

const STAMP = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Milliseconds of a timestamp (`YYYY-MM-DD HH:MM[:SS]`, `T` or space), or undefined when it is not one. */
export function simMillis(stamp: string): number | undefined {
  const m = STAMP.exec(stamp.trim());
  if (!m) return undefined;
  // Seconds are optional: an absent group must read 0 (Number(undefined) is NaN).
  const [y, mo, d, h, mi, s] = m.slice(1).map((part) => (part === undefined ? 0 : Number(part))) as number[];
  const ms = Date.UTC(y!, mo! - 1, d!, h!, mi!, s ?? 0);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo! - 1 || back.getUTCDate() !== d || h! > 23 || mi! > 59 || (s ?? 0) > 59) return undefined;
  return ms;
}

/** A timestamp `YYYY-MM-DD HH:MM:SS` from milliseconds. */
export function simStamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** `stamp` moved on by `ms` (unchanged when `stamp` is not a timestamp). */
export function addMillis(stamp: string, ms: number): string {
  const at = simMillis(stamp);
  return at === undefined ? stamp : simStamp(at + ms);
}
