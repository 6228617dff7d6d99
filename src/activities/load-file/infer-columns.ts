import { convertCell, fileColumnTypes, type FileColumnType } from './parse';
import type { FileColumn } from './definition';

/** A column name people can use downstream: letters, digits and underscores, not starting with a digit. */
export function columnNameFor(heading: string, index: number): string {
  const base = heading
    .trim()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toLowerCase();
  if (base === '') return `column_${index + 1}`;
  return /^[0-9]/.test(base) ? `c_${base}` : base.slice(0, 63);
}

/**
 * The narrowest type every non-empty sample value converts to, in the order integer, decimal,
 * boolean, date, date-time, text. `0`/`1` columns read as integers, not booleans: a person who
 * means yes/no can say so.
 */
export function inferType(values: readonly string[]): FileColumnType {
  const sample = values.filter((v) => v.trim() !== '');
  if (sample.length === 0) return 'string';
  const order: FileColumnType[] = ['integer', 'decimal', 'boolean', 'date', 'timestamp'];
  return order.find((t) => sample.every((v) => convertCell(t, v).ok)) ?? 'string';
}

/**
 * Columns described from a file's first lines: names from the heading line (or `column_<n>`), types
 * from up to `sampleSize` lines, and errors rejecting the line, the safe default. Names are made
 * unique (`email`, `email_2`).
 */
export function inferColumns(rows: readonly string[][], header: boolean, sampleSize = 200): FileColumn[] {
  const width = Math.max(0, ...rows.slice(0, sampleSize + 1).map((r) => r.length));
  const headings = header ? (rows[0] ?? []) : [];
  const data = rows.slice(header ? 1 : 0, (header ? 1 : 0) + sampleSize);
  const used = new Set<string>();
  return Array.from({ length: width }, (_, i) => {
    let name = columnNameFor(headings[i] ?? '', i);
    for (let n = 2; used.has(name); n++) name = `${columnNameFor(headings[i] ?? '', i)}_${n}`;
    used.add(name);
    const type = inferType(data.map((r) => r[i] ?? ''));
    return { name, source: header ? (headings[i] ?? '').trim() : '', type: fileColumnTypes.includes(type) ? type : 'string', onError: 'reject', defaultValue: '' };
  });
}
