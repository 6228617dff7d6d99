import {
  Binary,
  Bool,
  DateDay,
  Decimal,
  Field,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  Int8,
  List,
  Struct,
  Table,
  TimeMicrosecond,
  TimeUnit,
  Timestamp,
  Uint16,
  Uint32,
  Uint64,
  Uint8,
  Utf8,
  makeData,
  makeVector,
  vectorFromArray,
  type DataType,
  type Vector,
} from 'apache-arrow';
import type {
  DuckDBDateValue,
  DuckDBListValue,
  DuckDBStructValue,
  DuckDBTimeValue,
  DuckDBTimestampMillisecondsValue,
  DuckDBTimestampNanosecondsValue,
  DuckDBTimestampSecondsValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue} from '@duckdb/node-api';
import {
  DuckDBDecimalValue,
  DuckDBTypeId,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';

/**
 * Native DuckDB results as the Arrow tables DuckDB-WASM gives, so that the engine reads both the
 * same way: BIGINT as BigInt, HUGEINT and DECIMAL as 128-bit decimals, DATE as days, TIMESTAMP in
 * its own unit, lists and structs nested. ENUM and UUID become text (DuckDB-WASM gives ENUM as a
 * dictionary of text, which reads the same); types the engine never selects (INTERVAL, MAP, …)
 * become their text form.
 */
export function arrowType(type: DuckDBType): DataType {
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return new Bool();
    case DuckDBTypeId.TINYINT:
      return new Int8();
    case DuckDBTypeId.SMALLINT:
      return new Int16();
    case DuckDBTypeId.INTEGER:
      return new Int32();
    case DuckDBTypeId.BIGINT:
      return new Int64();
    case DuckDBTypeId.UTINYINT:
      return new Uint8();
    case DuckDBTypeId.USMALLINT:
      return new Uint16();
    case DuckDBTypeId.UINTEGER:
      return new Uint32();
    case DuckDBTypeId.UBIGINT:
      return new Uint64();
    case DuckDBTypeId.FLOAT:
      return new Float32();
    case DuckDBTypeId.DOUBLE:
      return new Float64();
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
      return new Decimal(0, 38, 128);
    case DuckDBTypeId.DECIMAL:
      return new Decimal(type.scale, type.width, 128);
    case DuckDBTypeId.DATE:
      return new DateDay();
    case DuckDBTypeId.TIMESTAMP:
      return new Timestamp(TimeUnit.MICROSECOND);
    case DuckDBTypeId.TIMESTAMP_S:
      return new Timestamp(TimeUnit.SECOND);
    case DuckDBTypeId.TIMESTAMP_MS:
      return new Timestamp(TimeUnit.MILLISECOND);
    case DuckDBTypeId.TIMESTAMP_NS:
      return new Timestamp(TimeUnit.NANOSECOND);
    case DuckDBTypeId.TIMESTAMP_TZ:
      return new Timestamp(TimeUnit.MICROSECOND, 'UTC');
    case DuckDBTypeId.TIME:
      return new TimeMicrosecond();
    case DuckDBTypeId.BLOB:
      return new Binary();
    case DuckDBTypeId.LIST:
      return new List(new Field('l', arrowType(type.valueType), true));
    case DuckDBTypeId.STRUCT:
      return new Struct(type.entryNames.map((name, i) => new Field(name, arrowType(type.entryTypes[i]!), true)));
    default:
      return new Utf8();
  }
}

/** Validity bitmap (1 = present) and null count of a column. */
function validity(values: readonly DuckDBValue[]): { nullBitmap: Uint8Array | undefined; nullCount: number } {
  let nullCount = 0;
  const bits = new Uint8Array(Math.ceil(values.length / 8));
  values.forEach((v, i) => {
    if (v === null || v === undefined) nullCount++;
    else bits[i >> 3]! |= 1 << (i & 7);
  });
  return { nullBitmap: nullCount > 0 ? bits : undefined, nullCount };
}

/** A 128-bit two's complement integer as the four little-endian 32-bit words Arrow decimals hold. */
function words128(value: bigint, into: Uint32Array, at: number): void {
  let v = BigInt.asUintN(128, value);
  for (let w = 0; w < 4; w++) {
    into[at + w] = Number(v & 0xffffffffn);
    v >>= 32n;
  }
}

/** 64-bit column data: each present value through `read`, missing ones 0. */
function int64Data(values: readonly DuckDBValue[], read: (v: DuckDBValue) => bigint): BigInt64Array {
  return BigInt64Array.from(values, (v) => (v === null || v === undefined ? 0n : read(v)));
}

/** A plain JS value of a nested field, as apache-arrow's builders take it. */
function builderValue(type: DuckDBType, v: DuckDBValue): unknown {
  if (v === null || v === undefined) return null;
  switch (type.typeId) {
    case DuckDBTypeId.LIST:
      return (v as DuckDBListValue).items.map((item) => builderValue(type.valueType, item));
    case DuckDBTypeId.STRUCT: {
      const entries = (v as DuckDBStructValue).entries;
      return Object.fromEntries(type.entryNames.map((name, i) => [name, builderValue(type.entryTypes[i]!, entries[name] ?? null)]));
    }
    case DuckDBTypeId.DATE:
      return new Date((v as DuckDBDateValue).days * 86_400_000);
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return Number((v as DuckDBTimestampValue).micros / 1000n);
    case DuckDBTypeId.TIMESTAMP_S:
      return Number((v as DuckDBTimestampSecondsValue).seconds) * 1000;
    case DuckDBTypeId.TIMESTAMP_MS:
      return Number((v as DuckDBTimestampMillisecondsValue).millis);
    case DuckDBTypeId.TIMESTAMP_NS:
      return Number((v as DuckDBTimestampNanosecondsValue).nanos / 1_000_000n);
    case DuckDBTypeId.DECIMAL:
      return (v as DuckDBDecimalValue).toDouble();
    default:
      return typeof v === 'object' ? String(v) : v;
  }
}

/** One result column as an Arrow vector of `arrowType(type)`. */
export function columnVector(type: DuckDBType, values: readonly DuckDBValue[]): Vector {
  const length = values.length;
  const arrow = arrowType(type);
  const { nullBitmap, nullCount } = validity(values);
  const data = (data: ArrayLike<unknown> & ArrayBufferView) => makeVector(makeData({ type: arrow as never, length, nullCount, nullBitmap, data } as never));
  const num = (v: DuckDBValue) => (v === null || v === undefined ? 0 : Number(v));
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN: {
      const bits = new Uint8Array(Math.ceil(length / 8));
      values.forEach((v, i) => {
        if (v === true) bits[i >> 3]! |= 1 << (i & 7);
      });
      return data(bits);
    }
    case DuckDBTypeId.TINYINT:
      return data(Int8Array.from(values, num));
    case DuckDBTypeId.SMALLINT:
      return data(Int16Array.from(values, num));
    case DuckDBTypeId.INTEGER:
      return data(Int32Array.from(values, num));
    case DuckDBTypeId.UTINYINT:
      return data(Uint8Array.from(values, num));
    case DuckDBTypeId.USMALLINT:
      return data(Uint16Array.from(values, num));
    case DuckDBTypeId.UINTEGER:
      return data(Uint32Array.from(values, num));
    case DuckDBTypeId.FLOAT:
      return data(Float32Array.from(values, num));
    case DuckDBTypeId.DOUBLE:
      return data(Float64Array.from(values, num));
    case DuckDBTypeId.BIGINT:
      return data(int64Data(values, (v) => v as bigint));
    case DuckDBTypeId.UBIGINT:
      return data(BigUint64Array.from(values, (v) => (v === null || v === undefined ? 0n : (v as bigint))));
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
    case DuckDBTypeId.DECIMAL: {
      const words = new Uint32Array(length * 4);
      values.forEach((v, i) => {
        if (v === null || v === undefined) return;
        words128(v instanceof DuckDBDecimalValue ? v.value : (v as bigint), words, i * 4);
      });
      return data(words);
    }
    case DuckDBTypeId.DATE:
      return data(Int32Array.from(values, (v) => (v === null || v === undefined ? 0 : (v as DuckDBDateValue).days)));
    case DuckDBTypeId.TIMESTAMP:
    case DuckDBTypeId.TIMESTAMP_TZ:
      return data(int64Data(values, (v) => (v as DuckDBTimestampValue | DuckDBTimestampTZValue).micros));
    case DuckDBTypeId.TIMESTAMP_S:
      return data(int64Data(values, (v) => (v as DuckDBTimestampSecondsValue).seconds));
    case DuckDBTypeId.TIMESTAMP_MS:
      return data(int64Data(values, (v) => (v as DuckDBTimestampMillisecondsValue).millis));
    case DuckDBTypeId.TIMESTAMP_NS:
      return data(int64Data(values, (v) => (v as DuckDBTimestampNanosecondsValue).nanos));
    case DuckDBTypeId.TIME:
      return data(int64Data(values, (v) => (v as DuckDBTimeValue).micros));
    case DuckDBTypeId.VARCHAR:
      return vectorFromArray(values as (string | null)[], new Utf8());
    case DuckDBTypeId.LIST:
    case DuckDBTypeId.STRUCT:
      return vectorFromArray(values.map((v) => builderValue(type, v)), arrow);
    case DuckDBTypeId.BLOB:
      return vectorFromArray(
        values.map((v) => (v === null || v === undefined ? null : (v as { bytes: Uint8Array }).bytes)),
        new Binary(),
      );
    default:
      return vectorFromArray(values.map((v) => (v === null || v === undefined ? null : String(v))), new Utf8());
  }
}

/** A whole result (names, types and column values) as one Arrow table. */
export function resultToTable(names: readonly string[], types: readonly DuckDBType[], columns: readonly (readonly DuckDBValue[])[]): Table {
  const vectors: Record<string, Vector> = Object.create(null) as Record<string, Vector>;
  names.forEach((name, i) => {
    vectors[name] = columnVector(types[i]!, columns[i] ?? []);
  });
  return new Table(vectors);
}
