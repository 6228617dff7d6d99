/**
 * Calendar dates as ISO text, the one check shared by imports, Load file, rule values and SQL
 * literals. Years run from 0001 to 9999: four digits, as ISO writes them and DuckDB reads them.
 */

/** First and last year a date or date-time may have. */
export const MIN_YEAR = 1;
export const MAX_YEAR = 9999;

/** True for a real calendar date, given as numbers (month 1–12), in years 0001–9999. */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return false;
  // setUTCFullYear, not Date.UTC: Date.UTC reads the years 0–99 as 1900–1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** True for a valid `YYYY-MM-DD` calendar date in years 0001–9999. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}
