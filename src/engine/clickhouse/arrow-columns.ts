import { DataType } from 'apache-arrow';
import type { Field, Schema } from 'apache-arrow';
import { quoteIdent } from '../sql/quote';

/**
 * ClickHouse column definitions for an Arrow schema, so that a table loaded from Arrow bytes has
 * the types DuckDB would give it: Nullable where the field may be null, Date32 and DateTime64 so
 * that dates before 1970 keep their value.
 */
export function clickhouseColumns(schema: Schema): string {
  return schema.fields.map((f) => `${quoteIdent(f.name)} ${columnType(f)}`).join(', ');
}

function columnType(f: Field): string {
  const base = baseType(f.type);
  return f.nullable ? `Nullable(${base})` : base;
}

function baseType(t: DataType): string {
  if (DataType.isDictionary(t)) return baseType(t.dictionary);
  if (DataType.isBool(t)) return 'Bool';
  if (DataType.isInt(t)) return `${t.isSigned ? 'Int' : 'UInt'}${t.bitWidth}`;
  if (DataType.isFloat(t)) return t.precision === 0 ? 'Float32' : t.precision === 1 ? 'Float32' : 'Float64';
  if (DataType.isDecimal(t)) return `Decimal(${t.precision}, ${t.scale})`;
  if (DataType.isUtf8(t) || DataType.isLargeUtf8(t)) return 'String';
  if (DataType.isDate(t)) return 'Date32';
  if (DataType.isTimestamp(t)) return 'DateTime64(6)';
  throw new Error(`A column of type ${String(t)} cannot be loaded into ClickHouse.`);
}
