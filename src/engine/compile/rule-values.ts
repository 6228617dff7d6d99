import type { FieldDef } from '../../domain/data-model';
import type { RuleValue } from '../../domain/rule';
import { CompileError } from '../../activities/compile-types';
import { isIsoDate } from '../sql/quote';
import type { SqlDialect } from '../sql/dialect';

/**
 * Turns a value typed in a condition into a SQL literal of the field's type, or explains why it
 * cannot. Every user value of a rule goes through here, and from here only through the dialect's `literal`.
 */
export function valueLiteral(d: SqlDialect, field: FieldDef, value: RuleValue | undefined, what = 'a value'): string {
  if (value === undefined || value === null || (typeof value === 'string' && value === '' && field.type !== 'string'))
    throw new CompileError(`${field.label || field.name} needs ${what}`);
  if (Array.isArray(value)) throw new CompileError(`${field.label || field.name} expects a single value, not a list`);
  switch (field.type) {
    case 'string':
      return d.literal(String(value));
    case 'enum': {
      const text = String(value);
      if (!field.values.some((v) => v.value === text)) throw new CompileError(`${JSON.stringify(text)} is not a value of ${field.label || field.name}`);
      return d.literal(text);
    }
    case 'integer':
    case 'decimal': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
      if (!Number.isFinite(n)) throw new CompileError(`${field.label || field.name} expects a number, not ${JSON.stringify(value)}`);
      return d.literal(n);
    }
    case 'boolean':
      if (typeof value === 'boolean') return d.literal(value);
      if (value === 'true' || value === 'false') return d.literal(value === 'true');
      throw new CompileError(`${field.label || field.name} expects true or false`);
    case 'date':
      if (typeof value === 'string' && isIsoDate(value.slice(0, 10))) return d.date(inDateRange(d, field, value.slice(0, 10)));
      throw new CompileError(`${field.label || field.name} expects a date (YYYY-MM-DD), not ${JSON.stringify(value)}`);
    case 'timestamp':
      if (typeof value === 'string') {
        try {
          inDateRange(d, field, value.slice(0, 10));
          return d.timestamp(value);
        } catch (e) {
          if (e instanceof CompileError) throw e;
          // Reported below with the field's name.
        }
      }
      throw new CompileError(`${field.label || field.name} expects a date-time (YYYY-MM-DDTHH:MM), not ${JSON.stringify(value)}`);
  }
}

/**
 * A day the engine can hold, or a problem naming the field. An engine with a narrower range than
 * DuckDB's (ClickHouse: 1900–2299) would otherwise clamp the value and compare with another day:
 * "after 1800-01-01" would leave out the records of 1 January 1900.
 */
function inDateRange(d: SqlDialect, field: FieldDef, day: string): string {
  const range = d.dateRange;
  if (range && isIsoDate(day) && (day < range.first || day > range.last))
    throw new CompileError(`${field.label || field.name}: ${day} is outside the dates the warehouse holds (${range.first} to ${range.last}, ${range.types})`);
  return day;
}

/** A non-negative whole number for relative dates ("in the last N days"). */
export function countValue(value: RuleValue | undefined, label: string): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < 0 || n > 100_000) throw new CompileError(`${label} needs a whole number of days, weeks or months`);
  return n;
}

/** The list of an `in` / `not in` condition. */
export function listLiterals(d: SqlDialect, field: FieldDef, value: RuleValue | undefined): string[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  if (items.length === 0) throw new CompileError(`${field.label || field.name} needs at least one value in the list`);
  return items.map((v) => valueLiteral(d, field, v));
}
