import Papa from 'papaparse';
import type { DataModel } from '../../domain/data-model';
import { findDimension } from '../../domain/data-model';

/**
 * The extraction file of a direct mail: one row per recipient, the postal address lines of the
 * records' dimension (in print order) then the columns the marketer chose, each named by its token
 * path (`first_name`, `account.name`, an inbound column).
 */
export function mailingColumns(model: DataModel, dimension: string, chosen: readonly string[]): string[] {
  const postal = findDimension(model, dimension)?.addresses.postal ?? [];
  return [...new Set([...postal, ...chosen])];
}

/** The file's text: a header of `columns`, then the rows, quoted as RFC 4180 says (CRLF line ends). */
export function mailingCsv(columns: readonly string[], rows: readonly Record<string, unknown>[]): string {
  return Papa.unparse(
    { fields: [...columns], data: rows.map((r) => columns.map((c) => (r[c] === null || r[c] === undefined ? '' : r[c]))) },
    { newline: '\r\n', quotes: false },
  );
}
