/**
 * "Birthday within N days" (operator `anniversary-within`) covers N + 1 days: the reference date
 * ("today" of the data) and the N days after it. A date matches when its next anniversary (this
 * year's, or next year's once this year's has passed) falls in them; a 29 February counts on
 * 1 March in a year without one. The compiler (rule-sql.ts) writes it in SQL; this module says
 * which days it covers, for the condition and the docs (docs/query-modeler.md).
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_MS = 86_400_000;

/** The first and last day covered, as `YYYY-MM-DD`, from a reference date `YYYY-MM-DD` and N days. */
export function anniversaryWindow(referenceDate: string, days: number): { from: string; to: string } {
  const from = Date.parse(`${referenceDate}T00:00:00Z`);
  return { from: referenceDate, to: new Date(from + days * DAY_MS).toISOString().slice(0, 10) };
}

/**
 * The covered dates in a few words: `3–10 Dec`, `28 Dec – 4 Jan`, `30 Jun` (N = 0), or every day
 * of the year once N reaches 365. Undefined when N is not a whole number of days or the reference
 * date is not a date.
 */
export function anniversaryDatesText(referenceDate: string, days: unknown): string | undefined {
  if (
    typeof days !== 'number' ||
    !Number.isInteger(days) ||
    days < 0 ||
    Number.isNaN(Date.parse(`${referenceDate}T00:00:00Z`))
  )
    return undefined;
  if (days >= 365) return 'every day of the year';
  const { from, to } = anniversaryWindow(referenceDate, days);
  const [, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [, tm, td] = to.split('-').map(Number) as [number, number, number];
  if (days === 0) return `${fd} ${MONTHS[fm - 1]}`;
  if (fm === tm) return `${fd}–${td} ${MONTHS[fm - 1]}`;
  return `${fd} ${MONTHS[fm - 1]} – ${td} ${MONTHS[tm - 1]}`;
}
