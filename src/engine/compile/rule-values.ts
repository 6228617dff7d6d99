import type { FieldDef } from '../../domain/data-model';
import type { RuleValue } from '../../domain/rule';
import { CompileError } from '../../activities/compile-types';
import { dateLiteral, isIsoDate, sqlLiteral, timestampLiteral } from '../sql/quote';

/**
 * Turns a value typed in a condition into a SQL literal of the field's type, or explains why it
 * cannot. Every user value of a rule goes through here, and from here only through `sqlLiteral`.
 */
export function valueLiteral(field: FieldDef, value: RuleValue | undefined, what = 'a value'): string {
  if (value === undefined || value === null || (typeof value === 'string' && value === '' && field.type !== 'string'))
    throw new CompileError(`${field.label || field.name} needs ${what}`);
  if (Array.isArray(value)) throw new CompileError(`${field.label || field.name} expects a single value, not a list`);
  switch (field.type) {
    case 'string':
      return sqlLiteral(String(value));
    case 'enum': {
      const text = String(value);
      if (!field.values.some((v) => v.value === text)) throw new CompileError(`${JSON.stringify(text)} is not a value of ${field.label || field.name}`);
      return sqlLiteral(text);
    }
    case 'integer':
    case 'decimal': {
      const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
      if (!Number.isFinite(n)) throw new CompileError(`${field.label || field.name} expects a number, not ${JSON.stringify(value)}`);
      return sqlLiteral(n);
    }
    case 'boolean':
      if (typeof value === 'boolean') return sqlLiteral(value);
      if (value === 'true' || value === 'false') return sqlLiteral(value === 'true');
      throw new CompileError(`${field.label || field.name} expects true or false`);
    case 'date':
      if (typeof value === 'string' && isIsoDate(value.slice(0, 10))) return dateLiteral(value.slice(0, 10));
      throw new CompileError(`${field.label || field.name} expects a date (YYYY-MM-DD), not ${JSON.stringify(value)}`);
    case 'timestamp':
      if (typeof value === 'string') {
        try {
          return timestampLiteral(value);
        } catch {
          // Reported below with the field's name.
        }
      }
      throw new CompileError(`${field.label || field.name} expects a date-time (YYYY-MM-DDTHH:MM), not ${JSON.stringify(value)}`);
  }
}

/** A non-negative whole number for relative dates ("in the last N days"). */
export function countValue(value: RuleValue | undefined, label: string): number {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  if (!Number.isInteger(n) || n < 0 || n > 100_000) throw new CompileError(`${label} needs a whole number of days, weeks or months`);
  return n;
}

/** The list of an `in` / `not in` condition. */
export function listLiterals(field: FieldDef, value: RuleValue | undefined): string[] {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  if (items.length === 0) throw new CompileError(`${field.label || field.name} needs at least one value in the list`);
  return items.map((v) => valueLiteral(field, v));
}
