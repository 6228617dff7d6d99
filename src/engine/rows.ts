import { DataType } from 'apache-arrow';
import type { Table } from 'apache-arrow';

/** A row as plain JSON-friendly values: numbers, strings, booleans, null; dates as ISO text. */
export type PlainRow = Record<string, string | number | boolean | null>;

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function isoDateTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/**
 * Converts an Arrow result to plain rows that survive structured cloning and JSON: BIGINT becomes a
 * number (exact below 2^53, which counts and keys stay under), DATE becomes `YYYY-MM-DD` and
 * TIMESTAMP `YYYY-MM-DDTHH:MM:SS` (wall-clock, no time zone).
 */
export function tableToRows(table: Table): PlainRow[] {
  const fields = table.schema.fields;
  const rows: PlainRow[] = [];
  for (const raw of table.toArray()) {
    const row: PlainRow = {};
    for (const f of fields) {
      const v: unknown = raw[f.name];
      if (v === null || v === undefined) row[f.name] = null;
      else if (DataType.isDate(f.type)) row[f.name] = isoDate(Number(v));
      else if (DataType.isTimestamp(f.type)) row[f.name] = isoDateTime(Number(v));
      else if (typeof v === 'bigint') row[f.name] = Number(v);
      else if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') row[f.name] = v;
      else row[f.name] = String(v);
    }
    rows.push(row);
  }
  return rows;
}
