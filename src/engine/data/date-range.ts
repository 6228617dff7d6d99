import { DataType } from 'apache-arrow';
import type { Table } from 'apache-arrow';

/** The dates an engine holds, first and last day (`YYYY-MM-DD`), when it does not hold DuckDB's whole range. */
export interface DateRange {
  first: string;
  last: string;
  /** How the engine names its date types, for the message. */
  types: string;
}

const DAY_MS = 86_400_000;

/**
 * Refuses a batch that holds a date or date-time outside `range`, naming the table, the column,
 * the row (counted from 1 across the table's batches: `firstRow` is the number of the batch's first
 * row) and the value. An engine that cannot hold a date would otherwise keep another one
 * (ClickHouse clamps 0001-01-01 to 1900-01-01) and every count on that field would be wrong.
 */
export function checkDateRange(batch: Table, table: string, firstRow: number, range: DateRange): void {
  const low = Date.parse(`${range.first}T00:00:00Z`);
  const high = Date.parse(`${range.last}T00:00:00Z`) + DAY_MS;
  for (const field of batch.schema.fields) {
    const isDate = DataType.isDate(field.type);
    if (!isDate && !DataType.isTimestamp(field.type)) continue;
    const column = batch.getChild(field.name);
    if (!column) continue;
    for (let i = 0; i < batch.numRows; i++) {
      const v: unknown = column.get(i);
      if (v === null || v === undefined) continue;
      const ms = Number(v);
      if (ms >= low && ms < high) continue;
      const shown = new Date(ms).toISOString().slice(0, isDate ? 10 : 19);
      throw new Error(
        `table ${table}, column ${field.name}, row ${firstRow + i}: ${Number.isNaN(ms) ? 'a date that cannot be read' : shown} is outside the dates the warehouse holds (${range.first} to ${range.last}, ${range.types}); correct or remove it before loading`,
      );
    }
  }
}
