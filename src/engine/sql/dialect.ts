import { dateLiteral, quoteIdent, sqlLiteral, timestampLiteral } from './quote';
import type { SqlScalar } from './quote';
import type { DateRange } from '../data/date-range';

/**
 * What differs between the SQL engines a campaign runs on (DuckDB in the browser and in Node,
 * ClickHouse on a warehouse). Activities and the engine state what they want once (a seeded
 * random number, a table made from a query, every column but some...) and the connection's
 * dialect writes it. Everything not listed here is written in the SQL both engines read alike
 * (`CAST(x AS VARCHAR)`, `DATE '...'`, `row_number() OVER (...)`, `GROUP BY ALL`, `IS NOT
 * DISTINCT FROM`, `coalesce`, `lower`, `trim`, `LIKE`...), which the activity suites check on both.
 */
export interface SqlDialect {
  readonly name: 'duckdb' | 'clickhouse';
  /** Quotes an identifier taken from the data model. */
  ident(name: string): string;
  /** The one escaping function for user values. */
  literal(value: SqlScalar): string;
  /** A date literal from `YYYY-MM-DD` (checked). */
  date(iso: string): string;
  /** A wall-clock date-time literal from an ISO date or date-time (checked). */
  timestamp(iso: string): string;
  /**
   * An unsigned 64-bit number from the md5 of the text expression `textSql`: its first 16
   * hexadecimal digits read as a big-endian integer. md5 is the same on DuckDB, ClickHouse and
   * Postgres, so every seeded pick is the same on every engine.
   */
  md5Number(textSql: string): string;
  /**
   * `CREATE ... TABLE name AS select`. A working table (`temporary`) lives as long as the
   * connection on DuckDB; on ClickHouse it is an in-memory table of the engine's own database
   * (see docs/running-on-larger-data.md). `replace` replaces a table of that name, `ifNotExists`
   * keeps it.
   */
  createTableAs(name: string, select: string, options?: { temporary?: boolean; replace?: boolean; ifNotExists?: boolean }): string;
  /** `CREATE TABLE IF NOT EXISTS name (columns)`, keyed by `primaryKey` where the engine enforces keys. */
  createTable(name: string, columns: string, primaryKey?: string[]): string;
  /** `CREATE SCHEMA` (a database on ClickHouse). */
  createSchema(name: string, options?: { ifNotExists?: boolean }): string;
  /** Drops a schema and everything in it. */
  dropSchema(name: string): string;
  /** `*` without some columns (quoted names): `* EXCLUDE (...)` / `* EXCEPT (...)`. */
  starExcept(columns: string[], qualifier?: string): string;
  /** Integer division rounding toward zero (`//` on DuckDB, which starts a comment on ClickHouse). */
  intDiv(a: string, b: string): string;
  /** True when text `haystack` contains `needle`. */
  containsText(haystack: string, needle: string): string;
  /** True when text starts with `prefix`. */
  startsWith(text: string, prefix: string): string;
  /** A date or date-time as a date (ClickHouse: Date32, which keeps the years before 1970). */
  castDate(value: string): string;
  /** A date or date-time as text the way DuckDB writes it (`2025-06-30 23:59:00`, fractions only when there are). */
  timeText(value: string): string;
  /** The column type of a field type (`string`, `integer`, `decimal`, `boolean`, `date`, `timestamp`), NULL allowed. */
  sqlType(type: 'string' | 'integer' | 'decimal' | 'boolean' | 'date' | 'timestamp'): string;
  /** True when the whole text matches the regular expression `pattern` (plain text, not SQL). */
  regexFullMatch(text: string, pattern: string): string;
  /** Every match of the regular expression `pattern` in the text replaced by `replacement` (plain text). */
  regexReplaceAll(text: string, pattern: string, replacement: string): string;
  /** An interval of `n` seconds (an integer expression), to add to a date-time. */
  seconds(n: string): string;
  /**
   * Rows `(name, value)` of aggregates over one relation, computed in one scan: one row per name.
   * `names` are plain text, `values` aggregate expressions of the same type.
   */
  namedValues(names: string[], values: string[], from: string): string;
  /** The texts that are not NULL joined by `separator` (DuckDB's `concat_ws`; ClickHouse's gives NULL for any NULL). */
  joinTexts(separator: string, texts: string[]): string;
  /** The md5 of a text expression as 32 lower-case hexadecimal digits. */
  md5Hex(textSql: string): string;
  /** Up to 16 hexadecimal digits (a text expression) read as an unsigned integer. */
  hexNumber(hexSql: string): string;
  /** True when the text contains a match of the regular expression `pattern` (plain text). */
  regexMatches(text: string, pattern: string): string;
  /** The hour (0–23) of a date-time. */
  hourOf(value: string): string;
  /** The text after the last `separator` (the whole text when there is none). */
  lastPart(text: string, separator: string): string;
  /** The distinct values of a text column of a group, joined by `separator` (an aggregate). */
  distinctTexts(text: string, separator: string): string;
  /** True when the list expression holds the value. */
  listContains(list: string, value: string): string;
  /** Text of a date or date-time in the `strftime` pattern (`%Y-%m-%d %H:%M` and the like). */
  formatTime(value: string, pattern: string): string;
  /** A date or date-time truncated to a unit (`hour`, `day`, `week`, `month`). */
  truncTime(unit: string, value: string): string;
  /**
   * The first value of a correlated sub-query, `(SELECT <value> FROM <from> WHERE <where>)`:
   * `LIMIT 1` on DuckDB; ClickHouse decorrelates an aggregate but not a limit, so `any(value)`.
   */
  firstOf(value: string, from: string, where: string): string;
  /** An order-free fingerprint of a set of keys (XOR of a hash of each key), as a number. */
  xorHash(value: string): string;
  /**
   * The rows of several relations one after the other, columns matched by name: a column some
   * relation lacks is NULL there (DuckDB's `UNION ALL BY NAME`, which ClickHouse does not have).
   * `columns` are each relation's column names, in its order.
   */
  unionAllByName(parts: { from: string; columns: string[] }[]): string;
  /** Rows of `DESCRIBE` as `{ name, type }`. */
  describedColumn(row: Record<string, unknown>): { name: string; type: string };
  /** The dates the engine holds, when not DuckDB's whole range: loading a date outside it is refused. */
  readonly dateRange?: DateRange;
}

/** `<key>|<seed>` as text, the input of every seeded pick. */
function seededText(d: SqlDialect, keySql: string, seed: number): string {
  return `CAST(${keySql} AS VARCHAR) || ${d.literal(`|${seed}`)}`;
}

/**
 * A deterministic pseudo-random number per record: the md5 number of `<key>|<seed>`. The same key
 * and seed give the same number on every engine, in Node and in the browser.
 */
export function seededNumber(d: SqlDialect, keySql: string, seed: number): string {
  return d.md5Number(seededText(d, keySql, seed));
}

/** DuckDB, in the browser (WASM) and in Node. */
export const duckdbDialect: SqlDialect = {
  name: 'duckdb',
  ident: quoteIdent,
  literal: sqlLiteral,
  date: dateLiteral,
  timestamp: timestampLiteral,
  md5Number: (text) => `('0x' || substr(md5(${text}), 1, 16))::UBIGINT`,
  createTableAs: (name, select, o = {}) =>
    `CREATE ${o.replace ? 'OR REPLACE ' : ''}${o.temporary ? 'TEMP ' : ''}TABLE ${o.ifNotExists ? 'IF NOT EXISTS ' : ''}${name} AS\n${select}`,
  createTable: (name, columns, key) => `CREATE TABLE IF NOT EXISTS ${name} (${columns}${key ? `, PRIMARY KEY (${key.join(', ')})` : ''})`,
  createSchema: (name, o = {}) => `CREATE SCHEMA ${o.ifNotExists ? 'IF NOT EXISTS ' : ''}${quoteIdent(name)}`,
  dropSchema: (name) => `DROP SCHEMA IF EXISTS ${quoteIdent(name)} CASCADE`,
  starExcept: (columns, q) => `${q ? `${q}.` : ''}* EXCLUDE (${columns.join(', ')})`,
  intDiv: (a, b) => `(${a}) // (${b})`,
  containsText: (h, n) => `contains(${h}, ${n})`,
  startsWith: (t, p) => `starts_with(${t}, ${p})`,
  castDate: (v) => `CAST(${v} AS DATE)`,
  timeText: (v) => `CAST(${v} AS VARCHAR)`,
  sqlType: (t) => ({ string: 'VARCHAR', integer: 'BIGINT', decimal: 'DOUBLE', boolean: 'BOOLEAN', date: 'DATE', timestamp: 'TIMESTAMP' })[t],
  regexFullMatch: (text, pattern) => `regexp_full_match(${text}, ${sqlLiteral(pattern)})`,
  regexReplaceAll: (text, pattern, replacement) => `regexp_replace(${text}, ${sqlLiteral(pattern)}, ${sqlLiteral(replacement)}, 'g')`,
  seconds: (n) => `to_seconds(${n})`,
  md5Hex: (text) => `md5(${text})`,
  hexNumber: (hex) => `('0x' || ${hex})::UBIGINT`,
  regexMatches: (text, pattern) => `regexp_matches(${text}, ${sqlLiteral(pattern)})`,
  hourOf: (v) => `hour(${v})`,
  distinctTexts: (text, sep) => `string_agg(DISTINCT ${text}, ${sqlLiteral(sep)})`,
  lastPart: (text, sep) => `split_part(${text}, ${sqlLiteral(sep)}, -1)`,
  joinTexts: (sep, texts) => `concat_ws(${sqlLiteral(sep)}, ${texts.join(', ')})`,
  namedValues: (names, values, from) =>
    `SELECT unnest(n) AS name, unnest(v) AS value FROM (SELECT [${names.map(sqlLiteral).join(', ')}] AS n, [${values.join(', ')}] AS v FROM ${from})`,
  listContains: (list, value) => `list_contains(${list}, ${value})`,
  formatTime: (value, pattern) => `strftime(${value}, ${sqlLiteral(pattern)})`,
  truncTime: (unit, value) => `date_trunc(${sqlLiteral(unit)}, ${value})`,
  firstOf: (value, from, where) => `(SELECT ${value} FROM ${from} WHERE ${where} LIMIT 1)`,
  xorHash: (value) => `bit_xor(hash(${value}))`,
  unionAllByName: (parts) => parts.map((p) => `SELECT * FROM ${p.from}`).join('\nUNION ALL BY NAME\n'),
  describedColumn: (row) => ({ name: String(row.column_name), type: String(row.column_type) }),
};

/**
 * ClickHouse, on a server or a cluster (@clickhouse/client) or embedded (chdb, in tests). The
 * connection sets what makes ClickHouse read standard SQL the way DuckDB does (NULLs from outer
 * joins, NULL for an aggregate of nothing: see clickhouse/settings.ts).
 */
export const clickhouseDialect: SqlDialect = {
  name: 'clickhouse',
  ident: quoteIdent,
  literal: clickhouseLiteral,
  // Date32 and DateTime64 keep the years before 1970 (Date and DateTime start there), from 1900 to 2299.
  date: (iso) => `toDate32(${dateLiteral(iso).slice(5)})`,
  timestamp: (iso) => `toDateTime64(${timestampLiteral(iso).slice(10)}, 6)`,
  md5Number: (text) => `reinterpretAsUInt64(reverse(substring(MD5(${text}), 1, 8)))`,
  createTableAs: (name, select, o = {}) =>
    `CREATE ${o.replace ? 'OR REPLACE ' : ''}TABLE ${o.ifNotExists ? 'IF NOT EXISTS ' : ''}${name}\nENGINE = ${o.temporary ? 'Memory' : 'MergeTree ORDER BY tuple()'} AS\n${select}`,
  createTable: (name, columns) => `CREATE TABLE IF NOT EXISTS ${name} (${columns}) ENGINE = MergeTree ORDER BY tuple()`,
  createSchema: (name, o = {}) => `CREATE DATABASE ${o.ifNotExists ? 'IF NOT EXISTS ' : ''}${quoteIdent(name)}`,
  dropSchema: (name) => `DROP DATABASE IF EXISTS ${quoteIdent(name)}`,
  starExcept: (columns, q) => `${q ? `${q}.` : ''}* EXCEPT (${columns.join(', ')})`,
  intDiv: (a, b) => `intDiv(${a}, ${b})`,
  containsText: (h, n) => `(position(${h}, ${n}) > 0)`,
  startsWith: (t, p) => `startsWith(${t}, ${p})`,
  castDate: (v) => `toDate32(${v})`,
  sqlType: (t) => `Nullable(${({ string: 'String', integer: 'Int64', decimal: 'Float64', boolean: 'Bool', date: 'Date32', timestamp: 'DateTime64(6)' })[t]})`,
  regexFullMatch: (text, pattern) => `match(${text}, ${clickhouseLiteral(`^(?:${pattern})$`)})`,
  regexReplaceAll: (text, pattern, replacement) => `replaceRegexpAll(${text}, ${clickhouseLiteral(pattern)}, ${clickhouseLiteral(replacement)})`,
  seconds: (n) => `toIntervalSecond(${n})`,
  md5Hex: (text) => `lower(hex(MD5(${text})))`,
  hexNumber: (hex) => `reinterpretAsUInt64(reverse(unhex(leftPad(${hex}, 16, '0'))))`,
  regexMatches: (text, pattern) => `match(${text}, ${clickhouseLiteral(pattern)})`,
  hourOf: (v) => `toHour(${v})`,
  distinctTexts: (text, sep) => `arrayStringConcat(groupUniqArray(${text}), ${clickhouseLiteral(sep)})`,
  lastPart: (text, sep) => `splitByString(${clickhouseLiteral(sep)}, ${text})[-1]`,
  joinTexts: (sep, texts) => `arrayStringConcat(arrayFilter(x -> x IS NOT NULL, [${texts.join(', ')}]), ${clickhouseLiteral(sep)})`,
  namedValues: (names, values, from) =>
    `SELECT x.1 AS name, x.2 AS value FROM (SELECT arrayJoin(arrayZip([${names.map(clickhouseLiteral).join(', ')}], [${values.join(', ')}])) AS x FROM ${from})`,
  timeText: (v) => `replaceRegexpOne(replaceRegexpOne(toString(${v}), '(\\.\\d*?)0+$', '\\1'), '\\.$', '')`,
  listContains: (list, value) => `has(${list}, ${value})`,
  formatTime: (value, pattern) => `formatDateTime(${value}, ${sqlLiteral(pattern.replace(/%M/g, '%i'))})`,
  truncTime: (unit, value) => `date_trunc(${sqlLiteral(unit)}, ${value})`,
  firstOf: (value, from, where) => `(SELECT any(${value}) FROM ${from} WHERE ${where})`,
  xorHash: (value) => `groupBitXor(cityHash64(${value}))`,
  unionAllByName: (parts) => {
    // Every name in the order it first appears, as DuckDB's BY NAME lists them.
    const names = [...new Set(parts.flatMap((p) => p.columns))];
    return parts
      .map((p) => `SELECT ${names.map((n) => (p.columns.includes(n) ? quoteIdent(n) : `NULL AS ${quoteIdent(n)}`)).join(', ')} FROM ${p.from}`)
      .join('\nUNION ALL\n');
  },
  describedColumn: (row) => ({ name: String(row.name), type: String(row.type) }),
  dateRange: { first: '1900-01-01', last: '2299-12-31', types: 'ClickHouse’s Date32 and DateTime64' },
};

/**
 * ClickHouse reads a backslash in a quoted string as an escape, so it is doubled; NUL can be
 * written as `\0`. Everything else is the standard literal.
 */
function clickhouseLiteral(value: SqlScalar): string {
  if (typeof value !== 'string') return sqlLiteral(value);
  const standard = sqlLiteral(value.replace(/\\/g, '\\\\'));
  return standard.replace(/ \|\| chr\(0\) \|\| /g, " || '\\0' || ");
}

/** The dialect of a connection: DuckDB unless it says otherwise. */
export function dialectOf(conn: { dialect?: SqlDialect }): SqlDialect {
  return conn.dialect ?? duckdbDialect;
}
