import type { Table } from 'apache-arrow';
import type { EntityDef, FieldDef } from '../../domain/data-model';
import { allPresent, boolColumn, dateColumn, float64Column, int32Column, isoToDays, setMissing, stringColumn, tableOf, timestampColumn } from './columns';

/** A typed cell: numbers, booleans, text; dates and date-times as ISO text; null when missing. */
export type Cell = string | number | boolean | null;

/**
 * Builds an entity's Arrow table from typed rows (CSV import, test fixtures). Integers that all fit
 * in 32 bits become INTEGER, others DOUBLE (exact up to 2^53).
 */
export function rowsToArrow(entity: EntityDef, rows: readonly Record<string, Cell>[]): Table {
  // Field names may be `__proto__` or `constructor`: an object without prototype keeps them as columns.
  const columns = Object.create(null) as Record<string, ReturnType<typeof column>>;
  for (const field of entity.fields) columns[field.name] = column(field, rows.map((r) => r[field.name] ?? null));
  return tableOf(columns);
}

function column(field: FieldDef, values: Cell[]) {
  const n = values.length;
  const validity = allPresent(n);
  values.forEach((v, i) => {
    if (v === null) setMissing(validity, i);
  });
  switch (field.type) {
    case 'string':
    case 'enum':
      return stringColumn(values.map((v) => (v === null ? null : String(v))));
    case 'integer': {
      const nums = values.map((v) => (v === null ? 0 : Number(v)));
      const fits = nums.every((x) => Number.isInteger(x) && x >= -(2 ** 31) && x < 2 ** 31);
      return fits ? int32Column(Int32Array.from(nums), validity) : float64Column(Float64Array.from(nums), validity);
    }
    case 'decimal':
      return float64Column(Float64Array.from(values, (v) => (v === null ? 0 : Number(v))), validity);
    case 'boolean':
      return boolColumn(Uint8Array.from(values, (v) => (v === true ? 1 : 0)), validity);
    case 'date':
      return dateColumn(Int32Array.from(values, (v) => (v === null ? 0 : isoToDays(String(v).slice(0, 10)))), validity);
    case 'timestamp':
      // 64-bit seconds: years before 1901 and after 2038 do not fit in 32 bits.
      return timestampColumn(Float64Array.from(values, (v) => (v === null ? 0 : Math.round(Date.parse(`${String(v).replace(' ', 'T')}${String(v).length <= 10 ? 'T00:00:00' : ''}Z`) / 1000))), validity);
  }
}
