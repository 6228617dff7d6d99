import { isIsoDate } from '../../domain/iso-date';

/**
 * The only two ways text enters SQL. Identifiers come from the data model (whose names are already
 * restricted to plain identifiers) and are always double-quoted; user values go through
 * `sqlLiteral`, which is property-tested against hostile strings by round-tripping through DuckDB.
 */

/** Double-quotes an identifier, doubling embedded quotes. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A value a user may type into a condition or a setting. */
export type SqlScalar = string | number | boolean | bigint | null;

/**
 * Renders a value as a DuckDB literal. Strings use standard SQL quoting (a quote is doubled;
 * backslashes are not escapes in DuckDB's default string syntax). NUL cannot appear in SQL text at
 * all (the parser reads a C string), so it is spliced in with `chr(0)`. Lone UTF-16 surrogates
 * cannot be encoded as UTF-8 and are rejected rather than silently altered.
 */
export function sqlLiteral(value: SqlScalar): string {
  if (value === null) return 'NULL';
  switch (typeof value) {
    case 'boolean':
      return value ? 'TRUE' : 'FALSE';
    case 'bigint':
      return value.toString();
    case 'number':
      if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
      // Integers stay integers; other numbers become DOUBLE so that 0.1 does not turn into a DECIMAL
      // of surprising scale.
      return Number.isInteger(value) && Math.abs(value) <= Number.MAX_SAFE_INTEGER ? String(value) : `CAST(${doubleDigits(value)} AS DOUBLE)`;
    case 'string':
      return stringLiteral(value);
  }
}

/**
 * Digits that DuckDB reads back as exactly `value`. DuckDB reads plain decimal digits as a DECIMAL,
 * then divides by a power of ten: exact up to 15 significant digits, as in a code view's `18.5`.
 * Longer ones (-0.0000010089956852046562) can come back one unit off in the last place, so they are
 * written in exponent notation, which DuckDB reads as a DOUBLE directly.
 */
function doubleDigits(value: number): string {
  const plain = String(value);
  const significant = plain.replace(/^-/, '').replace('.', '').replace(/^0+/, '');
  return plain.includes('e') || significant.length > 15 ? value.toExponential() : plain;
}

function stringLiteral(s: string): string {
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s))
    throw new RangeError('text contains an unpaired surrogate');
  const parts = s.split('\u0000').map((p) => `'${p.replace(/'/g, "''")}'`);
  return parts.length === 1 ? parts[0]! : `(${parts.join(' || chr(0) || ')})`;
}

/** A `DATE 'YYYY-MM-DD'` literal after checking the text is a real calendar date. */
export function dateLiteral(iso: string): string {
  if (!isIsoDate(iso)) throw new RangeError(`not a date (YYYY-MM-DD): ${iso}`);
  return `DATE '${iso}'`;
}

/** A `TIMESTAMP` literal from an ISO date or date-time (no time zone: times are wall-clock). */
export function timestampLiteral(iso: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?Z?$/.exec(iso);
  if (!m || !isIsoDate(m[1]!)) throw new RangeError(`not a date-time (YYYY-MM-DDTHH:MM): ${iso}`);
  return `TIMESTAMP '${m[1]} ${m[2] ?? '00'}:${m[3] ?? '00'}:${m[4] ?? '00'}'`;
}

/** Re-exported for the compiler and the CSV import, which check dates where they write them. */
export { isIsoDate };
