import type { FieldDef } from './data-model';
import type { AttributeCondition } from './rule';

/**
 * The words under a condition that say exactly what its operator takes, and where its opposite
 * starts. docs/query-modeler.md ("What each operator takes") states the same rules in the same
 * words; keep the two together.
 */
export const TEXT_RULE = 'Text is compared without the spaces at either end and without case, unless Match case is ticked.';
export const NO_VALUE_IS_NEITHER = 'A record without a value is neither true nor false.';
export const FUTURE_IS_NEITHER = 'A date after today is in neither.';

const dayFormat = new Intl.DateTimeFormat('en', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

function parseDay(day: string): Date | undefined {
  const d = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}
const show = (d: Date) => dayFormat.format(d);

/** The day N days, weeks or months before `reference` (a month back keeps the day, or the month's last). */
export function daysBefore(reference: string, n: number, unit: 'days' | 'weeks' | 'months'): Date | undefined {
  const d = parseDay(reference);
  if (!d) return undefined;
  if (unit !== 'months') {
    d.setUTCDate(d.getUTCDate() - n * (unit === 'weeks' ? 7 : 1));
    return d;
  }
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - n);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

function unitWords(n: number, unit: 'days' | 'weeks' | 'months'): string {
  return `${n} ${n === 1 ? unit.slice(0, -1) : unit}`;
}

/** What the condition's operator takes, in one or two sentences; undefined when the label says it all. */
export function operatorHelp(condition: AttributeCondition, field: Pick<FieldDef, 'type'>, referenceDate: string): string | undefined {
  const op = condition.operator;
  if (field.type === 'string' && !['is-empty', 'is-not-empty'].includes(op)) return TEXT_RULE;
  if (field.type === 'string' && op === 'is-empty') return 'No text, or only spaces.';
  const onDay = typeof condition.value === 'string' && condition.value.length >= 10 ? parseDay(condition.value) : undefined;
  const day = onDay ? show(onDay) : 'that day';
  switch (op) {
    case 'before':
      return `Up to the day before ${day}; ${day} itself is “on or after”.`;
    case 'on-or-after':
      return `${day} and every day after; earlier days are “before”.`;
    case 'after':
      return `From the day after ${day}; ${day} itself is “on or before”.`;
    case 'on-or-before':
      return `${day} and every day before; later days are “after”.`;
    case 'in-last':
    case 'more-than-ago': {
      const n = typeof condition.value === 'number' ? condition.value : Number(condition.value);
      const unit = condition.unit ?? 'days';
      if (!Number.isInteger(n) || n < 0) return `Relative to today (${referenceDate}). ${FUTURE_IS_NEITHER}`;
      const start = daysBefore(referenceDate, n, unit);
      const today = parseDay(referenceDate);
      if (!start || !today) return undefined;
      const first = new Date(start);
      first.setUTCDate(first.getUTCDate() + 1);
      const period = unitWords(n, unit);
      if (op === 'in-last')
        return n === 0
          ? `No day: the last 0 ${unit} are empty. ${FUTURE_IS_NEITHER}`
          : `${show(first)} – ${show(today)} (today). ${show(start)} and earlier is “more than ${period} ago”; ${FUTURE_IS_NEITHER.toLowerCase()}`;
      return `${show(start)} and earlier. The days after, up to today, are “in the last ${period}”; ${FUTURE_IS_NEITHER.toLowerCase()}`;
    }
    case 'is-true':
    case 'is-false':
      return NO_VALUE_IS_NEITHER;
    default:
      return undefined;
  }
}
