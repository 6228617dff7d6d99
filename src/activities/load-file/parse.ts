import Papa from 'papaparse';
import { detectDelimiter } from '../../domain/csv-delimiter';
import { isIsoDate } from '../../domain/iso-date';
import { parseDecimal, parseInteger } from '../../domain/number-range';

/** Types a loaded file's column can have (the data model's scalar types). */
export const fileColumnTypes = ['string', 'integer', 'decimal', 'boolean', 'date', 'timestamp'] as const;
export type FileColumnType = (typeof fileColumnTypes)[number];

/** A typed value: numbers, booleans, text; dates and date-times as ISO text; null when empty. */
export type FileValue = string | number | boolean | null;

const decimalPattern = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const timestampPattern = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const truthy = new Set(['true', '1', 'yes', 'y']);
const falsy = new Set(['false', '0', 'no', 'n']);

/**
 * The value of a cell in a column's type, or why it does not convert. An empty cell (or only
 * spaces) is an empty value, never an error; text keeps its spaces.
 */
export function convertCell(type: FileColumnType, raw: string): { ok: true; value: FileValue } | { ok: false; message: string } {
  const text = raw.trim();
  if (text === '') return { ok: true, value: null };
  switch (type) {
    case 'string':
      return { ok: true, value: raw };
    case 'integer':
      return parseInteger(text);
    case 'decimal':
      return decimalPattern.test(text) ? parseDecimal(text) : { ok: false, message: `"${text}" is not a number` };
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
      if (!m || !isIsoDate(m[1]!) || Number(m[2] ?? 0) > 23 || Number(m[3] ?? 0) > 59 || Number(m[4] ?? 0) > 59)
        return { ok: false, message: `"${text}" is not a date-time (YYYY-MM-DD HH:MM:SS)` };
      return { ok: true, value: `${m[1]} ${m[2] ?? '00'}:${m[3] ?? '00'}:${m[4] ?? '00'}` };
    }
  }
}

/** The delimiter to cut `content` with: the chosen one, or the detected one for `auto` (`,` by default). */
export function resolveDelimiter(content: string, delimiter: string): string {
  return delimiter === 'auto' ? detectDelimiter(content) : delimiter;
}

/** The records of a CSV text (a list of cells per line), empty lines skipped. */
export function parseCsv(content: string, delimiter: string): { rows: string[][]; errors: string[] } {
  const result = Papa.parse<string[]>(content, { header: false, skipEmptyLines: 'greedy', delimiter: resolveDelimiter(content, delimiter) });
  // Papaparse also reports "too few / too many fields", which per-column handling covers; only
  // quoting errors make a file unreadable.
  const errors = result.errors.filter((e) => e.type === 'Quotes').map((e) => `line ${(e.row ?? 0) + 1}: ${e.message}`);
  return { rows: result.data, errors };
}
