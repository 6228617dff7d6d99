import { Bool, DateDay, Dictionary, Float64, Int32, Int8, Table, TimestampSecond, Utf8, makeData, makeVector, vectorFromArray } from 'apache-arrow';
import type { Vector } from 'apache-arrow';

/**
 * Arrow column builders over typed arrays. Building Arrow data directly (instead of row objects)
 * keeps generation of millions of rows to a fraction of a second and memory to the column sizes.
 * A validity bitmap marks missing values (bit set = present).
 */

/** A validity bitmap with every value present; clear bits with `setMissing`. */
export function allPresent(length: number): Uint8Array {
  return new Uint8Array(Math.ceil(length / 8)).fill(0xff);
}

export function setMissing(validity: Uint8Array, i: number): void {
  validity[i >> 3]! &= ~(1 << (i & 7));
}

function nullCount(validity: Uint8Array | undefined, length: number): number {
  if (!validity) return 0;
  let present = 0;
  for (let i = 0; i < length; i++) if (validity[i >> 3]! & (1 << (i & 7))) present++;
  return length - present;
}

function build<T extends Int32 | Float64 | DateDay | Bool | TimestampSecond>(type: T, data: ArrayLike<number> & ArrayBufferView, length: number, validity?: Uint8Array): Vector<T> {
  const nulls = nullCount(validity, length);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const props: any = { type, length, data, nullCount: nulls, nullBitmap: nulls > 0 ? validity : undefined };
  return makeVector(makeData(props)) as unknown as Vector<T>;
}

export const int32Column = (data: Int32Array, validity?: Uint8Array) => build(new Int32(), data, data.length, validity);
export const float64Column = (data: Float64Array, validity?: Uint8Array) => build(new Float64(), data, data.length, validity);
/** Days since 1970-01-01. */
export const dateColumn = (days: Int32Array, validity?: Uint8Array) => build(new DateDay(), days, days.length, validity);

/**
 * Seconds since 1970-01-01 (wall-clock), laid out as little-endian 64-bit values without BigInt.
 * Seconds of years before 1901 or after 2038 do not fit in 32 bits, so `seconds` may be a
 * Float64Array (exact to 2^53 s, far beyond year 9999); each value is split into its low and high
 * 32-bit words.
 */
export function timestampColumn(seconds: Int32Array | Float64Array, validity?: Uint8Array): Vector<TimestampSecond> {
  const words = new Int32Array(seconds.length * 2);
  for (let i = 0; i < seconds.length; i++) {
    const s = seconds[i]!;
    // ToInt32 keeps the low 32 bits (two's complement); the high word is the rest, floored.
    words[2 * i] = s | 0;
    words[2 * i + 1] = Math.floor(s / 4_294_967_296);
  }
  return build(new TimestampSecond(), words as unknown as Int32Array, seconds.length, validity);
}

/** Booleans stored one per byte (0/1), packed into Arrow's bitmap. */
export function boolColumn(values: Uint8Array, validity?: Uint8Array): Vector<Bool> {
  const bits = new Uint8Array(Math.ceil(values.length / 8));
  for (let i = 0; i < values.length; i++) if (values[i]) bits[i >> 3]! |= 1 << (i & 7);
  return makeVector(
    makeData({ type: new Bool(), length: values.length, data: bits, nullCount: nullCount(validity, values.length), nullBitmap: validity }),
  );
}

/**
 * Low-cardinality strings as a dictionary: `codes[i]` indexes `values`; -1 means missing. DuckDB
 * reads dictionary vectors as plain VARCHAR.
 */
export function dictionaryColumn(codes: Int8Array | Int32Array, values: readonly string[]): Vector {
  const n = codes.length;
  let validity: Uint8Array | undefined;
  let missing = 0;
  const data = codes instanceof Int8Array ? new Int8Array(n) : new Int32Array(n);
  // Plain loops: TypedArray.from with a mapping function is an order of magnitude slower.
  for (let i = 0; i < n; i++) {
    const c = codes[i]!;
    if (c < 0) {
      validity ??= allPresent(n);
      setMissing(validity, i);
      missing++;
    } else data[i] = c;
  }
  const indexType = codes instanceof Int8Array ? new Int8() : new Int32();
  return makeVector(
    makeData({
      type: new Dictionary(new Utf8(), indexType),
      length: n,
      nullCount: missing,
      nullBitmap: validity,
      data,
      dictionary: vectorFromArray([...values], new Utf8()),
    }),
  );
}

const encoder = new TextEncoder();

/** High-cardinality strings (emails, phones), encoded straight into Arrow's offsets + bytes layout. */
export function stringColumn(values: readonly (string | null)[]): Vector<Utf8> {
  const n = values.length;
  const offsets = new Int32Array(n + 1);
  let bytes = new Uint8Array(Math.max(64, n * 24));
  let pos = 0;
  const validity = allPresent(n);
  let missing = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v == null) {
      setMissing(validity, i);
      missing++;
    } else {
      if (bytes.length - pos < v.length * 3) {
        const grown = new Uint8Array(Math.max(bytes.length * 2, pos + v.length * 3));
        grown.set(bytes.subarray(0, pos));
        bytes = grown;
      }
      pos += encoder.encodeInto(v, bytes.subarray(pos)).written;
    }
    offsets[i + 1] = pos;
  }
  return makeVector(
    makeData({ type: new Utf8(), length: n, valueOffsets: offsets, data: bytes.subarray(0, pos), nullCount: missing, nullBitmap: missing > 0 ? validity : undefined }),
  );
}

/**
 * Builds a UTF-8 column value by value. Encoding each string as soon as it is made keeps millions of
 * short-lived strings out of the old generation, where collecting them dominated generation time.
 */
export class Utf8Builder {
  private bytes: Uint8Array;
  private readonly offsets: Int32Array;
  private readonly validity: Uint8Array;
  private length = 0;
  private pos = 0;
  private missing = 0;

  constructor(private readonly capacity: number) {
    this.bytes = new Uint8Array(Math.max(64, capacity * 16));
    this.offsets = new Int32Array(capacity + 1);
    this.validity = allPresent(capacity);
  }

  private ensure(extra: number): void {
    if (this.bytes.length - this.pos >= extra) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.pos + extra));
    grown.set(this.bytes.subarray(0, this.pos));
    this.bytes = grown;
  }

  append(value: string | null): void {
    if (value === null) {
      setMissing(this.validity, this.length);
      this.missing++;
    } else {
      this.ensure(value.length * 3);
      // ASCII byte by byte: for short strings this beats encodeInto, which needs a new view per call.
      const bytes = this.bytes;
      let pos = this.pos;
      let i = 0;
      for (; i < value.length; i++) {
        const c = value.charCodeAt(i);
        if (c >= 0x80) break;
        bytes[pos++] = c;
      }
      if (i < value.length) pos += encoder.encodeInto(value.slice(i), bytes.subarray(pos)).written;
      this.pos = pos;
    }
    this.offsets[++this.length] = this.pos;
  }

  /**
   * Writes part of the next value: text, then `end()` closes it. Building values in pieces writes
   * bytes directly, without creating a string per value.
   */
  text(value: string): this {
    this.ensure(value.length * 3);
    const bytes = this.bytes;
    let pos = this.pos;
    let i = 0;
    for (; i < value.length; i++) {
      const c = value.charCodeAt(i);
      if (c >= 0x80) break;
      bytes[pos++] = c;
    }
    if (i < value.length) pos += encoder.encodeInto(value.slice(i), bytes.subarray(pos)).written;
    this.pos = pos;
    return this;
  }

  /** Writes a non-negative whole number in decimal, as part of the next value. */
  int(value: number): this {
    this.ensure(16);
    let n = Math.floor(Math.abs(value));
    const start = this.pos;
    do {
      this.bytes[this.pos++] = 48 + (n % 10);
      n = Math.floor(n / 10);
    } while (n > 0);
    this.bytes.subarray(start, this.pos).reverse();
    return this;
  }

  /** Writes an unsigned 32-bit number as 8 lowercase hex digits, as part of the next value. */
  hex32(value: number): this {
    this.ensure(8);
    for (let shift = 28; shift >= 0; shift -= 4) {
      const d = (value >>> shift) & 15;
      this.bytes[this.pos++] = d < 10 ? 48 + d : 87 + d;
    }
    return this;
  }

  /** Closes the value written with text / int / hex32. */
  end(): void {
    this.offsets[++this.length] = this.pos;
  }

  /** Appends a copy of value `row` (already appended), e.g. a duplicated email. */
  appendCopyOf(row: number): void {
    if (!(this.validity[row >> 3]! & (1 << (row & 7)))) return this.append(null);
    const start = this.offsets[row]!;
    const end = this.offsets[row + 1]!;
    this.ensure(end - start);
    this.bytes.copyWithin(this.pos, start, end);
    this.pos += end - start;
    this.offsets[++this.length] = this.pos;
  }

  finish(): Vector<Utf8> {
    if (this.length !== this.capacity) throw new Error(`expected ${this.capacity} values, got ${this.length}`);
    return makeVector(
      makeData({
        type: new Utf8(),
        length: this.length,
        valueOffsets: this.offsets,
        data: this.bytes.subarray(0, this.pos),
        nullCount: this.missing,
        nullBitmap: this.missing > 0 ? this.validity : undefined,
      }),
    );
  }
}

/** A table from named columns. */
export function tableOf(columns: Record<string, Vector>): Table {
  return new Table(columns);
}

/** Days since epoch of an ISO date. */
export function isoToDays(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / 86_400_000);
}
