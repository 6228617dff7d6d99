import type { FieldDef } from '../../domain/data-model';
import { isIsoDate } from '../sql/quote';
import { parseDecimal, parseInteger } from '../../domain/number-range';
import type { Cell } from './rows-to-arrow';

/** The typed value of a CSV cell, or why it does not parse. Empty cells are missing values. */
export type ParsedCell = { ok: true; value: Cell } | { ok: false; message: string };

const decimalPattern = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const timestampPattern = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?Z?$/;
const truthy = new Set(['true', '1', 'yes', 'y', 't']);
const falsy = new Set(['false', '0', 'no', 'n', 'f']);

export function parseCell(field: FieldDef, raw: string): ParsedCell {
  const text = raw.trim();
  if (text === '') return { ok: true, value: null };
  switch (field.type) {
    case 'string':
      return { ok: true, value: raw };
    case 'enum':
      return field.values.some((v) => v.value === text)
        ? { ok: true, value: text }
        : { ok: false, message: `"${text}" is not one of ${field.values.map((v) => v.value).join(', ')}` };
    case 'integer':
      return parseInteger(text);
    case 'decimal':
      return decimalPattern.test(text) ? parseDecimal(text) : { ok: false, message: `"${text}" is not a number (use a dot for decimals)` };
    case 'boolean': {
      const t = text.toLowerCase();
      if (truthy.has(t)) return { ok: true, value: true };
      if (falsy.has(t)) return { ok: true, value: false };
      return { ok: false, message: `"${text}" is not true or false` };
    }
    case 'date':
      return isIsoDate(text) ? { ok: true, value: text } : { ok: false, message: `"${text}" is not a date (YYYY-MM-DD)` };
    case 'timestamp': {
      const m = timestampPattern.exec(text);
      if (!m || !isIsoDate(m[1]!)) return { ok: false, message: `"${text}" is not a date-time (YYYY-MM-DD HH:MM:SS)` };
      const [h, mi, s] = [Number(m[2] ?? 0), Number(m[3] ?? 0), Number(m[4] ?? 0)];
      if (h > 23 || mi > 59 || s > 59) return { ok: false, message: `"${text}" is not a valid time of day` };
      return { ok: true, value: `${m[1]}T${String(h).padStart(2, '0')}:${String(mi).padStart(2, '0')}:${String(s).padStart(2, '0')}` };
    }
  }
}
