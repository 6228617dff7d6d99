import { Type, type Data, type DataType, type RecordBatch, type Table } from 'apache-arrow';
import {
  BIGINT,
  BOOLEAN,
  DATE,
  DOUBLE,
  DuckDBDataChunk,
  DuckDBDateValue,
  DuckDBTimestampMillisecondsValue,
  DuckDBTimestampSecondsValue,
  DuckDBTimestampValue,
  FLOAT,
  INTEGER,
  SMALLINT,
  TIMESTAMP,
  TIMESTAMP_MS,
  TIMESTAMP_S,
  TINYINT,
  UBIGINT,
  UINTEGER,
  USMALLINT,
  UTINYINT,
  VARCHAR,
  type DuckDBAppender,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';

/**
 * Appends Arrow record batches to a native DuckDB table through an Appender, one data chunk of
 * 2,048 rows at a time, reading each Arrow buffer directly. The column types are those DuckDB-WASM
 * gives when it creates a table from the same Arrow data (timestamps in seconds stay TIMESTAMP_S,
 * dictionaries of text become VARCHAR), so that both engines hold the same table.
 */

/** DuckDB's vector size: one data chunk. */
const CHUNK = 2048;

/** The DuckDB column type of an Arrow type; the message names the column for types the engine never writes. */
export function duckType(type: DataType, column: string): DuckDBType {
  switch (type.typeId) {
    case Type.Bool:
      return BOOLEAN;
    case Type.Int: {
      const { bitWidth, isSigned } = type as unknown as { bitWidth: number; isSigned: boolean };
      if (bitWidth === 8) return isSigned ? TINYINT : UTINYINT;
      if (bitWidth === 16) return isSigned ? SMALLINT : USMALLINT;
      if (bitWidth === 32) return isSigned ? INTEGER : UINTEGER;
      return isSigned ? BIGINT : UBIGINT;
    }
    case Type.Float:
      return (type as unknown as { precision: number }).precision === 1 ? FLOAT : DOUBLE;
    case Type.Utf8:
    case Type.LargeUtf8:
      return VARCHAR;
    case Type.Dictionary:
      return VARCHAR;
    case Type.Date:
      return DATE;
    case Type.Timestamp: {
      const unit = (type as unknown as { unit: number }).unit;
      return unit === 0 ? TIMESTAMP_S : unit === 1 ? TIMESTAMP_MS : TIMESTAMP;
    }
    default:
      throw new Error(`Column “${column}” has a type the server cannot store (${String(type)}).`);
  }
}

function isAscii(bytes: Uint8Array, start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (bytes[i]! > 0x7f) return false;
  return true;
}

/** Reads one Arrow column (a single Data of a record batch) value by value, for the appender. */
function reader(data: Data, type: DuckDBType): (i: number) => DuckDBValue {
  const valid = (i: number) => data.nullCount === 0 || !data.nullBitmap || (data.nullBitmap[(data.offset + i) >> 3]! & (1 << ((data.offset + i) & 7))) !== 0;
  const values = data.values as ArrayLike<number | bigint> & { subarray?: unknown };
  const at = data.offset;
  const ornull = (read: (i: number) => DuckDBValue) => (i: number) => (valid(i) ? read(i) : null);
  switch (data.typeId) {
    case Type.Bool: {
      const bits = data.values as Uint8Array;
      return ornull((i) => (bits[(at + i) >> 3]! & (1 << ((at + i) & 7))) !== 0);
    }
    case Type.Int:
    case Type.Float: {
      if (type === BIGINT || type === UBIGINT) return ornull((i) => BigInt(values[at + i]!));
      return ornull((i) => Number(values[at + i]));
    }
    case Type.Utf8: {
      const offsets = data.valueOffsets as Int32Array;
      const bytes = data.values as Uint8Array;
      const start = offsets[at]!;
      const end = offsets[at + data.length]!;
      // Text that is all ASCII (most columns) is decoded once, and each value is a slice of it:
      // decoding value by value costs more than the append itself.
      if (isAscii(bytes, start, end)) {
        const text = Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
        return ornull((i) => text.slice(offsets[at + i]! - start, offsets[at + i + 1]! - start));
      }
      const decoder = new TextDecoder();
      return ornull((i) => decoder.decode(bytes.subarray(offsets[at + i]!, offsets[at + i + 1]!)));
    }
    case Type.Dictionary: {
      const dictionary = data.dictionary!;
      const words = [...dictionary].map((v) => (v === null ? null : String(v)));
      return ornull((i) => words[Number(values[at + i])] ?? null);
    }
    case Type.Date: {
      // DateDay holds days; DateMillisecond milliseconds (as BigInt or two words).
      if ((data.type as unknown as { unit: number }).unit === 0) return ornull((i) => new DuckDBDateValue(Number(values[at + i])));
      return ornull((i) => new DuckDBDateValue(Math.floor(Number(values[at + i]) / 86_400_000)));
    }
    case Type.Timestamp: {
      const unit = (data.type as unknown as { unit: number }).unit;
      // 64-bit values: a BigInt64Array, or pairs of 32-bit words (apache-arrow's own builders).
      const wide = values instanceof BigInt64Array;
      const words = wide ? undefined : (data.values as Int32Array);
      const int64 = (i: number): bigint =>
        wide ? (values as BigInt64Array)[at + i]! : (BigInt(words![2 * (at + i) + 1]!) << 32n) | BigInt(words![2 * (at + i)]! >>> 0);
      if (unit === 0) return ornull((i) => new DuckDBTimestampSecondsValue(int64(i)));
      if (unit === 1) return ornull((i) => new DuckDBTimestampMillisecondsValue(int64(i)));
      if (unit === 2) return ornull((i) => new DuckDBTimestampValue(int64(i)));
      return ornull((i) => new DuckDBTimestampValue(int64(i) / 1000n));
    }
    default:
      throw new Error(`The server cannot store Arrow type ${String(data.type)}.`);
  }
}

/** Appends every row of `table` (whose columns are in the target table's order). */
export function appendTable(appender: DuckDBAppender, table: Table): void {
  const types = table.schema.fields.map((f) => duckType(f.type, f.name));
  for (const batch of table.batches) appendBatch(appender, batch, types);
  appender.flushSync();
}

function appendBatch(appender: DuckDBAppender, batch: RecordBatch, types: DuckDBType[]): void {
  const readers = batch.schema.fields.map((_, c) => reader(batch.getChildAt(c)!.data[0]!, types[c]!));
  for (let start = 0; start < batch.numRows; start += CHUNK) {
    const n = Math.min(CHUNK, batch.numRows - start);
    const chunk = DuckDBDataChunk.create(types, n);
    readers.forEach((read, c) => {
      const column = new Array<DuckDBValue>(n);
      for (let i = 0; i < n; i++) column[i] = read(start + i);
      chunk.setColumnValues(c, column);
    });
    appender.appendDataChunk(chunk);
  }
}
